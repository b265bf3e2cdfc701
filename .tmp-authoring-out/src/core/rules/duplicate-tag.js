"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.duplicateTag = void 0;
const fixes_1 = require("../fixes");
const helpers_1 = require("./helpers");
/** A section with more than one owner tag: only the first counts, the rest mislead. */
exports.duplicateTag = {
    id: 'duplicate-tag',
    defaultSeverity: 'warning',
    description: 'A section with more than one owner tag',
    check(context, report) {
        for (const section of context.sections) {
            const [first, ...extra] = section.tags;
            for (const tag of extra) {
                report({
                    section: section.index,
                    range: tag.range,
                    message: `Section ${(0, helpers_1.sectionName)(section)} has a second owner tag '${valueOf(tag, context.text)}'; only the first, '${valueOf(first, context.text)}' on line ${first.range.start.line + 1}, counts`,
                    fixes: [{ title: 'Remove the extra tag', edits: [(0, fixes_1.removeRangeEdit)(tag.range, context.lines)], preferred: true }],
                });
            }
        }
    },
};
/** The tag's value as written (`project/budget`), spaces squeezed. */
function valueOf(tag, text) {
    return text.slice(tag.valueRange.start.offset, tag.valueRange.end.offset).replace(/\s+/g, '');
}
//# sourceMappingURL=duplicate-tag.js.map