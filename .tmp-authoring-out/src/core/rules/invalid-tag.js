"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.invalidTag = void 0;
const helpers_1 = require("./helpers");
/** Malformed owner tags, directives and front matter: unknown roles, concerns or rule ids. */
exports.invalidTag = {
    id: 'invalid-tag',
    defaultSeverity: 'error',
    description: 'An owner tag, directive or front matter that PM Lens cannot read: unknown role, concern, rule id or kind, or malformed',
    check(context, report) {
        for (const problem of context.problems) {
            const { suggestion } = problem;
            report({
                section: (0, helpers_1.sectionAt)(context.sections, problem.range.start.offset),
                range: problem.range,
                message: problem.message,
                fixes: suggestion ? [{ title: suggestion.title, edits: [{ range: problem.range, newText: suggestion.newText }], preferred: true }] : [],
            });
        }
    },
};
//# sourceMappingURL=invalid-tag.js.map