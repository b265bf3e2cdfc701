/**
 * Runs unified + remark-parse (with GFM and front matter) over a stretch of text and keeps only
 * the facts PM Lens needs, as offsets into the whole text. Syntax trees are dropped at once, and
 * every string kept is copied out of the text, so the facts never hold a document alive.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { BlockFact, CommentFact, Definitions, DocumentFacts, FrontMatterFact, HeadingFact } from './facts';

/** The part of micromark's parse context the injection touches. */
interface ParseContext {
  defined: string[];
  gfmFootnotes?: string[];
  pmLensInjected?: boolean;
}

/** Definitions made elsewhere in the document, handed to the parse under way. */
let injected: Definitions | undefined;

/**
 * A micromark construct that never matches: tried before link and footnote references (at `[`
 * and `]`), it first adds the injected definitions to the parser's lists — which references are
 * checked against once the whole piece has been read, exactly as definitions of its own are.
 */
const injectDefinitions = {
  add: 'before' as const,
  tokenize(this: { parser: ParseContext }, _effects: unknown, _ok: unknown, nok: unknown): unknown {
    const parser = this.parser;
    if (injected && !parser.pmLensInjected) {
      parser.pmLensInjected = true;
      parser.defined.push(...injected.links);
      const footnotes = parser.gfmFootnotes ?? (parser.gfmFootnotes = []);
      footnotes.push(...injected.footnotes);
    }
    return nok;
  },
};

/** The remark plugin that adds `injectDefinitions` to the parser. */
function remarkInjectDefinitions(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ text: { 91: injectDefinitions, 93: injectDefinitions } });
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();
const injecting = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkInjectDefinitions).freeze();

interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  lang?: string | null;
  checked?: boolean | null;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/**
 * Parses `text.slice(start, end)` on its own and returns facts with offsets into `text`.
 * `atDocumentStart` allows front matter (only the first piece may have it). `defined`: link and
 * footnote definitions made elsewhere in the document, for references in this piece to resolve.
 */
export function collectFacts(text: string, start: number, end: number, atDocumentStart: boolean, defined?: Definitions): DocumentFacts {
  const source = text.slice(start, end);
  let tree: MdNode;
  if (defined && (defined.links.length > 0 || defined.footnotes.length > 0)) {
    injected = defined;
    try {
      tree = injecting.parse(source) as MdNode;
    } finally {
      injected = undefined;
    }
  } else tree = processor.parse(source) as MdNode;
  const headings: HeadingFact[] = [];
  const comments: CommentFact[] = [];
  const blocks: BlockFact[] = [];
  const links: string[] = [];
  const footnotes: string[] = [];
  let frontMatter: FrontMatterFact | undefined;
  const offsets = (n: MdNode): [number, number] => [
    start + (n.position?.start.offset ?? 0),
    start + (n.position?.end.offset ?? 0),
  ];

  const visit = (node: MdNode, inList: boolean, checked: boolean | null, atRoot: boolean): void => {
    switch (node.type) {
      case 'yaml': {
        if (!atDocumentStart) return;
        const [s, e] = offsets(node);
        const raw = text.slice(s, e);
        const firstBreak = raw.search(/\r?\n|\r/);
        const valueStart = firstBreak < 0 ? e : s + firstBreak + (raw.startsWith('\r\n', firstBreak) ? 2 : 1);
        frontMatter = { start: s, end: e, value: detach(node.value ?? ''), valueStart };
        return;
      }
      case 'heading': {
        const [s, e] = offsets(node);
        if (atRoot) headings.push({ level: node.depth ?? 1, text: detach(plainText(node).trim()), start: s, end: e });
        else blocks.push({ kind: 'paragraph', start: s, end: e, inList, checked });
        collectInlineComments(node, text, offsets, comments);
        return;
      }
      case 'paragraph': {
        const [s, e] = offsets(node);
        blocks.push({ kind: 'paragraph', start: s, end: e, inList, checked });
        collectInlineComments(node, text, offsets, comments);
        return;
      }
      case 'html': {
        const [s, e] = offsets(node);
        const found = findComments(text, s, e);
        comments.push(...found);
        if (found.length === 0) blocks.push({ kind: 'html', start: s, end: e, inList, checked });
        return;
      }
      case 'code': {
        const [s, e] = offsets(node);
        blocks.push({ kind: 'code', start: s, end: e, inList, checked, lang: detach((node.lang ?? '').toLowerCase()) });
        return;
      }
      case 'table': {
        (node.children ?? []).forEach((row, i) => {
          const [s, e] = offsets(row);
          const cells = (row.children ?? []).map((cell) => offsets(cell));
          blocks.push({ kind: 'table-row', start: s, end: e, inList, checked, header: i === 0, cells });
          for (const cell of row.children ?? []) collectInlineComments(cell, text, offsets, comments);
        });
        return;
      }
      case 'listItem': {
        const itemChecked = typeof node.checked === 'boolean' ? node.checked : null;
        for (const child of node.children ?? []) visit(child, true, itemChecked, false);
        return;
      }
      case 'definition': {
        const label = rawLabel(text, text.indexOf('[', offsets(node)[0]) + 1);
        if (label !== undefined) links.push(normalizeLabel(label));
        return;
      }
      case 'footnoteDefinition': {
        const label = rawLabel(text, text.indexOf('[', offsets(node)[0]) + 2);
        if (label !== undefined) footnotes.push(normalizeLabel(label));
        for (const child of node.children ?? []) visit(child, inList, checked, false);
        return;
      }
      default:
        for (const child of node.children ?? []) visit(child, inList, checked, false);
    }
  };
  for (const child of tree.children ?? []) visit(child, false, null, true);
  return { frontMatter, headings, comments, blocks, definitions: { links, footnotes } };
}

/** Plain text of an inline tree (text, inline code, and the children of everything else). */
function plainText(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  if (node.type === 'html') return '';
  return (node.children ?? []).map(plainText).join('');
}

function collectInlineComments(
  node: MdNode,
  text: string,
  offsets: (n: MdNode) => [number, number],
  out: CommentFact[],
): void {
  for (const child of node.children ?? []) {
    if (child.type === 'html') {
      const [s, e] = offsets(child);
      out.push(...findComments(text, s, e));
    } else if (child.children) collectInlineComments(child, text, offsets, out);
  }
}

/** Every `<!-- … -->` in `text[start, end)`; a trailing `<!--` with no end is kept as unclosed. */
export function findComments(text: string, start: number, end: number): CommentFact[] {
  const out: CommentFact[] = [];
  let at = text.indexOf('<!--', start);
  while (at >= 0 && at < end) {
    // Search the closing only within the node, so an unclosed comment costs its own length.
    const rel = text.slice(at + 4, end).indexOf('-->');
    const closed = rel >= 0;
    const close = at + 4 + rel;
    const stop = closed ? close + 3 : end;
    out.push({ start: at, end: stop, body: detach(text.slice(at + 4, closed ? close : end)), bodyStart: at + 4, closed });
    at = text.indexOf('<!--', stop);
  }
  return out;
}

/** The source of a definition's label starting at `from` (after `[` or `[^`): up to the first unescaped `]`. */
function rawLabel(text: string, from: number): string | undefined {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 93) return text.slice(from, i);
  }
  return undefined;
}

/** micromark's identifier normalisation (its `defined` lists hold labels in this form). */
export function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase();
}

/**
 * A copy of `s` that does not share memory with the string it was cut from (V8 keeps slices as
 * views into their parent), so kept facts never pin a whole old version of a document.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
