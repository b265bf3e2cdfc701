/**
 * Re-analysis of one document as it is edited, at the cost of the edit rather than the document.
 *
 * - Cutting: the safe cut points (top-level headings) are rescanned only from the last one
 *   before the edit to the first one after it that stood there before.
 * - Parsing: chunks are parsed on their own (./parse/chunks) and their facts kept by content;
 *   after an edit only the chunks whose text changed are parsed again. The rest are reused, moved
 *   to where they now stand.
 * - Classifying: a section whose text and context are unchanged keeps its verdict and word count.
 * - Everything document-wide — sections and their nesting, tags, every rule (missing concerns,
 *   the document kind), the summary — is recomputed over the whole document each time.
 *
 * The results are identical to `analyze(text, { config })`. Memory: the facts of the chunks and
 * the verdicts of the sections of the current and the previous version, never a syntax tree.
 */
import { analyzeSteps, type SectionKey, type SectionMemo, type SectionParts, type SectionResult } from './analyze';
import { defaultConfig } from './config/defaults';
import type { ResolvedConfig } from './config/types';
import {
  candidateDefinitionsSteps,
  CHUNK_SIZE,
  definitionsKey,
  documentStart,
  mergeFacts,
  NO_DEFINITIONS,
  relevantDefinitions,
  sameDefinitions,
  shiftFacts,
  unionDefinitions,
  type ChunkSpan,
} from './parse/chunks';
import { collectFacts, detach } from './parse/collect';
import type { Definitions, DocumentFacts } from './parse/facts';
import { SplitScanner } from './parse/split';
import { finish } from './steps';
import type { Analysis, Position, Range } from './types';

/** How `analyzeAsync` shares the thread. */
export interface AnalyzeAsyncOptions {
  /**
   * Asked between slices; returning true abandons the analysis (the promise then resolves to
   * undefined) — for when a newer version of the document has arrived.
   */
  readonly shouldStop?: () => boolean;
  /** The longest stretch to run before yielding to the event loop, in milliseconds (default 12). */
  readonly sliceMs?: number;
}

/** Lines scanned for cut points between two checks of the clock. */
const LINES_PER_STEP = 1000;
/** How many chunks' facts to place between two pauses. */
const CHUNKS_PER_STEP = 64;

/**
 * Analyses successive versions of one document, reusing what did not change between them. Keep
 * one per open document; feed it every version (in any order — it compares each with the last
 * one it saw). Pass the same configuration object while the configuration is unchanged: cached
 * classifications are kept per configuration object.
 *
 * ```ts
 * const analyzer = new IncrementalAnalyzer();
 * const analysis = analyzer.analyze(document.getText(), config);
 * // on every change, off the critical path:
 * const next = await analyzer.analyzeAsync(text, config, { shouldStop: () => version !== latest });
 * if (next) publish(next);
 * ```
 */
export class IncrementalAnalyzer {
  /** What the last analysis reused and redid, for logs and tests. */
  readonly stats = { chunks: 0, parsedChunks: 0, sections: 0, classifiedSections: 0 };
  private last: LastVersion | undefined;
  private readonly chunks = new ChunkCache();
  private readonly sections = new SectionResults();

  /** Analyses `text`; identical to `analyze(text, { config })`. */
  analyze(text: string, config: ResolvedConfig = defaultConfig): Analysis {
    return finish(this.steps(text, config));
  }

  /**
   * Analyses `text` in slices of at most about `sliceMs`, yielding to the event loop between
   * them (with `setTimeout`, so it works in a web worker as in Node). Resolves to the analysis,
   * or to undefined when `shouldStop` asked to give up.
   */
  async analyzeAsync(text: string, config: ResolvedConfig = defaultConfig, options: AnalyzeAsyncOptions = {}): Promise<Analysis | undefined> {
    return runSliced(this.steps(text, config), options);
  }

  /**
   * The parse facts of `text`, reusing the chunks parsed for earlier versions (for a caller that
   * needs facts before deciding to analyse, such as plan detection).
   */
  facts(text: string): DocumentFacts {
    return finish(this.factSteps(text));
  }

  /** Forgets everything kept (the next analysis starts from scratch). */
  clear(): void {
    this.last = undefined;
    this.chunks.clear();
    this.sections.clear();
  }

