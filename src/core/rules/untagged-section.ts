import { inferredTag, insertTagEdit, tagValue } from '../fixes';
import type { Fix } from '../types';
import { describe, sectionName } from './helpers';
import type { Rule } from './rule';

/** Below this confidence a section read as neither side gets no hint: nothing worth saying. */
export const UNTAGGED_NONE_CONFIDENCE = 0.7;

/**
 * A section with content and no owner tag: it is owned only by what the content seems to say.
 * A section that reads as neither side (a glossary, references) is offered the tag `none`, and
 * only when that reading is confident; otherwise the rule stays quiet.
 */
export const untaggedSection: Rule = {
  id: 'untagged-section',
  defaultSeverity: 'hint',
  description: 'A section with content but no owner tag',
  local: {},
  checkSection(section, context, report) {
    if (section.tagged || section.wordCount === 0) return;
    const { role, concern, confidence } = section.inferred;
    if (role === 'none' && confidence < UNTAGGED_NONE_CONFIDENCE) return;
    const tag = role === 'none' ? { role: 'none' as const, concern: undefined } : inferredTag(section);
    const fixes: Fix[] = tag
      ? [{ title: `Tag as ${tagValue(tag.role, tag.concern)}`, edits: [insertTagEdit(section, tag.role, tag.concern, context.lines)], preferred: role !== 'mixed' }]
      : [];
    const reads =
      role === 'product' || role === 'project' ? `it reads as ${describe(role, concern)}`
      : role === 'mixed' ? 'it reads as both product and project'
      : 'it reads as neither side';
    report({
      section: section.index,
      range: section.headingRange,
      message: `Section ${sectionName(section)} has no owner tag; ${reads}`,
      fixes,
    });
  },
};
