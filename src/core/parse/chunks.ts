/**
 * Linear parsing. The document is cut at top-level ATX headings (./split), the pieces are grouped
 * into chunks of a few kilobytes, and each chunk is parsed on its own: no cost of the parser that
 * grows faster than the text can reach across the whole document, and memory stays that of one
 * chunk's syntax tree. The facts are identical to those of a whole-document parse.
 *
 * The one thing a chunk cannot see alone is a definition made in another chunk: link reference
 * and footnote definitions are global in Markdown (a `[x]` in one place is a link when `[x]: url`
 * stands anywhere). Each chunk is therefore parsed with the document's definitions its text could
 * refer to handed to the parser, found by a cheap look first and confirmed by the parse.
 */
import { finish, type Steps } from '../steps';
import { collectFacts, normalizeLabel } from './collect';
import type { BlockFact, CommentFact, Definitions, DocumentFacts, HeadingFact } from './facts';
import { findSplitPoints } from './split';

/**
 * A chunk ends at the first top-level heading at least this many UTF-16 units after its start.
 * A parse's fixed cost is small (the parser is reused), so chunks are about one section: a
 * heading with a line or two joins the next one, and re-parsing the chunk an edit touches is
 * as quick as it can be.
 */
export const CHUNK_SIZE = 256;

/** A stretch `[start, end)` of the document parsed on its own. */
export interface ChunkSpan {
  readonly start: number;
  readonly end: number;
}

export const NO_DEFINITIONS: Definitions = { links: [], footnotes: [] };

/** Where the document's content starts: after a byte order mark, which the parser skips. */
export function documentStart(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/**
 * The chunks of `text`, in order, covering it from `documentStart(text)` to its end. Chunks are
 * cut greedily at the first safe heading `size` or more after the chunk's start, so the cuts
 * after an edit fall where they fell before as soon as the edit is passed.
 */
export function planChunks(text: string, size = CHUNK_SIZE): ChunkSpan[] {
  const base = documentStart(text);
  const spans: ChunkSpan[] = [];
  let start = base;
  for (const point of findSplitPoints(text, base)) {
    if (point - start < size) continue;
    spans.push({ start, end: point });
    start = point;
  }
  spans.push({ start, end: text.length });
  return spans;
}

const DEFINITION_LIKE = /\[((?:[^[\]\\]|\\[\s\S]){1,999})\]:/g;

/** Labels `text` may define: every `[label]:` anywhere, a superset of its real definitions. */
export function candidateDefinitions(text: string): Definitions {
  return finish(candidateDefinitionsSteps(text));
}

/** Characters `candidateDefinitionsSteps` reads between two pauses. */
const CHARACTERS_PER_STEP = 128 * 1024;

/** `candidateDefinitions`, pausing every so many characters. */
export function* candidateDefinitionsSteps(text: string): Steps<Definitions> {
  if (!text.includes(']:')) return NO_DEFINITIONS;
  const links = new Set<string>();
  const footnotes = new Set<string>();
  // An expression of its own: its place in the text must survive the pauses.
  const definitionLike = new RegExp(DEFINITION_LIKE.source, 'g');
  let pauseAt = CHARACTERS_PER_STEP;
  for (let m = definitionLike.exec(text); m; m = definitionLike.exec(text)) {
    const label = m[1];
    links.add(normalizeLabel(label));
    if (label.startsWith('^') && label.length > 1) footnotes.add(normalizeLabel(label.slice(1)));
    if (definitionLike.lastIndex >= pauseAt) {
      pauseAt = definitionLike.lastIndex + CHARACTERS_PER_STEP;
      yield;
    }
  }
  return sortedDefinitions(links, footnotes);
}

/** The union of the definitions of several parts of a document, in a canonical order. */
export function unionDefinitions(parts: readonly (Definitions | undefined)[]): Definitions {
  const links = new Set<string>();
  const footnotes = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    for (const l of part.links) links.add(l);
    for (const f of part.footnotes) footnotes.add(f);
  }
  return sortedDefinitions(links, footnotes);
}

function sortedDefinitions(links: Set<string>, footnotes: Set<string>): Definitions {
  if (links.size === 0 && footnotes.size === 0) return NO_DEFINITIONS;
  return { links: [...links].sort(), footnotes: [...footnotes].sort() };
}

