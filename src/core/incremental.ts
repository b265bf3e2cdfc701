/**
 * Re-analysis of one document as it is edited, at the cost of the edit rather than the document.
 *
 * - Parsing: the document is parsed in chunks the parser confirms may be cut (./parse/chunks);
 *   after an edit only the chunks around it are parsed again, the rest are moved to where they
 *   now stand.
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
import { parseDocumentSteps, type ParsedDocument } from './parse/chunks';
import { detach } from './parse/collect';
import type { DocumentFacts } from './parse/facts';
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
  private last: ParsedDocument | undefined;
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
    const parsed = yield* parseDocumentSteps(text, this.last);
    this.last = parsed;
    this.stats.chunks = parsed.chunks.length;
    this.stats.parsedChunks = parsed.parsedChunks;
    return parsed.facts;
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
    sameScores(a.previous, b.previous) &&
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

/** Scores compared by value: a section's context is what the one before says, not which result said it. */
function sameScores(a: SectionKey['previous'], b: SectionKey['previous']): boolean {
  return a === b || (a !== undefined && b !== undefined && a.product === b.product && a.project === b.project && a.none === b.none);
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
