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
import { diff, parseDocumentSteps, type Edit, type ParsedDocument } from './parse/chunks';
import { detach } from './parse/collect';
import type { DocumentFacts } from './parse/facts';
import { finish } from './steps';
import type { Analysis, Finding, Fix, Position, Range, Section, Verdict } from './types';

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
    const before = this.last?.text;
    const facts = yield* this.factSteps(text);
    // The parse's edit is relative to the version parsed last, which may not be the one analysed last.
    const parsedEdit = this.last?.edit;
    this.sections.begin(text, parsedEdit && before !== undefined && before === this.sections.analysedText ? parsedEdit : undefined);
    const analysis = yield* analyzeSteps(text, facts, config, this.sections);
    yield;
    this.sections.end(text);
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

/** What the local rules found in a section. */
interface Checked {
  readonly section: Section;
  readonly rules: string;
  readonly findings: readonly Finding[];
}

interface SectionEntry {
  /** The key's context (its text is not kept: the text last analysed holds it, at `start`). */
  readonly key: SectionKey;
  /** The results, placed where the section last stood. */
  result: SectionResult;
  /** Where the section stood in the text last analysed: offsets of its heading and its end, line. */
  start: number;
  end: number;
  line: number;
  /** The section the last analysis built from these results. */
  built?: Section;
  /** What the local rules found in a section built from these results. */
  checked?: Checked;
  /** What they found where the results stood before, `offsets` earlier on the same lines. */
  carried?: Checked & { readonly offsets: number };
  /** Its verdict read again with what its subsections say, and from what. */
  reread?: { readonly inputs: readonly unknown[]; readonly verdict: Verdict };
}

/**
 * Section results of the last analysis, found by where each section stood. The edit since then
 * says which sections kept their text without reading it: a section wholly before the edit
 * stands where it stood, one wholly after it stands `delta` later; only a section the edit
 * touched has its text compared. So a keystroke costs a few integer comparisons per section,
 * never a hash of the document's text.
 */
class SectionResults implements SectionMemo {
  /** The last completed analysis's entries, by where their sections started. */
  private previous = new Map<number, SectionEntry>();
  private current = new Map<number, SectionEntry>();
  /** The text of the last completed analysis. */
  private text: string | undefined;
  private edit: Edit | undefined;
  private nextId = 0;
  /** The document context last given, and the equal string the entries hold. */
  private document = { given: '', known: '' };
  /** Sections read (not reused) in the current analysis. */
  computed = 0;

  /**
   * Starts an analysis of `text`; `edit` is how it differs from the text last analysed, when the
   * caller knows (it is worked out otherwise).
   */
  begin(text: string, edit: Edit | undefined): void {
    this.current = new Map();
    this.computed = 0;
    this.edit = this.text === undefined ? undefined : edit ?? diff(this.text, text);
  }

  /** Ends the analysis of `text`: its sections are the ones the next analysis starts from. */
  end(text: string): void {
    this.previous = this.current;
    this.current = new Map();
    this.text = text;
  }

  /** The text the results were last analysed in (to tell whether an edit is relative to it). */
  get analysedText(): string | undefined {
    return this.text;
  }

  lookup(key: SectionKey, compute: () => SectionParts): SectionResult {
    const end = key.start + key.text.length;
    const document = this.knownDocument(key.document);
    let entry = this.find(key, end, document);
    if (entry) {
      if (entry.start !== key.start || entry.line !== key.line) {
        const was = entry;
        entry = { key: was.key, result: moved(was.result, key.line - was.line, key.start - was.start), start: key.start, end, line: key.line };
        // Typing within a line moves what follows by offsets alone: the findings can move with it
        // (their messages name lines, never offsets).
        const checked = was.checked;
        if (key.line === was.line && checked && checked.section.inferred === was.result.verdict && checked.section.tags === was.result.tags) {
          entry.carried = { ...checked, offsets: key.start - was.start };
        }
      }
    } else {
      this.computed++;
      const result = { ...copyDeep(compute(), 0, 0, true), id: this.nextId++ };
      entry = { key: { ...key, text: '', heading: detach(key.heading), document }, result, start: key.start, end, line: key.line };
    }
    this.current.set(key.start, entry);
    return entry.result;
  }

  settle(start: number, section: Section): Section {
    const entry = this.current.get(start);
    if (!entry) return section;
    if (!entry.built || !sameSection(entry.built, section)) entry.built = section;
    return entry.built;
  }

