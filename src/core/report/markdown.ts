/**
 * Markdown output: the ownership summary as a table (the panel's "copy as Markdown" and
 * `pm-lens summary --format markdown`), and reports of findings fit for a pull-request comment.
 */
import { ruleDocUrl } from '../rules/rule';
import type { Summary, SummaryRow, SummaryTotal } from '../types';
import { countBySeverity, labelOf, formatWords, oneBased, oneLine, percent, roleLabel, severityCounts, type FileAnalysis, type FormatOptions } from './common';

/**
 * What GitHub turns into a link or a notification when a report is posted on a pull request:
 * @mentions (and @org/team), email addresses, issue references (#123, owner/repo#123, GH-123),
 * URLs (http://, https://, www.) and commit SHAs (7 to 40 hex digits, at least one a digit, so
 * plain words such as "defaced" stay words).
 */
// Every part that could start at many places is bounded, so a long line costs linear time.
const AUTOLINK = /[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+|@[A-Za-z0-9][\w.-]*(?:\/[\w.-]+)?|(?:\b[\w.-]{1,100}\/[\w.-]{1,100})?#\d+\b|\bGH-\d+\b|(?:\bhttps?:\/\/|\bwww\.)[^\s<>|`]+|\b(?=[0-9a-f]{0,39}\d)[0-9a-f]{7,40}\b/gi;

/**
 * Makes document text safe inside a Markdown table cell (and a line of a report): no line
 * breaks, pipes or markup, and nothing GitHub would link. Those spans go into code spans: GitHub
 * links no mention, reference, URL or SHA inside code, and a code span shows the text exactly as
 * written. (A zero-width joiner after `@` would also stop a mention, but it hides in copied text,
 * and escapes or entities do not help: GitHub finds mentions in the rendered text.)
 */
export function escapeCell(text: string): string {
  const line = oneLine(text);
  let out = '';
  let at = 0;
  for (const match of line.matchAll(AUTOLINK)) {
    out += escapeMarkup(line.slice(at, match.index)) + `\`${match[0]}\``;
    at = match.index + match[0].length;
  }
  return out + escapeMarkup(line.slice(at));
}

function escapeMarkup(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

function table(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

function splitSentence(words: Summary['words']): string {
  const all = words.product + words.project + words.neither;
  return `Product ${percent(words.product, all)}% (${formatWords(words.product)} words) · Project ${percent(words.project, all)}% (${formatWords(words.project)} words) · Neither ${percent(words.neither, all)}% (${formatWords(words.neither)} words)`;
}

/** How a side, or why a section is on neither, reads in a table. */
const sideOf = { shared: 'Shared', mixed: 'Mixed', none: 'None', product: 'Product', project: 'Project' } as const;

/**
 * One document's ownership summary as Markdown: a heading (`title`, when not empty), the split,
 * a table of every section by side and concern, the tray and the owners.
 */
export function summaryToMarkdown(summary: Summary, title: string, options: FormatOptions = {}): string {
  const out: string[] = [];
  if (title) out.push(`### ${escapeCell(title)}`, '');
  out.push(`${splitSentence(summary.words)}${summary.kind ? ` · plan: ${escapeCell(summary.kind)}` : ''}`, '');
  const rows: string[][] = [];
  const push = (side: string, concern: string, row: SummaryRow) =>
    rows.push([side, concern, `${escapeCell(row.heading)} (line ${row.line + 1})`, formatWords(row.words), row.confidence.toFixed(2), row.tagged ? 'tagged' : 'inferred']);
  for (const group of summary.product) for (const row of group.rows) push('Product', escapeCell(labelOf(group.concern, options)), row);
  for (const group of summary.project) for (const row of group.rows) push('Project', escapeCell(labelOf(group.concern, options)), row);
  // Neither side: the side column says why (shared, mixed or none).
  for (const row of summary.neither) push(sideOf[row.role], row.concern ? escapeCell(labelOf(row.concern, options)) : '—', row);
  if (rows.length > 0) out.push(...table(['Side', 'Concern', 'Section', 'Words', 'Confidence', 'Owner tag'], ['l', 'l', 'l', 'r', 'r', 'l'], rows), '');
  else out.push('_No sections._', '');

  const headingOf = new Map<number, string>();
  for (const group of [...summary.product, ...summary.project]) for (const row of group.rows) headingOf.set(row.section, row.heading);
  for (const row of summary.neither) headingOf.set(row.section, row.heading);
  const tray = (label: string, indexes: readonly number[]) =>
    indexes.length > 0 ? `- ${label} (${indexes.length}): ${indexes.map((i) => escapeCell(headingOf.get(i) ?? `#${i}`)).join(', ')}` : undefined;
  const trays = [tray('Untagged', summary.tray.untagged), tray('Mixed', summary.tray.mixed), tray('Mismatched', summary.tray.mismatched)].filter((t) => t !== undefined);
  if (trays.length > 0) out.push('**Needs attention**', '', ...trays, '');
  out.push(ownersLine(summary.owners));
  return out.join('\n') + '\n';
}

/** The workspace total as Markdown: the split and a table of concerns per side. */
export function totalToMarkdown(total: SummaryTotal, title: string, options: FormatOptions = {}): string {
  const out: string[] = [];
  if (title) out.push(`### ${escapeCell(title)}`, '');
  out.push(`${splitSentence(total.words)} · ${total.documents} ${total.documents === 1 ? 'document' : 'documents'}`, '');
  const rows: string[][] = [];
  for (const c of total.product) rows.push(['Product', escapeCell(labelOf(c.concern, options)), formatWords(c.words), String(c.sections)]);
  for (const c of total.project) rows.push(['Project', escapeCell(labelOf(c.concern, options)), formatWords(c.words), String(c.sections)]);
  for (const n of total.neither) rows.push([sideOf[n.role], '—', formatWords(n.words), String(n.sections)]);
  out.push(...table(['Side', 'Concern', 'Words', 'Sections'], ['l', 'l', 'r', 'r'], rows), '');
  out.push(`Needs attention: ${total.tray.untagged} untagged, ${total.tray.mixed} mixed, ${total.tray.mismatched} mismatched.`, '');
  out.push(ownersLine(total.owners));
  return out.join('\n') + '\n';
}

function ownersLine(owners: Summary['owners']): string {
  const list = (handles: readonly string[]) => (handles.length > 0 ? handles.map(escapeCell).join(' ') : '—');
  return `Owners: product ${list(owners.product)}; project ${list(owners.project)}`;
}

/**
 * Findings as a Markdown report for a pull-request comment: a headline with the counts, then per
 * file with findings its ownership split and a table of findings linked to the rule docs.
 */
export function checkToMarkdown(files: readonly FileAnalysis[]): string {
  const counts = countBySeverity(files);
  const total = files.reduce((n, f) => n + f.analysis.findings.length, 0);
  const withFindings = files.filter((f) => f.analysis.findings.length > 0);
  const docs = (n: number) => `${n} plan ${n === 1 ? 'document' : 'documents'}`;
  const out = ['## PM Lens', ''];
  if (total === 0) {
    out.push(`No findings in ${docs(files.length)}.`);
    return out.join('\n') + '\n';
  }
  out.push(`**${total} ${total === 1 ? 'finding' : 'findings'}** (${severityCounts(counts)}) in ${withFindings.length} of ${docs(files.length)}.`, '');
  for (const { path, analysis } of withFindings) {
    out.push(`### \`${path.replace(/`/g, "'")}\``, '', splitSentence(analysis.summary.words), '');
    const rows = analysis.findings.map((f) => {
      const at = oneBased(f.range);
      return [f.severity, `${at.line}:${at.column}`, `[${f.ruleId}](${ruleDocUrl(f.ruleId)})`, escapeCell(f.message)];
    });
    out.push(...table(['Severity', 'Line', 'Rule', 'Message'], ['l', 'r', 'l', 'l'], rows), '');
  }
  return out.join('\n');
}

/** `analyze --format markdown`: per file, a table of its sections and their verdicts. */
export function analyzeToMarkdown(files: readonly FileAnalysis[]): string {
  const out = ['## PM Lens analysis', ''];
  for (const { path, analysis } of files) {
    out.push(`### \`${path.replace(/`/g, "'")}\``, '', splitSentence(analysis.summary.words) + (analysis.kind ? ` · plan: ${escapeCell(analysis.kind)}` : ''), '');
    const rows = analysis.sections.map((s) => [
      String(s.headingRange.start.line + 1),
      `h${s.level} ${escapeCell(s.heading)}`,
      escapeCell(roleLabel(s.role, s.concern)),
      s.confidence.toFixed(2),
      s.tagged ? 'tagged' : 'inferred',
      s.inferred.evidence.slice(0, 3).map((e) => escapeCell(`'${e.text}'`)).join(', '),
    ]);
    if (rows.length > 0) out.push(...table(['Line', 'Section', 'Role', 'Confidence', 'Owner tag', 'Why'], ['r', 'l', 'l', 'r', 'l', 'l'], rows), '');
    else out.push('_No sections._', '');
    if (analysis.findings.length > 0) {
      out.push(`${analysis.findings.length} ${analysis.findings.length === 1 ? 'finding' : 'findings'}:`, '');
      for (const f of analysis.findings) out.push(`- ${oneBased(f.range).line}:${oneBased(f.range).column} ${f.severity} [${f.ruleId}](${ruleDocUrl(f.ruleId)}): ${escapeCell(f.message)}`);
      out.push('');
    }
  }
  return out.join('\n');
}
