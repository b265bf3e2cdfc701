/**
 * What a section's list is made of: a list whose items mostly record pieces of work with who did
 * them (`@handle`) or when they landed as which change (an ISO date and `#123`) is a delivery
 * log, such as the release entries of an implementation history. The log as a whole is project
 * evidence of its own, beside the items' single saturating pattern (./progress), so that a long
 * log of technical item titles still reads as delivery. One pass over the section's paragraphs.
 */
import type { BlockFact } from '../parse/facts';
import { ISO_DATE, WORK_HANDLE } from './progress';
import type { Signals } from './signals';

/** What the items of a section's lists are. */
export interface ListingReading {
  /** Paragraphs inside list items. */
  readonly items: number;
  /** Items that record work with its author, or with its date and change number. */
  readonly logged: number;
}

/** The share of logged items at which a list is a delivery log. */
const LOG_SHARE = 0.5;

/** What a delivery log weighs for the project side, whatever its length (like a RACI table). */
const LOG_WEIGHT = 3;

/**
 * Reads the list items of a section's own body (tables, code and HTML left out) and, when
 * `signals` is given and most items are logged work, adds the log as deliverables evidence.
 */
export function readListing(text: string, blocks: readonly BlockFact[], signals?: Signals): ListingReading {
  let items = 0;
  let logged = 0;
  let first: BlockFact | undefined;
  for (const block of blocks) {
    if (block.kind !== 'paragraph' || !block.inList) continue;
    items++;
    if (isLogEntry(text.slice(block.start, block.end))) {
      logged++;
      first ??= block;
    }
  }
  if (signals && first && isLog({ items, logged })) {
    const end = Math.min(first.end, first.start + (/^[^\r\n]*/.exec(text.slice(first.start, first.end))?.[0].length ?? 0));
    signals.add('body\u0000pattern\u0000log', 'pattern', 'deliverables', 'project', LOG_WEIGHT, first.start, end, false);
  }
  return { items, logged };
}

const CHANGE = /(?:^|[\s[(])#\d{1,7}\b|\/(?:pull|pulls|issues|merge_requests|commit)\/\w/;

/**
 * An item that records a piece of work: it names who did it (`@handle`), or when it landed and
 * as which change (`2026-03-02` and `#123` or a pull-request link). A dated goal is not one.
 */
export function isLogEntry(item: string): boolean {
  // A handle holds `@` and a date `-`: most items have neither and skip both searches.
  return (item.includes('@') && WORK_HANDLE.test(item)) || (item.includes('-') && ISO_DATE.test(item) && CHANGE.test(item));
}

/** Whether most of a section's list items are logged work. */
export function isLog(r: ListingReading): boolean {
  return r.items > 0 && r.logged >= LOG_SHARE * r.items;
}
