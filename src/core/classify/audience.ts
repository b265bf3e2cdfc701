/**
 * A heading addressed to the people who judge the document rather than to its subject: notes for
 * reviewers, answers to a review's questions, why the funders should choose the applicant. Such a
 * section is about the application itself (its pitch or its paperwork), not the product and not
 * the delivery work, however many owner words it repeats: evidence for neither side.
 */
import type { Signals } from './signals';

/** Bounded: a heading is one line, each alternative a fixed phrase. */
const ADDRESSED = /\b(?:notes?\s+(?:for|to)\s+(?:the\s+)?(?:reviewers?|evaluators?|committee|judges)|(?:answers?|responses?|replies)\s+to\s+(?:the\s+)?(?:\w+\s+){0,2}(?:review(?:er)?s?|committee)(?:'s|')?\s+(?:questions|comments|feedback)|why\s+(?:should\s+you\s+)?(?:fund|support|choose|back|pick)\s+(?:us|me|our\s+team)\b)/i;

/** What a heading addressed to its reviewers weighs for neither side (like a document-state line). */
const WEIGHT = 3;

/** Whether a heading (its plain text) speaks to the document's reviewers or funders. */
export function addressesReviewers(heading: string): boolean {
  return ADDRESSED.test(heading);
}

/** Adds a heading addressed to the document's reviewers to `signals` as evidence for neither side. */
export function readAudience(heading: string, start: number, end: number, signals: Signals): void {
  if (addressesReviewers(heading)) signals.add('heading\u0000pattern\u0000audience', 'pattern', 'none', 'none', WEIGHT, start, end, false);
}
