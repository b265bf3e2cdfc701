"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ownerMismatch = exports.MISMATCH_STRENGTH = void 0;
const fixes_1 = require("../fixes");
const helpers_1 = require("./helpers");
/**
 * How sure the content must be before the rule contradicts a person's tag. Deliberately strict:
 * a wrong warning on a tag someone chose costs more than a missed one.
 */
exports.MISMATCH_STRENGTH = {
    minConfidence: 0.6,
    minEvidence: 2,
    dominance: 2,
};
/** A section tagged for one role whose content strongly belongs to the other. */
exports.ownerMismatch = {
    id: 'owner-mismatch',
    defaultSeverity: 'warning',
    description: 'A section tagged for one role whose content strongly belongs to the other',
    check(context, report) {
        for (const section of context.sections) {
            const tag = section.tags[0];
            if (!tag || (tag.role !== 'product' && tag.role !== 'project'))
                continue;
            const inferred = (0, helpers_1.otherRole)(tag.role);
            if (!(0, helpers_1.stronglySays)(section.inferred, inferred, exports.MISMATCH_STRENGTH))
                continue;
            const concern = section.inferred.concern;
            report({
                section: section.index,
                range: tag.range,
                message: `Section ${(0, helpers_1.sectionName)(section)} reads as ${(0, helpers_1.describe)(inferred, concern)} ${(0, helpers_1.quote)((0, helpers_1.evidenceFor)(section.inferred, inferred))} but is tagged ${(0, helpers_1.describe)(tag.role, tag.concern)}`,
                fixes: [{ title: `Retag as ${(0, helpers_1.describe)(inferred, concern)}`, edits: [(0, fixes_1.retagEdit)(tag, inferred, concern)], preferred: true }],
            });
        }
    },
};
//# sourceMappingURL=owner-mismatch.js.map