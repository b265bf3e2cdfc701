/**
 * The classifier: reads a section's heading and own body against the taxonomy, turns what it
 * found into named features (./features) and lets the fitted model (./model, ./weights.json) say
 * which side owns it, with a calibrated confidence and the evidence. Deterministic; offline.
 *
 * Every signal is a term (heading, body, table header), a structural pattern (a date, an amount,
 * a metric target…), a structure (a checklist, a Gantt chart, a RACI table), the neutral
 * vocabulary, or context (the parent section, the document kind or, when none is declared, the
 * lean of the document's headings; for a section with no body of its own, its subsections). A
 * term counts with diminishing returns however often it repeats; body evidence is scaled down as
 * the body grows. Context features come in two forms, one damped by the section's own evidence,
 * so the fit lets context break ties without outvoting what the section says itself.
 */
import type { KindDef } from '../config/types';
import type { BlockFact, HeadingFact } from '../parse/facts';
import type { LineIndex } from '../text';
import type { Taxonomy } from '../taxonomy/types';
import type { Evidence, InferredRole, Role, Verdict } from '../types';
import { readAudience } from './audience';
import { lazyVerdict } from './evidence';
import { compileTaxonomy, type CompiledTaxonomy } from './compile';
import { documentLean, isTitle, topConcerns, type SideConcerns } from './document';
import { addBalanceFeatures, addContextFeatures, addFormFeatures, addRuleFeature, concernOfFeatures, ruleFeature, CONTEXT_SOURCES, contextSource, featureId, featuresOfHit, FeatureVector, headingForm, wordFeature, type ContextReading, type ContextSource, type SideTotals } from './features';
import { readListing } from './listing';
import { addNameFeatures } from './named';
import { calibratedConfidence, defaultModel, predict, pushToward, type Features, type LoadedModel, type Model } from './model';
import { proseWords, scanBlock, scanPatterns, scanTerms, tokenize } from './read';
import { readAssignee, readProgress } from './progress';
import { maskProse } from './scan';
import { readSenses, readSubject, subjectWords } from './sense';
import { SCORING } from './scoring';
import { saturate, Signals, type Hit } from './signals';

export { SCORING } from './scoring';
export { saturate } from './signals';
export { defaultModel, loadModel, type LoadedModel } from './model';

export interface ClassifyInput {
  readonly text: string;
  readonly lines: LineIndex;
  readonly heading: HeadingFact;
  /** The own body's blocks (code, tables, paragraphs), in order. */
  readonly blocks: readonly BlockFact[];
  /**
   * The section's place among the document's sections (0 = the first heading). When given, it
   * says exactly which heading is the document's title; otherwise a line scan finds it.
   */
  readonly index?: number;
}

export interface ClassifyContext {
  readonly taxonomy: Taxonomy;
  /** The document's declared kind, when known. */
  readonly kind: KindDef | undefined;
  /** The verdict of the enclosing section, when there is one. */
  readonly parent: Verdict | undefined;
  /** The parent is the document's title: its children take no lean from it. */
  readonly parentIsTitle?: boolean;
  /** The verdict of the section just before at the same level under the same parent, when there is one. */
  readonly previous?: Verdict;
  /** For a section with no body of its own: what its subsections say (see `readChildren`). */
  readonly children?: ChildrenReading;
  /** The fitted model; the built-in one when absent. */
  readonly model?: LoadedModel;
  /** Words whose features to read (training reads them all); the model's vocabulary when absent. */
  readonly vocabulary?: { has(stem: string): boolean; readonly size: number };
  /** Called with the features of the section before the model weighs them (training records them). */
  readonly observe?: (features: Features) => void;
}

const round = (x: number): number => Math.round(x * 100) / 100;

/** What the subsections of a section say, summed over them (their verdicts' `scores`). */
export interface ChildrenReading {
  readonly count: number;
  readonly product: number;
  readonly project: number;
  readonly none: number;
}

/** Sums the evidence of a section's subsections, for `ClassifyContext.children`. */
export function readChildren(children: readonly Verdict[]): ChildrenReading {
  const sum = { count: children.length, product: 0, project: 0, none: 0 };
  for (const v of children) {
    sum.product += v.scores.product;
    sum.project += v.scores.project;
    sum.none += v.scores.none;
  }
  return sum;
}

