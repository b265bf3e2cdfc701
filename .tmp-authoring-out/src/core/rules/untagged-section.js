"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.untaggedSection = void 0;
const fixes_1 = require("../fixes");
const helpers_1 = require("./helpers");
/** A section with content and no owner tag: it is owned only by what the content seems to say. */
exports.untaggedSection = {
    id: 'untagged-section',
    defaultSeverity: 'hint',
    description: 'A section with content but no owner tag',
    check(context, report) {
        for (const section of context.sections) {
            if (section.tagged || section.wordCount === 0)
                continue;
            const { role, concern } = section.inferred;
            const tag = (0, fixes_1.inferredTag)(section);
            const fixes = tag
                ? [{ title: `Tag as ${(0, fixes_1.tagValue)(tag.role, tag.concern)}`, edits: [(0, fixes_1.insertTagEdit)(section, tag.role, tag.concern, context.lines)], preferred: role !== 'mixed' }]
                : [];
            const reads = role === 'product' || role === 'project' ? `it reads as ${(0, helpers_1.describe)(role, concern)}`
                : role === 'mixed' ? 'it reads as both product and project'
                    : 'its content does not say which side owns it';
            report({
                section: section.index,
                range: section.headingRange,
                message: `Section ${(0, helpers_1.sectionName)(section)} has no owner tag; ${reads}`,
                fixes,
            });
        }
    },
};
//# sourceMappingURL=untagged-section.js.map