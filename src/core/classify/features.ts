/**
 * What the classifier reads in a section, as named features the fitted model weighs: the
 * taxonomy's signals summed per channel and side and per channel and concern, the structure of
 * the section (title, empty body, level, length), its context (parent, declared kind, the
 * document's lean, the subsections of an empty section) and, when the model keeps a vocabulary,
 * the stemmed words of its heading and body. The same function serves training and run time, so
 * the model is fitted on exactly what it later sees.
 *
 * Every feature name is numbered once (`featureId`), and a section's features are a sparse
 * vector of numbers (`FeatureVector`): weighing a section builds no names. Its names are read
 * back only for training (`FeatureVector.named`).
 */
import type { InferredRole, Role } from '../types';
import type { Hit } from './signals';

/** Feature names by number, and numbers by name: a few hundred names (more when training reads every word). */
const featureNames: string[] = [];
const featureIds = new Map<string, number>();

/** The number of a feature name, the same for the life of the process. */
export function featureId(name: string): number {
  let id = featureIds.get(name);
  if (id === undefined) {
    id = featureNames.length;
    featureNames.push(name);
    featureIds.set(name, id);
  }
  return id;
}

/** How many feature names are numbered so far (every id is below it). */
export function featureCount(): number {
  return featureNames.length;
}

/**
 * A section's features: values by feature id, in the order they were first set (the order the
 * model sums them in, as a map of names kept it). Meant to be reused: `clear` costs nothing.
 * Sums by concern number (see `concernNumber`) are kept the same way.
 */
export class FeatureVector {
  /** Feature ids and their values, in the order first set; `size` of them are in use. */
  private readonly ids: number[] = [];
  private readonly values: number[] = [];
  private length = 0;
  /** Where each feature id stands in `ids`, valid when its stamp is the current generation. */
  private slots = new Int32Array(256);
  private stamps = new Uint32Array(256);
  private generation = 1;

  get size(): number {
    return this.length;
  }

  /** The id of the `i`-th feature set. */
  idAt(i: number): number {
    return this.ids[i];
  }

  /** The value of the `i`-th feature set. */
  valueAt(i: number): number {
    return this.values[i];
  }

  /** The feature's value; 0 when it is not set. */
  get(id: number): number {
    return this.has(id) ? this.values[this.slots[id]] : 0;
  }

  set(id: number, x: number): void {
    if (this.has(id)) this.values[this.slots[id]] = x;
    else this.append(id, x);
  }

  add(id: number, x: number): void {
    if (this.has(id)) this.values[this.slots[id]] += x;
    else this.append(id, x);
  }

