"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.analyzeToJson = analyzeToJson;
exports.summaryToJson = summaryToJson;
exports.summaryReportToJson = summaryReportToJson;
const common_1 = require("./common");
/** `analyze --format json`: one entry per file, in the order given. */
function analyzeToJson(files) {
    return files.map(({ path, analysis }) => ({
        file: path,
        kind: analysis.kind ?? null,
        sections: analysis.sections.map(sectionToJson),
        findings: analysis.findings.map((f) => {
            const at = (0, common_1.oneBased)(f.range);
            return { rule: f.ruleId, severity: f.severity, message: f.message, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn };
        }),
    }));
}
function sectionToJson(section) {
    const tag = section.tags[0];
    return {
        line: section.headingRange.start.line + 1,
        level: section.level,
        heading: section.heading,
        role: section.role,
        concern: section.concern ?? null,
        confidence: (0, common_1.round3)(section.confidence),
        inferred: {
            role: section.inferred.role,
            concern: section.inferred.concern ?? null,
            confidence: (0, common_1.round3)(section.inferred.confidence),
            evidence: section.inferred.evidence.map((e) => ({
                kind: e.kind,
                text: e.text,
                line: e.range.start.line + 1,
                column: e.range.start.character + 1,
                concern: e.concern,
                role: e.role,
                weight: (0, common_1.round3)(e.weight),
            })),
        },
        tag: tag ? { role: tag.role, concern: tag.concern ?? null, handles: [...tag.handles] } : null,
    };
}
/** The summary as plain JSON data (see {@link SummaryJson}). */
function summaryToJson(summary) {
    const groups = (side) => side.map((g) => ({ concern: g.concern, words: g.words, rows: g.rows.map(rowToJson) }));
    return {
        kind: summary.kind ?? null,
        words: { ...summary.words },
        product: groups(summary.product),
        project: groups(summary.project),
        neither: summary.neither.map(rowToJson),
        tray: { untagged: [...summary.tray.untagged], mixed: [...summary.tray.mixed], mismatched: [...summary.tray.mismatched] },
        owners: { product: [...summary.owners.product], project: [...summary.owners.project] },
    };
}
function rowToJson(row) {
    return {
        section: row.section,
        heading: row.heading,
        level: row.level,
        line: row.line + 1,
        role: row.role,
        concern: row.concern ?? null,
        words: row.words,
        confidence: (0, common_1.round3)(row.confidence),
        tagged: row.tagged,
        handles: [...row.handles],
        findings: [...row.findings],
    };
}
function summaryReportToJson(files, total) {
    return { files: files.map(({ path, analysis }) => ({ file: path, summary: summaryToJson(analysis.summary) })), total };
}
//# sourceMappingURL=json.js.map