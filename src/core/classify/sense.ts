/**
 * Word sense: a delivery word in the document's own title is the product's subject, not a step
 * of the work. In a plan titled "Pull Request Review", a section on submitting a review describes
 * what the product does; the same words in "Project Plan" would be the team's process. Such
 * words keep a fraction of their weight, so they cannot carry a section to the project side alone.
 */
import type { LineIndex } from '../text';
import type { CompiledTaxonomy, WordInfo } from './compile';
import { hitWords, SectionWords } from './cues';
import { tokenize } from './read';
import { productName } from './named';
import { headingOutline, maskProse } from './scan';
import { documentSense, readMetricSense } from './sense-metric';
import { readMoneySense } from './sense-money';
import { readOverviewSense } from './sense-overview';
import { readPhaseSense } from './sense-phase';
import { readRiskSense } from './sense-risk';
import { readStrategySense } from './sense-strategy';
import type { Hit, Signals } from './signals';

/** What is left of a delivery term's weight where it is the document's subject. */
export const SUBJECT_WEIGHT = 0.3;

/** Title words that name the kind of document (a budget, a roadmap, a draft), not what it is about. */
const DOCUMENT_KIND = new Set([
  'plan', 'roadmap', 'budget', 'breakdown', 'estimate', 'charter', 'proposal', 'schedule', 'timeline', 'report',
  'update', 'status', 'brief', 'prd', 'requirement', 'spec', 'specification', 'overview', 'summary', 'project',
  'program', 'programme', 'development', 'milestone', 'phase', 'release', 'deliverable', 'grant', 'application',
  'result', 'document', 'wip', 'draft',
]);

const NO_WORDS: ReadonlySet<string> = new Set();
const subjectCache = new WeakMap<LineIndex, WeakMap<CompiledTaxonomy, ReadonlySet<string>>>();

/**
 * The stems of the delivery words the document's first heading names as its subject. Words that
 * name the kind of document and people (a team named as the author) are left out. Computed once
 * per document and taxonomy. The first heading itself (at `from`) says what it says: none.
 */
export function subjectWords(compiled: CompiledTaxonomy, lines: LineIndex, from?: number): ReadonlySet<string> {
  const first = headingOutline(lines).headings[0];
  if (!first || (from !== undefined && from >= first[1] && from <= first[2])) return NO_WORDS;
  let perTaxonomy = subjectCache.get(lines);
  if (!perTaxonomy) subjectCache.set(lines, (perTaxonomy = new WeakMap()));
  let words = perTaxonomy.get(compiled);
  if (!words) {
    const found = new Set<string>();
    for (const info of tokenize(compiled, maskProse(lines.text.slice(first[1], first[2]))).infos) {
      if (!DOCUMENT_KIND.has(info.stem) && info.terms.some((t) => t.role === 'project' && t.concern !== 'resources')) found.add(info.stem);
    }
    perTaxonomy.set(compiled, (words = found));
  }
  return words;
}

/**
 * Discounts the delivery terms (heading and body) that are the document's subject; returns how
 * many it found. `hits` are weighed: their contributions are set.
 */
export function readSubject(compiled: CompiledTaxonomy, text: string, hits: Iterable<Hit>, subject: ReadonlySet<string>): number {
  if (subject.size === 0) return 0;
  let found = 0;
  for (const hit of hits) {
    if (hit.role !== 'project' || (hit.kind !== 'heading-term' && hit.kind !== 'body-term')) continue;
    const words = hitWords(compiled, text, hit);
    if (words.length > 0 && words.every((w) => subject.has(w))) {
      hit.contribution *= SUBJECT_WEIGHT;
      found++;
    }
  }
  return found;
}

/** What the word-sense rules found in one section, by sense: the features the model weighs. */
export type SenseReading = Map<string, number>;

/**
 * Reads the senses of a section's ambiguous concern words and moves or discounts their weight
 * accordingly (measures, risks, strategies, money, planning nouns; the document's subject is read by `readSubject`).
 * `hits` are weighed: their contributions are set. Returns the features of the senses found.
 */
export function readSenses(compiled: CompiledTaxonomy, text: string, lines: LineIndex, headingWords: readonly WordInfo[], signals: Signals): SenseReading {
  const found: SenseReading = new Map();
  const words = new SectionWords(headingWords, signals.prose);
  const metric = readMetricSense(compiled, text, lines, signals, words);
  if (metric) found.set(`sense:metric-${metric.sense}`, metric.moved);
  const risk = readRiskSense(compiled, text, signals, words);
  if (risk > 0) found.set('sense:risk-product', risk);
  const strategy = readStrategySense(compiled, text, signals, words);
  if (strategy) found.set(`sense:strategy-${strategy.sense}`, strategy.moved);
  const money = readMoneySense(compiled, text, signals, words);
  if (money.product > 0) found.set('sense:money-product', money.product);
  if (money.unit > 0) found.set('sense:money-unit', money.unit);
  const phase = readPhaseSense(compiled, text, signals);
  if (phase > 0) found.set('sense:scope-phase', phase);
  const overview = readOverviewSense(compiled, text, signals, words);
  if (overview > 0) found.set('sense:overview-content', overview);
  return found;
}

/**
 * What the sections' readings take from the whole document (its subject words, the sense of its
 * measures, the product's name), as a key: sections whose text is unchanged are read again when it changes.
 */
export function documentSenseKey(compiled: CompiledTaxonomy, lines: LineIndex): string {
  return `${[...subjectWords(compiled, lines)].join(',')}|${documentSense(compiled, lines) ?? ''}|${[...productName(compiled, lines)].join(',')}`;
}
