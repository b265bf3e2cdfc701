/**
 * The parse layer: runs unified + remark-parse (with GFM and front matter) and keeps only the
 * facts PM Lens needs — headings, HTML comments, content blocks and front matter — as string
 * offsets. Syntax trees are dropped at once, so memory stays proportional to the facts.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';

export interface HeadingFact {
  readonly level: number;
  /** The heading's plain text. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** An HTML comment anywhere outside code. `closed` is false for `<!--` with no `-->`. */
export interface CommentFact {
  readonly start: number;
  readonly end: number;
  /** Text between `<!--` and `-->`. */
  readonly body: string;
  readonly bodyStart: number;
  readonly closed: boolean;
}

export type BlockKind = 'paragraph' | 'table-row' | 'code' | 'html';

/** A leaf block of content, the unit the classifier reads. */
export interface BlockFact {
  readonly kind: BlockKind;
  readonly start: number;
  readonly end: number;
  /** Inside a list item. */
  readonly inList: boolean;
  /** For a paragraph in a task-list item: whether it is ticked; otherwise null. */
  readonly checked: boolean | null;
  /** For a table row: whether it is the header row, and its cells' offsets. */
  readonly header?: boolean;
  readonly cells?: readonly (readonly [number, number])[];
  /** For code: the fence's info string's first word. */
  readonly lang?: string;
}

export interface FrontMatterFact {
  readonly start: number;
  readonly end: number;
  /** The YAML between the fences. */
  readonly value: string;
  readonly valueStart: number;
}

export interface DocumentFacts {
  readonly frontMatter: FrontMatterFact | undefined;
  readonly headings: readonly HeadingFact[];
  readonly comments: readonly CommentFact[];
  readonly blocks: readonly BlockFact[];
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

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
 * Parses `text` and returns its facts with offsets into `text`. A leading BOM is skipped before
 * parsing (the parser would drop it from its offsets) and accounted for after.
 */
export function parseFacts(text: string): DocumentFacts {
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const facts = collectFacts(text, base, text.length, true);
  return facts;
}

/**
 * Parses `text.slice(start, end)` on its own and returns facts with offsets into `text`.
 * `atDocumentStart` allows front matter (only the first chunk may have it).
 */
export function collectFacts(text: string, start: number, end: number, atDocumentStart: boolean): DocumentFacts {
  const source = text.slice(start, end);
  const tree = processor.parse(source) as MdNode;
  const headings: HeadingFact[] = [];
  const comments: CommentFact[] = [];
  const blocks: BlockFact[] = [];
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
        frontMatter = { start: s, end: e, value: node.value ?? '', valueStart };
        return;
      }
      case 'heading': {
        const [s, e] = offsets(node);
        if (atRoot) headings.push({ level: node.depth ?? 1, text: plainText(node).trim(), start: s, end: e });
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
        blocks.push({ kind: 'code', start: s, end: e, inList, checked, lang: (node.lang ?? '').toLowerCase() });
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
      default:
        for (const child of node.children ?? []) visit(child, inList, checked, false);
    }
  };
  for (const child of tree.children ?? []) visit(child, false, null, true);
  return { frontMatter, headings, comments, blocks };
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
    const close = text.indexOf('-->', at + 4);
    const closed = close >= 0 && close + 3 <= end;
    const stop = closed ? close + 3 : end;
    out.push({ start: at, end: stop, body: text.slice(at + 4, closed ? close : end), bodyStart: at + 4, closed });
    at = text.indexOf('<!--', stop);
  }
  return out;
}
