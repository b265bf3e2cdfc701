import { inferredTag, insertTagEdit, tagValue } from '../fixes';
import type { Fix } from '../types';
import { describe, sectionName } from './helpers';
import type { Rule } from './rule';

/** A section with content and no owner tag: it is owned only by what the content seems to say. */
export const untaggedSection: Rule = {
  id: 'untagged-section',
  defaultSeverity: 'hint',
  description: 'A section with content but no owner tag',
  checkSection(section, context, report) {
    if (section.tagged || section.wordCount === 0) return;
    const { role, concern } = section.inferred;
    const tag = inferredTag(section);
    const fixes: Fix[] = tag
      ? [{ title: `Tag as ${tagValue(tag.role, tag.concern)}`, edits: [insertTagEdit(section, tag.role, tag.concern, context.lines)], preferred: role !== 'mixed' }]
      : [];
    const reads =
      role === 'product' || role === 'project' ? `it reads as ${describe(role, concern)}`
      : role === 'mixed' ? 'it reads as both product and project'
      : 'its content does not say which side owns it';
    report({
      section: section.index,
      range: section.headingRange,
      message: `Section ${sectionName(section)} has no owner tag; ${reads}`,
      fixes,
    });
  },
};
