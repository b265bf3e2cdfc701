import type { Rule } from './rule';

/** Every rule, in the order of the design's table. */
export const rules: readonly Rule[] = [];

export const ruleIds: ReadonlySet<string> = new Set(rules.map((rule) => rule.id));
