import { disableNextSectionEdit, setTagEdit } from '../fixes';
import { describe, otherRole, quote, sectionName, strongEvidence, type Strength } from './helpers';
import type { Rule } from './rule';

/** How sure untagged content must be before it is called out of place in its document. */
export const MISPLACED_STRENGTH: Strength = {
  minConfidence: 0.5,
  minEvidence: 2,
  dominance: 1.5,
};

const ID = 'misplaced-concern';

/**
 * A section whose role does not fit the document kind: a detailed budget in a `plan: prd`, user
 * personas in a `plan: project-plan`. Documents of a `mixed` kind hold both.
 */
export const misplacedConcern: Rule = {
  id: ID,
  defaultSeverity: 'info',
  description: "A section whose role does not fit the document's kind, such as a detailed budget in a PRD",
  local: {},
  checkSection(section, context, report) {
    const kindRole = context.kindDef?.role;
    if (kindRole !== 'product' && kindRole !== 'project') return;
    const foreign = otherRole(kindRole);
    if (section.wordCount === 0) return;
    const tag = section.tags[0];
    let reads: string;
    if (tag) {
      if (tag.role !== foreign) return;
      reads = `is tagged ${describe(tag.role, tag.concern)}`;
    } else {
      const evidence = strongEvidence(section.inferred, foreign, MISPLACED_STRENGTH);
      if (!evidence) return;
      reads = `reads as ${describe(foreign, section.inferred.concern)} ${quote(evidence)}`;
    }
    report({
      section: section.index,
      range: section.headingRange,
      message: `Section ${sectionName(section)} ${reads}, but this ${context.kind} is a ${kindRole} document: move the detail to a ${foreign} document, or tag it shared`,
      fixes: [
        { title: 'Tag as shared (kept here on purpose)', edits: [setTagEdit(section, 'shared', undefined, context.lines)] },
        { title: `Disable ${ID} for this section`, edits: [disableNextSectionEdit(section, [ID], context.lines)] },
      ],
    });
  },
};
