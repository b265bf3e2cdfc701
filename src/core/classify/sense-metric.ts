/**
 * Word sense of measures: "metrics", "measure", "performance" name an outcome of the product
 * (adoption, retention, satisfaction) only among words of outcomes. Among words of a running
 * system (latency, histograms, counters, units) they are technical detail, on neither side; among
 * words of delivery (on time, on budget, milestones) they measure the project; among words of
 * people's work (reviews, peer feedback) they are the team's. The section's own words decide; a
 * section with none of them (a heading over a link) reads its measures as the document's
 * headings do (one sense per discourse).
 */
import type { LineIndex } from '../text';
import type { Role } from '../types';
import type { CompiledTaxonomy } from './compile';
import { RecentMemo } from '../memo';
import { detach } from '../parse/collect';
import { countCues, cues, foundCues, hitNames, type SectionWords } from './cues';
import { headingOutline } from './scan';
import { SenseTargets } from './sense-targets';
import { tokenize } from './read';
import type { Hit, Signals } from './signals';

/** What is left of a measure's weight on the product side once its sense is another (a hypothesis; the fit weighs `sense:*`). */
export const METRIC_KEEP = 0.25;

/** Words of a running system: what its measures count. */
const TECHNICAL = cues([
  'latency', 'histogram', 'counter', 'gauge', 'prometheus', 'grafana', 'unit', 'cpu', 'memory', 'throughput',
  'instrumentation', 'exporter', 'p50', 'p90', 'p95', 'p99', 'ms', 'millisecond', 'bucket', 'label', 'scrape',
  'cardinality', 'timeseries', 'time series', 'trace', 'tracing', 'qps', 'rps', 'byte', 'kb', 'mb', 'gb',
  'endpoint', 'server', 'apiserver', 'cluster', 'benchmark', 'cache', 'request', 'query', 'thread', 'garbage collection',
]);
/** Words of outcomes the product is for. */
const OUTCOME = cues([
  'adoption', 'adopt', 'engagement', 'retention', 'conversion', 'satisfaction', 'nps', 'net promoter', 'dau', 'mau', 'wau',
  'revenue', 'market share', 'churn', 'activation', 'signup', 'sign up', 'subscriber', 'customer', 'user', 'csat',
  'download', 'install', 'grow*', 'traction', 'funnel', 'cohort', 'arpu', 'ltv', 'mrr', 'arr',
]);
/** Words of delivering the project: its success is on time and on budget. */
const DELIVERY = cues([
  'on time', 'on budget', 'within budget', 'on schedule', 'deadline', 'schedule', 'milestone', 'deliverable', 'delivered',
  'velocity', 'burndown', 'overrun', 'sprint', 'budget', 'project', 'handover', 'hand over', 'handed over', 'cutover',
  'implemented', 'deployed', 'demonstrated', 'demonstration', 'presentation', 'acceptance', 'sign-off', 'signed off',
]);
/** Words of how people do their work: a team's performance. */
const TEAM = cues(['peer', 'appraisal', 'teammate', 'team member', 'attendance', 'performance review', 'peer review', 'review', 'feedback session', 'teamwork']);

/** The stems of measure words whose sense this rule reads in a heading, besides every signal of the `metrics` concern. */
const MEASURE_WORDS = new Set(['metric', 'measure', 'measurement', 'performance', 'kpi', 'indicator']);

type MetricSense = 'technical' | 'delivery' | 'team';
const SENSE_SIDE: Record<MetricSense, { role: Role | 'none'; concern: string }> = {
  technical: { role: 'none', concern: 'none' },
  delivery: { role: 'project', concern: 'status' },
  team: { role: 'project', concern: 'resources' },
};

/**
 * Reads the sense of the section's measures and moves their weight to it. Returns the sense
 * (`undefined` when they mean outcomes, or there are none) and how many signals moved.
 */
