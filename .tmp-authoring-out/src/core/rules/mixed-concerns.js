"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mixedConcerns = exports.MIXED_MIN_BALANCE = exports.MIXED_MIN_EVIDENCE = void 0;
const fixes_1 = require("../fixes");
const helpers_1 = require("./helpers");
/** Distinct pieces of evidence each side needs before a section counts as strongly mixed. */
exports.MIXED_MIN_EVIDENCE = 2;
/** The weaker side's score must reach this share of the stronger side's. */
exports.MIXED_MIN_BALANCE = 0.35;
/** A section with strong product and strong project signals: two owners in one place. */
exports.mixedConcerns = {
    id: 'mixed-concerns',
    defaultSeverity: 'warning',
    description: 'A section with strong product and strong project signals',
    check(context, report) {
        for (const section of context.sections) {
            const verdict = section.inferred;
            if (verdict.role !== 'mixed' || section.tags[0]?.role === 'shared')
                continue;
            const product = (0, helpers_1.evidenceFor)(verdict, 'product');
            const project = (0, helpers_1.evidenceFor)(verdict, 'project');
            if (product.length < exports.MIXED_MIN_EVIDENCE || project.length < exports.MIXED_MIN_EVIDENCE)
                continue;
            const { product: p, project: q } = verdict.scores;
            if (Math.min(p, q) < exports.MIXED_MIN_BALANCE * Math.max(p, q))
                continue;
            const fixes = [{ title: 'Tag as shared (owned by both on purpose)', edits: [(0, fixes_1.setTagEdit)(section, 'shared', undefined, context.lines)] }];
            const split = splitFix(section, product, project, context);
            if (split)
                fixes.push(split);
            report({
                section: section.index,
                range: section.headingRange,
                message: `Section ${(0, helpers_1.sectionName)(section)} mixes product ${(0, helpers_1.quote)(product)} and project ${(0, helpers_1.quote)(project)} concerns: split it or tag it shared`,
                fixes,
            });
        }
    },
};
/**
 * Splits the section where the side that does not open it first speaks: a heading of the same
 * level, tagged, goes in before that paragraph. No fix when both sides share every paragraph.
 */
function splitFix(section, product, project, context) {
    const body = section.bodyRange;
    const inBody = (e) => e.range.start.offset >= body.start.offset && e.range.end.offset <= body.end.offset;
    const first = (list) => Math.min(...list.filter(inBody).map((e) => e.range.start.offset));
    const firstProduct = first(product);
    const firstProject = first(project);
    if (!Number.isFinite(firstProduct) || !Number.isFinite(firstProject))
        return undefined;
    const later = firstProduct < firstProject ? 'project' : 'product';
    const at = paragraphStart(context.lines, Math.max(firstProduct, firstProject), body.start.offset);
    // The split point must leave some of the first side above it.
    if (at <= Math.min(firstProduct, firstProject))
        return undefined;
    const laterEvidence = later === 'product' ? product : project;
    const concern = laterEvidence.find(inBody)?.concern;
    const label = (concern && context.config.taxonomy.concerns[concern]?.label) || (later === 'product' ? 'Product' : 'Project');
    const eol = context.lines.eol;
    const heading = `${'#'.repeat(Math.min(section.level, 6))} ${label}`;
    return {
        title: `Split: start a ${later} section '${label}' here`,
        edits: [(0, fixes_1.insertAt)(context.lines, at, `${heading}${eol}${(0, fixes_1.ownerTagText)(later, concern)}${eol}${eol}`)],
    };
}
/** The start of the paragraph (block of non-blank lines) holding `offset`, not before `floor`. */
function paragraphStart(lines, offset, floor) {
    let line = lines.positionAt(offset).line;
    while (line > 0) {
        const previous = line - 1;
        if (lines.lineStart(previous) < floor)
            break;
        if (lines.text.slice(lines.lineStart(previous), lines.lineEnd(previous)).trim() === '')
            break;
        line = previous;
    }
    return Math.max(lines.lineStart(line), floor);
}
//# sourceMappingURL=mixed-concerns.js.map