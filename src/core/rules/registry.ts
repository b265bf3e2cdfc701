import { duplicateTag } from './duplicate-tag';
import { invalidTag } from './invalid-tag';
import { misplacedConcern } from './misplaced-concern';
import { misplacedMetric } from './misplaced-metric';
import { missingConcern } from './missing-concern';
import { missingOwner } from './missing-owner';
import { mixedConcerns } from './mixed-concerns';
import { ownerMismatch } from './owner-mismatch';
import type { Rule } from './rule';
import { staleDate } from './stale-date';
import { unmeasuredMetric } from './unmeasured-metric';
import { untaggedSection } from './untagged-section';

/** Every rule, in the order of the design's table. */
export const rules: readonly Rule[] = [
  ownerMismatch,
  mixedConcerns,
  misplacedConcern,
  missingConcern,
  untaggedSection,
  invalidTag,
  duplicateTag,
  missingOwner,
  misplacedMetric,
  unmeasuredMetric,
  staleDate,
];

export const ruleIds: ReadonlySet<string> = new Set(rules.map((rule) => rule.id));
