import type { PatternDef } from './types';

/*
 * The structural patterns of the built-in taxonomy, as data (regular expression sources, matched
 * with the `giu` flags on text whose code spans, comments, links and HTML tags are blanked out).
 * Each one says something a single word cannot: a date, an amount, a target. Each names where a
 * match can start (`starts`), so it is only tried there.
 */

const MONTHS = ['jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july', 'aug', 'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december'];
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const YEAR = '(?:19|20)\\d{2}';
const NUM = '\\d{1,3}(?:[, ]\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const SCALE = '(?:k|m|mm|bn|b|million|billion|thousand)';
const CURRENCY_CODES = ['usd', 'eur', 'gbp', 'chf', 'cad', 'aud', 'jpy', 'inr', 'cny', 'sek', 'nok', 'dkk'];
const CURRENCY_CODE = `(?:${CURRENCY_CODES.join('|')}|dollars?|euros?|pounds?)`;
const CURRENCY_SYMBOLS = ['$', '€', '£', '¥', '₹'];
const METRIC_WORDS = [
  'retention', 'churn', 'nps', 'net promoter score', 'dau', 'mau', 'wau', 'daily active users', 'monthly active users',
  'weekly active users', 'active users', 'conversion', 'conversion rate', 'activation', 'activation rate', 'engagement',
  'arpu', 'ltv', 'cac', 'csat', 'ctr', 'click-through rate', 'adoption', 'adoption rate', 'uptime', 'availability',
  'latency', 'p90', 'p95', 'p99', 'error rate', 'crash rate', 'success rate', 'completion rate', 'revenue', 'mrr', 'arr',
  'sign-ups', 'sign-up', 'signups', 'signup', 'downloads', 'installs', 'satisfaction', 'time to value', 'load time',
  'response time', 'bounce rate', 'stickiness', 'users', 'user', 'customers', 'customer', 'subscribers', 'subscriber',
];
const METRIC = `(?:${[...METRIC_WORDS].sort((a, b) => b.length - a.length).map((w) => w.replace(/-/g, '-?')).join('|')})`;
const firstWords = (phrases: readonly string[]): string[] => [...new Set(phrases.map((w) => w.split(/[\s-]/)[0]))];
const COMPARATORS = ['<', '>', '≥', '≤', '~'];
/** What a metric's target is counted in. */
const UNIT = '(?:%|percent\\b|pp\\b|points\\b|k\\b|m\\b|x\\b|ms\\b|s\\b|/5|/10|\\+)';

const p = (name: string, regex: string, weight: number, where: PatternDef['where'], starts: string[]): PatternDef => ({ name, regex, weight, where, starts });

