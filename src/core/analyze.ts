/**
 * The engine's entry: text in, Analysis out. parse → sections → tags → classify → rules →
 * directives → summary. Pure: no I/O, no editor. Linear in the document's size: parsing goes
 * chunk by chunk (./parse/chunks) and nothing here compares every finding with every section.
 */
import { classifySection, readChildren, type ChildrenReading, type ClassifyContext, type LoadedModel } from './classify';
import type { Features } from './classify/model';
import { compileTaxonomy } from './classify/compile';
import { documentLeanSteps, isTitle } from './classify/document';
import { headingOutlineSteps } from './classify/scan';
import { documentSenseKey } from './classify/sense';
import { defaultConfig } from './config/defaults';
import { own } from './config/dictionary';
import type { KindDef, ResolvedConfig } from './config/types';
import { readFrontMatter } from './frontmatter';
import { labelKeys } from './parse/definitions';
import { parseFacts, type BlockFact, type CommentFact, type DocumentFacts } from './parse/facts';
import { documentStart, frontMatterEnd } from './parse/markdown';
import { finish, type Steps } from './steps';
import { rules, ruleIds } from './rules/registry';
import type { Report, Rule, RuleContext } from './rules/rule';
import { outlineSections } from './sections';
import { summarySteps } from './summary';
import { changeTo, didYouMean, nearest, readComment, type TagProblem } from './tags';
import { countWords, LineIndex } from './text';
import type { Analysis, Directive, Finding, FrontMatter, OwnerTag, Section, Severity, Verdict } from './types';

export interface AnalyzeOptions {
  /** Resolved configuration; the built-in defaults when absent. */
  readonly config?: ResolvedConfig;
  /** Facts already parsed for this exact text (the incremental analyzer passes them). */
  readonly facts?: DocumentFacts;
  /** The classifier's fitted model; the built-in one when absent. */
  readonly model?: LoadedModel;
  /** Called with each section's features as the classifier decides it (training records them); the last call for a section is the one that counts. */
  readonly observe?: (section: number, features: Features) => void;
  /** Words whose features to read (training reads them all). */
  readonly vocabulary?: { has(stem: string): boolean; readonly size: number };
}

/** Analyses a Markdown document. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return finish(analyzeSteps(text, options.facts ?? parseFacts(text), options.config ?? defaultConfig, undefined, options));
}

/**
 * What a section's own results depend on besides its text: equal keys, equal results (up to
 * where the section stands). Filled in only when a memo is in use.
 */
export interface SectionKey {
  /** The section's text, heading to end. */
  readonly text: string;
  /** The document-wide context: configuration, kind or lean, parser mode. */
  readonly document: string;
  readonly heading: string;
  readonly level: number;
  /** The heading's column (the text before it on its line belongs to the previous section). */
  readonly column: number;
  /** The classifier takes it for the document's title. */
  readonly title: boolean;
  /** The heading's vote in the document's lean, as the classifier counts it. */
  readonly vote: string;
  /** It ends the document (an open block then ends differently). */
  readonly last: boolean;
  /**
   * The document's definitions its text could refer to (they decide links, and with them where
   * a task item's paragraph starts).
   */
  readonly definitions: string;
  /** The memo id of the parent section's result, -1 for none. */
  readonly parent: number;
  /** What the section before at the same level under the same parent says (its scores), undefined for none. */
  readonly previous: Verdict['scores'] | undefined;
  /** Where the section starts now: offset and line. */
  readonly start: number;
  readonly line: number;
}

/** A section's own results: its verdict, its words, and what its comments say. */
export interface SectionParts {
  readonly verdict: Verdict;
  readonly words: number;
  readonly tags: readonly OwnerTag[];
  readonly directives: readonly Directive[];
  readonly problems: readonly TagProblem[];
}

/** A section's own results, with the memo's id for them. */
export interface SectionResult extends SectionParts {
  readonly id: number;
}

/**
 * Remembers sections' own results between analyses of one document: a section whose text and
 * context are unchanged is not read again, its results are moved to where it now stands. (The
 * incremental analyzer provides one.)
 */
export interface SectionMemo {
  lookup(key: SectionKey, compute: () => SectionParts): SectionResult;
  /**
   * `section`, built from the results `lookup` gave for the section at `start`, or the very
   * object the last analysis built from them when it equals `section` (so unchanged sections
   * stay the same objects, and what depends on them can be kept by identity).
   */
  settle(start: number, section: Section): Section;
  /**
   * The findings of the local rules (see `SectionRule.local`) for `section` (settled): those
   * kept from the last analysis when the section and the document's rule context (`rules`) are
   * as they were then, otherwise `check()`'s.
   */
  findings(section: Section, rules: string, check: () => readonly Finding[]): readonly Finding[];
  /**
   * The verdict of the section at `start` read again with what its subsections say: the one kept
   * from the last analysis when the section's results were kept where they stood and `inputs`
   * are the same objects as then, otherwise `read()`'s.
   */
  reread(start: number, inputs: readonly unknown[], read: () => Verdict): Verdict;
}

