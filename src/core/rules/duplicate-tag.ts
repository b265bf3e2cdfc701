import { removeRangeEdit } from '../fixes';
import type { OwnerTag } from '../types';
import { sectionName } from './helpers';
import type { Rule } from './rule';

/** A section with more than one owner tag: only the first counts, the rest mislead. */
export const duplicateTag: Rule = {
  id: 'duplicate-tag',
  defaultSeverity: 'warning',
  description: 'A section with more than one owner tag',
  local: {},
  checkSection(section, context, report) {
    const [first, ...extra] = section.tags;
    for (const tag of extra) {
      report({
        section: section.index,
        range: tag.range,
        message: `Section ${sectionName(section)} has a second owner tag '${valueOf(tag, context.text)}'; only the first, '${valueOf(first, context.text)}' on line ${first.range.start.line + 1}, counts`,
        // Only the first tag counts: removing the others changes nothing PM Lens reads.
        fixes: [{ title: 'Remove the extra tag', edits: [removeRangeEdit(tag.range, context.lines)], preferred: true, unattended: true }],
      });
    }
  },
};

/** The tag's value as written (`project/budget`), spaces squeezed. */
function valueOf(tag: OwnerTag, text: string): string {
  return text.slice(tag.valueRange.start.offset, tag.valueRange.end.offset).replace(/\s+/g, '');
}
