/**
 * What a success measure measures. Product success is measured by outcomes over the product's
 * life (adoption, engagement, retention, satisfaction, market share, revenue); project success by
 * delivery (on time, on budget, to scope, milestones hit, work shipped). Which sections hold
 * success measures, and for which side. Used by `misplaced-metric` and `unmeasured-metric`.
 *
 * The word lists are a hypothesis written by hand, not fitted: they name the measures the two
 * disciplines' own literature uses for each side.
 */
import { findDates } from './dates';
import { itemsOf, type Item } from './items';
import type { RuleContext } from './rules/rule';
import type { Role, Section } from './types';

/** A case-insensitive pattern that matches any of `parts` (regular expression sources). */
function anyOf(parts: readonly string[]): RegExp {
  return new RegExp(parts.join('|'), 'i');
}

/** Measures of product outcomes. */
const OUTCOME = anyOf([
  '\\b(?:dau|mau|wau|arr|mrr|arpu|ltv|nps|csat|ces|aov|dau/mau)\\b',
  '\\b(?:daily|weekly|monthly) active (?:users|customers|accounts)',
  '\\bactive (?:users|customers|accounts|households|stores)\\b',
  '\\bretention\\b', '\\bretained\\b', '\\bchurn', '\\bnet promoter', '\\bpromoter score',
  '\\b(?:customer|user|buyer|shopper|member|patient|player) satisfaction', '\\bsatisfaction score',
  '\\bconversion', '\\bconvert(?:s|ed)? to\\b', '\\bmarket share', '\\bshare of (?:market|wallet)',
  '\\badoption\\b', '\\badopt(?:s|ed)?\\b', '\\bengagement\\b', '\\brevenue\\b', '\\bactivation rate',
  '\\bsign-?ups?\\b', '\\brepeat (?:purchase|visit|order)', '\\baverage order value', '\\bbasket size',
  '\\b(?:cart|checkout) abandonment', '\\bbounce rate', '\\bstickiness\\b', '\\btime to value',
  '\\bpaying (?:users|customers)', '\\bnew (?:users|customers)\\b', '\\bgrowth\\b', '\\bupsell',
  '\\bopen rate', '\\bclick-?through', '\\bctr\\b', '\\bsessions? (?:per|length)', '\\bsupport tickets? per',
]);

/** Measures of delivery (dates are found apart, by ./dates). */
const DELIVERY = anyOf([
  '\\b(?:on|ahead of|behind) (?:time|schedule)\\b', '\\b(?:on|within|under|over) budget\\b', '\\bbudget variance',
  '\\bschedule variance', '\\bdeadlines?\\b', '\\bdue (?:date|by|on|in)\\b',
  '\\b(?:launch|ship|release|deliver|go live|go-live|roll out|complete|finish)(?:e[sd]|ed|es|s|ing)? (?:by|before|on|in|no later than)\\b',
  '\\b(?:features?|tasks?|stories|story points|tickets?|epics?|work items?|requirements) (?:shipped|delivered|completed|closed|done|implemented)\\b',
  '\\b(?:shipped|delivered|completed|closed|implemented) (?:all |\\d{1,6} )?(?:features?|tasks?|stories|story points|tickets?|epics?)\\b',
  '\\bvelocity\\b', '\\bburn-?down\\b', '\\bstory points\\b', '\\bcycle time\\b', '\\blead time\\b',
  '\\bmilestones? (?:hit|met|achieved|reached|completed|delivered|on time)\\b', '\\b(?:hit|meet|met|reach) (?:all |every |each |the |our )?milestones?\\b',
  '\\bstakeholder (?:satisfaction|sign-?off|approval)', '\\bsign-?off\\b', '\\bto scope\\b', '\\bscope creep',
]);

/** Words that make an item measurable even without a number: how it will be measured. */
const MEASURED = /\b(?:measured|measure|tracked|track|survey(?:ed)?|rate|ratio|percent(?:age)?|score|count|number of|median|average|p\d{2}|at least|at most|no more than|fewer than|more than|less than|above|below|zero|none|every|all)\b|[%<>≤≥]/i;
const DIGIT = /\d/;
/** A target written in words ("five wallets", "doubles", "a third of"): a number without digits. */
const NUMBER_WORD = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|half|twice|double[sd]?|triple[sd]?|(?:a|one|two) (?:third|quarter|fifth|tenth)s?)\b/i;

