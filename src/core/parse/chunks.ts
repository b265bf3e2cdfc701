/**
 * Parsing a document in pieces, with the pieces' facts identical to those of one parse of the
 * whole text. The parser itself says where a document may be cut: a window of text is parsed
 * (./markdown), and a cut may fall at the start of any top-level node of its tree that another
 * top-level node follows — everything before such a start was closed by the lines the window
 * holds, and the parser's state there is that of a fresh document. Windows are parsed a few
 * kilobytes at a time and cut into chunks of about a section, so after an edit only the chunks
 * around it are parsed again: from the first chunk whose deciding text the edit touched, until
 * a cut falls where a cut fell before, past the edit.
 *
 * The one thing a piece cannot see alone is a definition made elsewhere (./definitions): each
 * window is handed the definitions its text may use, the tree tells which the parser saw, and a
 * chunk that saw a different set than the document has, for a label it holds, is parsed again
 * with exactly the document's. An opening front matter fence never closed puts micromark in an
 * odd mode for the whole document; such a document is parsed whole.
 */
import type { Root, RootContent } from 'mdast';
import type { Steps } from '../steps';
import { collectRootChild, emptySink, sinkFacts, type FactSink } from './collect';
import { definitionLikeKeys, definitionLines, labelKeys } from './definitions';
import type { BlockFact, CommentFact, DocumentFacts, HeadingFact } from './facts';
import { documentStart, frontMatterEnd, lineContentEnd, nextLineStart, parseMarkdown } from './markdown';

/** A chunk ends at the first cut at least this many UTF-16 units after its start. */
export const CHUNK_SIZE = 256;
/** Text parsed at once when no earlier version helps; doubled while no cut is found in it. */
export const WINDOW_SIZE = 8192;
/** Text parsed past what should confirm the cut after an edited chunk (a line or two). */
const LOOKAHEAD = 64;

/** A stretch `[start, end)` of the document and its facts (offsets into the document). */
export interface Chunk {
  readonly start: number;
  readonly end: number;
  /** The text from the start of the document up to here decides the chunk (Infinity: all of it). */
  readonly need: number;
  /**
   * Where its second top-level node starts (its end when it holds one): a window reaching past
   * it confirms the cut at the chunk's start, and so the cut before the chunk.
   */
  readonly second: number;
  readonly facts: DocumentFacts;
  /** Keys of the definitions it makes. */
  readonly defines: readonly string[];
  /** Keys of the labels its text could use. */
  readonly labels: readonly string[];
  /** The labels that were defined in the parse its facts come from. */
  readonly resolved: ReadonlySet<string>;
}

/** A document parsed in chunks, kept to parse the next version of it at the cost of the edit. */
export interface ParsedDocument {
  readonly text: string;
  readonly chunks: readonly Chunk[];
  readonly facts: DocumentFacts;
  /** Keys of the document's definitions, with how many chunks make each. */
  readonly defined: Map<string, number>;
  /** What the parser's start state depends on: a BOM, an unclosed front matter fence. */
  readonly mode: string;
  /** Chunks parsed for this version (the rest were reused). */
  readonly parsedChunks: number;
  /** How the text differs from the version parsed before it; undefined when parsed from scratch. */
  readonly edit: Edit | undefined;
}

/** How a text differs from the last version: same up to `prefix`, same from `end` (new offsets) on. */
export interface Edit {
  readonly prefix: number;
  readonly end: number;
  /** New length minus old length. */
  readonly delta: number;
}

/** How finely to cut (smaller in tests, to cut small documents often). */
export interface ChunkSizes {
  readonly chunk: number;
  readonly window: number;
}

const DEFAULT_SIZES: ChunkSizes = { chunk: CHUNK_SIZE, window: WINDOW_SIZE };

/**
 * Parses `text` in chunks; its facts equal those of one parse of the whole text. With the parse
 * of an earlier version, only the chunks around the edit are parsed again.
 */