  clear(): void {
    this.length = 0;
    if (++this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  /** The features by name, in order: what training records. */
  named(): Map<string, number> {
    const named = new Map<string, number>();
    for (let i = 0; i < this.length; i++) named.set(featureNames[this.ids[i]], this.values[i]);
    return named;
  }

  private has(id: number): boolean {
    return id < this.stamps.length && this.stamps[id] === this.generation;
  }

  private append(id: number, x: number): void {
    if (id >= this.stamps.length) {
      const length = Math.max(2 * this.stamps.length, featureCount());
      const slots = new Int32Array(length);
      slots.set(this.slots);
      const stamps = new Uint32Array(length);
      stamps.set(this.stamps);
      this.slots = slots;
      this.stamps = stamps;
    }
    this.stamps[id] = this.generation;
    this.slots[id] = this.length;
    this.ids[this.length] = id;
    this.values[this.length] = x;
    this.length++;
  }
}

/** The channel a signal came from, by its key: heading, body or table term, pattern, structure. */
function channelOf(hit: Hit, key: string): string {
  if (key.startsWith('structure\u0000')) return 's';
  if (key.startsWith('heading\u0000pattern')) return 'hp';
  if (key.startsWith('body\u0000pattern')) return 'bp';
  if (key === 'body\u0000code') return 'code';
  if (key === 'body\u0000contents') return 'toc';
  if (key === 'body\u0000links' || key === 'body\u0000bare-links') return 'links';
  if (key === 'body\u0000technical') return 'tech';
  if (key === 'body\u0000interaction') return 'ux';
  if (key.startsWith('table\u0000')) return 't';
  return hit.scaled ? 'b' : 'h';
}

/** Concern names by number, and numbers by name: the taxonomies' concerns. */
const concernNames: string[] = [];
const concernNumbers = new Map<string, number>();
/** The concern of each `channel:concern` feature, by feature id. */
const featureConcerns: number[] = [];

/** The number of a concern, the same for the life of the process. */
export function concernNumber(name: string): number {
  let n = concernNumbers.get(name);
  if (n === undefined) {
    n = concernNames.push(name) - 1;
    concernNumbers.set(name, n);
  }
  return n;
}

/** The concern named by `concernNumber`. */
export function concernName(n: number): string {
  return concernNames[n];
}

/** The concern (by number) of a side's signal, from its features (see `featuresOfHit`): no lookup by name. */
export function concernOfFeatures(ids: readonly number[]): number {
  return featureConcerns[ids[1]];
}

/** The features of signals by key (the taxonomy's keys, a few thousand), with what they were worked out from. */
const hitFeatures = new Map<string, { readonly concern: string; readonly role: Role | 'none'; readonly scaled: boolean; readonly ids: readonly number[] }>();

/** The features a signal (by its key) feeds: its channel and side, and its channel and concern. */
export function featuresOfHit(hit: Hit, key: string): readonly number[] {
  const known = hitFeatures.get(key);
  if (known && known.concern === hit.concern && known.role === hit.role && known.scaled === hit.scaled) return known.ids;
  const channel = channelOf(hit, key);
  const ids = hit.role === 'none' ? [featureId(`${channel}:none`)] : [featureId(`${channel}:${hit.role}`), featureId(`${channel}:${hit.concern}`)];
  if (hit.role !== 'none') featureConcerns[ids[1]] = concernNumber(hit.concern);
  if (hitFeatures.size > 50_000) hitFeatures.clear();
  hitFeatures.set(key, { concern: hit.concern, role: hit.role, scaled: hit.scaled, ids });
  return ids;
}

/** The channels of the heading and of the body, by side (see `addBalanceFeatures`). */
const BALANCE = {
  heading: channelSides(['h', 'hp']),
  body: channelSides(['b', 't', 'bp', 's']),
  hdiff: featureId('hdiff'),
  bdiff: featureId('bdiff'),
  bodyProduct: featureId('conflict:body-product'),
  bodyProject: featureId('conflict:body-project'),
};

function channelSides(channels: readonly string[]): { readonly product: readonly number[]; readonly project: readonly number[] } {
  return { product: channels.map((c) => featureId(`${c}:product`)), project: channels.map((c) => featureId(`${c}:project`)) };
}

/**
 * Adds which way the heading and the body each lean, -1 (project) to 1 (product), and where
 * they disagree, how strongly (`groups`: the signals summed per feature, see `featuresOfHit`):
 * so the fit can learn that the body, not one heading word, decides.
 */
export function addBalanceFeatures(out: FeatureVector, groups: FeatureVector): void {
  const sum = (ids: readonly number[]): number => ids.reduce((n, id) => n + groups.get(id), 0);
  const heading = { product: sum(BALANCE.heading.product), project: sum(BALANCE.heading.project) };
  const body = { product: sum(BALANCE.body.product), project: sum(BALANCE.body.project) };
  if (heading.product + heading.project > 0) out.set(BALANCE.hdiff, (heading.product - heading.project) / (heading.product + heading.project + 1));
  if (body.product + body.project > 0) out.set(BALANCE.bdiff, (body.product - body.project) / (body.product + body.project + 1));
  const against = (h: number, b: number): number => Math.log1p(Math.min(h, b));
  if (heading.project > 0 && body.product > 0) out.set(BALANCE.bodyProduct, against(heading.project, body.product));
  if (heading.product > 0 && body.project > 0) out.set(BALANCE.bodyProject, against(heading.product, body.project));
}

/** Features of the words the model keeps, by stem (`hw:` heading words, `bw:` body words). */
const wordFeatures = { hw: new Map<string, number>(), bw: new Map<string, number>() };

/** The feature of a heading (`hw`) or body (`bw`) word. */
export function wordFeature(channel: 'hw' | 'bw', stem: string): number {
  let id = wordFeatures[channel].get(stem);
  if (id === undefined) wordFeatures[channel].set(stem, (id = featureId(`${channel}:${stem}`)));
  return id;
}

/** The evidence of one side, summed: what a section says on its own. */
export interface SideTotals {
  product: number;
  project: number;
  none: number;
}

/** What the sections around one section say, as the classifier sees them. */
export interface ContextReading {
  readonly title: boolean;
  readonly level: number;
  /** Prose words of the own body. */
  readonly words: number;
  /** No body of its own: only subsections follow. */
  readonly empty: boolean;
  /** The parent's own evidence, when there is a parent that is not the title. */
  readonly parent: SideTotals | undefined;
  readonly parentIsTitle: boolean;
  /** The own evidence of the section just before at the same level, under the same parent. */
  readonly previous: SideTotals | undefined;
  /** The declared kind's side. */
  readonly kind: Role | 'mixed' | undefined;
  /** The document's lean (0–1 each), when no kind is declared. */
  readonly lean: { readonly product: number; readonly project: number } | undefined;
  /** The subsections' evidence, averaged, for a section with an empty body; undefined otherwise. */
  readonly children: SideTotals | undefined;
}

/** Where a context feature comes from. */
export const CONTEXT_SOURCES = ['title', 'parent', 'previous', 'kind', 'lean', 'children', 'shape'] as const;
export type ContextSource = (typeof CONTEXT_SOURCES)[number];

/** The source of every context feature, by feature id (for explaining it). */
const contextSources: ContextSource[] = [];

function contextFeature(name: string, source: ContextSource): number {
  const id = featureId(name);
  contextSources[id] = source;
  return id;
}

/** Which context source a context feature belongs to. */
export function contextSource(id: number): ContextSource {
  return contextSources[id];
}

const SIDES = ['product', 'project', 'none'] as const;
const LEAN_SIDES = ['product', 'project'] as const;
const KINDS = ['product', 'project', 'mixed'] as const;
type Side = (typeof SIDES)[number];

/** A context feature per side: `prefix:product`, `prefix:project`… */
function sided<S extends string>(prefix: string, source: ContextSource, sides: readonly S[]): Readonly<Record<S, number>> {
  return Object.fromEntries(sides.map((side) => [side, contextFeature(`${prefix}:${side}`, source)])) as Record<S, number>;
}

/** The context features, in pairs: as it is, and `weak` (scaled by how little the section says itself). */
const CONTEXT = {
  title: contextFeature('title', 'title'),
  empty: contextFeature('empty', 'shape'),
  /** By heading level: 1, 2, 3, and 4 for any deeper. */
  level: [1, 2, 3, 4].map((level) => contextFeature(`level:${level}`, 'shape')),
  words: contextFeature('words', 'shape'),
  parentIsTitle: contextFeature('parent:title', 'parent'),
  parent: { strong: sided('parent', 'parent', SIDES), weak: sided('parentw', 'parent', SIDES) },
  previous: { strong: sided('prev', 'previous', SIDES), weak: sided('prevw', 'previous', SIDES) },
  kind: { strong: sided('kind', 'kind', KINDS), weak: sided('kindw', 'kind', KINDS) },
  lean: { strong: sided('lean', 'lean', LEAN_SIDES), weak: sided('leanw', 'lean', LEAN_SIDES) },
  kids: contextFeature('kids', 'children'),
  kidsBySide: sided('kids', 'children', SIDES),
};

/**
 * Adds the context features to `out`. Each source appears twice: as it is, and scaled by how
 * little the section says itself (`weak`, 1 for a section with no signal, towards 0 for a
 * clear one), so the fit can let context break ties without letting it outvote own evidence.
 */
export function addContextFeatures(out: FeatureVector, c: ContextReading, own: SideTotals): void {
  const ownTotal = own.product + own.project + own.none;
  const weak = Math.exp(-ownTotal / 2);
  if (c.title) out.set(CONTEXT.title, 1);
  if (c.empty) out.set(CONTEXT.empty, 1);
  out.set(CONTEXT.level[Math.min(c.level, 4) - 1], 1);
  if (c.words > 0) out.set(CONTEXT.words, Math.log1p(c.words) / 4);
  if (c.parentIsTitle) out.set(CONTEXT.parentIsTitle, 1);
  if (c.parent) addShares(out, CONTEXT.parent, c.parent, weak);
  if (c.previous) addShares(out, CONTEXT.previous, c.previous, weak);
  if (c.kind) {
    out.set(CONTEXT.kind.strong[c.kind], 1);
    out.set(CONTEXT.kind.weak[c.kind], weak);
  }
  if (c.lean) {
    for (const side of LEAN_SIDES) {
      if (c.lean[side] <= 0) continue;
      out.set(CONTEXT.lean.strong[side], c.lean[side]);
      out.set(CONTEXT.lean.weak[side], c.lean[side] * weak);
    }
  }
  if (c.children) {
    out.set(CONTEXT.kids, 1);
    for (const side of SIDES) if (c.children[side] > 0) out.set(CONTEXT.kidsBySide[side], Math.log1p(c.children[side]));
  }
}

/** A neighbour's evidence as shares of its sides, times how much it says (full at 3 and more). */
function addShares(out: FeatureVector, features: { readonly strong: Readonly<Record<Side, number>>; readonly weak: Readonly<Record<Side, number>> }, totals: SideTotals, weak: number): void {
  const total = totals.product + totals.project + totals.none;
  if (total <= 0) return;
  const strength = Math.min(1, total / 3);
  for (const side of SIDES) {
    const share = (totals[side] / total) * strength;
    if (share <= 0) continue;
    out.set(features.strong[side], share);
    out.set(features.weak[side], share * weak);
  }
}

const RULE: Readonly<Record<InferredRole, number>> = {
  product: featureId('rule:product'),
  project: featureId('rule:project'),
  mixed: featureId('rule:mixed'),
  none: featureId('rule:none'),
};

/** Adds the verdict of the hand-set rule (see `ruleVerdict`), one feature per verdict. */
export function addRuleFeature(out: FeatureVector, rule: InferredRole): void {
  out.set(RULE[rule], 1);
}

/** The feature id of one verdict of the hand-set rule. */
export function ruleFeature(rule: InferredRole): number {
  return RULE[rule];
}

/** What the heading's form and the body's register say, apart from any term. */
export interface FormReading {
  /** The heading asks a question (`How will it be built?`): Q&A framing. */
  readonly question: boolean;
  /** The heading is only a version or a year (`1.15`, `v2`, `2025`): an entry of a history or plan. */
  readonly version: boolean;
  /** Marks of technical reference in the body (code spans, bare URLs, identifiers). */
  readonly technical: number;
  /** Prose words of the body. */
  readonly words: number;
}

const QUESTION = /\?[\s*_)]*$/;
const VERSION_ONLY = /^[\s*_(]*(?:v(?:ersion)?\s?)?\d+(?:\.\d+){0,3}[\s*_):]*$/i;

/** Reads the form of a heading (its plain text). */
export function headingForm(heading: string): Pick<FormReading, 'question' | 'version'> {
  return { question: QUESTION.test(heading), version: VERSION_ONLY.test(heading) };
}

const FORM = { question: featureId('form:question'), version: featureId('form:version'), technical: featureId('form:technical') };

/** Adds the form features to `out`: the heading's form, and the share of the body that is technical reference. */
export function addFormFeatures(out: FeatureVector, f: FormReading): void {
  if (f.question) out.set(FORM.question, 1);
  if (f.version) out.set(FORM.version, 1);
  if (f.technical > 0) out.set(FORM.technical, f.technical / (f.technical + f.words));
}