  private *steps(text: string, config: ResolvedConfig): Generator<void, Analysis> {
    const facts = yield* this.factSteps(text);
    this.sections.nextGeneration();
    const analysis = yield* analyzeSteps(text, facts, config, this.sections);
    yield;
    this.sections.sweep();
    this.stats.sections = analysis.sections.length;
    this.stats.classifiedSections = this.sections.computed;
    return analysis;
  }

  private *factSteps(text: string): Generator<void, DocumentFacts> {
    const base = documentStart(text);
    const last = this.last && this.last.base === base ? this.last : undefined;
    const edit = last ? diff(last.text, text) : undefined;
    const points = yield* this.splitPoints(text, base, last, edit);
    const spans = groupChunks(points, base, text.length);
    const candidates = yield* candidateDefinitionsSteps(text);
    const candidatesKey = definitionsKey(candidates);
    this.chunks.nextGeneration();
    yield;

    // Chunks wholly before or after the edit are the last version's, as they were (moved).
    const before = new Map<number, Piece>();
    if (last && edit && last.candidatesKey === candidatesKey) for (const p of last.pieces) before.set(p.span.start, p);
    const pieces: Piece[] = [];
    let parsedChunks = 0;
    for (const span of spans) {
      const atStart = span.start === base;
      if (edit && before.size > 0) {
        const unchanged = span.end <= edit.prefix ? before.get(span.start) : span.start >= edit.end ? before.get(span.start - edit.delta) : undefined;
        if (unchanged && unchanged.span.end - unchanged.span.start === span.end - span.start && unchanged.atStart === atStart) {
          this.chunks.touch(unchanged.entry);
          pieces.push({ span, atStart, defined: unchanged.defined, entry: unchanged.entry });
          continue;
        }
      }
      const piece = text.slice(span.start, span.end);
      const defined = relevantDefinitions(candidates, piece);
      const { entry, parsed } = this.chunks.get(piece, atStart, defined);
      pieces.push({ span, atStart, defined, entry });
      if (parsed) {
        parsedChunks++;
        yield;
      }
    }
    // As in parseChunked: the cheap look for definitions can be wrong; the parse is not.
    const found = unionDefinitions(pieces.map((p) => p.entry.facts.definitions));
    if (found !== NO_DEFINITIONS || candidates !== NO_DEFINITIONS) {
      for (const p of pieces) {
        const piece = text.slice(p.span.start, p.span.end);
        const defined = relevantDefinitions(found, piece);
        if (sameDefinitions(defined, p.defined)) continue;
        const { entry, parsed } = this.chunks.get(piece, p.atStart, defined);
        p.defined = defined;
        p.entry = entry;
        if (parsed) {
          parsedChunks++;
          yield;
        }
      }
    }
    // Placing a chunk's facts where it now stands copies them: a few chunks per step.
    const placed: DocumentFacts[] = [];
    for (const p of pieces) {
      placed.push(p.entry.at(p.span.start));
      if (placed.length % CHUNKS_PER_STEP === 0) yield;
    }
    yield;
    const facts = mergeFacts(placed);
    yield;
    this.chunks.sweep();
    this.last = { text, base, points, pieces, candidatesKey };
    this.stats.chunks = pieces.length;
    this.stats.parsedChunks = parsedChunks;
    return facts;
  }

  /**
   * The cut points of `text`: those of the last version, with only the stretch around the edit
   * scanned again. A cut point's parser state is that of a fresh document, so scanning can start
   * at any unchanged one; and once it finds a point after the edit that was a point before, the
   * rest are the old ones, moved by the edit's change in length.
   */
  private *splitPoints(text: string, base: number, last: LastVersion | undefined, edit: Edit | undefined): Generator<void, number[]> {
    let kept: readonly number[] = [];
    let from = base;
    let stop: ((point: number) => boolean) | undefined;
    let tail: () => number[] = () => [];
    if (last && edit) {
      // Keep the points whose whole line precedes the edit; scan again from the last of them.
      let keep = 0;
      while (keep < last.points.length && lineContentEnd(text, last.points[keep]) < edit.prefix) keep++;
      kept = last.points.slice(0, keep);
      if (keep > 0) from = kept[keep - 1];
      const oldIndex = new Map<number, number>();
      for (let i = keep; i < last.points.length; i++) oldIndex.set(last.points[i], i);
      let resumeAt = -1;
      stop = (point) => {
        if (point < edit.end) return false;
        const i = oldIndex.get(point - edit.delta);
        if (i === undefined) return false;
        resumeAt = i;
        return true;
      };
      tail = () => (resumeAt < 0 ? [] : last.points.slice(resumeAt + 1).map((p) => p + edit.delta));
    }
    const scanner = new SplitScanner(text, from);
    while (!scanner.run(LINES_PER_STEP, stop)) yield;
    return [...kept, ...scanner.points, ...tail()];
  }
}

