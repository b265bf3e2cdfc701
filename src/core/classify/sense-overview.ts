/**
 * Word sense of an overview: an `Overview` or `Introduction` over a body that presents the
 * document itself ("This document sets out the plan…") is on neither side, like a table of
 * contents. Over a body that presents what is being built or done, the heading says nothing of
 * its own: the body decides. A lone heading (no body) keeps its neutral word.
 */
import type { CompiledTaxonomy } from './compile';
import { cues, hitNames, type SectionWords } from './cues';
import type { Signals } from './signals';

/** What is left of an overview heading's neutral weight over a body about something else (a hypothesis; the fit weighs `sense:*`). */
export const OVERVIEW_KEEP = 0.25;

/** The words whose sense this rule reads. */
const OVERVIEW_WORDS = new Set(['overview', 'introduction', 'intro']);

/** Words of a body that presents the document itself (`document` and `template` alone cover `this document`, `this template`). */
const DOCUMENT_SELF = cues(['this plan', 'this page', 'this section', 'this report', 'this file', 'this readme', 'this charter', 'document', 'template']);

/** A body shorter than this many words presents nothing. */
const MIN_BODY_WORDS = 12;

/** Discounts an overview heading's neutral word over a body that presents something other than the document; returns how many it discounted. */
export function readOverviewSense(compiled: CompiledTaxonomy, text: string, signals: Signals, words: SectionWords): number {
  if (signals.prose.length < MIN_BODY_WORDS) return 0;
  let found = 0;
  for (const hit of signals.hits.values()) {
    if (hit.role !== 'none' || hit.scaled || hit.kind !== 'neutral' || !hitNames(compiled, text, hit, OVERVIEW_WORDS)) continue;
    // Counted at the first overview word only (most sections have none): a body about the document keeps them all.
    if (found === 0 && words.count(DOCUMENT_SELF) > 0) return 0;
    hit.contribution *= OVERVIEW_KEEP;
    found++;
  }
  return found;
}