const CLASS_ROLE: readonly (Role | 'none')[] = ['product', 'project', 'none'];
const classOf = (role: Role | 'none'): number => (role === 'product' ? 0 : role === 'project' ? 1 : 2);

/** What a context source says, as a line of evidence for the side (product, project, none) it pushes toward. */
const CONTEXT_TEXT: Partial<Record<ContextSource, readonly [string, string, string]>> = {
  title: ['document title', 'document title', 'document title'],
  previous: ['the section before is product', 'the section before is project', 'the section before is on neither side'],
  parent: ['parent section leans product', 'parent section leans project', 'parent section is on neither side'],
  kind: ['document kind is product', 'document kind is project', 'document kind'],
  lean: ['the document leans product', 'the document leans project', 'the document leans to neither side'],
  children: ['its subsections are product', 'its subsections are project', 'its subsections are on neither side'],
};

/** Context evidence below this push is left out of the explanation. */
const CONTEXT_SHOWN = 0.1;

/** How many signals are weighed for the evidence, at most (see `candidatesOf`). */
const CANDIDATES = 3 * SCORING.maxEvidence;

/**
 * What one section is weighed with, reused from section to section (one at a time, and nothing
 * keeps them): its signals summed per feature, its context features, all its features.
 */
const groups = new FeatureVector();
const contextFeatures = new FeatureVector();
const features = new FeatureVector();
/** Its signals summed per concern, by number (the sides' own only). */
const byConcern = new FeatureVector();
const SUBJECT = featureId('sense:subject');
/**
 * What `explain` works in, reused the same way (the first few entries of each are the section's):
 * the context sources in the order they come and their pushes toward each class (three per
 * source); the signals at distinct places and their pushes.
 */
const sources: ContextSource[] = [];
const bySource = new Float64Array(3 * CONTEXT_SOURCES.length);
const placed: Hit[] = [];
const pushes = new Float64Array(CANDIDATES);
/** The section's signals in order, and their contributions, while its evidence is worked out. */
const weighed: Hit[] = [];
const contributions: number[] = [];

/**
 * Classifies one section: its role (`product`, `project`, `mixed` when both sides are strong on
 * their own, `none` when nothing is decisive), its concern, a calibrated confidence in 0–1 (the
 * fitted model's probability of the verdict, mapped by its class's calibration) and the
 * evidence, strongest first, each with its fitted contribution (built when first read: most
 * verdicts are never asked why). Linear in the section's size; the taxonomy is compiled once per
 * taxonomy object and the document-wide context once per document.
 */
