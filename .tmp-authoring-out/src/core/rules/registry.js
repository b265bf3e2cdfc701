"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ruleIds = exports.rules = void 0;
const duplicate_tag_1 = require("./duplicate-tag");
const invalid_tag_1 = require("./invalid-tag");
const misplaced_concern_1 = require("./misplaced-concern");
const missing_concern_1 = require("./missing-concern");
const missing_owner_1 = require("./missing-owner");
const mixed_concerns_1 = require("./mixed-concerns");
const owner_mismatch_1 = require("./owner-mismatch");
const untagged_section_1 = require("./untagged-section");
/** Every rule, in the order of the design's table. */
exports.rules = [
    owner_mismatch_1.ownerMismatch,
    mixed_concerns_1.mixedConcerns,
    misplaced_concern_1.misplacedConcern,
    missing_concern_1.missingConcern,
    untagged_section_1.untaggedSection,
    invalid_tag_1.invalidTag,
    duplicate_tag_1.duplicateTag,
    missing_owner_1.missingOwner,
];
exports.ruleIds = new Set(exports.rules.map((rule) => rule.id));
//# sourceMappingURL=registry.js.map