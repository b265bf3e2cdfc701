/**
 * A verdict's evidence, built when it is first read. Most readers of a verdict (the rules of
 * untagged sections, the editor's lenses, a document's summary) never look at it; a hover, a
 * report or a rule that quotes it does. The classifier weighs and orders the pieces at once and
 * keeps them (a dozen at most); the quoted text and the ranges are made on the first read.
 */
import type { Evidence, Verdict } from '../types';

/** A verdict whose `evidence` is built by `build` on its first read (the same list at every read); `bothSides` is left out when undefined. */
export function lazyVerdict(fields: Omit<Verdict, 'evidence'>, build: () => readonly Evidence[]): Verdict {
  let later: (() => readonly Evidence[]) | undefined = build;
  let list: readonly Evidence[] | undefined;
  const { role, concern, confidence, scores, bothSides } = fields;
  // The fields in the order they have always come in (JSON output keeps it); no spread, so that
  // every verdict has one of two shapes.
  const verdict: { -readonly [K in keyof Verdict]: Verdict[K] } = {
    role,
    concern,
    confidence,
    scores,
    get evidence(): readonly Evidence[] {
      if (!list) {
        list = later!();
        later = undefined;
      }
      return list;
    },
  };
  if (bothSides !== undefined) verdict.bothSides = bothSides;
  return verdict;
}