/** A chunk of the last version: where it stood and what it was parsed into. */
interface Piece {
  readonly span: ChunkSpan;
  readonly atStart: boolean;
  defined: Definitions;
  entry: ChunkEntry;
}

interface LastVersion {
  readonly text: string;
  readonly base: number;
  readonly points: readonly number[];
  readonly pieces: readonly Piece[];
  readonly candidatesKey: string;
}

/** How a text differs from the last version: same up to `prefix`, same from `end` (new offsets) on. */
interface Edit {
  readonly prefix: number;
  readonly end: number;
  /** New length minus old length. */
  readonly delta: number;
}

function diff(old: string, text: string): Edit {
  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  return { prefix, end: text.length - suffix, delta: text.length - old.length };
}

/** Chunks from cut points: greedy, as `planChunks` does. */
function groupChunks(points: readonly number[], base: number, length: number): ChunkSpan[] {
  const spans: ChunkSpan[] = [];
  let start = base;
  for (const point of points) {
    if (point - start < CHUNK_SIZE) continue;
    spans.push({ start, end: point });
    start = point;
  }
  spans.push({ start, end: length });
  return spans;
}

/** The facts of one chunk's text, relative to its start, and where they were last placed. */
class ChunkEntry {
  used = 0;
  private placed: { start: number; facts: DocumentFacts } | undefined;

  constructor(readonly facts: DocumentFacts) {}

  /** The facts with offsets into a document where the chunk starts at `start`. */
  at(start: number): DocumentFacts {
    if (this.placed?.start !== start) this.placed = { start, facts: shiftFacts(this.facts, start) };
    return this.placed.facts;
  }
}

/**
 * Chunk facts by chunk text (plus whether the chunk opens the document, and the definitions it
 * was parsed with). Keys are copies of the texts, so no old version of the document is kept.
 */
class ChunkCache {
  private readonly byText = new Map<string, Map<string, ChunkEntry>>();
  private generation = 0;

  nextGeneration(): void {
    this.generation++;
  }

  get(piece: string, atStart: boolean, defined: Definitions): { entry: ChunkEntry; parsed: boolean } {
    const variant = `${atStart ? 'S' : ''}${definitionsKey(defined)}`;
    let variants = this.byText.get(piece);
    let entry = variants?.get(variant);
    let parsed = false;
    if (!entry) {
      entry = new ChunkEntry(collectFacts(piece, 0, piece.length, atStart, defined));
      if (!variants) this.byText.set(detach(piece), (variants = new Map()));
      variants.set(variant, entry);
      parsed = true;
    }
    entry.used = this.generation;
    return { entry, parsed };
  }

  /** Marks an entry reused without a lookup as used by this version. */
  touch(entry: ChunkEntry): void {
    entry.used = this.generation;
  }

  /** Drops what neither this version nor the one before used. */
  sweep(): void {
    sweepNested(this.byText, (entry) => entry.used >= this.generation - 1);
  }

  clear(): void {
    this.byText.clear();
  }
}

interface SectionEntry {
  readonly key: SectionKey;
  /** The results, placed where the section last stood. */
  result: SectionResult;
  start: number;
  line: number;
  used: number;
}

/** Section results by section text, then by the rest of the key; see `SectionMemo`. */
class SectionResults implements SectionMemo {
  private readonly byText = new Map<string, SectionEntry[]>();
  private generation = 0;
  private nextId = 0;
  /** Sections read (not reused) in the current generation. */
  computed = 0;

  nextGeneration(): void {
    this.generation++;
    this.computed = 0;
  }

