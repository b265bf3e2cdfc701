/**
 * The one Markdown grammar PM Lens reads: remark-parse with GFM and YAML front matter, as the
 * design names it. Further remark syntax plugins are added here, the ordinary way (before
 * `withoutLinkLiteralPass`).
 */
import type { Root } from 'mdast';
import type { Extension as FromMarkdownExtension, Transform } from 'mdast-util-from-markdown';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/**
 * The tree pass of remark-gfm that turns literal URLs and e-mail addresses in text into link
 * nodes (`www.x.org` → a link whose text is `www.x.org`). It runs after the grammar, over every
 * text node of the tree, and costs about an eighth of a parse; PM Lens reads no links, and the
 * pass keeps every text as it was (a link's text is the literal it replaces), so it is left out.
 * The grammar itself is untouched. (One function, shared by every call of the factory.)
 */
const linkLiteralPass = new Set<Transform>(gfmAutolinkLiteralFromMarkdown().transforms ?? []);

/** A unified plugin: drops `linkLiteralPass` from the tree passes the plugins before it added. */
function withoutLinkLiteralPass(this: Processor): void {
  const data = this.data();
  const drop = (e: FromMarkdownExtension): FromMarkdownExtension => (e.transforms ? { ...e, transforms: e.transforms.filter((t) => !linkLiteralPass.has(t)) } : e);
  if (data.fromMarkdownExtensions) data.fromMarkdownExtensions = data.fromMarkdownExtensions.map((e) => (Array.isArray(e) ? e.map(drop) : drop(e)));
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(withoutLinkLiteralPass).freeze();

/** Parses Markdown into an mdast tree; offsets count from the start of `markdown`, less a leading BOM. */
export function parseMarkdown(markdown: string): Root {
  return processor.parse(withinNestingLimit(markdown));
}

/**
 * Block quotes nested deeper than this are read as the deepest one's text. No document nests them
 * so deep; the parser's time grows with the square of the depth (4,000 levels on one line take
 * half a second), and at about 10,000 levels it overflows its stack.
 */
export const MAX_QUOTE_DEPTH = 32;
/** A line that opens more block quotes than the limit: its markers, up to the last one. */
const DEEP_QUOTE = new RegExp(`^(?:[ \\t]{0,3}>){${MAX_QUOTE_DEPTH + 1},}`, 'gm');
const NO_BREAK_SPACE = '\u00a0';
/** One quote marker with the indentation before it. */
const QUOTE_MARKER = /[ \t]{0,3}>/g;

/**
 * `markdown` with the quote markers past `MAX_QUOTE_DEPTH` on each line turned into no-break
 * spaces: every offset stays where it was, and what follows stays the deepest quote's text (plain
 * spaces would make it indented code). The same text when no line nests so deep (most texts are
 * spared the search: such a line holds `>>` or `> >`).
 */
export function withinNestingLimit(markdown: string): string {
  if (!markdown.includes('>>') && !markdown.includes('> >')) return markdown;
  DEEP_QUOTE.lastIndex = 0;
  if (!DEEP_QUOTE.test(markdown)) return markdown;
  return markdown.replace(DEEP_QUOTE, (markers) => {
    let kept = 0;
    return markers.replace(QUOTE_MARKER, (marker) => (++kept <= MAX_QUOTE_DEPTH ? marker : NO_BREAK_SPACE.repeat(marker.length)));
  });
}

/** Where the document's content starts: after a byte order mark, which the parser drops. */
export function documentStart(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/**
 * Where the YAML front matter that opens `text` at `from` ends (after its closing fence's line
 * break); `from` when there is none; -1 for an opening fence never closed, which leaves
 * micromark trying front matter to the end and reading no containers anywhere.
 */
export function frontMatterEnd(text: string, from: number): number {
  const fence = /^---[ \t]*$/;
  let at = from;
  let opened = false;
  while (at < text.length) {
    const end = lineContentEnd(text, at);
    const next = nextLineStart(text, end);
    const isFence = fence.test(text.slice(at, end));
    if (!opened) {
      // The opening fence needs a line ending after it.
      if (!isFence || next === end) return from;
      opened = true;
    } else if (isFence) return next;
    at = next;
  }
  return opened ? -1 : from;
}

/** Where the line holding `at` ends, before its line break. */
export function lineContentEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/** The start of the line after the line break at `end` (`end` itself at the end of the text). */
export function nextLineStart(text: string, end: number): number {
  if (end >= text.length) return end;
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}
