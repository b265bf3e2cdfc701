import { moveItemEdits, setTagEdit } from '../fixes';
import { itemName } from '../items';
import { readMeasure, successItems, successSide } from '../metrics';
import type { Fix, Role, Section } from '../types';
import { sectionName } from './helpers';
import type { Rule, RuleContext } from './rule';

const ID = 'misplaced-metric';

/** What each side measures, as the message says it. */
const MEASURED_BY: Readonly<Record<Role, string>> = {
  product: 'product success is measured by outcomes such as adoption or retention',
  project: 'project success is measured by delivery: on time, on budget, to scope',
};

/**
 * A success measure on the wrong side: a delivery date, budget or velocity among a product's
 * success metrics (an output, not an outcome), or retention, NPS or conversion among a project's
 * success criteria. An item that names measures of both sides ("40% retention by Q3") is left
 * alone: an outcome with a date is still an outcome.
 */
export const misplacedMetric: Rule = {
  id: ID,
  defaultSeverity: 'warning',
  description: "A success measure of the other side: a delivery date or budget in a product's success metrics, retention or NPS in a project's success criteria",
  checkSection(section, context, report) {
    const success = successItems(section, context);
    if (!success) return;
    const { side } = success;
    for (const item of success.items) {
      const reading = readMeasure(item);
      const misplaced = side === 'product' ? reading.delivery !== undefined && reading.outcome === undefined : reading.outcome !== undefined && reading.delivery === undefined;
      if (!misplaced) continue;
      const belongs: Role = side === 'product' ? 'project' : 'product';
      const measures = belongs === 'project' ? 'measures delivery (project)' : 'measures a product outcome (product)';
      const fixes: Fix[] = [];
      const target = otherSideSection(context, belongs);
      if (target) {
        fixes.push({ title: `Move to ${sectionName(target)}`, edits: moveItemEdits(item, target, context.blocks[target.index], context.lines), preferred: true });
      }
      fixes.push({ title: `Tag ${sectionName(section)} as shared (measured by both sides)`, edits: [setTagEdit(section, 'shared', undefined, context.lines)] });
      report({
        section: section.index,
        range: context.lines.range(item.start, item.end),
        message: `${itemName(item)} ${measures}; ${MEASURED_BY[side]}`,
        fixes,
      });
    }
  },
};

const targets = new WeakMap<readonly Section[], Partial<Record<Role, Section | null>>>();

/** The document's first success section of `side`, where a misplaced measure belongs. */
function otherSideSection(context: RuleContext, side: Role): Section | undefined {
  let bySide = targets.get(context.sections);
  if (!bySide) targets.set(context.sections, (bySide = {}));
  if (bySide[side] === undefined) bySide[side] = context.sections.find((s) => successSide(s, context) === side) ?? null;
  return bySide[side] ?? undefined;
}
