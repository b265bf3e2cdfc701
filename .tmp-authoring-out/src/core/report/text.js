"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findingLine = findingLine;
exports.checkToText = checkToText;
exports.analyzeToText = analyzeToText;
exports.summaryToText = summaryToText;
exports.totalToText = totalToText;
const common_1 = require("./common");
/** One finding as `path:line:col severity rule-id message` (1-based line and column). */
function findingLine(path, finding) {
    const at = (0, common_1.oneBased)(finding.range);
    return `${path}:${at.line}:${at.column} ${finding.severity} ${finding.ruleId} ${(0, common_1.oneLine)(finding.message)}`;
}
/** Every finding of every file, one per line; `minimum` keeps only those that reach it. */
function checkToText(files, minimum = undefined) {
    const lines = [];
    for (const { path, analysis } of files) {
        for (const finding of analysis.findings) {
            if (minimum === undefined || (0, common_1.reaches)(finding.severity, minimum))
                lines.push(findingLine(path, finding));
        }
    }
    return lines.map((line) => line + '\n').join('');
}
/** Per file, every section with its role, concern, confidence, tag state and strongest evidence. */
function analyzeToText(files) {
    const out = [];
    for (const { path, analysis } of files) {
        out.push(`${path}${analysis.kind ? ` (plan: ${analysis.kind})` : ''}`);
        if (analysis.sections.length === 0)
            out.push('  no sections');
        for (const section of analysis.sections)
            out.push(...sectionLines(section));
        const { words } = analysis.summary;
        const all = words.product + words.project + words.neither;
        out.push(`  split: product ${(0, common_1.percent)(words.product, all)}%, project ${(0, common_1.percent)(words.project, all)}%, neither ${(0, common_1.percent)(words.neither, all)}% of ${(0, common_1.formatWords)(all)} words`);
        if (analysis.findings.length > 0) {
            out.push('  findings:');
            for (const finding of analysis.findings)
                out.push(`    ${findingLine(path, finding)}`);
        }
        out.push('');
    }
    return out.join('\n');
}
function sectionLines(section) {
    const line = String(section.headingRange.start.line + 1).padStart(5);
    const title = `${'#'.repeat(section.level)} ${(0, common_1.oneLine)(section.heading)}`;
    const verdict = section.inferred;
    let state;
    if (section.tagged) {
        const tag = section.tags[0];
        const reads = verdict.role === section.role ? '' : `, reads as ${(0, common_1.roleLabel)(verdict.role, verdict.concern)} ${verdict.confidence.toFixed(2)}`;
        state = `tagged${tag.handles.length ? ' ' + tag.handles.join(' ') : ''}${reads}`;
    }
    else
        state = `inferred ${section.confidence.toFixed(2)}`;
    const lines = [`${line}  ${title}  ->  ${(0, common_1.roleLabel)(section.role, section.concern)} (${state}; ${section.wordCount} words)`];
    const why = verdict.evidence.slice(0, 4).map((e) => `'${(0, common_1.oneLine)(e.text)}' ${e.role === 'none' ? 'neutral' : e.concern} ${e.weight > 0 ? '+' : ''}${Number(e.weight.toFixed(2))}`);
    if (why.length > 0)
        lines.push(`         why: ${why.join(', ')}`);
    return lines;
}
/** One document's ownership split as an aligned table. */
function summaryToText(summary, title, options = {}) {
    const { words } = summary;
    const all = words.product + words.project + words.neither;
    const out = [`${title}${summary.kind ? ` (plan: ${summary.kind})` : ''}`, `  ${splitLine(words, all)}`];
    const table = [['side', 'concern', 'words', 'conf', 'state', 'line', 'section']];
    const push = (side, row, concern) => table.push([side, concern, (0, common_1.formatWords)(row.words), row.confidence.toFixed(2), row.tagged ? 'tagged' : 'inferred', String(row.line + 1), `${'#'.repeat(row.level)} ${(0, common_1.oneLine)(row.heading)}`]);
    for (const side of ['product', 'project']) {
        for (const group of summary[side])
            for (const row of group.rows)
                push(side, row, (0, common_1.concernLabel)(group.concern, options.taxonomy));
    }
    // Neither side: the side column says why (shared, mixed or none).
    for (const row of summary.neither)
        push(row.role, row, row.concern ? (0, common_1.concernLabel)(row.concern, options.taxonomy) : '-');
    if (table.length > 1)
        out.push(...alignRows(table).map((r) => '  ' + r));
    out.push(`  tray: ${summary.tray.untagged.length} untagged, ${summary.tray.mixed.length} mixed, ${summary.tray.mismatched.length} mismatched`);
    out.push(`  owners: product ${summary.owners.product.join(' ') || '-'}; project ${summary.owners.project.join(' ') || '-'}`);
    return out.join('\n') + '\n';
}
/** The workspace total as an aligned table of concerns. */
function totalToText(total, title, options = {}) {
    const { words } = total;
    const all = words.product + words.project + words.neither;
    const out = [`${title} (${total.documents} ${total.documents === 1 ? 'document' : 'documents'})`, `  ${splitLine(words, all)}`];
    const table = [['side', 'concern', 'words', 'sections']];
    for (const side of ['product', 'project']) {
        for (const c of total[side])
            table.push([side, (0, common_1.concernLabel)(c.concern, options.taxonomy), (0, common_1.formatWords)(c.words), String(c.sections)]);
    }
    table.push(['neither', '-', (0, common_1.formatWords)(words.neither), String(total.neither)]);
    out.push(...alignRows(table).map((r) => '  ' + r));
    out.push(`  tray: ${total.tray.untagged} untagged, ${total.tray.mixed} mixed, ${total.tray.mismatched} mismatched`);
    out.push(`  owners: product ${total.owners.product.join(' ') || '-'}; project ${total.owners.project.join(' ') || '-'}`);
    return out.join('\n') + '\n';
}
function splitLine(words, all) {
    return `product ${(0, common_1.percent)(words.product, all)}% (${(0, common_1.formatWords)(words.product)} words) | project ${(0, common_1.percent)(words.project, all)}% (${(0, common_1.formatWords)(words.project)}) | neither ${(0, common_1.percent)(words.neither, all)}% (${(0, common_1.formatWords)(words.neither)})`;
}
/** Pads columns; numeric columns (words, conf, line, sections) align right; the last is free. */
function alignRows(rows) {
    const numeric = rows[0].map((h) => ['words', 'conf', 'line', 'sections'].includes(h));
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    return rows.map((r) => r
        .map((cell, i) => (i === r.length - 1 ? cell : numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
        .join('  ')
        .trimEnd());
}
//# sourceMappingURL=text.js.map