export function* parseDocumentSteps(text: string, previous?: ParsedDocument, sizes: ChunkSizes = DEFAULT_SIZES): Steps<ParsedDocument> {
  const base = documentStart(text);
  const frontEnd = frontMatterEnd(text, base);
  const odd = frontEnd < 0;
  const mode = `${base}|${odd}`;
  const prev = previous && previous.mode === mode ? previous : undefined;
  if (prev && prev.text === text) return { ...prev, parsedChunks: 0, edit: { prefix: text.length, end: text.length, delta: 0 } };
  const edit = prev ? diff(prev.text, text) : undefined;

  const chunks: Chunk[] = [];
  let head = 0;
  let tailFrom = prev ? prev.chunks.length : 0;
  const tail = new Map<number, number>();
  if (prev && edit) {
    while (head < prev.chunks.length && prev.chunks[head].need <= edit.prefix) chunks.push(prev.chunks[head++]);
    // Chunks wholly after the edit may be reused once a cut falls where one of them starts.
    for (let i = prev.chunks.length - 1; i >= head && prev.chunks[i].start + edit.delta >= edit.end; i--) tail.set(prev.chunks[i].start + edit.delta, i);
  }
  const candidates = new Candidates(prev ? prev.defined : new Set(definitionLikeKeys(text)));
  yield;

  let at = chunks.length > 0 ? chunks[chunks.length - 1].end : 0;
  const resuming = prev !== undefined && edit !== undefined && head < prev.chunks.length;
  let window = resuming ? resumeWindow(prev.chunks, head, edit.delta, at, sizes) : sizes.window;
  // The window after an edit is sized to reach where the last version's cuts hold: not stretched to a heading.
  let slack = resuming ? 0 : window;
  let parsedChunks = 0;
  const fresh: Chunk[] = [];
  while (at < text.length || chunks.length === 0) {
    const resume = edit && at >= edit.end ? tail.get(at) : undefined;
    if (resume !== undefined && prev && edit) {
      tailFrom = resume;
      for (let i = resume; i < prev.chunks.length; i++) chunks.push(moveChunk(prev.chunks[i], edit.delta));
      break;
    }
    const atLeast = at === 0 && frontEnd > 0 ? frontEnd : 0;
    const end = odd ? text.length : windowEnd(text, Math.min(text.length, Math.max(at + window, atLeast)), slack);
    const complete = end >= text.length;
    const parse = parseWindow(text, at, end, complete, candidates, prev !== undefined);
    const kids = parse.kids;
    // Cuts: starts of top-level nodes that another follows (any, once the window reaches the end).
    const cuts: number[] = [];
    let last = at;
    // (An unclosed front matter fence changes the parser's state everywhere: no cuts then.)
    for (let k = 1; k < (odd ? 0 : kids.length - (complete ? 0 : 1)); k++) {
      // At the start of the node's line: its indentation counts (tabs go to the next tab stop).
      const c = lineStartBefore(text, parse.startOf(kids[k]));
      if (c <= at || c <= base || c < parse.endOf(kids[k - 1]) || !opensFresh(kids[k], text, parse.startOf(kids[k]))) continue;
      const resumes = edit !== undefined && c >= edit.end && tail.has(c);
      // The last cut a partial window allows is taken however close: the next window parses again from it.
      const lastAllowed = !complete && k === kids.length - 2;
      if (c >= last + sizes.chunk || resumes || lastAllowed) {
        cuts.push(c);
        last = c;
      }
      // From there on, the last version's chunks hold.
      if (resumes) break;
    }
    if (!complete && cuts.length === 0) {
      window *= 2;
      continue;
    }
    const resumed = edit !== undefined && cuts.length > 0 && tail.has(cuts[cuts.length - 1]) && cuts[cuts.length - 1] >= edit.end;
    const bounds = complete && !resumed ? [at, ...cuts, text.length] : [at, ...cuts];
    let k = 0;
    for (let i = 0; i + 1 < bounds.length; i++) {
      const start = bounds[i];
      const stop = bounds[i + 1];
      const sink = emptySink();
      let second = stop;
      let collected = 0;
      while (k < kids.length && parse.startOf(kids[k]) < stop) {
        if (parse.startOf(kids[k]) >= start) {
          if (++collected === 2) second = parse.startOf(kids[k]);
          collectRootChild(kids[k], text, parse.shift, sink);
        }
        k++;
      }
      // The node after the cut confirmed it; its first line is what the cut was decided on.
      const need = k + 1 < kids.length && stop < text.length ? nextLineStart(text, lineContentEnd(text, parse.startOf(kids[k + 1]))) : Infinity;
      const chunk = makeChunk(text, start, stop, need, second, sink, parse.seen);
      chunks.push(chunk);
      fresh.push(chunk);
      parsedChunks++;
    }
    at = bounds[bounds.length - 1];
    window = sizes.window;
    slack = window;
    yield;
  }

  // The document's definitions: the last version's, less the chunks dropped, plus the new ones.
  const defined = prev ? prev.defined : new Map<string, number>();
  const before = new Map<string, boolean>();
  const count = (keys: readonly string[], by: number): void => {
    for (const key of keys) {
      if (!before.has(key)) before.set(key, defined.has(key));
      const after = (defined.get(key) ?? 0) + by;
      if (after === 0) defined.delete(key);
      else defined.set(key, after);
    }
  };
  if (prev) for (let i = head; i < tailFrom; i++) count(prev.chunks[i].defines, -1);
  for (const chunk of fresh) count(chunk.defines, 1);
  const flipped = new Set<string>();
  for (const [key, was] of before) if (was !== defined.has(key)) flipped.add(key);

  const freshSet = new Set(fresh);
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    const check = freshSet.has(chunk) || (flipped.size > 0 && chunk.labels.some((l) => flipped.has(l)));
    if (check && chunk.labels.some((l) => defined.has(l) !== chunk.resolved.has(l))) {
      chunks[i] = parseAlone(text, chunk, defined);
      parsedChunks++;
    }
  }
  const facts = mergeChunks(chunks, defined);
  return { text, chunks, facts, defined, mode, parsedChunks, edit };
}

