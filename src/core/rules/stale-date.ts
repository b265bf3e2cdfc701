import { clockDay, formatDay, latestDate, parseIsoDay, type Day } from '../dates';
import { insertAt } from '../fixes';
import { itemsOf, type Item } from '../items';
import type { LineIndex } from '../text';
import type { Range, Section, TextEdit } from '../types';
import type { Rule, RuleContext } from './rule';

/** Project concerns whose dated items are due dates. */
const DATED_CONCERNS: ReadonlySet<string | undefined> = new Set(['schedule', 'status', 'deliverables', undefined]);

/** Says an item is not finished, whatever else it says ("not done", "in progress"). */
const NOT_DONE = /\b(?:not|un)[ -]?(?:yet[ -])?(?:done|complete|completed|started|shipped|delivered|finished)\b|\b(?:in progress|blocked|at risk|delayed|slipp(?:ed|ing)|overdue|pending|open|to do|todo)\b/i;
/** Says an item is finished. */
const DONE = /✅|✔|☑|\b(?:done|completed|shipped|delivered|finished|launched|released|achieved|closed|met)\b/i;
const DIGIT = /\d/;

/**
 * A dated item of a project section (schedule, status, deliverables) whose date has passed and
 * that is not marked done: an unticked task box, or no done, complete, shipped or ✅ beside it.
 * Today is the front matter's `asOf:`, else the configuration's `asOf` (`--as-of` on the command
 * line), else the clock's date.
 */
export const staleDate: Rule = {
  id: 'stale-date',
  defaultSeverity: 'info',
  description: 'A dated item in a project section whose date has passed and that is not marked done',
  checkSection(section, context, report) {
    if (!isDatedSection(section)) return;
    const today = todayOf(context);
    for (const item of itemsOf(context.text, context.blocks[section.index])) {
      // Every date form has a digit: an item without one is not searched for dates.
      const due = DIGIT.test(item.plain) ? latestDate(item.plain) : undefined;
      if (!due || due.day >= today || isDone(item, context.text)) continue;
      const ago = today - due.day;
      report({
        section: section.index,
        range: context.lines.range(item.start, item.end),
        message: `${dueName(item, due.text)} was due ${formatDay(due.day)}, ${ago} ${ago === 1 ? 'day' : 'days'} ago, and is not marked done`,
        fixes: [{ title: 'Mark it done', edits: [markDoneEdit(item, context.lines)], preferred: true }],
      });
    }
  },
  // Besides its own items, a section's findings depend only on today.
  local: { reads: (context) => String(todayOf(context)) },
  check(context, report) {
    const problem = readAsOf(context).problem;
    if (problem) report({ range: problem.range, message: problem.message });
  },
};

function isDatedSection(section: Section): boolean {
  return section.role === 'project' && DATED_CONCERNS.has(section.concern);
}

/** Whether an item says it is finished: its box, its words, or a strike-through. */
function isDone(item: Item, text: string): boolean {
  if (item.checked !== null) return item.checked;
  if (text.startsWith('~~', item.start)) return true;
  const words = item.plain;
  if (NOT_DONE.test(words)) return false;
  if (DONE.test(words)) return true;
  // "complete" as a status, not "Complete the migration".
  const complete = /\bcomplete\b/i.exec(words);
  return complete !== null && complete.index > 0;
}

/** A cell that can name a row: a word of two letters or more, not only a number, an id or a handle. */
const NAMING_CELL = /(?:^|[^@\p{L}\p{N}_])\p{L}{2,}/u;

/**
 * `'Beta with 300 households'`: the item without its date, or a table row's first cell that
 * names it (`| 2 | Client patching | @kim | 2026-11-30 |` is 'Client patching', not '2').
 */
function dueName(item: Item, dateText: string): string {
  const besideTheDate = (c: { readonly plain: string }): boolean => c.plain !== '' && !c.plain.includes(dateText);
  const cell = item.cells?.find((c) => besideTheDate(c) && NAMING_CELL.test(c.plain)) ?? item.cells?.find(besideTheDate);
  const raw = cell ? cell.plain : item.plain.replace(dateText, ' ');
  const name = raw
    .replace(/^\[[ xX]\]\s*/, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s:;,.!?–—(\[-]+$/, '')
    .replace(/[\s:;,–—(\[-]*\b(?:by|due|on|in|before|until|at)$/i, '')
    .replace(/[\s:;,.!?–—(\[-]+$/, '')
    .replace(/^[\s:;,–—)\]-]+/, '')
    .trim();
  const shown = name === '' ? item.plain : name;
  return `'${shown.length > 60 ? shown.slice(0, 59) + '…' : shown}'`;
}

/** Ticks the item's box; an item without one gets a ticked box (list item) or a ✅. */
function markDoneEdit(item: Item, lines: LineIndex): TextEdit {
  const text = lines.text;
  const line = lines.positionAt(item.start).line;
  if (item.checked === false) {
    const box = text.lastIndexOf('[ ]', item.start);
    if (box >= lines.lineStart(line)) return { range: lines.range(box, box + 3), newText: '[x]' };
  }
  if (item.kind === 'list-item') return insertAt(lines, item.start, '[x] ');
  const cells = item.cells?.filter((c) => c.plain !== '') ?? [];
  if (cells.length > 0) {
    // A status cell that says it is not done says done instead; otherwise the row gets a ✅.
    const status = cells.find((c) => NOT_DONE.test(c.plain));
    if (status) return { range: lines.range(status.start, status.end), newText: 'Done' };
    return insertAt(lines, cells[cells.length - 1].end, ' ✅');
  }
  const end = /[.!?]$/.test(text.slice(item.start, item.end)) ? item.end - 1 : item.end;
  return insertAt(lines, end, ' ✅');
}

const todays = new WeakMap<RuleContext, Day>();

/** Today for the rule, read once per analysis (so that every section counts from the same day). */
function todayOf(context: RuleContext): Day {
  let day = todays.get(context);
  if (day === undefined) todays.set(context, (day = readAsOf(context).day));
  return day;
}

/** Today for the rule, and a problem when the front matter's `asOf:` is not a date. */
function readAsOf(context: RuleContext): { day: Day; problem?: { range: Range; message: string } } {
  const fallback = (context.config.asOf !== undefined ? parseIsoDay(context.config.asOf) : undefined) ?? clockDay();
  const value = context.frontMatter?.data?.asOf;
  if (value === undefined) return { day: fallback };
  const written = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  const day = parseIsoDay(written);
  if (day !== undefined) return { day };
  return { day: fallback, problem: { range: asOfRange(context), message: `Front matter 'asOf' must be a date written YYYY-MM-DD, found '${written}': dates are checked against ${formatDay(fallback)}` } };
}

function asOfRange(context: RuleContext): Range {
  const fm = context.frontMatter!;
  const block = context.text.slice(fm.range.start.offset, fm.range.end.offset);
  const m = /^[ \t]*asOf[ \t]*:[^\r\n]*/m.exec(block);
  if (!m) return fm.range;
  const at = fm.range.start.offset + m.index;
  return context.lines.range(at, at + m[0].length);
}
