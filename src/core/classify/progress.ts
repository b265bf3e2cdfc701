/**
 * How a section reports delivery work, apart from any planning noun it names: a progress report
 * says what was done ("we merged", "was released", "80% complete"), a delivery log lists work
 * items with their author or date, a work plan heads each task with who does it. Each reading is
 * project evidence the fitted model weighs (a body or heading pattern of the `status`,
 * `deliverables` or `resources` concern); every pattern is bounded, so a section is read in
 * linear time.
 */
import type { BlockFact } from '../parse/facts';
import type { Signals } from './signals';

/** What a section's voice says about delivery work. */
export interface ProgressReading {
  /** Work reported done: `we completed`, `was merged`, `50% complete`, ticked task items. */
  readonly done: number;
  /** Work the authors commit to do: `we will maintain`, `Dana will port`, `as part of this project`. */
  readonly planned: number;
  /** List items that record a piece of work with who did it or when (`@handle`, an ISO date). */
  readonly logged: number;
}

/** Verbs of work done with its doers as the subject (`we merged`). */
const DONE_BY_US = ['completed', 'delivered', 'merged', 'released', 'shipped', 'finished', 'implemented', 'launched', 'published', 'submitted', 'migrated', 'landed', 'achieved', 'built', 'developed', 'hired'];
/** Verbs of work done in the passive (`was released`). */
const DONE_PASSIVE = ['completed', 'delivered', 'merged', 'released', 'shipped', 'finished', 'implemented', 'launched', 'approved', 'funded', 'awarded', 'published', 'submitted', 'done', 'achieved'];
/** What a share of the work is (`80% done`). */
const DONE_SHARE = ['complete', 'completed', 'done', 'finished'];
const DONE_STATES = ['completed recently', 'in progress', 'on track', 'not started'];

/** Work in the past tense, by the people who did it or in the passive of a delivery. */
const DONE = new RegExp(
  `\\b(?:${[
    `(?:we|i|they|the team)\\s+(?:have\\s+|had\\s+)?(?:already\\s+)?(?:${DONE_BY_US.join('|')})\\b`,
    `(?:was|were|has been|have been)\\s+(?:successfully\\s+)?(?:${DONE_PASSIVE.join('|')})\\b`,
    `\\d{1,3}\\s?%\\s+(?:${DONE_SHARE.join('|')})\\b`,
    `(?:${DONE_STATES.join('|')})\\b`,
  ].join('|')})`,
  'gi',
);

/**
 * The word every match of `DONE` ends with, after a space: a text where none of them starts a
 * word holds no match. One search of a section for them spares most sections a search of each
 * paragraph with the whole expression.
 */
const DONE_LAST_WORD = new RegExp(`\\b(?:${[...new Set([...DONE_BY_US, ...DONE_PASSIVE, ...DONE_SHARE, ...DONE_STATES.map((s) => s.split(' ').pop())])].join('|')})`, 'i');

/** Whether `text` may hold a report of work done (`false`: it holds none, in any of its paragraphs). */
export function mayReportDone(text: string): boolean {
  return DONE_LAST_WORD.test(text);
}

/** A person's first name as a sentence's subject (a capitalised word that is not a common subject of product prose). */
const PERSON = "(?!(?:The|This|That|It|Users?|Customers?|Admins?|Members?|Visitors?|Everyone|Each|There|These|Those|They|You|Our|Your|Teams?|Developers?|Operators?|Maintainers?|Contributors?|Buyers?|Sellers?|Players?|Readers?|Clients?|Staff|People|Nobody|Someone|Anyone|Everybody|Which|What|Who)\\b)[A-Z][a-z]{2,20}";
/**
 * Work the people of the plan commit to: a first-person or named subject, `will`, and a verb of
 * doing work (not of what a product offers: `we will support`, `it will allow` say nothing of
 * delivery), a delivery in the future passive (`will be released`, as roadmaps announce it), or
 * the work named as part of the project or grant itself.
 */
const PLANNED = new RegExp(
  [
    `\\b(?:[Ww]e|I|[Oo]ur team|[Tt]he team|${PERSON})\\s+will\\s+(?:also\\s+|then\\s+|first\\s+)?(?:continue\\s+to\\s+|aim\\s+to\\s+)?(?:work\\s+on|maintain|implement|develop|build|deliver|create|finali[sz]e|port|migrate|write|publish|release|participate|address|fix|hire|prepare|refactor|integrate|set\\s+up|document|complete|design)\\b`,
    '\\bwill\\s+be\\s+(?:made\\s+)?(?:available|released|launched|delivered|shipped|completed|deployed|rolled\\s+out)\\b',
    '\\b[Aa]s\\s+part\\s+of\\s+(?:this|the)\\s+(?:project|grant|proposal|milestone)\\b',
  ].join('|'),
  'g',
);

