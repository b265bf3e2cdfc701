/**
 * A verdict's evidence, worked out when it is first read. Most readers of a verdict (the rules of
 * untagged sections, the editor's lenses, a document's summary) never look at it; a hover, a
 * report or a rule that quotes it does. What the list is built from (the section's signals and
 * features) stays with the verdict until then, and is let go once the list is built.
 */
import type { Evidence, Verdict } from '../types';

/** A verdict whose `evidence` is built by `build` on its first read (the same list at every read). */
export function lazyVerdict(fields: Omit<Verdict, 'evidence'>, build: () => readonly Evidence[]): Verdict {
  let later: (() => readonly Evidence[]) | undefined = build;
  let list: readonly Evidence[] | undefined;
  const evidence = (): readonly Evidence[] => {
    if (!list) {
      list = later!();
      later = undefined;
    }
    return list;
  };
  const { role, concern, confidence, scores, bothSides } = fields;
  // The fields in the order they have always come in (JSON output keeps it); two literals, no
  // spread, so that every verdict has one of two shapes.
  return bothSides === undefined
    ? {
        role,
        concern,
        confidence,
        scores,
        get evidence() {
          return evidence();
        },
      }
    : {
        role,
        concern,
        confidence,
        scores,
        get evidence() {
          return evidence();
        },
        bothSides,
      };
}
