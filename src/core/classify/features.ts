/**
 * What the classifier reads in a section, as named features the fitted model weighs: the
 * taxonomy's signals summed per channel and side and per channel and concern, the structure of
 * the section (title, empty body, level, length), its context (parent, declared kind, the
 * document's lean, the subsections of an empty section) and, when the model keeps a vocabulary,
 * the stemmed words of its heading and body. The same function serves training and run time, so
 * the model is fitted on exactly what it later sees.
 */
import type { Role } from '../types';
import type { Hit } from './signals';

/** The channel a signal came from, by its key: heading, body or table term, pattern, structure. */
export function channelOf(hit: Hit, key: string): string {
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

/** The feature names a signal feeds: its channel and side, and its channel and concern. */
export function featuresOfHit(channel: string, hit: Hit): readonly string[] {
  const key = `${channel}\u0000${hit.concern}`;
  let names = namesCache.get(key);
  if (!names) {
    names = hit.role === 'none' ? [`${channel}:none`] : [`${channel}:${hit.role}`, `${channel}:${hit.concern}`];
    if (namesCache.size > 10_000) namesCache.clear();
    namesCache.set(key, names);
  }
  return names;
}

/** Feature names by channel and concern: a few hundred at most, asked for at every signal. */
const namesCache = new Map<string, readonly string[]>();

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

/** Which context source a feature belongs to (for explaining it), by its name. */
export function contextSource(name: string): ContextSource | undefined {
  let known = sourceCache.get(name);
  if (known === undefined) {
    known = sourceOf(name) ?? null;
    if (sourceCache.size > 10_000) sourceCache.clear();
    sourceCache.set(name, known);
  }
  return known ?? undefined;
}

type ContextSource = 'title' | 'parent' | 'previous' | 'kind' | 'lean' | 'children' | 'shape';
/** Sources by feature name: the names are few and asked for at every section. */
const sourceCache = new Map<string, ContextSource | null>();

function sourceOf(name: string): ContextSource | undefined {
  const head = name.slice(0, name.indexOf(':') < 0 ? name.length : name.indexOf(':'));
  switch (head) {
    case 'title':
      return 'title';
    case 'parent':
    case 'parentw':
      return 'parent';
    case 'kind':
    case 'kindw':
      return 'kind';
    case 'lean':
    case 'leanw':
      return 'lean';
    case 'kids':
      return 'children';
    case 'prev':
    case 'prevw':
      return 'previous';
    case 'empty':
    case 'level':
    case 'words':
      return 'shape';
    default:
      return undefined;
  }
}

const SIDES = ['product', 'project', 'none'] as const;

/**
 * Adds the context features to `out`. Each source appears twice: as it is, and scaled by how
 * little the section says itself (`weak`, 1 for a section with no signal, towards 0 for a
 * clear one), so the fit can let context break ties without letting it outvote own evidence.
 */
export function addContextFeatures(out: Map<string, number>, c: ContextReading, own: SideTotals): void {
  const ownTotal = own.product + own.project + own.none;
  const weak = Math.exp(-ownTotal / 2);
  if (c.title) out.set('title', 1);
  if (c.empty) out.set('empty', 1);
  out.set(`level:${Math.min(c.level, 4)}`, 1);
  if (c.words > 0) out.set('words', Math.log1p(c.words) / 4);
  if (c.parentIsTitle) out.set('parent:title', 1);
  if (c.parent) addShares(out, 'parent', c.parent, weak);
  if (c.previous) addShares(out, 'prev', c.previous, weak);
  if (c.kind) {
    out.set(`kind:${c.kind}`, 1);
    out.set(`kindw:${c.kind}`, weak);
  }
  if (c.lean) {
    for (const side of ['product', 'project'] as const) {
      if (c.lean[side] <= 0) continue;
      out.set(`lean:${side}`, c.lean[side]);
      out.set(`leanw:${side}`, c.lean[side] * weak);
    }
  }
  if (c.children) {
    out.set('kids', 1);
    for (const side of SIDES) if (c.children[side] > 0) out.set(`kids:${side}`, Math.log1p(c.children[side]));
  }
}

/** A neighbour's evidence as shares of its sides, times how much it says (full at 3 and more). */
function addShares(out: Map<string, number>, prefix: string, totals: SideTotals, weak: number): void {
  const total = totals.product + totals.project + totals.none;
  if (total <= 0) return;
  const strength = Math.min(1, total / 3);
  for (const side of SIDES) {
    const share = (totals[side] / total) * strength;
    if (share <= 0) continue;
    out.set(`${prefix}:${side}`, share);
    out.set(`${prefix}w:${side}`, share * weak);
  }
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

/** Adds the form features to `out`: the heading's form, and the share of the body that is technical reference. */
export function addFormFeatures(out: Map<string, number>, f: FormReading): void {
  if (f.question) out.set('form:question', 1);
  if (f.version) out.set('form:version', 1);
  if (f.technical > 0) out.set('form:technical', f.technical / (f.technical + f.words));
}