/**
 * Where a window reaching at least to `from` ends. The text after a window's last cut is parsed
 * again by the next window, so the window ends, when one comes within `slack`, after the next
 * line that opens with `#` (most likely an ATX heading, which a cut may precede) and the first
 * line with text after it (which confirms that cut); otherwise at the end of the line holding
 * `from`. Any end gives the same facts: the parser decides the cuts.
 */
function windowEnd(text: string, from: number, slack: number): number {
  const plain = nextLineStart(text, lineContentEnd(text, from));
  HEADING_LINE.lastIndex = plain > 0 ? plain - 1 : 0;
  const found = HEADING_LINE.exec(text);
  if (!found || found.index >= plain + slack) return plain;
  let at = nextLineStart(text, lineContentEnd(text, found.index + 1));
  for (;;) {
    const end = lineContentEnd(text, at);
    const next = nextLineStart(text, end);
    if (next === at || !/^[ \t]*$/.test(text.slice(at, end))) return next;
    at = next;
  }
}

/** A line break, then a line that opens with `#` and a space or tab. */
const HEADING_LINE = /\n#{1,6}[ \t]/g;

/** One parse of `text[at, end)`, handed the definitions it may use. */
interface WindowParse {
  readonly kids: readonly RootContent[];
  /** Tree offset + shift = document offset. */
  readonly shift: number;
  /** Keys of every definition the parser saw. */
  readonly seen: ReadonlySet<string>;
  startOf(node: RootContent): number;
  endOf(node: RootContent): number;
}

/**
 * Definitions a window may be handed: the last version's (or, with none, every `[label]:` of
 * the text), plus any `[label]:` in the windows parsed since.
 */
class Candidates {
  private readonly added = new Set<string>();

  constructor(private readonly known: { has(key: string): boolean; readonly size: number }) {}

  has(key: string): boolean {
    return this.known.has(key) || this.added.has(key);
  }

  get empty(): boolean {
    return this.known.size === 0 && this.added.size === 0;
  }

  add(keys: readonly string[]): void {
    for (const key of keys) this.added.add(key);
  }
}

function parseWindow(text: string, at: number, end: number, complete: boolean, candidates: Candidates, scanForMore: boolean): WindowParse {
  const piece = text.slice(at, end);
  const keys: string[] = [];
  // Nothing to hand over when the window is the whole document.
  if (!(at === 0 && complete) && piece.includes('[')) {
    if (scanForMore) candidates.add(definitionLikeKeys(piece));
    if (!candidates.empty) for (const key of labelKeys(piece)) if (candidates.has(key)) keys.push(key);
  }
  return parseWith(text, at, end, keys);
}

/**
 * Parses `text[at, end)` on its own with definitions of `keys`: after it for the piece that opens
 * the document (where front matter and a BOM must stay first), before it otherwise, closed by an
 * empty comment so that nothing of them continues into the piece.
 */