/**
 * The definitions of `all` that `piece` could refer to: those whose label occurs in it once
 * spacing and case are normalised as labels are. Handing a chunk only these keeps its parse (and
 * its cache entry) independent of definitions it cannot use.
 */
export function relevantDefinitions(all: Definitions, piece: string): Definitions {
  if (all.links.length === 0 && all.footnotes.length === 0) return NO_DEFINITIONS;
  if (!piece.includes('[')) return NO_DEFINITIONS;
  const normalized = piece.replace(/[\t\n\r ]+/g, ' ').toLowerCase().toUpperCase();
  const links = all.links.filter((l) => normalized.includes(l));
  const footnotes = all.footnotes.filter((f) => normalized.includes(f));
  return links.length === 0 && footnotes.length === 0 ? NO_DEFINITIONS : { links, footnotes };
}

export function sameDefinitions(a: Definitions, b: Definitions): boolean {
  return a.links.length === b.links.length && a.footnotes.length === b.footnotes.length && a.links.every((l, i) => l === b.links[i]) && a.footnotes.every((f, i) => f === b.footnotes[i]);
}

/** A short key for a set of definitions ('' for none). */
export function definitionsKey(d: Definitions): string {
  return d.links.length === 0 && d.footnotes.length === 0 ? '' : JSON.stringify([d.links, d.footnotes]);
}

/** The facts of `text`, parsed chunk by chunk; identical to a whole-document parse. */
export function parseChunked(text: string, size = CHUNK_SIZE): DocumentFacts {
  const base = documentStart(text);
  const spans = planChunks(text, size);
  if (spans.length === 1) return collectFacts(text, base, text.length, true);
  const candidates = candidateDefinitions(text);
  const pieces = spans.map((span) => {
    const defined = relevantDefinitions(candidates, text.slice(span.start, span.end));
    return { span, defined, facts: collectFacts(text, span.start, span.end, span.start === base, defined) };
  });
  const found = unionDefinitions(pieces.map((p) => p.facts.definitions));
  if (found !== NO_DEFINITIONS || candidates !== NO_DEFINITIONS) {
    // The look can name labels that are no definitions (inside code, say): parse again the chunks
    // that were handed a different set than the parse found.
    for (const piece of pieces) {
      const defined = relevantDefinitions(found, text.slice(piece.span.start, piece.span.end));
      if (sameDefinitions(defined, piece.defined)) continue;
      piece.defined = defined;
      piece.facts = collectFacts(text, piece.span.start, piece.span.end, piece.span.start === base, defined);
    }
  }
  return mergeFacts(pieces.map((p) => p.facts));
}

/** Facts of consecutive chunks, as one document's. */
export function mergeFacts(parts: readonly DocumentFacts[]): DocumentFacts {
  const headings: HeadingFact[] = [];
  const comments: CommentFact[] = [];
  const blocks: BlockFact[] = [];
  const links: string[] = [];
  const footnotes: string[] = [];
  for (const part of parts) {
    for (const h of part.headings) headings.push(h);
    for (const c of part.comments) comments.push(c);
    for (const b of part.blocks) blocks.push(b);
    if (part.definitions) {
      for (const l of part.definitions.links) links.push(l);
      for (const f of part.definitions.footnotes) footnotes.push(f);
    }
  }
  return { frontMatter: parts[0]?.frontMatter, headings, comments, blocks, definitions: { links, footnotes } };
}

/** `facts` with every offset moved by `delta` (for facts parsed relative to a chunk's start). */
export function shiftFacts(facts: DocumentFacts, delta: number): DocumentFacts {
  if (delta === 0) return facts;
  const fm = facts.frontMatter;
  return {
    frontMatter: fm && { ...fm, start: fm.start + delta, end: fm.end + delta, valueStart: fm.valueStart + delta },
    headings: facts.headings.map((h) => ({ ...h, start: h.start + delta, end: h.end + delta })),
    comments: facts.comments.map((c) => ({ ...c, start: c.start + delta, end: c.end + delta, bodyStart: c.bodyStart + delta })),
    blocks: facts.blocks.map((b) => {
      const moved = { ...b, start: b.start + delta, end: b.end + delta };
      if (b.cells) return { ...moved, cells: b.cells.map(([s, e]) => [s + delta, e + delta] as const) };
      return moved;
    }),
    definitions: facts.definitions,
  };
}