export function classifySection(input: ClassifyInput, context: ClassifyContext): Verdict {
  const compiled = compileTaxonomy(context.taxonomy);
  const loaded = context.model ?? defaultModel();
  const { text, heading, lines } = input;
  const vocabulary = context.vocabulary ?? loaded.vocabulary;
  const signals = new Signals(vocabulary.size > 0 || context.vocabulary ? vocabulary : undefined);

  const headingMasked = maskProse(text.slice(heading.start, heading.end));
  const headingTokens = tokenize(compiled, headingMasked);
  scanTerms(text, headingTokens, heading.start, 'heading', signals);
  scanPatterns(compiled.headingPatterns, headingMasked, headingTokens, heading.start, SCORING.headingPattern, false, signals);
  const headingWords = signals.words ? new Set(headingTokens.infos.map((i) => i.stem).filter((w) => vocabulary.has(w))) : undefined;
  let words = 0;
  for (const block of input.blocks) words += scanBlock(compiled, text, lines, block, signals);
  // How the section reports work done and names who does it: project evidence without a planning noun.
  readProgress(text, input.blocks, signals);
  readAssignee(heading.text, heading.start, heading.end, signals);
  readListing(text, input.blocks, signals);
  readAudience(heading.text, heading.start, heading.end, signals);

  // Body evidence is scaled by length, then as a whole so that it approaches `bodyCap` however
  // long and wordy the body is (the heading keeps its say); the sides keep their shares.
  const norm = 1 / Math.sqrt(Math.max(1, words / SCORING.normWords));
  let bodyRaw = 0;
  for (const hit of signals.hits.values()) {
    hit.contribution = hit.base * saturate(hit.count) * (hit.scaled ? norm : 1);
    if (hit.scaled) bodyRaw += hit.contribution;
  }
  const bodyScale = bodyRaw > 0 ? (SCORING.bodyCap * (1 - Math.exp(-bodyRaw / SCORING.bodyCap))) / bodyRaw : 1;
  for (const hit of signals.hits.values()) if (hit.scaled) hit.contribution *= bodyScale;
  // A delivery word that is the document's subject (its title) is not the work's process.
  const subject = readSubject(compiled, text, signals.hits.values(), subjectWords(compiled, lines, heading.start));
  // Measures, risks and planning nouns mean what the section's own words make them mean.
  const senses = readSenses(compiled, text, lines, proseWords(headingTokens, []), signals);
  const own = { product: 0, project: 0, none: 0 };
  byConcern.clear();
  groups.clear();
  // With its key, without a lookup per signal (a loop over the map's entries makes an array per signal).
  signals.hits.forEach((hit, key) => {
    if (hit.role === 'product') own.product += hit.contribution;
    else if (hit.role === 'project') own.project += hit.contribution;
    else own.none += hit.contribution;
    hit.features = featuresOfHit(hit, key);
    if (hit.role !== 'none') byConcern.add(concernOfFeatures(hit.features), hit.contribution);
    for (const id of hit.features) groups.add(id, hit.contribution);
  });
  features.clear();
  for (let i = 0; i < groups.size; i++) features.set(groups.idAt(i), Math.log1p(groups.valueAt(i)));
  if (headingWords) for (const w of headingWords) features.set(wordFeature('hw', w), 1);
  if (signals.words) for (const [w, n] of signals.words) features.set(wordFeature('bw', w), Math.log1p(n) * norm);

  const title = isTitle(lines, heading.level, heading.start, input.index);
  const empty = words === 0 && bodyRaw === 0;
  // A title names the whole document: its subsections are the document, not its content.
  const children = empty && !title && context.children && context.children.count > 0 ? context.children : undefined;
  const reading: ContextReading = {
    title,
    level: heading.level,
    words,
    empty,
    parent: context.parent && !context.parentIsTitle ? context.parent.scores : undefined,
    parentIsTitle: context.parentIsTitle === true,
    previous: context.previous?.scores,
    kind: context.kind?.role,
    lean: context.kind ? undefined : documentLeanOf(compiled, lines, heading.start),
    children: children && {
      product: children.product / children.count,
      project: children.project / children.count,
      none: children.none / children.count,
    },
  };
  // Kept apart as well: the evidence explains them without looking through every feature.
  contextFeatures.clear();
  addContextFeatures(contextFeatures, reading, own);
  for (let i = 0; i < contextFeatures.size; i++) features.set(contextFeatures.idAt(i), contextFeatures.valueAt(i));
  const rule = ruleVerdict(own, signals, reading);
  addRuleFeature(features, rule);
  addBalanceFeatures(features, groups);
  const form = headingForm(heading.text);
  addFormFeatures(features, { question: form.question, version: form.version, technical: signals.technical, words });
  addNameFeatures(features, signals.named);
  if (subject > 0) features.set(SUBJECT, Math.log1p(subject));
  for (const [name, count] of senses) features.set(featureId(name), Math.log1p(count));

  const { p } = predict(loaded, features);
  const { role, confidence: probability } = decide(rule, p, loaded.model, !empty || children !== undefined);
  const confidence = calibratedConfidence(loaded.model, role === 'product' ? 0 : role === 'project' ? 1 : 2, probability);
  const bothSides = rule === 'mixed' ? round(p[0] + p[1]) : undefined;
  const top = p[0] >= p[1] ? 0 : 1;
  const verdictClass = role === 'mixed' ? top : classOf(role === 'none' ? 'none' : role);

  const concernSide: Role | undefined = role === 'product' || role === 'project' ? role : role === 'mixed' ? (CLASS_ROLE[top] as Role) : undefined;
  const concerns = topConcerns(compiled, byConcern);
  const concern = concernSide ? concerns[concernSide] : undefined;
  const scores = children
    ? { product: own.product + reading.children!.product, project: own.project + reading.children!.project, none: own.none + reading.children!.none }
    : own;
  // Last, when the vectors are no longer read: the observer may do anything, even weigh another section.
  context.observe?.(features.named());
  // The evidence is worked out when it is first read (most verdicts are never asked why), from
  // what this section alone holds: the shared vectors are another section's by then.
  const evidence: EvidenceReading = { loaded, text, lines, heading, hits: signals.hits, context: reading, own, concerns, verdictClass, kindRole: context.kind?.role, onlyLinks: signals.onlyLinks };
  return lazyVerdict(
    {
      role,
      concern,
      confidence: round(Math.min(1, Math.max(0, confidence))),
      scores: { product: round(scores.product), project: round(scores.project), none: round(scores.none) },
      bothSides,
    },
    () => quote(explain(evidence), evidence),
  );
}

