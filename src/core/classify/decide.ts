/** The verdict rule on a model's probabilities, shared by both stages of the classifier. */
import type { InferredRole } from '../types';
import type { Model } from './model';
import { SCORING } from './scoring';

/**
 * The verdict from the model's probabilities: the likelier side when it reaches the model's
 * `side` threshold and beats `none`, unless the other side reaches `veto` (a wrong side costs
 * most), else `none`. A section whose two
 * sides are both strong on their own (`mixed`) is `mixed` when the model, too, finds the weaker
 * side probable, or when it names neither side. The confidence is the model's
 * probability of the verdict (for `mixed`, that either side owns it).
 */
export function decide(mixed: boolean, p: readonly [number, number, number], m: Pick<Model, 'side' | 'veto'>): { role: InferredRole; confidence: number } {
  const top = p[0] >= p[1] ? 0 : 1;
  if (mixed && p[1 - top] >= MIXED_SHARE) return { role: 'mixed', confidence: p[0] + p[1] };
  if (p[top] >= m.side && p[top] >= p[2] && p[1 - top] < m.veto) return { role: top === 0 ? 'product' : 'project', confidence: p[top] };
  if (mixed) return { role: 'mixed', confidence: p[0] + p[1] };
  return { role: 'none', confidence: p[2] };
}

/** The probability the weaker side needs for a section strong on both sides to stay `mixed`. */
export const MIXED_SHARE = 0.25;

/** Both sides strong on their own evidence (the weaker at least `mixStrong` and `mixRatio` of the stronger). */
export function bothStrong(scores: { readonly product: number; readonly project: number }): boolean {
  const weak = Math.min(scores.product, scores.project);
  return weak >= SCORING.mixStrong && weak >= SCORING.mixRatio * Math.max(scores.product, scores.project);
}
