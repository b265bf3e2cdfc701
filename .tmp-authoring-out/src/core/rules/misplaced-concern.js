"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.misplacedConcern = exports.MISPLACED_STRENGTH = void 0;
const fixes_1 = require("../fixes");
const helpers_1 = require("./helpers");
/** How sure untagged content must be before it is called out of place in its document. */
exports.MISPLACED_STRENGTH = {
    minConfidence: 0.5,
    minEvidence: 2,
    dominance: 1.5,
};
const ID = 'misplaced-concern';
/**
 * A section whose role does not fit the document kind: a detailed budget in a `plan: prd`, user
 * personas in a `plan: project-plan`. Documents of a `mixed` kind hold both.
 */
exports.misplacedConcern = {
    id: ID,
    defaultSeverity: 'info',
    description: "A section whose role does not fit the document's kind, such as a detailed budget in a PRD",
    check(context, report) {
        const kindRole = context.kindDef?.role;
        if (kindRole !== 'product' && kindRole !== 'project')
            return;
        const foreign = (0, helpers_1.otherRole)(kindRole);
        for (const section of context.sections) {
            if (section.wordCount === 0)
                continue;
            const tag = section.tags[0];
            let reads;
            if (tag) {
                if (tag.role !== foreign)
                    continue;
                reads = `is tagged ${(0, helpers_1.describe)(tag.role, tag.concern)}`;
            }
            else {
                if (!(0, helpers_1.stronglySays)(section.inferred, foreign, exports.MISPLACED_STRENGTH))
                    continue;
                reads = `reads as ${(0, helpers_1.describe)(foreign, section.inferred.concern)} ${(0, helpers_1.quote)((0, helpers_1.evidenceFor)(section.inferred, foreign))}`;
            }
            report({
                section: section.index,
                range: section.headingRange,
                message: `Section ${(0, helpers_1.sectionName)(section)} ${reads}, but this ${context.kind} is a ${kindRole} document: move the detail to a ${foreign} document, or tag it shared`,
                fixes: [
                    { title: 'Tag as shared (kept here on purpose)', edits: [(0, fixes_1.setTagEdit)(section, 'shared', undefined, context.lines)] },
                    { title: `Disable ${ID} for this section`, edits: [(0, fixes_1.disableNextSectionEdit)(section, [ID], context.lines)] },
                ],
            });
        }
    },
};
//# sourceMappingURL=misplaced-concern.js.map