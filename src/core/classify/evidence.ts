/**
 * A verdict's evidence, built when it is first read. Most readers of a verdict (the rules of
 * untagged sections, the editor's lenses, a document's summary) never look at it; a hover, a
 * report or a rule that quotes it does. The classifier keeps what the section's evidence is
 * worked out from (its weighed signals and its context); the pieces are weighed, ordered and
 * quoted on the first read.
 */
import type { Evidence, Verdict } from '../types';

/** Where a verdict keeps its evidence, or what builds it until the first read: unseen by JSON, spreads and structured clone. */
const PENDING = Symbol('evidence');

type Pending = { [PENDING]: readonly Evidence[] | (() => readonly Evidence[]) };

/**
 * `evidence` as every verdict reads it: one getter for all, so that verdicts share their shape
 * (a getter of its own per verdict leaves each in a slow dictionary of properties).
 */
const EVIDENCE: PropertyDescriptor = {
  get(this: Pending): readonly Evidence[] {
    const held = this[PENDING];
    if (typeof held !== 'function') return held;
    return (this[PENDING] = held());
  },
  enumerable: true,
  configurable: true,
};

/** A verdict whose `evidence` is built by `build` on its first read (the same list at every read); `bothSides` is left out when undefined. */
export function lazyVerdict(fields: Omit<Verdict, 'evidence'>, build: () => readonly Evidence[]): Verdict {
  const { role, concern, confidence, scores, bothSides } = fields;
  // The fields in the order they have always come in (JSON output keeps it), each added the
  // same way, so that every verdict has one of two shapes.
  const verdict = { role, concern, confidence, scores } as { -readonly [K in keyof Verdict]: Verdict[K] };
  Object.defineProperty(verdict, PENDING, { value: build, writable: true });
  Object.defineProperty(verdict, 'evidence', EVIDENCE);
  if (bothSides !== undefined) verdict.bothSides = bothSides;
  return verdict;
}
