/**
 * Word sense of planning nouns: a "milestone", "phase", "release" or "iteration" is a step of the
 * schedule when its body says when, what it costs or who does it. When its body only describes
 * what the product does at that step (features, what users can do) and names no date, duration,
 * amount or person, the noun is a container for scope, and its weight goes to the product's side.
 * A funding proposal's milestone that prices its deliverables stays the schedule's.
 */
import type { CompiledTaxonomy } from './compile';
import { hitNames } from './cues';
import { SenseTargets } from './sense-targets';
import type { Signals } from './signals';

/** What is left of a planning noun's weight when its body only describes scope (a hypothesis; the fit weighs `sense:scope-phase`). */
export const PHASE_KEEP = 0.3;

/** Planning nouns that can name a step of the schedule or a slice of scope. */
const PLANNING_NOUNS = new Set(['milestone', 'phase', 'release', 'iteration', 'stage', 'increment', 'wave', 'mvp', 'version', 'v1', 'v2']);
/** How the key of the heading pattern of numbered planning nouns (`Phase 2`, `Milestone 3`) ends. */
const NUMBERED_STEP = '\u0000phase or milestone';
/** Concerns whose evidence in the body says when, what it costs and who does it. */
const DELIVERY_CONCERNS = new Set(['schedule', 'budget', 'resources']);
/** The body's product evidence, at least this share of its project evidence: it describes scope. */
const SCOPE_SHARE = 0.5;
/** Body evidence of these concerns (summed) beyond which the step is the schedule's. */
const DELIVERY_MAX = 0.5;

/**
 * Moves the weight of the heading's planning nouns to the product's side in a section whose body
 * describes scope and no time, cost or people; returns how many moved.
 */
export function readPhaseSense(compiled: CompiledTaxonomy, text: string, signals: Signals): number {
  let targets: SenseTargets | undefined;
  let delivery = 0;
  let product = 0;
  let project = 0;
  for (const hit of signals.hits.values()) {
    if (hit.scaled) {
      if (hit.role === 'product') product += hit.contribution;
      else if (hit.role === 'project') {
        project += hit.contribution;
        // Dates, durations, amounts and headcounts, and words of money: the step is scheduled, priced or staffed.
        if (DELIVERY_CONCERNS.has(hit.concern) && (hit.kind === 'pattern' || hit.concern === 'budget')) delivery += hit.contribution;
      }
    } else if (hit.concern === 'schedule') (targets ??= new SenseTargets()).add(hit);
  }
  if (!targets || delivery > DELIVERY_MAX || product < SCOPE_SHARE * project) return 0;
  // The heading's schedule signals that are planning nouns, by key (numbered) or by their words.
  return targets.move(signals, PHASE_KEEP, 'product', 'requirements', 'scope-phase', (key, hit) => key.endsWith(NUMBERED_STEP) || hitNames(compiled, text, hit, PLANNING_NOUNS, true));
}