  findings(section: Section, rules: string, check: () => readonly Finding[]): readonly Finding[] {
    const entry = this.current.get(section.headingRange.start.offset);
    const checked = entry?.checked;
    if (checked && checked.section === section && checked.rules === rules) return checked.findings;
    const carried = entry?.carried;
    if (entry && carried && carried.rules === rules && section.inferred === entry.result.verdict && section.tags === entry.result.tags && sameSectionMoved(carried.section, section, carried.offsets)) {
      const findings = movedFindings(carried.findings, carried.offsets);
      entry.checked = { section, rules, findings };
      return findings;
    }
    const findings = check();
    if (entry) entry.checked = { section, rules, findings };
    return findings;
  }

  reread(start: number, inputs: readonly unknown[], read: () => Verdict): Verdict {
    const entry = this.current.get(start);
    const kept = entry?.reread;
    if (kept && kept.inputs.length === inputs.length && kept.inputs.every((input, i) => input === inputs[i])) return kept.verdict;
    const verdict = read();
    // Built now: a kept verdict does not hold on to the reading of the text it came from.
    void verdict.evidence;
    if (entry) entry.reread = { inputs, verdict };
    return verdict;
  }

  /**
   * The very string the kept entries hold for a document context that reads the same as
   * `document`: a long string compared once per analysis, not once per section.
   */
  private knownDocument(document: string): string {
    if (document !== this.document.given) this.document = { given: document, known: document === this.document.known ? this.document.known : document };
    return this.document.known;
  }

  /** The last analysis's entry for the section `key` describes, when its text and context are the same. */
  private find(key: SectionKey, end: number, document: string): SectionEntry | undefined {
    const edit = this.edit;
    if (!edit || this.text === undefined) return undefined;
    let entry: SectionEntry | undefined;
    if (end <= edit.prefix) {
      // Wholly in the unchanged text before the edit: where it stood, with the same length.
      entry = this.previous.get(key.start);
    } else if (key.start >= edit.end) {
      // Wholly in the unchanged text after the edit: `delta` earlier in the last text.
      entry = this.previous.get(key.start - edit.delta);
    } else {
      // The edit touched it: the same text only if reading says so.
      entry = this.previous.get(key.start);
      if (entry && (entry.end - entry.start !== end - key.start || this.text.slice(entry.start, entry.end) !== key.text)) return undefined;
    }
    return entry && entry.end - entry.start === end - key.start && entry.key.document === document && sameContext(entry.key, key) ? entry : undefined;
  }

  clear(): void {
    this.previous = new Map();
    this.current = new Map();
    this.text = undefined;
    this.edit = undefined;
  }
}

/** Two keys for the same section text in the same document context ask for the same results. */
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
    a.heading === b.heading
  );
}

/**
 * Two sections built alike: same place, same results (by identity: a section read again gets new
 * ones), same neighbours. Rules that read only the section find the same in both.
 */
function sameSection(a: Section, b: Section): boolean {
  return a === b || (a.inferred === b.inferred && a.tags === b.tags && sameSectionMoved(a, b, 0));
}

/**
 * `b` is `a` moved `offsets` later on the same lines (what typing earlier on a line does to the
 * sections after it), its results moved with it.
 */
function sameSectionMoved(a: Section, b: Section, offsets: number): boolean {
  return (
    a.index === b.index &&
    a.heading === b.heading &&
    a.level === b.level &&
    a.parent === b.parent &&
    a.wordCount === b.wordCount &&
    a.role === b.role &&
    a.concern === b.concern &&
    a.confidence === b.confidence &&
    a.tagged === b.tagged &&
    rangeMoved(a.headingRange, b.headingRange, offsets) &&
    rangeMoved(a.range, b.range, offsets) &&
    rangeMoved(a.bodyRange, b.bodyRange, offsets) &&
    a.children.length === b.children.length &&
    a.children.every((child, i) => child === b.children[i])
  );
}

function rangeMoved(a: Range, b: Range, offsets: number): boolean {
  return positionMoved(a.start, b.start, offsets) && positionMoved(a.end, b.end, offsets);
}

function positionMoved(a: Position, b: Position, offsets: number): boolean {
  return a.offset + offsets === b.offset && a.line === b.line && a.character === b.character;
}

/** Scores compared by value: a section's context is what the one before says, not which result said it. */
function sameScores(a: SectionKey['previous'], b: SectionKey['previous']): boolean {
  return a === b || (a !== undefined && b !== undefined && a.product === b.product && a.project === b.project && a.none === b.none);
}

