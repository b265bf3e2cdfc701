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
import { withinNestingLimit } from './nesting';

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
