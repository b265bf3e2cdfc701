/**
 * Dates as people write them in plans: `2026-03-03`, `March 3, 2026`, `3 Mar 2026`, `Q3 2025`,
 * `H1 2026`, `end of June 2026`, `June 2026`, `2026-06`. A date that names a period (a quarter,
 * a month) stands for the period's last day: that is when something due "in Q3" is late.
 *
 * Bounded: only the first MAX_SCAN characters of a text are read, and every pattern is a fixed
 * sequence of bounded pieces (no nested or open-ended repetition), so a long line costs linear
 * time.
 */

import { RecentMemo } from './memo';
import { detach } from './parse/collect';

/** A calendar day: whole days since 1970-01-01 (UTC), so day arithmetic is exact. */
export type Day = number;

/** One date found in a text, with where it stands (offsets into that text). */
export interface FoundDate {
  readonly day: Day;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** How much of a text the date scan reads. */
export const MAX_SCAN = 2000;

const MS_PER_DAY = 86_400_000;
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The day `year-month-day`, or undefined when there is no such day (2026-02-30). */
export function dayOf(year: number, month: number, day: number): Day | undefined {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return Math.round(ms / MS_PER_DAY);
}

/** The last day of a month. */
function endOfMonth(year: number, month: number): Day | undefined {
  if (month < 1 || month > 12) return undefined;
  return dayOf(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

/** `2026-03-03` → its day; anything else → undefined. */
export function parseIsoDay(text: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return m ? dayOf(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** A day as `YYYY-MM-DD`. */
export function formatDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Today by the clock, in the machine's time zone (the date a person there would write). */
export function clockDay(now: Date = new Date()): Day {
  return dayOf(now.getFullYear(), now.getMonth() + 1, now.getDate())!;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** A two-digit year means this century. */
function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

interface DateForm {
  readonly pattern: RegExp;
  readonly read: (m: RegExpExecArray) => Day | undefined;
}

/** The forms, most specific first: where two overlap, the first one found wins. */
const FORMS: readonly DateForm[] = [
  { pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g, read: (m) => dayOf(Number(m[1]), Number(m[2]), Number(m[3])) },
  { pattern: /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/g, read: (m) => dayOf(Number(m[1]), Number(m[2]), Number(m[3])) },
  {
    pattern: new RegExp(`\\b${MONTH}\\.? {1,3}(\\d{1,2})(?:st|nd|rd|th)?,? {1,3}(\\d{4})\\b`, 'gi'),
    read: (m) => dayOf(Number(m[3]), monthNumber(m[1]), Number(m[2])),
  },
  {
    pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? {1,3}(?:of {1,3})?${MONTH}\\.?,? {1,3}(\\d{4})\\b`, 'gi'),
    read: (m) => dayOf(Number(m[3]), monthNumber(m[2]), Number(m[1])),
  },
  {
    pattern: new RegExp(`\\b(?:(end|late|mid|middle|early|start|beginning) {1,3}(?:of {1,3})?|(end|mid)-)?${MONTH}\\.?,? {1,3}(\\d{4})\\b`, 'gi'),
    read: (m) => {
      const year = Number(m[4]);
      const month = monthNumber(m[3]);
      switch ((m[1] ?? m[2] ?? '').toLowerCase()) {
        case 'start':
        case 'beginning':
          return dayOf(year, month, 1);
        case 'early':
          return dayOf(year, month, 10);
        case 'mid':
        case 'middle':
          return dayOf(year, month, 15);
        default:
          return endOfMonth(year, month);
      }
    },
  },
  { pattern: /\b(\d{4})-(\d{2})\b(?![-/]\d)/g, read: (m) => endOfMonth(Number(m[1]), Number(m[2])) },
  // Q3 2025, Q3'25, Q3-2025, 2025 Q3, 2025-Q3: the quarter's last day.
  { pattern: /\bQ([1-4])(?: {0,3}|-|'|’)(\d{4}|\d{2})\b/gi, read: (m) => endOfMonth(fullYear(m[2]), Number(m[1]) * 3) },
  { pattern: /\b(\d{4})(?: {1,3}|-)Q([1-4])\b/gi, read: (m) => endOfMonth(Number(m[1]), Number(m[2]) * 3) },
  // H1 2026: the half's last day.
  { pattern: /\bH([12])(?: {0,3}|-|'|’)(\d{4}|\d{2})\b/gi, read: (m) => endOfMonth(fullYear(m[2]), Number(m[1]) * 6) },
];

/**
 * Every date in `text` (its first MAX_SCAN characters), in order of position. Overlapping
 * readings keep the most specific (`3 March 2026`, not `March 2026`).
 */
export function findDates(text: string): FoundDate[] {
  const scanned = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  const found: FoundDate[] = [];
  const overlaps = (start: number, end: number): boolean => found.some((d) => start < d.end && d.start < end);
  for (const form of FORMS) {
    form.pattern.lastIndex = 0;
    for (let m = form.pattern.exec(scanned); m; m = form.pattern.exec(scanned)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      const day = form.read(m);
      if (day !== undefined) found.push({ day, text: m[0], start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The latest date in `text`: when something is due, given a range or a slipped date. */
export function latestDate(text: string): FoundDate | undefined {
  // Items stay as they were between keystrokes: read each one once while it is in use.
  const known = latestDates.get(text);
  if (known !== undefined) return known ?? undefined;
  let latest: FoundDate | undefined;
  for (const d of findDates(text)) if (!latest || d.day >= latest.day) latest = d;
  // Copies, so that the memo never holds a document alive through a slice of it.
  if (latest) latest = { ...latest, text: detach(latest.text) };
  latestDates.set(detach(text), latest ?? null);
  return latest;
}

/** Latest dates by item text (null: none), for the items in recent use (see `RecentMemo`). */
const latestDates = new RecentMemo<FoundDate | null>(10_000);