/** Who did a piece of work: an `@handle` (as a word of its own, or opening a link or a bracket). */
export const WORK_HANDLE = /(?:^|[\s[(])@[A-Za-z0-9][\w-]{0,38}\b/;
/** An ISO date (`2026-03-02`). */
export const ISO_DATE = /\b(?:19|20)\d\d-[01]\d-[0-3]\d\b/;
/** A mark of who did a piece of work or when it landed: an `@handle` or an ISO date (issue links name features as often as work). */
const WORK_REFERENCE = new RegExp(`${WORK_HANDLE.source}|${ISO_DATE.source}`);

/** What each reading weighs as evidence for the project side (a body pattern, saturating like a term). */
const WEIGHT = { done: 1.5, planned: 1.5, logged: 2, assignee: 6 } as const;

/**
 * Reads the voice of a section's own body (code and HTML blocks left out) and, when `signals` is
 * given, adds what it found as project evidence: work done as status, logged items as deliverables.
 */
export function readProgress(text: string, blocks: readonly BlockFact[], signals?: Signals): ProgressReading {
  let done = 0;
  let planned = 0;
  let logged = 0;
  let item = -1;
  const found = (key: string, concern: string, weight: number, start: number, end: number): void =>
    signals?.add(`body\u0000pattern\u0000${key}`, 'pattern', concern, 'project', weight, start, end, true);
  let from = text.length;
  let to = 0;
  for (const block of blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'table-row') continue;
    from = Math.min(from, block.start);
    to = Math.max(to, block.end);
  }
  const reportsDone = from < to && mayReportDone(text.slice(from, to));
  for (const block of blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'table-row') continue;
    const prose = text.slice(block.start, block.end);
    if (reportsDone) done += each(DONE, prose, (a, b) => found('done', 'status', WEIGHT.done, block.start + a, block.start + b));
    // Every commitment says `will` or `part of`: most paragraphs are skipped at the cost of two searches.
    if (prose.includes('will') || prose.includes('part of')) planned += each(PLANNED, prose, (a, b) => found('planned', 'deliverables', WEIGHT.planned, block.start + a, block.start + b));
    if (block.checked === true) done++;
    // One list item counts once, however many of its lines carry a reference.
    // A handle holds `@` and a date `-`: most items have neither and skip the search.
    const reference = block.inList && block.start !== item && (prose.includes('@') || prose.includes('-')) ? WORK_REFERENCE.exec(prose) : null;
    if (reference) {
      logged++;
      item = block.start;
      found('logged', 'deliverables', WEIGHT.logged, block.start, block.start + Math.min(prose.length, reference.index + reference[0].length));
    }
  }
  return { done, planned, logged };
}

/** Calls `hit` with the offsets of each match of a global `pattern`; returns how many there were. */
function each(pattern: RegExp, s: string, hit: (start: number, end: number) => void): number {
  pattern.lastIndex = 0;
  let n = 0;
  for (let m = pattern.exec(s); m; m = pattern.exec(s)) {
    n++;
    hit(m.index, m.index + m[0].length);
  }
  return n;
}

/** Adds a heading that names its assignee to `signals` as project evidence (who does the work: resources). */
export function readAssignee(heading: string, start: number, end: number, signals: Signals): boolean {
  const named = headingNamesAssignee(heading);
  if (named) signals.add('heading\u0000pattern\u0000assignee', 'pattern', 'resources', 'project', WEIGHT.assignee, start, end, false);
  return named;
}

/**
 * A heading that names who does the work it titles: a trailing parenthesised person's name
 * (`Port the importer (Dana Reyes)`, `Docs (4 weeks, Dana Reyes)`), an `@handle`, or an
 * owner field (`Owner: Dana`). Tasks of a work plan are headed this way; product features are not.
 */
export function headingNamesAssignee(heading: string): boolean {
  if (ASSIGNEE_HANDLE.test(heading) || ASSIGNEE_FIELD.test(heading)) return true;
  // A title-case phrase in parentheses may be a name or a qualifier (`Key Features (Priority
  // Order)`): it names a person when it follows a task (a work verb) or a cost or a duration.
  const named = ASSIGNEE_NAME.exec(heading);
  return named !== null && (named[1] !== undefined || TASK_START.test(heading));
}

const TASK_START = /^[\s*_\d.)#:-]*(?:add|build|create|develop|design|document|extend|fix|implement|improve|integrate|make|migrate|port|prepare|publish|refactor|release|rewrite|set up|ship|support|test|update|write)\b/i;

const NAME = "[A-Z][\\p{Ll}'\\u2019-]{1,20}";
const ASSIGNEE_NAME = new RegExp(`\\(([^()]{0,60},\\s*)?${NAME}(?:\\s+(?:(?:van|de|der|von|da|di|le|la)\\s+){0,2}${NAME}){1,3}\\)[\\s*_:.]*$`, 'u');
const ASSIGNEE_HANDLE = /(?:^|\s|\()@[A-Za-z0-9][\w-]{0,38}\)?[\s*_:.]*$/;
const ASSIGNEE_FIELD = /\b(?:owner|assignee|assigned to|lead|responsible|dri)\s*:\s*\S/i;