/**
 * A section's results moved by whole lines and offsets (see `copyDeep`). Typing that inserts or
 * deletes moves every section after it, so the shapes the core builds are moved field by field
 * (no generic walk); anything else goes through `copyDeep`.
 */
function moved(result: SectionResult, lines: number, offsets: number): SectionResult {
  const verdict = result.verdict;
  const range = (r: Range): Range => moveRange(r, lines, offsets);
  return {
    id: result.id,
    words: result.words,
    verdict: hasOnly(verdict, VERDICT_KEYS) && verdict.evidence.every((e) => hasExactly(e, EVIDENCE_KEYS))
      ? { ...verdict, evidence: verdict.evidence.map((e) => ({ kind: e.kind, text: e.text, range: range(e.range), concern: e.concern, role: e.role, weight: e.weight })) }
      : copyDeep(verdict, lines, offsets, false),
    tags: result.tags.length === 0 ? result.tags : result.tags.every((t) => hasExactly(t, TAG_KEYS))
      ? result.tags.map((t) => ({ role: t.role, concern: t.concern, handles: t.handles, range: range(t.range), valueRange: range(t.valueRange), raw: t.raw }))
      : copyDeep(result.tags, lines, offsets, false),
    directives: result.directives.length === 0 ? result.directives : result.directives.every((d) => hasExactly(d, DIRECTIVE_KEYS))
      ? result.directives.map((d) => ({ kind: d.kind, rules: d.rules, range: range(d.range) }))
      : copyDeep(result.directives, lines, offsets, false),
    problems: result.problems.length === 0 ? result.problems : result.problems.every((p) => hasOnly(p, PROBLEM_KEYS))
      ? result.problems.map((p) => ({ ...p, range: range(p.range) }))
      : copyDeep(result.problems, lines, offsets, false),
  };
}

/** Findings moved `offsets` later on the same lines; field by field for the shapes rules build. */
function movedFindings(findings: readonly Finding[], offsets: number): readonly Finding[] {
  return findings.map((f) =>
    hasExactly(f, FINDING_KEYS) && f.fixes.every(plainFix)
      ? { ruleId: f.ruleId, severity: f.severity, message: f.message, range: moveRange(f.range, 0, offsets), section: f.section, fixes: f.fixes.length === 0 ? f.fixes : f.fixes.map((fix) => movedFix(fix, offsets)) }
      : copyDeep(f, 0, offsets, false),
  );
}

/** A fix whose only positions are its edits' ranges. */
const plainFix = (fix: Fix): boolean => hasOnly(fix, FIX_KEYS) && fix.edits.every((e) => hasExactly(e, EDIT_KEYS));

function movedFix(fix: Fix, offsets: number): Fix {
  return { ...fix, edits: fix.edits.map((e) => ({ range: moveRange(e.range, 0, offsets), newText: e.newText })) };
}

const VERDICT_KEYS = new Set(['role', 'concern', 'confidence', 'scores', 'evidence', 'bothSides']);
const EVIDENCE_KEYS = new Set(['kind', 'text', 'range', 'concern', 'role', 'weight']);
const TAG_KEYS = new Set(['role', 'concern', 'handles', 'range', 'valueRange', 'raw']);
const DIRECTIVE_KEYS = new Set(['kind', 'rules', 'range']);
const FINDING_KEYS = new Set(['ruleId', 'severity', 'message', 'range', 'section', 'fixes']);
const FIX_KEYS = new Set(['title', 'edits', 'preferred', 'unattended']);
const EDIT_KEYS = new Set(['range', 'newText']);
const PROBLEM_KEYS = new Set(['message', 'range', 'suggestion']);

/** Whether `value` has no own field outside `keys` (so a field-by-field move misses nothing). */
function hasOnly(value: object, keys: ReadonlySet<string>): boolean {
  for (const key in value) if (!keys.has(key)) return false;
  return true;
}

/** Whether `value`'s own fields are exactly `keys` (so a field-by-field copy has the same shape). */
function hasExactly(value: object, keys: ReadonlySet<string>): boolean {
  let count = 0;
  for (const key in value) {
    if (!keys.has(key)) return false;
    count++;
  }
  return count === keys.size;
}

function moveRange(r: Range, lines: number, offsets: number): Range {
  return {
    start: { line: r.start.line + lines, character: r.start.character, offset: r.start.offset + offsets },
    end: { line: r.end.line + lines, character: r.end.character, offset: r.end.offset + offsets },
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