/** What a verdict's evidence is worked out from (see `explain`): the section's own, none of it shared. */
interface EvidenceReading {
  readonly loaded: LoadedModel;
  readonly text: string;
  readonly lines: LineIndex;
  readonly heading: HeadingFact;
  /** The section's signals, weighed, in the order they were found. */
  readonly hits: ReadonlyMap<string, Hit>;
  /** What its context features were made from (see `addContextFeatures`). */
  readonly context: ContextReading;
  readonly own: SideTotals;
  /** The concern each side's evidence names most. */
  readonly concerns: SideConcerns;
  /** The class the verdict names (for a mix, its likelier side). */
  readonly verdictClass: number;
  readonly kindRole: Role | 'mixed' | undefined;
  /** The body is nothing but links (the rule's verdict is then `none`). */
  readonly onlyLinks: boolean;
}

/** A piece of evidence before it quotes the text: a context line has its text, a signal its place. */
interface Draft {
  readonly kind: Evidence['kind'];
  readonly text: string | undefined;
  readonly start: number;
  readonly end: number;
  readonly concern: string;
  readonly role: Evidence['role'];
  readonly weight: number;
}

/**
 * The evidence of a verdict, strongest first: the context that pushed it and the signals of the
 * section, each with its fitted contribution (see `quote` for the text and ranges). Fills
 * `groups` and `contextFeatures` again from the section's signals and context, as the
 * classifier did (the same sums, in the same order).
 */
function explain(reading: EvidenceReading): Draft[] {
  const { loaded, heading, concerns, verdictClass } = reading;
  groups.clear();
  let n = 0;
  for (const hit of reading.hits.values()) {
    for (const id of hit.features!) groups.add(id, hit.contribution);
    weighed[n] = hit;
    contributions[n++] = hit.contribution;
  }
  contextFeatures.clear();
  addContextFeatures(contextFeatures, reading.context, reading.own);
  const evidence: Draft[] = [];
  // The context features' pushes toward each class, summed per source (in the order the sources come).
  let met = 0;
  for (let f = 0; f < contextFeatures.size; f++) {
    const id = contextFeatures.idAt(f);
    const source = contextSource(id);
    let i = 0;
    while (i < met && sources[i] !== source) i++;
    if (i === met) {
      sources[met++] = source;
      bySource.fill(0, 3 * i, 3 * i + 3);
    }
    for (let c = 0; c < 3; c++) bySource[3 * i + c] += pushToward(loaded, id, contextFeatures.valueAt(f), c);
  }
  for (let i = 0; i < met; i++) {
    // The section's shape (level, length) weighs in but says nothing a reader could act on.
    const say = CONTEXT_TEXT[sources[i]];
    if (!say) continue;
    const side = bySource[3 * i + verdictClass] >= CONTEXT_SHOWN ? verdictClass : strongestClass(bySource, 3 * i);
    const push = bySource[3 * i + side];
    if (push < CONTEXT_SHOWN) continue;
    const sideRole = CLASS_ROLE[side];
    const concern = sideRole === 'none' ? 'none' : (concerns[sideRole] ?? 'none');
    evidence.push({ kind: 'context', text: say[side], start: heading.start, end: heading.end, concern, role: sideRole, weight: round(push) });
  }
  // A body of nothing but links set the rule's verdict to `none`: said, like context, at the heading
  // (its URLs are not quoted), with the push the fit gave that verdict.
  if (reading.onlyLinks) {
    const push = pushToward(loaded, ruleFeature('none'), 1, 2);
    if (push >= CONTEXT_SHOWN) evidence.push({ kind: 'context', text: 'the body is only links', start: heading.start, end: heading.end, concern: 'none', role: 'none', weight: round(push) });
  }
  // A declared kind acts through the rule (a fixed prior: the labelled plans declare none).
  const kindRole = reading.kindRole;
  if (kindRole === 'product' || kindRole === 'project') {
    const text = CONTEXT_TEXT.kind![classOf(kindRole)];
    if (!evidence.some((e) => e.text === text)) {
      evidence.push({ kind: 'context', text, start: heading.start, end: heading.end, concern: concerns[kindRole] ?? 'none', role: kindRole, weight: SCORING.kind });
    }
  }
  // The signals worth weighing: the push of a signal follows its contribution closely, so only the strongest few.
  const candidates = n > CANDIDATES ? strongest(weighed, contributions, n, CANDIDATES) : undefined;
  const weighing = candidates ? candidates.length : n;
  // One line per place in the text: a word that several concerns list speaks once, for the
  // concern it pushes most.
  let count = 0;
  for (let c = 0; c < weighing; c++) {
    const hit = weighed[candidates ? candidates[c] : c];
    if (!hit.quoted) continue;
    const push = pushOf(loaded, hit);
    // At most a few dozen candidates: a scan finds the one at the same place.
    let i = 0;
    while (i < count && !samePlace(placed[i], hit)) i++;
    if (i === count) {
      placed[count] = hit;
      pushes[count++] = push;
    } else if (push > pushes[i]) {
      placed[i] = hit;
      pushes[i] = push;
    }
  }
  for (const i of strongest(placed, pushes, count, SCORING.maxEvidence)) {
    const hit = placed[i];
    evidence.push({ kind: hit.kind, text: undefined, start: hit.start, end: hit.end, concern: hit.concern, role: hit.role, weight: round(pushes[i]) });
  }
  sortByWeight(evidence);
  if (evidence.length > SCORING.maxEvidence) evidence.length = SCORING.maxEvidence;
  return evidence;
}