/** How many sections to handle between two pauses of `analyzeSteps`. */
const SECTIONS_PER_STEP = 8;

/**
 * The analysis as a sequence of steps: it pauses (yields) every few sections, so that a caller
 * can spread it over several turns of the event loop; its final value is the Analysis. `memo`
 * reuses classifications of unchanged sections.
 */
export function* analyzeSteps(
  text: string,
  facts: DocumentFacts,
  config: ResolvedConfig,
  memo?: SectionMemo,
  classifier: Pick<AnalyzeOptions, 'model' | 'observe' | 'vocabulary'> = {},
): Steps<Analysis> {
  const lines = new LineIndex(text);
  yield;
  const outline = outlineSections(facts, text.length);
  yield;
  const problems: TagProblem[] = [];

  let frontMatter: FrontMatter | undefined;
  if (facts.frontMatter) {
    const read = readFrontMatter(facts.frontMatter, lines);
    frontMatter = read.frontMatter;
    problems.push(...read.problems);
  }
  const kind = frontMatter?.plan;
  const kindDef = kind !== undefined ? own(config.kinds, kind) : undefined;
  if (kind !== undefined && !kindDef && frontMatter) {
    const kinds = Object.keys(config.kinds);
    const near = nearest(kind, kinds);
    problems.push({
      message: `Unknown plan kind '${kind}': ${didYouMean(near, `expected one of ${kinds.join(', ')}`)}`,
      range: frontMatter.planRange ?? frontMatter.range,
      suggestion: changeTo(near),
    });
  }

  const directives: Directive[] = [];
  for (const comment of outline.preamble.comments) {
    const reading = readComment(comment, lines, config.taxonomy, ruleIds);
    problems.push(...reading.problems);
    if (reading.meaning.type === 'directive') directives.push(reading.meaning.directive);
    else if (reading.meaning.type === 'owner') problems.push({ message: 'Owner tag stands before any heading: put it under the heading of the section it tags', range: reading.meaning.tag.range });
  }
  yield;

  // One object per section, written out (no spread): thousands of sections are read.
  const classifierOf = (index: number, parent: Verdict | undefined, parentIsTitle: boolean, previous: Verdict | undefined, children?: ChildrenReading): ClassifyContext => ({
    taxonomy: config.taxonomy,
    kind: kindDef,
    model: classifier.model ?? config.model,
    vocabulary: classifier.vocabulary,
    observe: classifier.observe && ((features: Features) => classifier.observe?.(index, features)),
    parent,
    parentIsTitle,
    previous,
    children,
  });
  const documentContext = memo ? yield* documentContextSteps(text, config, kindDef, lines, facts) : undefined;
  const sections: Section[] = [];
  const verdicts: Verdict[] = [];
  const ids: number[] = [];
  const first = outline.sections[0];
  // Read as the memo key reads it (`title`), so a change of title changes the keys that depend on it.
  const titleAt = first && isTitle(lines, first.heading.level, first.heading.start, undefined) ? 0 : -1;
  // The section before each at the same level under the same parent (-1: none; the title is none).
  const previousOf: number[] = [];
  const lastChild = new Map<number, number>();
  // Each section's place, kept for when a section is read again with its subsections' verdicts:
  // `withVerdict` then gets a place, as in the first reading, not a section (an object of another
  // shape would throw its optimized code back to the interpreter).
  const places: SectionPlace[] = [];
  // The last section of each section's subtree: once it is read, so is every subsection.
  const subtreeEnd: number[] = new Array<number>(outline.sections.length);
  for (let i = outline.sections.length - 1; i >= 0; i--) {
    const kids = outline.sections[i].children;
    subtreeEnd[i] = kids.length > 0 ? subtreeEnd[kids[kids.length - 1]] : i;
  }
  // A section with no body of its own takes its role from its subsections: it is read again with
  // what they say (cheap: there is only a heading to read) as soon as the last of them is read,
  // deepest first. What goes in (the first verdicts of its parent and of the section before, the
  // last of its subsections) is the same as after the whole loop; reading it here means the
  // classifier meets sections of both kinds from the document's start, rather than first at its
  // end, where a classifier optimized without them would be thrown back to the interpreter.
  const rereadSubtreesEndingAt = (j: number): void => {
    for (let i: number | undefined = j; i !== undefined && subtreeEnd[i] === j; i = outline.sections[i].parent) rereadFromChildren(i);
  };
  const rereadFromChildren = (i: number): void => {
    const s = outline.sections[i];
    if (s.children.length === 0 || s.blocks.some((b) => b.kind !== 'html')) return;
    const parent = s.parent !== undefined ? verdicts[s.parent] : undefined;
    const childVerdicts = s.children.map((c) => sections[c].inferred);
    const previous = previousOf[i] >= 0 ? verdicts[previousOf[i]] : undefined;
    const parentIsTitle = s.parent === titleAt;
    const read = (): Verdict =>
      classifySection({ text, lines, heading: s.heading, blocks: s.blocks }, classifierOf(s.index, parent, parentIsTitle, previous, readChildren(childVerdicts)));
    const verdict = memo ? memo.reread(s.heading.start, [parent, previous, parentIsTitle, ...childVerdicts], read) : read();
    sections[i] = withVerdict(places[i], verdict);
  };
  for (const s of outline.sections) {
    if (s.index % SECTIONS_PER_STEP === SECTIONS_PER_STEP - 1) yield;
    const parent = s.parent !== undefined ? verdicts[s.parent] : undefined;
    const before = lastChild.get(s.parent ?? -1) ?? -1;
    previousOf.push(before === titleAt ? -1 : before);
    lastChild.set(s.parent ?? -1, s.index);
    const previous = previousOf[s.index] >= 0 ? verdicts[previousOf[s.index]] : undefined;
    const compute = (): SectionParts => {
      const { tags, directives, problems } = readSectionComments(s.comments, lines, config);
      return {
        verdict: classifySection({ text, lines, heading: s.heading, blocks: s.blocks }, classifierOf(s.index, parent, s.parent === titleAt, previous)),
        words: proseWordCount(text, s.blocks),
        tags,
        directives,
        problems,
      };
    };
    let result: SectionParts;
    if (memo && documentContext) {
      const start = lines.positionAt(s.heading.start);
      const remembered = memo.lookup(
        {
          text: text.slice(s.heading.start, s.end),
          document: documentContext.key,
          heading: s.heading.text,
          level: s.heading.level,
          column: start.character,
          title: isTitle(lines, s.heading.level, s.heading.start, undefined),
          vote: documentContext.byLine ? documentContext.byLine.get(start.line)?.join(',') ?? '' : '',
          last: s.end === text.length,
          definitions: usedDefinitions(documentContext.definitions, text.slice(s.heading.start, s.end)),
          parent: s.parent !== undefined ? ids[s.parent] : -1,
          previous: previous?.scores,
          start: s.heading.start,
          line: start.line,
        },
        compute,
      );
      ids.push(remembered.id);
      result = remembered;
    } else result = compute();
    for (const p of result.problems) problems.push(p);
    for (const d of result.directives) directives.push(d);
    verdicts.push(result.verdict);
    const place: SectionPlace = {
      index: s.index,
      heading: s.heading.text,
      level: s.heading.level,
      headingRange: lines.range(s.heading.start, s.heading.end),
      range: lines.range(s.heading.start, s.end),
      bodyRange: lines.range(s.bodyStart, s.end),
      parent: s.parent,
      children: s.children,
      wordCount: result.words,
      tags: result.tags,
    };
    places.push(place);
    sections.push(withVerdict(place, result.verdict));
    rereadSubtreesEndingAt(s.index);
  }
  yield;
  if (memo) for (const s of outline.sections) sections[s.index] = memo.settle(s.heading.start, sections[s.index]);
  yield;

  const blocks = outline.sections.map((s) => s.blocks);
  const context: RuleContext = { text, lines, config, kind, kindDef, frontMatter, sections, blocks, problems };
  const findings: Finding[] = [];
  const reporter = (rule: Rule, severity: Severity, into: Finding[]) => (report: Report): void => {
    into.push({ ruleId: rule.id, severity, message: report.message, range: report.range, section: report.section, fixes: report.fixes ?? [] });
  };
  const active = rules.flatMap((rule) => {
    const severity = config.rules[rule.id] ?? rule.defaultSeverity;
    return severity === 'off' ? [] : [{ rule, severity, report: reporter(rule, severity, findings) }];
  });
  const local = active.filter((a) => a.rule.checkSection && a.rule.local);
  const bySection = active.filter((a) => a.rule.checkSection && !a.rule.local);
  // What local rules read of the document besides the section (the configuration gives the kind's definition).
  const ruleContext = documentContext ? JSON.stringify([documentContext.config, kind ?? '', lines.eol, ...local.map((a) => a.rule.local?.reads?.(context) ?? '')]) : '';
  const checkLocal = (section: Section): Finding[] => {
    const found: Finding[] = [];
    for (const { rule, severity } of local) rule.checkSection?.(section, context, reporter(rule, severity, found));
    return found;
  };
  for (const section of sections) {
    if (section.index % SECTIONS_PER_STEP === SECTIONS_PER_STEP - 1) yield;
    if (memo) for (const finding of memo.findings(section, ruleContext, () => checkLocal(section))) findings.push(finding);
    else for (const { rule, report } of local) rule.checkSection?.(section, context, report);
    for (const { rule, report } of bySection) rule.checkSection?.(section, context, report);
  }
  yield;
  for (const { rule, report } of active) {
    if (!rule.check) continue;
    rule.check(context, report);
    yield;
  }
  const kept = applyDirectives(findings, directives, sections, outline.sections[0]?.heading.start ?? text.length);
  kept.sort((a, b) => a.range.start.offset - b.range.start.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  yield;
  const summary = yield* summarySteps(kind, sections, kept, frontMatter, config.taxonomy);
  return { kind, frontMatter, sections, findings: kept, summary };
}

/** What a section is before its verdict: where it stands, its words and its tags. */
type SectionPlace = Omit<Section, 'inferred' | 'role' | 'concern' | 'confidence' | 'tagged'>;

/**
 * The section `place` with `verdict`, and the role its owner tag, when it has one, and the
 * verdict make. Every field is written out (no spread): thousands of sections get one shape.
 */
function withVerdict(place: SectionPlace, verdict: Verdict): Section {
  const tag = place.tags[0];
  return {
    index: place.index,
    heading: place.heading,
    level: place.level,
    headingRange: place.headingRange,
    range: place.range,
    bodyRange: place.bodyRange,
    parent: place.parent,
    children: place.children,
    wordCount: place.wordCount,
    tags: place.tags,
    inferred: verdict,
    role: tag ? tag.role : verdict.role,
    concern: tag ? tag.concern ?? (tag.role === verdict.role ? verdict.concern : undefined) : verdict.concern,
    confidence: tag ? 1 : verdict.confidence,
    tagged: tag !== undefined,
  };
}

/** The words of a section's own blocks, code and HTML left out. */
function proseWordCount(text: string, blocks: readonly BlockFact[]): number {
  let words = 0;
  for (const block of blocks) if (block.kind !== 'code' && block.kind !== 'html') words += countWords(text, block.start, block.end);
  return words;
}

const configIds = new WeakMap<object, number>();
let nextConfigId = 0;

interface DocumentContext {
  readonly key: string;
  /** The configuration's identity, as a number. */
  readonly config: number;
  /** Each heading's vote in the lean, by line (when no kind is declared). */
  readonly byLine: ReadonlyMap<number, readonly [number, number]> | undefined;
  /** Keys of all the document's definitions. */
  readonly definitions: ReadonlySet<string>;
}

/**
 * The document-wide part of what a section's results depend on: the configuration (by
 * identity), the declared kind or — when none is declared — the document's lean, which the
 * classifier reads from all headings, the subject its title names, and whether an unclosed front
 * matter fence put the parser in its odd mode (no containers anywhere).
 */
function* documentContextSteps(text: string, config: ResolvedConfig, kindDef: KindDef | undefined, lines: LineIndex, facts: DocumentFacts): Steps<DocumentContext> {
  let id = configIds.get(config);
  if (id === undefined) configIds.set(config, (id = nextConfigId++));
  const odd = frontMatterEnd(text, documentStart(text)) < 0 ? 1 : 0;
  const definitions = facts.definitions ?? NO_DEFINITIONS;
  // Read here, a step at a time, rather than by the first title test of the section loop.
  yield* headingOutlineSteps(lines);
  const compiled = compileTaxonomy(config.taxonomy);
  const subject = documentSenseKey(compiled, lines);
  if (kindDef) return { key: `${id}|${odd}|${subject}|${JSON.stringify(kindDef)}`, config: id, byLine: undefined, definitions };
  const lean = yield* documentLeanSteps(compiled, lines);
  return { key: `${id}|${odd}|${subject}|-|${lean.product}|${lean.project}|${lean.concerns.product ?? ''}|${lean.concerns.project ?? ''}`, config: id, byLine: lean.byLine, definitions };
}

const NO_DEFINITIONS: ReadonlySet<string> = new Set();

/** The keys of the document's definitions that `section` could refer to, as one string. */
function usedDefinitions(definitions: ReadonlySet<string>, section: string): string {
  if (definitions.size === 0) return '';
  return labelKeys(section).filter((key) => definitions.has(key)).join('\n');
}

/** Reads a section's comments: its owner tags, directives and the problems they have. */
function readSectionComments(comments: readonly CommentFact[], lines: LineIndex, config: ResolvedConfig): { tags: OwnerTag[]; directives: Directive[]; problems: TagProblem[] } {
  const tags: OwnerTag[] = [];
  const directives: Directive[] = [];
  const problems: TagProblem[] = [];
  for (const comment of comments) {
    const reading = readComment(comment, lines, config.taxonomy, ruleIds);
    for (const problem of reading.problems) problems.push(problem);
    if (reading.meaning.type === 'directive') directives.push(reading.meaning.directive);
    else if (reading.meaning.type === 'owner') tags.push(reading.meaning.tag);
  }
  return { tags, directives, problems };
}

/**
 * Drops findings that inline directives switch off, as markdownlint does:
 * `pm-lens-disable [rules]` until `pm-lens-enable [rules]`; `pm-lens-disable-next-section
 * [rules]` for the first section after it; `pm-lens-disable-line [rules]` for the findings
 * reported on its own line, and `pm-lens-disable-next-line [rules]` on the line after it (a
 * finding is reported on the line where its range starts, as the command line prints it). A
 * finding on the whole document (no section) is switched off by a `pm-lens-disable` before the
 * first heading. Directives come in document order; each finding is looked up by binary search
 * or in a map, so this stays linear in practice.
 */
function applyDirectives(findings: Finding[], directives: readonly Directive[], sections: readonly Section[], firstHeading: number): Finding[] {
  if (directives.length === 0) return findings;
  const matches = (d: Directive, ruleId: string): boolean => d.rules.length === 0 || d.rules.includes(ruleId);

  // Per rule, the offsets where a disable or enable applying to it stands, and which it was.
  const timelines = new Map<string, { offsets: number[]; disabled: boolean[] }>();
  const timeline = (ruleId: string): { offsets: number[]; disabled: boolean[] } => {
    let t = timelines.get(ruleId);
    if (!t) {
      t = { offsets: [], disabled: [] };
      for (const d of directives) {
        if ((d.kind === 'disable' || d.kind === 'enable') && matches(d, ruleId)) {
          t.offsets.push(d.range.start.offset);
          t.disabled.push(d.kind === 'disable');
        }
      }
      timelines.set(ruleId, t);
    }
    return t;
  };
  const disabledAt = (ruleId: string, offset: number): boolean => {
    const t = timeline(ruleId);
    // The last directive at or before `offset`.
    let lo = 0;
    let hi = t.offsets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t.offsets[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && t.disabled[lo - 1];
  };

  // The section each disable-next-section directive is about: the first heading after it.
  const nextSection = new Map<number, Directive[]>();
  for (const d of directives) {
    if (d.kind !== 'disable-next-section') continue;
    let lo = 0;
    let hi = sections.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sections[mid].headingRange.start.offset >= d.range.end.offset) hi = mid;
      else lo = mid + 1;
    }
    if (lo >= sections.length) continue;
    const index = sections[lo].index;
    const list = nextSection.get(index);
    if (list) list.push(d);
    else nextSection.set(index, [d]);
  }
  const disabledForSection = (ruleId: string, section: number): boolean => nextSection.get(section)?.some((d) => matches(d, ruleId)) ?? false;

  // The line each disable-line and disable-next-line directive is about.
  const onLine = new Map<number, Directive[]>();
  for (const d of directives) {
    const line = d.kind === 'disable-line' ? d.range.start.line : d.kind === 'disable-next-line' ? d.range.end.line + 1 : undefined;
    if (line === undefined) continue;
    const list = onLine.get(line);
    if (list) list.push(d);
    else onLine.set(line, [d]);
  }
  const disabledOnLine = (f: Finding): boolean => onLine.get(f.range.start.line)?.some((d) => matches(d, f.ruleId)) ?? false;

  return findings.filter((f) => {
    if (disabledOnLine(f)) return false;
    if (f.section === undefined) {
      return !directives.some((d) => d.kind === 'disable' && matches(d, f.ruleId) && d.range.start.offset < firstHeading);
    }
    return !disabledAt(f.ruleId, f.range.start.offset) && !disabledForSection(f.ruleId, f.section);
  });
}
