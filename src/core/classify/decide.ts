/** The verdict rule on a model's probabilities, shared by both stages of the classifier. */
import type { InferredRole } from '../types';
import type { Model } from './model';

/**
 * The verdict from the model's probabilities: the likelier side when it reaches the model's
 * `side` threshold and beats `none` (a wrong side costs most), else `none` — or `mixed` where
 * the hand-set rule saw both sides strong on their own. The confidence is the model's
 * probability of the verdict (for `mixed`, that either side owns it).
 */
export function decide(rule: InferredRole, p: readonly [number, number, number], m: Pick<Model, 'side'>): { role: InferredRole; confidence: number } {
  const top = p[0] >= p[1] ? 0 : 1;
  if (p[top] >= m.side && p[top] >= p[2]) return { role: top === 0 ? 'product' : 'project', confidence: p[top] };
  if (rule === 'mixed') return { role: 'mixed', confidence: p[0] + p[1] };
  return { role: 'none', confidence: p[2] };
}
