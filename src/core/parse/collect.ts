/**
 * Reads the facts PM Lens needs from remark's syntax tree (mdast): the Markdown is parsed by
 * `unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter)` (./markdown), and every
 * offset is the tree's own, moved to where the parsed text stands in the document. Every string
 * kept is copied out of the text, so facts never hold a document alive.
 */
import type { Nodes, RootContent } from 'mdast';
import type { BlockFact, CommentFact, DocumentFacts, FrontMatterFact, HeadingFact } from './facts';

/** Facts of some root children of one parse, with offsets into the document. */
export interface FactSink {
  readonly headings: HeadingFact[];
  readonly comments: CommentFact[];
  readonly blocks: BlockFact[];
  /** Keys (see ./definitions) of the definitions the children make. */
  readonly defines: string[];
  frontMatter: FrontMatterFact | undefined;
}

export function emptySink(): FactSink {
  return { headings: [], comments: [], blocks: [], defines: [], frontMatter: undefined };
}

/** Key of a link definition or reference label (by mdast identifier). */
export const linkKey = (identifier: string): string => `L${identifier}`;
/** Key of a footnote definition or call label (by mdast identifier). */
export const footnoteKey = (identifier: string): string => `F${identifier}`;

/**
 * Collects the facts of `node`, a child of the root, into `sink`. `shift` turns the tree's
 * offsets into the document's; `text` is the document.
 */
export function collectRootChild(node: RootContent, text: string, shift: number, sink: FactSink): void {
  visit(node, text, shift, sink, false, null, true);
}

function visit(node: Nodes, text: string, shift: number, sink: FactSink, inList: boolean, checked: boolean | null, atRoot: boolean): void {
  const start = (node.position?.start.offset ?? 0) + shift;
  const end = (node.position?.end.offset ?? 0) + shift;
  switch (node.type) {
    case 'yaml': {
      const raw = text.slice(start, end);
      const firstBreak = raw.search(/\r?\n|\r/);
      const valueStart = firstBreak < 0 ? end : start + firstBreak + (raw.startsWith('\r\n', firstBreak) ? 2 : 1);
      sink.frontMatter = { start, end, value: detach(node.value), valueStart };
      return;
    }
    case 'heading':
      if (atRoot) sink.headings.push({ level: node.depth, text: detach(plainText(node).trim()), start, end });
      else sink.blocks.push({ kind: 'paragraph', start, end, inList, checked });
      collectInlineComments(node, text, shift, sink.comments);
      return;
    case 'paragraph':
      sink.blocks.push({ kind: 'paragraph', start, end, inList, checked });
      collectInlineComments(node, text, shift, sink.comments);
      return;
    case 'html': {
      const found = findComments(text, start, end);
      for (const c of found) sink.comments.push(c);
      if (found.length === 0) sink.blocks.push({ kind: 'html', start, end, inList, checked });
      return;
    }
    case 'code':
      sink.blocks.push({ kind: 'code', start, end, inList, checked, lang: detach((node.lang ?? '').toLowerCase()) });
      return;
    case 'table':
      node.children.forEach((row, i) => {
        // Pushed, not mapped: `map` makes a holey or a packed array depending on whether it runs
        // optimized, and the classifier's optimized table reader falls back on the kind it has not met.
        const cells: (readonly [number, number])[] = [];
        for (const cell of row.children) cells.push([(cell.position?.start.offset ?? 0) + shift, (cell.position?.end.offset ?? 0) + shift]);
        const rowStart = (row.position?.start.offset ?? 0) + shift;
        const rowEnd = (row.position?.end.offset ?? 0) + shift;
        sink.blocks.push({ kind: 'table-row', start: rowStart, end: rowEnd, inList, checked, header: i === 0, cells });
        for (const cell of row.children) collectInlineComments(cell, text, shift, sink.comments);
      });
      return;
    case 'listItem': {
      const itemChecked = typeof node.checked === 'boolean' ? node.checked : null;
      for (const child of node.children) visit(child, text, shift, sink, true, itemChecked, false);
      return;
    }
    case 'definition':
      sink.defines.push(linkKey(node.identifier));
      return;
    case 'footnoteDefinition':
      sink.defines.push(footnoteKey(node.identifier));
      for (const child of node.children) visit(child, text, shift, sink, inList, checked, false);
      return;
    default:
      if ('children' in node) for (const child of node.children) visit(child, text, shift, sink, inList, checked, false);
  }
}

/** Plain text of an inline tree: text and inline code, and the children of everything else. */
function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (!('children' in node)) return '';
  let out = '';
  for (const child of node.children) out += plainText(child);
  return out;
}

function collectInlineComments(node: Nodes, text: string, shift: number, out: CommentFact[]): void {
  if (!('children' in node)) return;
  for (const child of node.children) {
    if (child.type === 'html') {
      const found = findComments(text, (child.position?.start.offset ?? 0) + shift, (child.position?.end.offset ?? 0) + shift);
      for (const c of found) out.push(c);
    } else collectInlineComments(child, text, shift, out);
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

/** The facts gathered in `sink`, as a document's. */
export function sinkFacts(sink: FactSink): DocumentFacts {
  return { frontMatter: sink.frontMatter, headings: sink.headings, comments: sink.comments, blocks: sink.blocks };
}

/**
 * A copy of `s` that does not share memory with the string it was cut from (V8 keeps slices as
 * views into their parent), so kept facts never pin a whole old version of a document.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
