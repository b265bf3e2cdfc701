/**
 * Word sense of strategy: a "strategy" or "approach" is the product's when it speaks of users,
 * markets and positioning. A strategy for getting the work done (shorten an approval, avoid
 * delays, staff a role, batch the releases) is the project's way of working. Words of a technical
 * strategy (an architecture, a migration, a stack) count against that reading. The section's own
 * words decide.
 */
import type { CompiledTaxonomy } from './compile';
import { cues, hitNames, type SectionWords } from './cues';
import { SenseTargets } from './sense-targets';
import type { Signals } from './signals';

/** What is left of a strategy word's weight on the product side once its sense is another (a hypothesis; the fit weighs `sense:*`). */
export const STRATEGY_KEEP = 0.25;

/** The words whose sense this rule reads. */
const STRATEGY_WORDS = new Set(['strategy', 'strategic', 'approach', 'principle', 'philosophy', 'direction']);

/** Words of a product strategy: who it is for and where it stands. */
const PRODUCT = cues([
  'user', 'customer', 'market', 'compet*', 'position*', 'segment', 'differentiat*', 'adoption', 'growth', 'pricing', 'brand',
  'partner*', 'ecosystem', 'audience', 'persona', 'revenue', 'moat',
]);
/** Words of getting the work done. */
const DELIVERY = cues([
  'delay', 'timeline', 'deadline', 'schedule', 'staff', 'staffing', 'hire', 'hiring', 'onboard*', 'budget', 'sprint',
  'milestone', 'vendor', 'contractor', 'approval', 'authorization', 'sign-off', 'handover', 'commitment', 'resourcing',
  'team', 'batch', 'process',
]);
/** Words of a technical strategy: they speak against a delivery reading. */
const TECHNICAL = cues([
  'architecture', 'api', 'database', 'schema', 'server', 'migration', 'infrastructure', 'stack', 'framework', 'library',
  'protocol', 'cache', 'kubernetes', 'container', 'microservice', 'backend', 'frontend', 'refactor*', 'codebase',
]);
/** At least this many different words of one kind, more than of the others. */
const MIN_CUES = 3;

/**
 * Moves the section's strategy words to the project's side when the strategy is one of delivery;
 * returns the sense and how many moved.
 */
export function readStrategySense(compiled: CompiledTaxonomy, text: string, signals: Signals, words: SectionWords): { sense: 'delivery'; moved: number } | undefined {
  let targets: SenseTargets | undefined;
  for (const hit of signals.hits.values()) {
    if (hit.role === 'product' && hit.concern === 'strategy' && hit.kind !== 'pattern' && hitNames(compiled, text, hit, STRATEGY_WORDS)) (targets ??= new SenseTargets()).add(hit);
  }
  if (!targets) return undefined;
  const product = words.count(PRODUCT);
  const delivery = words.count(DELIVERY);
  const technical = words.count(TECHNICAL);
  if (delivery < MIN_CUES || delivery <= product + technical) return undefined;
  return { sense: 'delivery', moved: targets.move(signals, STRATEGY_KEEP, 'project', 'status', 'strategy-delivery') };
}

