"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.escapeCell = escapeCell;
exports.summaryToMarkdown = summaryToMarkdown;
exports.totalToMarkdown = totalToMarkdown;
exports.checkToMarkdown = checkToMarkdown;
exports.analyzeToMarkdown = analyzeToMarkdown;
/**
 * Markdown output: the ownership summary as a table (the panel's "copy as Markdown" and
 * `pm-lens summary --format markdown`), and reports of findings fit for a pull-request comment.
 */
const rule_1 = require("../rules/rule");
const common_1 = require("./common");
/** Makes text safe inside a Markdown table cell: no line breaks, pipes or markup. */
function escapeCell(text) {
    return (0, common_1.oneLine)(text).replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}
function table(header, align, rows) {
    return [
        `| ${header.join(' | ')} |`,
        `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`,
        ...rows.map((r) => `| ${r.join(' | ')} |`),
    ];
}
function splitSentence(words) {
    const all = words.product + words.project + words.neither;
    return `Product ${(0, common_1.percent)(words.product, all)}% (${(0, common_1.formatWords)(words.product)} words) · Project ${(0, common_1.percent)(words.project, all)}% (${(0, common_1.formatWords)(words.project)} words) · Neither ${(0, common_1.percent)(words.neither, all)}% (${(0, common_1.formatWords)(words.neither)} words)`;
}
/**
 * One document's ownership summary as Markdown: a heading (`title`, when not empty), the split,
 * a table of every section by side and concern, the tray and the owners.
 */
function summaryToMarkdown(summary, title, options = {}) {
    const out = [];
    if (title)
        out.push(`### ${escapeCell(title)}`, '');
    out.push(`${splitSentence(summary.words)}${summary.kind ? ` · plan: ${escapeCell(summary.kind)}` : ''}`, '');
    const rows = [];
    const push = (side, concern, row) => rows.push([side, concern, `${escapeCell(row.heading)} (line ${row.line + 1})`, (0, common_1.formatWords)(row.words), row.confidence.toFixed(2), row.tagged ? 'tagged' : 'inferred']);
    for (const group of summary.product)
        for (const row of group.rows)
            push('Product', escapeCell((0, common_1.concernLabel)(group.concern, options.taxonomy)), row);
    for (const group of summary.project)
        for (const row of group.rows)
            push('Project', escapeCell((0, common_1.concernLabel)(group.concern, options.taxonomy)), row);
    // Neither side: the side column says why (shared, mixed or none).
    const sideOf = { shared: 'Shared', mixed: 'Mixed', none: 'None', product: 'Product', project: 'Project' };
    for (const row of summary.neither)
        push(sideOf[row.role], row.concern ? escapeCell((0, common_1.concernLabel)(row.concern, options.taxonomy)) : '—', row);
    if (rows.length > 0)
        out.push(...table(['Side', 'Concern', 'Section', 'Words', 'Confidence', 'Owner tag'], ['l', 'l', 'l', 'r', 'r', 'l'], rows), '');
    else
        out.push('_No sections._', '');
    const headingOf = new Map();
    for (const group of [...summary.product, ...summary.project])
        for (const row of group.rows)
            headingOf.set(row.section, row.heading);
    for (const row of summary.neither)
        headingOf.set(row.section, row.heading);
    const tray = (label, indexes) => indexes.length > 0 ? `- ${label} (${indexes.length}): ${indexes.map((i) => escapeCell(headingOf.get(i) ?? `#${i}`)).join(', ')}` : undefined;
    const trays = [tray('Untagged', summary.tray.untagged), tray('Mixed', summary.tray.mixed), tray('Mismatched', summary.tray.mismatched)].filter((t) => t !== undefined);
    if (trays.length > 0)
        out.push('**Needs attention**', '', ...trays, '');
    out.push(ownersLine(summary.owners));
    return out.join('\n') + '\n';
}
/** The workspace total as Markdown: the split and a table of concerns per side. */
function totalToMarkdown(total, title, options = {}) {
    const out = [];
    if (title)
        out.push(`### ${escapeCell(title)}`, '');
    out.push(`${splitSentence(total.words)} · ${total.documents} ${total.documents === 1 ? 'document' : 'documents'}`, '');
    const rows = [];
    for (const c of total.product)
        rows.push(['Product', escapeCell((0, common_1.concernLabel)(c.concern, options.taxonomy)), (0, common_1.formatWords)(c.words), String(c.sections)]);
    for (const c of total.project)
        rows.push(['Project', escapeCell((0, common_1.concernLabel)(c.concern, options.taxonomy)), (0, common_1.formatWords)(c.words), String(c.sections)]);
    rows.push(['Neither', '—', (0, common_1.formatWords)(total.words.neither), String(total.neither)]);
    out.push(...table(['Side', 'Concern', 'Words', 'Sections'], ['l', 'l', 'r', 'r'], rows), '');
    out.push(`Needs attention: ${total.tray.untagged} untagged, ${total.tray.mixed} mixed, ${total.tray.mismatched} mismatched.`, '');
    out.push(ownersLine(total.owners));
    return out.join('\n') + '\n';
}
function ownersLine(owners) {
    const list = (handles) => (handles.length > 0 ? handles.map(escapeCell).join(' ') : '—');
    return `Owners: product ${list(owners.product)}; project ${list(owners.project)}`;
}
/**
 * Findings as a Markdown report for a pull-request comment: a headline with the counts, then per
 * file with findings its ownership split and a table of findings linked to the rule docs.
 */