export const PATTERNS = {
  /** 2025-03-14 */
  isoDate: p('date', `\\b${YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])\\b`, 1.2, 'any', ['#']),
  /** March 14, 2025 · Mar 14 · Nov 1-7 · June 20th */
  monthDate: p('date', `\\b${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:\\s*[-–]\\s*\\d{1,2})?(?:,?\\s+${YEAR})?\\b`, 1.2, 'any', MONTHS),
  /** 14 March 2025 */
  dayMonthYear: p('date', `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+${YEAR}\\b`, 1.2, 'any', ['#']),
  /** March 2025 · Jan '26 */
  monthYear: p('date', `\\b${MONTH}\\.?\\s+(?:${YEAR}|'\\d{2})\\b`, 1, 'any', MONTHS),
  /** A year in a heading: `2025`, `2026 milestones and beyond` (sections named for a period). */
  yearHeading: p('year', `\\b${YEAR}\\b`, 0.8, 'heading', ['#']),
  /** 14/03/2025 · 3/14/25 */
  numericDate: p('date', `\\b\\d{1,2}[/.]\\d{1,2}[/.](?:${YEAR}|\\d{2})\\b`, 1, 'any', ['#']),
  /** Q3 2025 · Q3'25 · 2025 Q3 · H1 2026 · FY26 */
  quarter: p(
    'quarter',
    `\\b(?:[QH][1-4]\\s*(?:FY\\s*)?(?:${YEAR}|'\\d{2})|${YEAR}\\s*[-/]?\\s*[QH][1-4]|FY\\s?'?\\d{2}(?:\\d{2})?)\\b`,
    1.5,
    'any',
    ['q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'fy*', '#'],
  ),
  /** Week 3 · Weeks 5-6 · Sprint 4 · Day 0 · Month 2 · Iteration 3 */
  weekSprint: p(
    'week or sprint',
    `\\b(?:weeks?|wk|sprints?|iterations?|days?|months?)\\s*#?\\d{1,3}(?:\\s*(?:[-–—]|to)\\s*\\d{1,3})?\\b`,
    1.2,
    'any',
    ['week', 'weeks', 'wk', 'sprint', 'sprints', 'iteration', 'iterations', 'day', 'days', 'month', 'months'],
  ),
  /** 6-8 weeks · 3 months · 2-week sprints · 10 working days */
  duration: p(
    'duration',
    `\\b\\d{1,3}(?:\\s*[-–—]\\s*\\d{1,3})?[\\s-]*(?:working\\s+|business\\s+|calendar\\s+)?(?:weeks?|months?|sprints?|quarters?|business days|working days)(?:\\s+(?:sprints?|iterations?|cycles?))?\\b`,
    0.8,
    'any',
    ['#'],
  ),
  /** Phase 2 · Milestone 3 · M4 · Stage 1 · Release 2 */
  phaseMilestone: p(
    'phase or milestone',
    `\\b(?:phase|milestone|stage|release|wave|increment|m)\\s*#?\\d{1,2}(?:\\.\\d+)?\\b`,
    1,
    'any',
    ['phase', 'milestone', 'stage', 'release', 'wave', 'increment', 'm', 'm*'],
  ),
  /** $48,000 · €1.2M · 10k USD · USD 5,000 · 5kEUR */
  currency: p(
    'currency amount',
    `(?:[$€£¥₹]\\s?(?:${NUM})(?:\\s?${SCALE}\\b)?|\\b(?:${NUM})(?:\\s?${SCALE})?\\s?${CURRENCY_CODE}\\b|\\b${CURRENCY_CODE}\\s?(?:${NUM})(?:\\s?${SCALE}\\b)?)`,
    1.5,
    'any',
    [...CURRENCY_SYMBOLS, '#', ...CURRENCY_CODES],
  ),
  /** 1,487 hours · 40 person-days · 120 story points · 3 man-months */
  effort: p(
    'effort estimate',
    `\\b(?:${NUM})\\s*(?:hours|hrs|h\\b|person[- ](?:days?|weeks?|months?|hours?)|man[- ](?:days?|months?|hours?)|story points|ideal days)\\b`,
    1,
    'any',
    ['#'],
  ),
  /** /hour · per day · /month (rates) */
  perPeriodRate: p('rate', `(?:/\\s?(?:hr|hour|day|month|mo|year|yr)\\b|\\bper\\s+(?:hour|day|person-day|sprint)\\b)`, 0.8, 'body', ['/', 'per']),
  /** 2 FTE · 0.5 FTE · FTEs */
  fte: p('FTE', `\\b(?:\\d+(?:\\.\\d+)?\\s*)?FTEs?\\b`, 1.5, 'any', ['#', 'fte', 'ftes']),
  /** 3 engineers · 4–6 core contributors · two designers */
  headcount: p(
    'headcount',
    `\\b(?:\\d+(?:\\s*[-–]\\s*\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:(?:full|part)[- ]time\\s+|senior\\s+|junior\\s+|core\\s+|dedicated\\s+)?(?:engineers?|developers?|designers?|testers?|contributors?|people|persons?|staff|contractors?|freelancers?|analysts?|team members|members|hires|devs)\\b`,
    1.2,
    'body',
    ['#', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'],
  ),
  /** Owner: @dana · assigned to @lee */
  handleAssignment: p('assignment', `(?:owner|assignee|assigned to|lead|responsible|dri)\\s*[:=-]?\\s*@[A-Za-z0-9._-]+`, 1, 'body', ['owner', 'assignee', 'assigned', 'lead', 'responsible', 'dri']),
  /** Likelihood: High · High / Medium */
  riskRating: p(
    'risk rating',
    `\\b(?:likelihood|probability|impact|severity)\\s*[:=]?\\s*\\**\\s*(?:high|medium|med|low|critical|very high|very low|[1-5])\\b|\\b(?:high|medium|low)\\s*[/|,]\\s*(?:high|medium|low)\\b`,
    1.3,
    'body',
    ['likelihood', 'probability', 'impact', 'severity', 'high', 'medium', 'low'],
  ),
  /** R1 · RISK-3 */
  riskId: p('risk id', `\\b(?:R|RISK-?)\\d{1,3}\\b`, 0.8, 'body', ['r*', 'risk']),
  /** Retention ≥ 40% · NPS of 50 · DAU 10k · 99.9% uptime */
  metricTarget: p(
    'metric with target',
    `\\b${METRIC}\\b[^.\\n|]{0,40}?(?:(?:[<>≥≤~]=?|\\b(?:of|at|to|above|below|over|under|targets?|reach(?:es)?|hits?)\\b)\\s*\\d{2,}(?:[.,]\\d+)?(?:\\s*${UNIT}|\\b(?![.,]\\d))|\\d+(?:[.,]\\d+)?\\s*${UNIT})|(?:[<>≥≤~]=?\\s*)?\\b\\d+(?:[.,]\\d+)?\\s*(?:%|percent|k|m|x)?\\s+(?:\\w+\\s+){0,3}?${METRIC}\\b`,
    1.6,
    'any',
    [...firstWords(METRIC_WORDS), 'sign*', '#', ...COMPARATORS],
  ),
  /** increase activation by 20% · reduce setup time by 80% */
  changeBy: p(
    'change target',
    `\\b(?:increase|improve|reduce|decrease|grow|boost|cut|lift|raise|lower|double|triple)\\w*\\b[^.\\n]{0,60}?\\b(?:by|to)\\s+(?:at least\\s+)?\\d+(?:[.,]\\d+)?\\s*(?:%|x|percent|pp)`,
    1.4,
    'any',
    ['increase*', 'improv*', 'reduc*', 'decreas*', 'grow*', 'boost*', 'cut*', 'lift*', 'raise*', 'lower*', 'doubl*', 'tripl*'],
  ),
  /** at least 100 downloads · < 5 minutes · ≥ 95 % */
  comparisonTarget: p(
    'target',
    `(?:\\bat least|\\bat most|\\bless than|\\bmore than|\\bno more than|[<>≥≤])\\s*\\d+(?:[.,]\\d+)?\\s*(?:%|percent|x)`,
    0.8,
    'body',
    ['at', 'less', 'more', 'no', ...COMPARATORS.slice(0, 4)],
  ),
  /** [Done] · In progress · On track · Blocked */
  statusMarker: p(
    'status',
    `\\b(?:done|completed?|in[- ]progress|on[- ]track|off[- ]track|at[- ]risk|not[- ]started|on[- ]hold|blocked|wip|delayed|pending|ongoing)\\b(?=\\s*[)\\]|:.,\\n]|\\s*$)`,
    0.9,
    'body',
    ['done', 'complete', 'completed', 'in', 'on', 'off', 'at', 'not', 'blocked', 'wip', 'delayed', 'pending', 'ongoing'],
  ),
  /** 60% complete */
  percentComplete: p('percent complete', `\\b\\d{1,3}\\s?%\\s*(?:complete|completed|done|finished)\\b`, 1.4, 'body', ['#']),
  /** ✅ 🔄 ⏳ 🚧 */
  statusEmoji: p('status mark', `[✅☑✔🔄⏳🚧🟢🟡🔴]`, 0.5, 'body', ['✅', '☑', '✔', '🔄', '⏳', '🚧', '🟢', '🟡', '🔴']),
  /** D1.2 · WP3 · T2.1 */
  deliverableId: p('deliverable id', `\\b(?:D|WP|T)\\d{1,2}(?:\\.\\d{1,2})?\\b`, 1, 'body', ['d*', 'wp*', 't*']),
  /** As a data scientist, I want …, so that … */
  userStory: p(
    'user story',
    `\\bas\\s+an?\\b[^\\n]{0,80}?(?:\\n[^\\n]{0,80}?)?\\bI\\b\\W{0,4}(?:want|need|would like|can|should be able)\\b[\\s\\S]{0,300}?\\bso\\W{0,4}that\\b`,
    3,
    'body',
    ['as'],
  ),
  /** Persona: Maya, 34, … */
  persona: p('persona', `\\bpersona\\s*(?:\\d+|[A-Z])?\\s*[:—–-]`, 1.5, 'any', ['persona']),
  /** P0 · P1 priorities */
  priority: p('priority', `\\bP[0-3]\\b`, 0.8, 'body', ['p0', 'p1', 'p2', 'p3']),
  /** The system shall … · Users can … · must support */
  requirementStatement: p(
    'requirement statement',
    `\\b(?:the\\s+(?:system|app|application|platform|product|service|tool|user|api)|users?|customers?|admins?|administrators?)\\s+(?:shall|must|should|can|will be able to|are able to|need to be able to)\\b|\\bmust\\s+(?:support|allow|provide|be able)\\b`,
    1,
    'body',
    ['the', 'user', 'users', 'customer', 'customers', 'admin', 'admins', 'administrator', 'administrators', 'must'],
  ),
  /** This proposal adds … · the project builds … · is a library that … (what is being built, said outright) */
  productDefinition: p(
    'what it is',
    `\\b(?:this|the|our)\\s+(?:proposal|enhancement|rfc|project|feature|product|tool|library|app|application|platform|service|extension|plugin|grant|initiative)\\s+(?:will\\s+)?(?:adds?|introduces?|proposes?|builds?|creates?|provides?|offers?|delivers?|enables?|exposes?|lets?|allows?|aims?\\s+to|seeks?\\s+to)\\b|\\b(?:is|will\\s+be)\\s+(?:an?|the)\\s+(?:[\\p{L}-]+\\s+){0,4}?(?:tool|library|platform|app|application|service|framework|protocol|marketplace|dashboard|wallet|plugin|extension|product|solution|sdk|bridge|client|engine|messenger|website|portal|bot|game|interface)s?\\b`,
    1,
    'body',
    ['this', 'the', 'our', 'is', 'will'],
  ),
  /** lets users export · helps reviewers find · guide them through · value delivered (what a step gives its users) */
  userValue: p(
    'user value',
    `\\b(?:allow|allows|allowing|enable|enables|enabling|let|lets|letting|help|helps|helping|guide|guides|guiding)\\s+(?:(?:the|our|their|all|new)\\s+)?(?:users?|customers?|people|them|visitors|members|\\p{L}{3,}(?:ees|ers))\\s+(?:to\\s+|in\\s+|through\\s+)?\\p{L}+|\\bvalue\\s+(?:delivered|to\\s+(?:users|customers))\\b`,
    1.2,
    'body',
    ['allow', 'allows', 'allowing', 'enable', 'enables', 'enabling', 'let', 'lets', 'letting', 'help', 'helps', 'helping', 'guide', 'guides', 'guiding', 'value'],
  ),
};