function parseWith(text: string, at: number, end: number, keys: readonly string[]): WindowParse {
  const lines = keys.length > 0 ? definitionLines(keys) : '';
  let tree: Root;
  let shift: number;
  if (at === 0) {
    tree = parseMarkdown(lines ? `${text.slice(0, end)}\n\n${lines}` : text.slice(0, end));
    shift = documentStart(text);
  } else {
    // A line before the piece keeps it from being read as front matter or opening with a BOM.
    const prefix = lines ? `${lines}\n<!---->\n` : '\n';
    tree = parseMarkdown(prefix + text.slice(at, end));
    shift = at - prefix.length;
  }
  const seen = new Set<string>();
  collectDefinitionKeys(tree, seen);
  const startOf = (node: RootContent): number => (node.position?.start.offset ?? 0) + shift;
  const endOf = (node: RootContent): number => (node.position?.end.offset ?? 0) + shift;
  const kids = tree.children.filter((node) => {
    const s = startOf(node);
    return s >= at && s < end;
  });
  return { kids, shift, seen, startOf, endOf };
}

/** Parses a chunk again on its own, with exactly the document's definitions its labels name. */
function parseAlone(text: string, chunk: Chunk, defined: ReadonlyMap<string, number>): Chunk {
  // With the first line after the chunk, which closes what is open at its end as it does in the document.
  const end = chunk.end < text.length ? nextLineStart(text, lineContentEnd(text, chunk.end)) : chunk.end;
  const parse = parseWith(text, chunk.start, end, chunk.labels.filter((l) => defined.has(l)));
  const sink = emptySink();
  for (const kid of parse.kids) if (parse.startOf(kid) < chunk.end) collectRootChild(kid, text, parse.shift, sink);
  return makeChunk(text, chunk.start, chunk.end, chunk.need, chunk.second, sink, parse.seen);
}

/**
 * The text to parse after an edit in the chunk `head` (from `at`): up to past the second node of
 * the chunk after it, where the cut at that chunk's start is confirmed and the last version's
 * chunks hold again, and a little more; at least a chunk.
 */
function resumeWindow(chunks: readonly Chunk[], head: number, delta: number, at: number, sizes: ChunkSizes): number {
  const next = chunks[head + 1];
  const confirm = next ? next.second : chunks[head].end;
  return Math.max(sizes.chunk, confirm + delta - at) + LOOKAHEAD;
}

function makeChunk(text: string, start: number, end: number, need: number, second: number, sink: FactSink, seen: ReadonlySet<string>): Chunk {
  const labels = labelKeys(text.slice(start, end));
  const resolved = new Set<string>();
  for (const l of labels) if (seen.has(l)) resolved.add(l);
  return { start, end, need, second, facts: sinkFacts(sink), defines: sink.defines, labels, resolved };
}

type Container = Root | RootContent;

/** Keys of the definitions anywhere in a tree (definitions stand only in flow containers). */
function collectDefinitionKeys(node: Container, out: Set<string>): void {
  if (node.type === 'definition') out.add(`L${node.identifier}`);
  else if (node.type === 'footnoteDefinition') out.add(`F${node.identifier}`);
  if (node.type === 'root' || node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem' || node.type === 'footnoteDefinition') {
    for (const child of node.children) collectDefinitionKeys(child as Container, out);
  }
}

/**
 * Whether a top-level node reads the same after any closed block as at the start of a document.
 * micromark carries one thing across a block's end: a line that follows indented code, a table or
 * an HTML block counts as interrupting it, so an ordered list may not start there with a number
 * other than 1, nor any list with an empty first item. A heading's `#`, a paragraph's first letter
 * or a definition's `[` opens no container either way; a list whose first item has text on its
 * first line, with a bullet or the number 1, starts alike either way, and its content is read by
 * a flow of its own (micromark closes the outer flow when a container opens).
 */
function opensFresh(node: RootContent, text: string, start: number): boolean {
  const first = text.charCodeAt(start);
  // A link definition (`[label]:`, not a footnote's `[^`) reads the same wherever it starts.
  if (node.type === 'definition') return first === 91 && text.charCodeAt(start + 1) !== 94;
  if (node.type === 'list') return listOpensAlike(text, start);
  if (node.type !== 'heading' && node.type !== 'paragraph') return false;
  return (node.type === 'heading' && first === 35) || LETTER.test(text[start]);
}