function checkToMarkdown(files) {
    const counts = (0, common_1.countBySeverity)(files);
    const total = files.reduce((n, f) => n + f.analysis.findings.length, 0);
    const withFindings = files.filter((f) => f.analysis.findings.length > 0);
    const docs = (n) => `${n} plan ${n === 1 ? 'document' : 'documents'}`;
    const out = ['## PM Lens', ''];
    if (total === 0) {
        out.push(`No findings in ${docs(files.length)}.`);
        return out.join('\n') + '\n';
    }
    out.push(`**${total} ${total === 1 ? 'finding' : 'findings'}** (${(0, common_1.severityCounts)(counts)}) in ${withFindings.length} of ${docs(files.length)}.`, '');
    for (const { path, analysis } of withFindings) {
        out.push(`### \`${path.replace(/`/g, "'")}\``, '', splitSentence(analysis.summary.words), '');
        const rows = analysis.findings.map((f) => {
            const at = (0, common_1.oneBased)(f.range);
            return [f.severity, `${at.line}:${at.column}`, `[${f.ruleId}](${(0, rule_1.ruleDocUrl)(f.ruleId)})`, escapeCell(f.message)];
        });
        out.push(...table(['Severity', 'Line', 'Rule', 'Message'], ['l', 'r', 'l', 'l'], rows), '');
    }
    return out.join('\n');
}
/** `analyze --format markdown`: per file, a table of its sections and their verdicts. */
function analyzeToMarkdown(files) {
    const out = ['## PM Lens analysis', ''];
    for (const { path, analysis } of files) {
        out.push(`### \`${path.replace(/`/g, "'")}\``, '', splitSentence(analysis.summary.words) + (analysis.kind ? ` · plan: ${escapeCell(analysis.kind)}` : ''), '');
        const rows = analysis.sections.map((s) => [
            String(s.headingRange.start.line + 1),
            `h${s.level} ${escapeCell(s.heading)}`,
            escapeCell((0, common_1.roleLabel)(s.role, s.concern)),
            s.confidence.toFixed(2),
            s.tagged ? 'tagged' : 'inferred',
            s.inferred.evidence.slice(0, 3).map((e) => escapeCell(`'${e.text}'`)).join(', '),
        ]);
        if (rows.length > 0)
            out.push(...table(['Line', 'Section', 'Role', 'Confidence', 'Owner tag', 'Why'], ['r', 'l', 'l', 'r', 'l', 'l'], rows), '');
        else
            out.push('_No sections._', '');
        if (analysis.findings.length > 0) {
            out.push(`${analysis.findings.length} ${analysis.findings.length === 1 ? 'finding' : 'findings'}:`, '');
            for (const f of analysis.findings)
                out.push(`- ${(0, common_1.oneBased)(f.range).line}:${(0, common_1.oneBased)(f.range).column} ${f.severity} [${f.ruleId}](${(0, rule_1.ruleDocUrl)(f.ruleId)}): ${escapeCell(f.message)}`);
            out.push('');
        }
    }
    return out.join('\n');
}
//# sourceMappingURL=markdown.js.map