/** A signal's share of its features' fitted push toward its own side. */
function pushOf(loaded: LoadedModel, hit: Hit): number {
  const ids = hit.features!;
  const c = classOf(hit.role);
  let push = 0;
  for (let i = 0; i < ids.length; i++) {
    const sum = groups.get(ids[i]);
    if (sum <= 0) continue;
    // The feature's value, as the classifier set it from the group's sum.
    push += (hit.contribution / sum) * pushToward(loaded, ids[i], Math.log1p(sum), c);
  }
  return push;
}

/** The class a source pushes most toward (the first of equals), its pushes standing at `at` in `pushes`. */
function strongestClass(pushes: Float64Array, at: number): number {
  const product = pushes[at];
  const project = pushes[at + 1];
  const none = pushes[at + 2];
  if (project > product) return none > project ? 2 : 1;
  return none > product ? 2 : 0;
}

function samePlace(a: Hit, b: Hit): boolean {
  return a.start === b.start && a.end === b.end && a.kind === b.kind;
}

/** Sorts evidence strongest first, equal weights in the order they came: a few pieces, most already in order. */
function sortByWeight(evidence: Draft[]): void {
  for (let i = 1; i < evidence.length; i++) {
    const e = evidence[i];
    let j = i;
    while (j > 0 && evidence[j - 1].weight < e.weight) {
      evidence[j] = evidence[j - 1];
      j--;
    }
    evidence[j] = e;
  }
}

/** The evidence of `drafts`: the text each signal quotes, and the ranges (context lines point at the heading). */
function quote(drafts: readonly Draft[], { text, lines, heading }: EvidenceReading): Evidence[] {
  const headingRange = lines.range(heading.start, heading.end);
  return drafts.map((d) =>
    d.text !== undefined
      ? { kind: d.kind, text: d.text, range: headingRange, concern: d.concern, role: d.role, weight: d.weight }
      : { kind: d.kind, text: text.slice(d.start, d.end), range: lines.range(d.start, d.end), concern: d.concern, role: d.role, weight: d.weight },
  );
}

/**
 * Where the `k` strongest of the first `n` signals by push stand in `hits` (and `pushes`),
 * strongest first (earlier in the text first on a tie), without sorting them all.
 */
function strongest(hits: readonly Hit[], pushes: ArrayLike<number>, n: number, k: number): number[] {
  const top: number[] = [];
  for (let h = 0; h < n; h++) {
    if (top.length === k && !before(hits, pushes, h, top[k - 1])) continue;
    let i = top.length < k ? top.length : k - 1;
    while (i > 0 && before(hits, pushes, h, top[i - 1])) {
      if (i < k) top[i] = top[i - 1];
      i--;
    }
    top[i] = h;
  }
  return top;
}

/** Whether signal `a` comes before signal `b` among the strongest. */
function before(hits: readonly Hit[], pushes: ArrayLike<number>, a: number, b: number): boolean {
  return pushes[a] > pushes[b] || (pushes[a] === pushes[b] && hits[a].start < hits[b].start);
}