/** What an item measures, by its words. */
export interface MeasureReading {
  /** Outcome measures named (DAU, retention, …). */
  readonly outcome: string | undefined;
  /** Delivery measures named (on time, a date, velocity, …). */
  readonly delivery: string | undefined;
  /** It has a target or says how it is measured. */
  readonly measurable: boolean;
}

const measures = new WeakMap<Item, MeasureReading>();

/** Reads what an item measures (once per item: both metric rules read the items of a success section). */
export function readMeasure(item: Item): MeasureReading {
  let reading = measures.get(item);
  if (!reading) measures.set(item, (reading = measureOf(item.plain)));
  return reading;
}

function measureOf(text: string): MeasureReading {
  const outcome = OUTCOME.exec(text)?.[0];
  const dates = findDates(text);
  // A date alone measures delivery ("Launch by Q3 2026"); beside a target of its own ("time to
  // pay from 4 min to 1 min by Q3 2026") it is the deadline of an outcome.
  const withoutDates = dates.reduceRight((t, d) => t.slice(0, d.start) + t.slice(d.end), text);
  const dated = dates.length > 0 && !DIGIT.test(withoutDates) && !MEASURED.test(withoutDates) ? dates[0].text : undefined;
  const delivery = DELIVERY.exec(text)?.[0] ?? dated;
  const measurable = outcome !== undefined || delivery !== undefined || dates.length > 0 || DIGIT.test(text) || MEASURED.test(text) || NUMBER_WORD.test(text);
  return { outcome, delivery, measurable };
}

/** Headings of sections that hold success measures. */
const SUCCESS_HEADING = /\b(?:success|metrics?|kpis?|okrs?|key results|measures? of success|how we(?:'ll| will)? measure|outcomes? we expect|definition of done for the project)\b/i;
const PROJECT_HEADING = /\b(?:project|delivery|engineering|team|process|program(?:me)?|execution|schedule|milestones?)\b/i;
const PRODUCT_HEADING = /\b(?:product|business|customer|user|outcome|adoption|market|growth)\b/i;

/**
 * The side a section's success measures speak for, when it holds success measures (by its heading,
 * or, for product metrics, by its tag or content): its tag's role when tagged product or project;
 * else what its heading says ("Project success criteria",
 * "Product KPIs"); else the document's kind; else its parent's role; else the side with more words
 * in the document. Undefined when the section holds no success measures or is tagged shared or
 * none.
 */
export function successSide(section: Section, context: RuleContext): Role | undefined {
  const tag = section.tags[0];
  const heading = section.heading;
  if (!SUCCESS_HEADING.test(heading)) {
    // A section whose content (or tag) says product metrics, under a heading of another name.
    return section.concern === 'metrics' && section.role === 'product' ? 'product' : undefined;
  }
  if (tag) return tag.role === 'product' || tag.role === 'project' ? tag.role : undefined;
  const project = PROJECT_HEADING.test(heading);
  const product = PRODUCT_HEADING.test(heading);
  if (project !== product) return project ? 'project' : 'product';
  const kindRole = context.kindDef?.role;
  if (kindRole === 'product' || kindRole === 'project') return kindRole;
  if (section.parent !== undefined) {
    const parent = context.sections[section.parent].role;
    if (parent === 'product' || parent === 'project') return parent;
  }
  return documentLean(context);
}

/** A section's success measures: the side they speak for and the items; null for none. */
type SuccessItems = { readonly side: Role; readonly items: readonly Item[] } | null;

const successes = new WeakMap<RuleContext, Map<Section, SuccessItems>>();

/**
 * A success section's side and its items, or undefined when the section holds no success
 * measures. Read once per section of an analysis: both metric rules ask for every section.
 */
export function successItems(section: Section, context: RuleContext): NonNullable<SuccessItems> | undefined {
  let bySection = successes.get(context);
  if (!bySection) successes.set(context, (bySection = new Map()));
  let success = bySection.get(section);
  if (success === undefined) {
    const side = successSide(section, context);
    success = side ? { side, items: itemsOf(context.text, context.blocks[section.index]) } : null;
    bySection.set(section, success);
  }
  return success ?? undefined;
}

const leans = new WeakMap<readonly Section[], Role | undefined>();

/** The side with more words among the document's sections, if one has more. */
function documentLean(context: RuleContext): Role | undefined {
  if (leans.has(context.sections)) return leans.get(context.sections);
  let product = 0;
  let project = 0;
  for (const s of context.sections) {
    if (s.role === 'product') product += s.wordCount;
    else if (s.role === 'project') project += s.wordCount;
  }
  const lean = product > project ? 'product' : project > product ? 'project' : undefined;
  leans.set(context.sections, lean);
  return lean;
}
