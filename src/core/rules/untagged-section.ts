import { inferredTag, insertTagEdit, tagValue } from '../fixes';
import type { Fix } from '../types';
import { describe, sectionName } from './helpers';
import type { Rule } from './rule';

/** Below this confidence a section read as neither side gets no hint: nothing worth saying. */
export const UNTAGGED_NONE_CONFIDENCE = 0.7;

/**
 * A section with content and no owner tag: it is owned only by what the content seems to say.
 * A section that reads as neither side (a glossary, references) is offered the tag `none`, and
 * only when that reading is confident; otherwise the rule stays quiet. A section that reads as both
 * sides, mostly one, is offered that side or `shared`, neither preferred.
 */
export const untaggedSection: Rule = {
  id: 'untagged-section',
  defaultSeverity: 'hint',
  description: 'A section with content but no owner tag',
  local: {},
  checkSection(section, context, report) {
    if (section.tagged || section.wordCount === 0) return;
    const { role, concern, confidence, bothSides } = section.inferred;
    if (role === 'none' && confidence < UNTAGGED_NONE_CONFIDENCE) return;
    const tag = role === 'none' ? { role: 'none' as const, concern: undefined } : inferredTag(section);
    const fixes: Fix[] = tag
      ? [{ title: `Tag as ${tagValue(tag.role, tag.concern)}`, edits: [insertTagEdit(section, tag.role, tag.concern, context.lines)], preferred: role !== 'mixed' && bothSides === undefined }]
      : [];
    // Both sides read strong: the dominant side is one answer, owning it together another.
    if (bothSides !== undefined) fixes.push({ title: 'Tag as shared', edits: [insertTagEdit(section, 'shared', undefined, context.lines)] });
    const reads =
      (role === 'product' || role === 'project') && bothSides !== undefined ? `it reads mostly as ${describe(role, concern)}, with concerns of the other side too`
      : role === 'product' || role === 'project' ? `it reads as ${describe(role, concern)}`
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
