"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.missingConcern = void 0;
const fixes_1 = require("../fixes");
const skeletons_1 = require("../skeletons");
const helpers_1 = require("./helpers");
/**
 * A concern the document's kind requires (a PRD's vision, user needs, market and metrics; a
 * project plan's schedule, budget and resources) that no section covers.
 */
exports.missingConcern = {
    id: 'missing-concern',
    defaultSeverity: 'warning',
    description: "A concern the document's kind requires that no section covers",
    check(context, report) {
        const required = context.kindDef?.required ?? [];
        if (required.length === 0)
            return;
        const covered = new Set();
        for (const section of context.sections)
            for (const concern of concernsOf(section))
                covered.add(concern);
        const range = (0, helpers_1.documentAnchor)(context);
        for (const concern of required) {
            if (covered.has(concern))
                continue;
            const def = context.config.taxonomy.concerns[concern];
            const label = def?.label ?? concern;
            const role = def?.role;
            report({
                range,
                message: `This ${context.kind} has no ${label} section (${role ? `${role}/` : ''}${concern}): a ${context.kind} should cover ${required.join(', ')}`,
                fixes: role ? [{ title: `Add a ${label} section`, edits: [(0, fixes_1.insertAt)(context.lines, context.text.length, skeletonText(context, concern, label, role))] }] : [],
            });
        }
    },
};
/** Every concern a section may speak for: its tag's, its effective one and its content's. */
function concernsOf(section) {
    const out = [];
    if (section.concern)
        out.push(section.concern);
    for (const tag of section.tags)
        if (tag.concern)
            out.push(tag.concern);
    if (section.inferred.concern && section.inferred.role !== 'none')
        out.push(section.inferred.concern);
    return out;
}
/** The snippet's text for the concern, set off from what comes before by a blank line. */
function skeletonText(context, concern, label, role) {
    const eol = context.lines.eol;
    const skeleton = (0, skeletons_1.skeletonFor)(concern, eol) ?? `## ${label}${eol}${(0, fixes_1.ownerTagText)(role, concern)}${eol}`;
    const text = context.text;
    const lead = text.length === 0 ? '' : /(\r\n|\n|\r)[ \t]*(\r\n|\n|\r)$/.test(text) ? '' : /(\r\n|\n|\r)$/.test(text) ? eol : eol + eol;
    return lead + skeleton;
}
//# sourceMappingURL=missing-concern.js.map