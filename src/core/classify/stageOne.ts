/**
 * What the first stage of the classifier saw in a section, kept beside its verdict (by identity,
 * so a remembered verdict of an unchanged section keeps it) for the second stage (./stack).
 */
import type { InferredRole, Verdict } from '../types';

export interface StageOne {
  /** The first stage's probabilities: product, project, none. */
  readonly p: readonly [number, number, number];
  /** The hand-set rule's verdict (it alone says `mixed`). */
  readonly rule: InferredRole;
  /** The strongest concern of each side in the section's own evidence. */
  readonly concerns: { readonly product: string | undefined; readonly project: string | undefined };
}

const traces = new WeakMap<Verdict, StageOne>();

/** Keeps the first stage's reading of the section `verdict` was made for. */
export function rememberStageOne(verdict: Verdict, stage: StageOne): Verdict {
  traces.set(verdict, stage);
  return verdict;
}

/** The first stage's reading behind `verdict`, when it was made by the classifier. */
export function stageOneOf(verdict: Verdict): StageOne | undefined {
  return traces.get(verdict);
}