export function readMetricSense(compiled: CompiledTaxonomy, text: string, lines: LineIndex, signals: Signals, words: SectionWords): { sense: MetricSense; moved: number } | undefined {
  if (!hasMeasure(compiled, text, signals)) return undefined;
  const sense = senseOf(words.count(TECHNICAL), words.count(OUTCOME), words.count(DELIVERY), words.count(TEAM), () => documentSense(compiled, lines));
  if (!sense) return undefined;
  // Most measures mean outcomes: which signals move is read only where they do not.
  const targets = new SenseTargets();
  for (const hit of signals.hits.values()) if (isMeasure(compiled, text, hit)) targets.add(hit);
  const side = SENSE_SIDE[sense];
  return { sense, moved: targets.move(signals, METRIC_KEEP, side.role, side.concern, `metric-${sense}`) };
}

/** A product signal of the `metrics` concern, or a heading word of measuring. */
function isMeasure(compiled: CompiledTaxonomy, text: string, hit: Hit): boolean {
  return hit.role === 'product' && (hit.concern === 'metrics' || (hit.kind === 'heading-term' && hitNames(compiled, text, hit, MEASURE_WORDS)));
}

/** Whether the section holds a measure: a signal of the `metrics` concern says so without reading any heading word. */
function hasMeasure(compiled: CompiledTaxonomy, text: string, signals: Signals): boolean {
  for (const hit of signals.hits.values()) if (hit.role === 'product' && hit.concern === 'metrics') return true;
  for (const hit of signals.hits.values()) if (isMeasure(compiled, text, hit)) return true;
  return false;
}

/**
 * The sense the section's words give, or the document's when they give none. Words of a running
 * system win over fewer outcomes and fewer words of the project; the project's words (delivery
 * and teamwork together, at least two) win only where no outcome is named at all, since a
 * section that names outcomes and plans its delivery too mixes both.
 */
function senseOf(technical: number, outcome: number, delivery: number, team: number, fallback: () => MetricSense | undefined): MetricSense | undefined {
  if (technical + outcome + delivery + team === 0) return fallback();
  const project = delivery + team;
  // One word of a running system is enough (`units`, `p95`).
  if (technical > outcome && technical > project) return 'technical';
  if (outcome > 0 || project < 2 || project <= technical) return undefined;
  return team > delivery ? 'team' : 'delivery';
}

const documentCache = new WeakMap<LineIndex, WeakMap<CompiledTaxonomy, MetricSense | null>>();
/** Each heading's cues by its text, per taxonomy: an edit leaves nearly all headings as they were. */
const headingCues = new WeakMap<CompiledTaxonomy, RecentMemo<readonly [readonly string[], number]>>();
/** Headings per generation of the memo (see `RecentMemo`). */
const HEADING_MEMO_GENERATION = 20_000;

/**
 * The sense measures have in the document's headings: technical when they name at least two
 * different words of a running system and no outcome. Computed once per document and taxonomy;
 * `documentSenseKey` names it for the memo of unchanged sections.
 */
export function documentSense(compiled: CompiledTaxonomy, lines: LineIndex): MetricSense | undefined {
  let perTaxonomy = documentCache.get(lines);
  if (!perTaxonomy) documentCache.set(lines, (perTaxonomy = new WeakMap()));
  let sense = perTaxonomy.get(compiled);
  if (sense === undefined) {
    let memo = headingCues.get(compiled);
    if (!memo) headingCues.set(compiled, (memo = new RecentMemo(HEADING_MEMO_GENERATION)));
    const technical = new Set<string>();
    let outcome = 0;
    for (const [, start, end] of headingOutline(lines).headings) {
      const line = lines.text.slice(start, end);
      let found = memo.get(line);
      if (!found) {
        const infos = tokenize(compiled, line).infos;
        found = [[...foundCues(infos.map((i) => i.stem), TECHNICAL)], countCues(infos, OUTCOME)];
        memo.set(detach(line), found);
      }
      for (const cue of found[0]) technical.add(cue);
      outcome += found[1];
    }
    sense = technical.size >= 2 && outcome === 0 ? 'technical' : null;
    perTaxonomy.set(compiled, sense);
  }
  return sense ?? undefined;
}
