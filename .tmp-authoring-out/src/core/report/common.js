"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SEVERITIES = void 0;
exports.oneBased = oneBased;
exports.reaches = reaches;
exports.countBySeverity = countBySeverity;
exports.severityCounts = severityCounts;
exports.concernLabel = concernLabel;
exports.roleLabel = roleLabel;
exports.formatWords = formatWords;
exports.percent = percent;
exports.round3 = round3;
exports.oneLine = oneLine;
/**
 * What every formatter shares: the input shape, 1-based positions, severity ranks and labels.
 * Formatters are pure (no I/O, no Node built-ins) so the panel can reuse them in a webview.
 */
const summary_1 = require("../summary");
const default_1 = require("../taxonomy/default");
/** Core ranges are 0-based UTF-16; printed positions are 1-based (columns still UTF-16 units). */
function oneBased(range) {
    return {
        line: range.start.line + 1,
        column: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
    };
}
const SEVERITY_RANK = { error: 4, warning: 3, info: 2, hint: 1 };
/** Severities, most severe first. */
exports.SEVERITIES = ['error', 'warning', 'info', 'hint'];
/** Whether a finding of `severity` is at least as severe as `threshold` (`never` is never reached). */
function reaches(severity, threshold) {
    return threshold !== 'never' && SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}
/** Counts findings per severity. */
function countBySeverity(files) {
    const counts = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const file of files)
        for (const finding of file.analysis.findings)
            counts[finding.severity]++;
    return counts;
}
/** "1 error, 2 warnings" — only the severities that occur. */
function severityCounts(counts) {
    const plural = { error: 'errors', warning: 'warnings', info: 'info', hint: 'hints' };
    return exports.SEVERITIES.filter((s) => counts[s] > 0)
        .map((s) => `${counts[s]} ${counts[s] === 1 ? s : plural[s]}`)
        .join(', ');
}
/** A concern's label from the taxonomy; unknown keys title-cased; {@link NO_CONCERN} as "Other". */
function concernLabel(concern, taxonomy = default_1.defaultTaxonomy) {
    if (concern === undefined || concern === summary_1.NO_CONCERN)
        return 'Other';
    const def = taxonomy.concerns[concern];
    if (def)
        return def.label;
    const words = concern.replace(/-/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
}
/** `role/concern`, or the role alone. */
function roleLabel(role, concern) {
    return concern ? `${role}/${concern}` : role;
}
/** A word count: whole numbers plain, halves (from shared sections) with one decimal. */
function formatWords(words) {
    return Number.isInteger(words) ? String(words) : words.toFixed(1);
}
/** `part` as a whole percentage of `whole` (0 when the whole is 0). */
function percent(part, whole) {
    return whole > 0 ? Math.round((100 * part) / whole) : 0;
}
/** Rounds to 3 decimals, for confidences and weights in JSON. */
function round3(n) {
    return Math.round(n * 1000) / 1000;
}
/** Messages go on one line in line-oriented formats. */
function oneLine(text) {
    return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
//# sourceMappingURL=common.js.map