  lookup(key: SectionKey, compute: () => SectionParts): SectionResult {
    let entries = this.byText.get(key.text);
    let entry = entries?.find((e) => sameContext(e.key, key));
    if (entry) {
      if (entry.start !== key.start || entry.line !== key.line) {
        entry.result = moved(entry.result, key.line - entry.line, key.start - entry.start);
        entry.start = key.start;
        entry.line = key.line;
      }
    } else {
      this.computed++;
      const result = { ...copyDeep(compute(), 0, 0, true), id: this.nextId++ };
      entry = { key: { ...key, text: '', heading: detach(key.heading) }, result, start: key.start, line: key.line, used: 0 };
      if (!entries) this.byText.set(detach(key.text), (entries = []));
      entries.push(entry);
    }
    entry.used = this.generation;
    return entry.result;
  }

  sweep(): void {
    for (const [text, entries] of this.byText) {
      const kept = entries.filter((e) => e.used >= this.generation - 1);
      if (kept.length === 0) this.byText.delete(text);
      else if (kept.length !== entries.length) this.byText.set(text, kept);
    }
  }

  clear(): void {
    this.byText.clear();
  }
}

/** Two keys for the same section text ask for the same results. */
function sameContext(a: SectionKey, b: SectionKey): boolean {
  return (
    a.parent === b.parent &&
    a.previous === b.previous &&
    a.column === b.column &&
    a.level === b.level &&
    a.title === b.title &&
    a.last === b.last &&
    a.vote === b.vote &&
    a.definitions === b.definitions &&
    a.heading === b.heading &&
    a.document === b.document
  );
}

function sweepNested<T>(outer: Map<string, Map<string, T>>, keep: (value: T) => boolean): void {
  for (const [key, inner] of outer) {
    for (const [variant, value] of inner) if (!keep(value)) inner.delete(variant);
    if (inner.size === 0) outer.delete(key);
  }
}

/** A section's results moved by whole lines and offsets (see `copyDeep`), the common shapes fast. */
function moved(result: SectionResult, lines: number, offsets: number): SectionResult {
  const position = (p: Position): Position => ({ line: p.line + lines, character: p.character, offset: p.offset + offsets });
  const range = (r: Range): Range => ({ start: position(r.start), end: position(r.end) });
  const verdict = result.verdict;
  return {
    id: result.id,
    words: result.words,
    verdict: Object.keys(verdict).length === 5 && verdict.evidence.every((e) => Object.keys(e).length === 6)
      ? { ...verdict, evidence: verdict.evidence.map((e) => ({ ...e, range: range(e.range) })) }
      : copyDeep(verdict, lines, offsets, false),
    tags: result.tags.length === 0 ? result.tags : copyDeep(result.tags, lines, offsets, false),
    directives: result.directives.length === 0 ? result.directives : copyDeep(result.directives, lines, offsets, false),
    problems: result.problems.length === 0 ? result.problems : copyDeep(result.problems, lines, offsets, false),
  };
}

/**
 * A deep copy of plain data with every position (`{ line, character, offset }`) moved by whole
 * lines and offsets — exact for positions inside a section whose text is unchanged — and, with
 * `detachStrings`, every string copied out of the document it was cut from.
 */
function copyDeep<T>(value: T, lines: number, offsets: number, detachStrings: boolean): T {
  if (typeof value === 'string') return (detachStrings ? detach(value) : value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => copyDeep(v, lines, offsets, detachStrings)) as T;
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 3 && typeof record.line === 'number' && typeof record.character === 'number' && typeof record.offset === 'number') {
    return { line: record.line + lines, character: record.character, offset: record.offset + offsets } as T;
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = copyDeep(record[key], lines, offsets, detachStrings);
  return out as T;
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

/** Where the line starting at `start` ends, before its line break. */
function lineContentEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

const clock: () => number = typeof performance !== 'undefined' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

/**
 * Runs a step sequence in slices of about `sliceMs`, yielding to the event loop between them with
 * `setTimeout` (available in Node and in web workers alike).
 */
export async function runSliced<T>(steps: Generator<void, T>, options: AnalyzeAsyncOptions = {}): Promise<T | undefined> {
  const sliceMs = options.sliceMs ?? 12;
  for (;;) {
    if (options.shouldStop?.()) return undefined;
    const started = clock();
    let next = steps.next();
    while (!next.done && clock() - started < sliceMs) next = steps.next();
    if (next.done) return next.value;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}