/**
 * The verdict: the hand-set rule's, checked by the fitted model. The rule's side is not named
 * (`none`: a wrong side costs most) when the model is sure of the other side (`veto`) or sure the
 * section is on neither side (`quiet`: reference text full of owner words; not a lone heading
 * with neither body nor subsections, which has nothing but its words to go by); a `none`
 * becomes a side only when the model is sure of it (`promote`). The confidence returned is the
 * model's probability of the verdict, before the calibration of its class.
 */
export function decide(rule: InferredRole, p: readonly [number, number, number], m: Model, hasContent = true): { role: InferredRole; confidence: number } {
  const top = p[0] >= p[1] ? 0 : 1;
  // Both sides strong on their own: a side the model is sure of dominates (a section that mixes
  // both belongs to its dominant side). Otherwise it is a mix, and its confidence is that of its
  // likelier side: a mix names no single owner, so it is no surer than the side it leans to
  // (`bothSides` carries how probable it is that either side owns it).
  if (rule === 'mixed') return { role: p[top] >= m.dominant ? (CLASS_ROLE[top] as Role) : 'mixed', confidence: p[top] };
  if (rule === 'product' || rule === 'project') {
    const c = classOf(rule);
    const quiet = hasContent && p[2] >= m.quiet;
    return p[1 - c] >= m.veto || quiet ? { role: 'none', confidence: p[2] } : { role: rule, confidence: p[c] };
  }
  if (p[top] >= m.promote) return { role: CLASS_ROLE[top] as Role, confidence: p[top] };
  return { role: 'none', confidence: p[2] };
}

/**
 * The verdict of the hand-set rule the classifier used before it had a fitted model (the sides'
 * evidence plus fixed context priors, a side winning only by a clear margin), kept as one
 * feature: the fit learns where that rule is right and where it is not.
 */
function ruleVerdict(own: { product: number; project: number; none: number }, signals: Signals, c: ContextReading): InferredRole {
  // A body of nothing but links is a list of references, whatever its heading names.
  if (signals.onlyLinks) return 'none';
  const side = { ...own };
  if (c.title) {
    let headingTotal = 0;
    for (const hit of signals.hits.values()) if (!hit.scaled) headingTotal += hit.contribution;
    side.none += SCORING.title + headingTotal;
  }
  if (c.parent) {
    const total = c.parent.product + c.parent.project + c.parent.none;
    if (total > 0) {
      const k = (SCORING.parent * Math.min(1, total / 3)) / total;
      side.product += k * c.parent.product;
      side.project += k * c.parent.project;
      side.none += k * c.parent.none;
    }
  }
  if (c.kind === 'product' || c.kind === 'project') side[c.kind] += SCORING.kind;
  if (c.lean) {
    side.product += SCORING.document * c.lean.product;
    side.project += SCORING.document * c.lean.project;
  }
  if (c.children) {
    side.product += c.children.product;
    side.project += c.children.project;
    side.none += c.children.none;
  }
  const top: Role = side.product >= side.project ? 'product' : 'project';
  const strong = side[top];
  const weak = side[top === 'product' ? 'project' : 'product'];
  if (strong < SCORING.minSignal || side.none >= strong) return 'none';
  if (weak >= SCORING.mixStrong && weak >= SCORING.mixRatio * strong) return 'mixed';
  const margin = ((strong - Math.max(weak, side.none)) / strong) * (1 - Math.exp(-strong / 2));
  return margin >= SCORING.decisive ? top : 'none';
}

/**
 * The document's lean as the section sees it (its own heading left out): 0–1 for the side the
 * document's headings lean to, growing with their number and one-sidedness.
 */
function documentLeanOf(compiled: CompiledTaxonomy, lines: LineIndex, start: number): { product: number; project: number } | undefined {
  const lean = documentLean(compiled, lines);
  const own = lean.byLine.get(lines.positionAt(start).line) ?? [0, 0];
  const p = Math.max(0, lean.product - own[0]);
  const j = Math.max(0, lean.project - own[1]);
  const total = p + j;
  if (total <= 0 || p === j) return undefined;
  const k = Math.min(1, total / SCORING.leanFull) * (Math.abs(p - j) / total) ** SCORING.leanPower;
  return p > j ? { product: k, project: 0 } : { product: 0, project: k };
}