/** `- text`, `* text`, `+ text`, `1. text` or `1) text` at `start`: a list start that an interruption does not change. */
function listOpensAlike(text: string, start: number): boolean {
  let at = start;
  const first = text.charCodeAt(at);
  if (first === 49) {
    const delimiter = text.charCodeAt(at + 1);
    if (delimiter !== 46 && delimiter !== 41) return false;
    at += 2;
  } else if (first === 45 || first === 42 || first === 43) at += 1;
  else return false;
  if (text.charCodeAt(at) !== 32 && text.charCodeAt(at) !== 9) return false;
  while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
  // Containers opened on the same line would still see the interruption: the item must open with
  // text (a letter, or the `[` of a task box or a link), not with another list or a quote.
  return text.charCodeAt(at) === 91 || LETTER.test(text.charAt(at));
}

const LETTER = /\p{L}/u;

/** The start of the line holding `at` when only spaces and tabs stand before it there, else -1. */
function lineStartBefore(text: string, at: number): number {
  let i = at;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  return i === 0 || text.charCodeAt(i - 1) === 10 || text.charCodeAt(i - 1) === 13 ? i : -1;
}

/** A chunk of the last version, where it stands now. */
function moveChunk(chunk: Chunk, delta: number): Chunk {
  if (delta === 0) return chunk;
  return { ...chunk, start: chunk.start + delta, end: chunk.end + delta, need: chunk.need + delta, second: chunk.second + delta, facts: shiftFacts(chunk.facts, delta) };
}

/** The chunks' facts, as one document's. */
function mergeChunks(chunks: readonly Chunk[], defined: ReadonlyMap<string, number>): DocumentFacts {
  const headings: HeadingFact[] = [];
  const comments: CommentFact[] = [];
  const blocks: BlockFact[] = [];
  for (const { facts } of chunks) {
    for (const h of facts.headings) headings.push(h);
    for (const c of facts.comments) comments.push(c);
    for (const b of facts.blocks) blocks.push(b);
  }
  return { frontMatter: chunks[0]?.facts.frontMatter, headings, comments, blocks, definitions: new Set(defined.keys()) };
}

/**
 * `facts` with every offset moved by `delta`. Typing before a chunk moves all the chunks after it,
 * so this runs over most of a document's facts on every keystroke that inserts or deletes: each
 * fact is built field by field (no spread, no generic copy), keeping exactly the fields it had.
 */
export function shiftFacts(facts: DocumentFacts, delta: number): DocumentFacts {
  if (delta === 0) return facts;
  const fm = facts.frontMatter;
  const headings: HeadingFact[] = new Array(facts.headings.length);
  for (let i = 0; i < headings.length; i++) {
    const h = facts.headings[i];
    headings[i] = { level: h.level, text: h.text, start: h.start + delta, end: h.end + delta };
  }
  const comments: CommentFact[] = new Array(facts.comments.length);
  for (let i = 0; i < comments.length; i++) {
    const c = facts.comments[i];
    comments[i] = { start: c.start + delta, end: c.end + delta, body: c.body, bodyStart: c.bodyStart + delta, closed: c.closed };
  }
  const blocks: BlockFact[] = new Array(facts.blocks.length);
  for (let i = 0; i < blocks.length; i++) blocks[i] = shiftBlock(facts.blocks[i], delta);
  return {
    frontMatter: fm && { start: fm.start + delta, end: fm.end + delta, value: fm.value, valueStart: fm.valueStart + delta },
    headings,
    comments,
    blocks,
    definitions: facts.definitions,
  };
}

function shiftBlock(b: BlockFact, delta: number): BlockFact {
  const start = b.start + delta;
  const end = b.end + delta;
  switch (b.kind) {
    case 'table-row': {
      // Pushed, not mapped, like the rows it shifts (see collect).
      let cells: (readonly [number, number])[] | undefined;
      if (b.cells) {
        cells = [];
        for (const [s, e] of b.cells) cells.push([s + delta, e + delta]);
      }
      return { kind: b.kind, start, end, inList: b.inList, checked: b.checked, header: b.header, cells };
    }
    case 'code':
      return { kind: b.kind, start, end, inList: b.inList, checked: b.checked, lang: b.lang };
    default:
      return { kind: b.kind, start, end, inList: b.inList, checked: b.checked };
  }
}

export function diff(old: string, text: string): Edit {
  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  return { prefix, end: text.length - suffix, delta: text.length - old.length };
}

/** Compared a block at a time first: string equality is native, a loop over characters is not. */
const BLOCK = 1024;

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= n && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common end of `a` and `b`, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + BLOCK <= max && a.slice(a.length - i - BLOCK, a.length - i) === b.slice(b.length - i - BLOCK, b.length - i)) i += BLOCK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
