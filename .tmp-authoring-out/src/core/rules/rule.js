"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ruleDocUrl = ruleDocUrl;
/** Where a rule's documentation lives; diagnostic codes link here. */
function ruleDocUrl(id) {
    return `https://github.com/pm-lens/pm-lens/blob/main/docs/rules/${id}.md`;
}
//# sourceMappingURL=rule.js.map