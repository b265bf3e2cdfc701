/**
 * Word sense of money: fees, payments, prices and amounts are the project's budget when the
 * section speaks of funding the work (grants, hours, rates, salaries). Where the product itself
 * handles money (users pay, a checkout charges a fee, a pool takes 0.01% of each trade), they
 * describe what the product does or how it is priced: the product's side. A currency code with
 * no amount beside it names a unit (of a data field, a price list), not a cost.
 */
import type { CompiledTaxonomy } from './compile';
import { cues, hitNames, type SectionWords } from './cues';
import { SenseTargets } from './sense-targets';
import type { Signals } from './signals';

/** What is left of a money word's weight on the budget side once its sense is another (a hypothesis; the fit weighs `sense:*`). */
export const MONEY_KEEP = 0.25;

/** Words of money the product handles: its users' payments, its prices, its trades. */
const PRODUCT_MONEY = cues([
  'transaction', 'wallet', 'checkout', 'merchant', 'subscription', 'subscriber', 'tier', 'pricing', 'customer', 'user',
  'buyer', 'seller', 'exchange', 'pool', 'liquidity', 'stablecoin', 'token', 'trading', 'trade', 'swap', 'deposit',
  'withdraw*', 'balance', 'refund', 'charge', 'payout', 'premium', 'freemium', 'revenue', 'monetiz*', 'monetis*', 'cart',
  'order', 'commission', 'royalty', 'shopper', 'sale', 'marketplace',
]);
/** Words of paying for the work. */
const PROJECT_MONEY = cues([
  'budget', 'funding', 'fund', 'grant', 'requested', 'hour', 'hourly', 'salary', 'contractor', 'milestone', 'deliverable',
  'development', 'team', 'engineer', 'developer', 'tranche', 'disburse*', 'upfront', 'installment', 'instalment', 'overhead',
  'justification', 'person', 'staff', 'sponsor', 'month', 'week', 'effort', 'estimate',
]);
/** Headings that name paying for the work (a `Fees` heading may be the product's; `Funding request`, `Costs` are not). */
const WORK_MONEY_HEADING = cues(['budget', 'funding', 'fund', 'grant', 'cost', 'expense', 'expenditure', 'financial', 'financials', 'spend', 'estimate', 'hour', 'rate', 'invoice', 'justification', 'request']);
/** At least this many different words of the product's money, more than of paying for the work. */
const MIN_PRODUCT_MONEY = 2;
/** Currency codes the taxonomy lists as words of the budget. */
const CURRENCY_CODES = new Set(['usd', 'eur', 'gbp', 'dollar', 'euro']);
/** How the key of the one budget pattern that is money (not hours or rates of work) ends. */
const MONEY_PATTERN = '\u0000currency amount';

/**
 * Moves the section's money words to the product's side where the product handles the money,
 * and bare currency codes to neither side; returns how many moved, by sense.
 */
export function readMoneySense(compiled: CompiledTaxonomy, text: string, signals: Signals, words: SectionWords): { product: number; unit: number } {
  const found = { product: 0, unit: 0 };
  let units: SenseTargets | undefined;
  let money: SenseTargets | undefined;
  // A heading that prices the work (9kEUR) says what the money is.
  let headingMoney = false;
  for (const hit of signals.hits.values()) {
    if (hit.role !== 'project' || hit.concern !== 'budget') continue;
    if (!hit.scaled && hit.kind === 'pattern') headingMoney = true;
    else if (hit.kind === 'body-term' && hitNames(compiled, text, hit, CURRENCY_CODES, true)) (units ??= new SenseTargets()).add(hit);
    else (money ??= new SenseTargets()).add(hit);
  }
  if (units) found.unit = units.move(signals, MONEY_KEEP, 'none', 'none', 'money-unit');
  // So does one that names paying for the work (Funding, Costs); read only where there is money to move.
  if (!money || headingMoney || words.count(WORK_MONEY_HEADING, 'heading') > 0) return found;
  const product = words.count(PRODUCT_MONEY);
  if (product < MIN_PRODUCT_MONEY || product <= words.count(PROJECT_MONEY)) return found;
  // Of the body's budget patterns, only an amount is money (not hours or rates of work).
  found.product = money.move(signals, MONEY_KEEP, 'product', 'market', 'money-product', (key, hit) => hit.kind !== 'pattern' || key.endsWith(MONEY_PATTERN));
  return found;
}

