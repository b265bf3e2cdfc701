import { itemName } from '../items';
import { readMeasure, successItems } from '../metrics';
import type { Rule } from './rule';

/**
 * A success measure that cannot be measured: a list item or table row of a success section with
 * no target, no number and no way of measuring it ("Customers love the new checkout"). Prose
 * sentences around the list are left alone: they explain the measures, they are not measures.
 * A rule of its own (not a second severity of `misplaced-metric`), so teams can set it apart.
 */
export const unmeasuredMetric: Rule = {
  id: 'unmeasured-metric',
  defaultSeverity: 'hint',
  description: 'A success measure with no target and no way to measure it',
  checkSection(section, context, report) {
    for (const item of successItems(section, context)?.items ?? []) {
      if (item.kind === 'sentence' || readMeasure(item).measurable) continue;
      report({
        section: section.index,
        range: context.lines.range(item.start, item.end),
        message: `${itemName(item)} has no target and no way to measure it: give it a number, a threshold or how it is measured (a survey, an event count, a date)`,
      });
    }
  },
};
