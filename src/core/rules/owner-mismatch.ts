import { retagEdit } from '../fixes';
import { describe, otherRole, quote, sectionName, strongEvidence, type Strength } from './helpers';
import type { Rule } from './rule';

/**
 * How sure the content must be before the rule contradicts a person's tag. Deliberately strict:
 * a wrong warning on a tag someone chose costs more than a missed one. The confidence is the
 * fitted model's calibrated probability (see the README's reliability table).
 */
export const MISMATCH_STRENGTH: Strength = {
  minConfidence: 0.7,
  minEvidence: 2,
  dominance: 2,
};

/** A section tagged for one role whose content strongly belongs to the other. */
export const ownerMismatch: Rule = {
  id: 'owner-mismatch',
  defaultSeverity: 'warning',
  description: 'A section tagged for one role whose content strongly belongs to the other',
  local: {},
  checkSection(section, _context, report) {
    const tag = section.tags[0];
    if (!tag || (tag.role !== 'product' && tag.role !== 'project')) return;
    const inferred = otherRole(tag.role);
    const evidence = strongEvidence(section.inferred, inferred, MISMATCH_STRENGTH);
    if (!evidence) return;
    const concern = section.inferred.concern;
    report({
      section: section.index,
      range: tag.range,
      message: `Section ${sectionName(section)} reads as ${describe(inferred, concern)} ${quote(evidence)} but is tagged ${describe(tag.role, tag.concern)}`,
      fixes: [{ title: `Retag as ${describe(inferred, concern)}`, edits: [retagEdit(tag, inferred, concern)], preferred: true }],
    });
  },
};
