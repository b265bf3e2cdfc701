/**
 * Word sense of risks and assumptions: what could go wrong with delivering (the schedule, the
 * staff, a dependency, the money) is the project's; what could prove wrong about the product
 * (will people adopt it, pay for it, keep using it; what the market does) is a product hypothesis.
 * The section's own words decide; where they do not clearly say product, the words stay the
 * project's.
 */
import type { CompiledTaxonomy } from './compile';
import { cues, hitNames, type SectionWords } from './cues';
import { SenseTargets } from './sense-targets';
import type { Hit, Signals } from './signals';

/** What is left of a risk word's weight on the project side when the risks are product hypotheses (a hypothesis; the fit weighs `sense:risk-product`). */
export const RISK_KEEP = 0.25;

/** Words of product hypotheses: whether people adopt, pay, stay; what the market does. */
const PRODUCT_HYPOTHESIS = cues([
  'adopt*', 'pay', 'paying', 'paid', 'cannibali*', 'willing*', 'demand', 'market', 'compet*', 'churn', 'price', 'pricing',
  'customer', 'user', 'trust', 'usage', 'traction', 'retention', 'engagement', 'uptake', 'buy', 'switch', 'value', 'need',
  'habit', 'behavior', 'behaviour', 'preference', 'monetiz*', 'monetis*', 'revenue', 'product-market fit', 'subscription', 'positioning', 'expect',
]);
/** Words of delivery risks: time, people, money, other teams. */
const DELIVERY_RISK = cues([
  'schedule', 'delay', 'deadline', 'staff', 'staffing', 'resource', 'team', 'dependency', 'depend*', 'vendor', 'budget',
  'cost', 'overrun', 'slip', 'turnover', 'availability', 'hire', 'hiring', 'funding', 'timeline', 'estimate', 'contractor',
  'sprint', 'milestone', 'key person', 'bus factor', 'scope creep', 'capacity', 'illness', 'leave', 'member',
]);
/** Body words that name risks as such (not the modal words of any uncertainty: may, could, if). */
const RISK_WORDS = new Set(['risk', 'assumption', 'assume', 'hypothesis', 'mitigation', 'mitigate', 'threat', 'uncertainty']);

/** At least this many different words of product hypotheses, more than of delivery risks. */
const MIN_HYPOTHESIS = 2;

/**
 * Moves the section's risk words to the product side when its risks are product hypotheses;
 * returns how many moved.
 */
export function readRiskSense(compiled: CompiledTaxonomy, text: string, signals: Signals, words: SectionWords): number {
  if (!namesRisks(compiled, text, signals)) return 0;
  const product = words.count(PRODUCT_HYPOTHESIS);
  if (product < MIN_HYPOTHESIS || product <= words.count(DELIVERY_RISK)) return 0;
  // Most risks stay the project's: which signals move is read only where they do not.
  const targets = new SenseTargets();
  for (const hit of signals.hits.values()) if (isRiskWord(compiled, text, hit)) targets.add(hit);
  return targets.move(signals, RISK_KEEP, 'product', 'market', 'risk-product');
}

/** A word of the `risks` concern that names risks as such: in a heading or a table header, or a body word of risk. */
function isRiskWord(compiled: CompiledTaxonomy, text: string, hit: Hit): boolean {
  if (hit.role !== 'project' || hit.concern !== 'risks' || hit.kind === 'pattern') return false;
  return hit.kind === 'heading-term' || hit.kind === 'table-header' || hitNames(compiled, text, hit, RISK_WORDS);
}

/** Whether the section names risks the rule may move (a heading or header word says so without reading body words). */
function namesRisks(compiled: CompiledTaxonomy, text: string, signals: Signals): boolean {
  let named = false;
  for (const hit of signals.hits.values()) {
    if (hit.role !== 'project' || hit.concern !== 'risks') continue;
    // A risk register (likelihood and impact rated, risks numbered) is the project's way of managing them.
    if (hit.kind === 'pattern') return false;
    if (hit.kind === 'heading-term' || hit.kind === 'table-header') named = true;
  }
  if (named) return true;
  for (const hit of signals.hits.values()) if (isRiskWord(compiled, text, hit)) return true;
  return false;
}
