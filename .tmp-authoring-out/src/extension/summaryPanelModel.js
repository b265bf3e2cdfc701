"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.emptyModel = emptyModel;
exports.readyModel = readyModel;
exports.summaryMarkdown = summaryMarkdown;
exports.summaryJson = summaryJson;
/**
 * What the Ownership Summary panel sends and exports, built from analyses. Pure (no editor), so
 * the panel, its tests and the command line agree: the Markdown and JSON exports are exactly what
 * `pm-lens summary --format markdown|json` prints for the same files.
 */
const report_1 = require("../core/report");
const summary_1 = require("../core/summary");
/** A model with nothing to draw but a reason. */
function emptyModel(scope, status, title) {
    return { scope, status, title, documents: [], total: (0, summary_1.sumSummaries)([]), labels: {} };
}
/** The model of one document or of the whole workspace (files in the order to show them). */
function readyModel(scope, title, files) {
    const labels = {};
    for (const file of files) {
        const { summary } = file.analysis;
        const concerns = [
            ...summary.product.map((g) => g.concern),
            ...summary.project.map((g) => g.concern),
            ...summary.neither.map((r) => r.concern),
        ];
        for (const concern of concerns) {
            if (concern !== undefined && concern !== '' && labels[concern] === undefined)
                labels[concern] = (0, report_1.concernLabel)(concern, file.taxonomy);
        }
    }
    return {
        scope,
        status: 'ready',
        title,
        documents: files.map((f) => ({ uri: f.uri, label: f.path, summary: f.analysis.summary })),
        total: (0, summary_1.sumSummaries)(files.map((f) => f.analysis.summary)),
        labels,
    };
}
/** "Copy as Markdown": the same text as `pm-lens summary --format markdown`. */
function summaryMarkdown(files) {
    const parts = ['## Ownership summary', '', ...files.map((f) => (0, report_1.summaryToMarkdown)(f.analysis.summary, f.path, { taxonomy: f.taxonomy }))];
    if (files.length > 1)
        parts.push((0, report_1.totalToMarkdown)((0, summary_1.sumSummaries)(files.map((f) => f.analysis.summary)), 'Total'));
    return parts.join('\n');
}
/** "Save as JSON": the same document as `pm-lens summary --format json`. */
function summaryJson(files) {
    const report = (0, report_1.summaryReportToJson)(files, (0, summary_1.sumSummaries)(files.map((f) => f.analysis.summary)));
    return JSON.stringify(report, null, 2) + '\n';
}
//# sourceMappingURL=summaryPanelModel.js.map