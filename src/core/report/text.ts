/**
 * Plain-text output of the command line: findings one per line (`path:line:col severity rule
 * message`, the form editors and CI annotators parse), a readable per-section listing, and the
 * ownership summary as an aligned table.
 */
import type { Finding, Section, Summary, SummaryRow, SummaryTotal } from '../types';
import { concernLabel, formatWords, oneBased, oneLine, percent, reaches, roleLabel, type FailOn, type FileAnalysis, type FormatOptions } from './common';

/** One finding as `path:line:col severity rule-id message` (1-based line and column). */
export function findingLine(path: string, finding: Finding): string {
  const at = oneBased(finding.range);
  return `${path}:${at.line}:${at.column} ${finding.severity} ${finding.ruleId} ${oneLine(finding.message)}`;
}

/** Every finding of every file, one per line; `minimum` keeps only those that reach it. */
export function checkToText(files: readonly FileAnalysis[], minimum: FailOn | undefined = undefined): string {
  const lines: string[] = [];
  for (const { path, analysis } of files) {
    for (const finding of analysis.findings) {
      if (minimum === undefined || reaches(finding.severity, minimum)) lines.push(findingLine(path, finding));
    }
  }
  return lines.map((line) => line + '\n').join('');
}

/** Per file, every section with its role, concern, confidence, tag state and strongest evidence. */
export function analyzeToText(files: readonly FileAnalysis[]): string {
  const out: string[] = [];
  for (const { path, analysis } of files) {
    out.push(`${path}${analysis.kind ? ` (plan: ${analysis.kind})` : ''}`);
    if (analysis.sections.length === 0) out.push('  no sections');
    for (const section of analysis.sections) out.push(...sectionLines(section));
    const { words } = analysis.summary;
    const all = words.product + words.project + words.neither;
    out.push(`  split: product ${percent(words.product, all)}%, project ${percent(words.project, all)}%, neither ${percent(words.neither, all)}% of ${formatWords(all)} words`);
    if (analysis.findings.length > 0) {
      out.push('  findings:');
      for (const finding of analysis.findings) out.push(`    ${findingLine(path, finding)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

function sectionLines(section: Section): string[] {
  const line = String(section.headingRange.start.line + 1).padStart(5);
  const title = `${'#'.repeat(section.level)} ${oneLine(section.heading)}`;
  const verdict = section.inferred;
  let state: string;
  if (section.tagged) {
    const tag = section.tags[0];
    const reads = verdict.role === section.role ? '' : `, reads as ${roleLabel(verdict.role, verdict.concern)} ${verdict.confidence.toFixed(2)}`;
    state = `tagged${tag.handles.length ? ' ' + tag.handles.join(' ') : ''}${reads}`;
  } else state = `inferred ${section.confidence.toFixed(2)}`;
  const lines = [`${line}  ${title}  ->  ${roleLabel(section.role, section.concern)} (${state}; ${section.wordCount} words)`];
  // A side's context line names no concern when the section's evidence for that side names none: the side then.
  const why = verdict.evidence.slice(0, 4).map((e) => `'${oneLine(e.text)}' ${e.role === 'none' ? 'neutral' : e.concern === 'none' ? e.role : e.concern} ${e.weight > 0 ? '+' : ''}${Number(e.weight.toFixed(2))}`);
  if (why.length > 0) lines.push(`         why: ${why.join(', ')}`);
  return lines;
}

/** One document's ownership split as an aligned table. */
export function summaryToText(summary: Summary, title: string, options: FormatOptions = {}): string {
  const { words } = summary;
  const all = words.product + words.project + words.neither;
  const out = [`${title}${summary.kind ? ` (plan: ${summary.kind})` : ''}`, `  ${splitLine(words, all)}`];
  const table: string[][] = [['side', 'concern', 'words', 'conf', 'state', 'line', 'section']];
  const push = (side: string, row: SummaryRow, concern: string) =>
    table.push([side, concern, formatWords(row.words), row.confidence.toFixed(2), row.tagged ? 'tagged' : 'inferred', String(row.line + 1), `${'#'.repeat(row.level)} ${oneLine(row.heading)}`]);
  for (const side of ['product', 'project'] as const) {
    for (const group of summary[side]) for (const row of group.rows) push(side, row, concernLabel(group.concern, options.taxonomy));
  }
  // Neither side: the side column says why (shared, mixed or none).
  for (const row of summary.neither) push(row.role, row, row.concern ? concernLabel(row.concern, options.taxonomy) : '-');
  if (table.length > 1) out.push(...alignRows(table).map((r) => '  ' + r));
  out.push(`  tray: ${summary.tray.untagged.length} untagged, ${summary.tray.mixed.length} mixed, ${summary.tray.mismatched.length} mismatched`);
  out.push(`  owners: product ${summary.owners.product.join(' ') || '-'}; project ${summary.owners.project.join(' ') || '-'}`);
  return out.join('\n') + '\n';
}

/** The workspace total as an aligned table of concerns. */
export function totalToText(total: SummaryTotal, title: string, options: FormatOptions = {}): string {
  const { words } = total;
  const all = words.product + words.project + words.neither;
  const out = [`${title} (${total.documents} ${total.documents === 1 ? 'document' : 'documents'})`, `  ${splitLine(words, all)}`];
  const table: string[][] = [['side', 'concern', 'words', 'sections']];
  for (const side of ['product', 'project'] as const) {
    for (const c of total[side]) table.push([side, concernLabel(c.concern, options.taxonomy), formatWords(c.words), String(c.sections)]);
  }
  // Neither side, by why: the same words the per-document tables use (shared, mixed, none).
  for (const n of total.neither) table.push([n.role, '-', formatWords(n.words), String(n.sections)]);
  out.push(...alignRows(table).map((r) => '  ' + r));
  out.push(`  tray: ${total.tray.untagged} untagged, ${total.tray.mixed} mixed, ${total.tray.mismatched} mismatched`);
  out.push(`  owners: product ${total.owners.product.join(' ') || '-'}; project ${total.owners.project.join(' ') || '-'}`);
  return out.join('\n') + '\n';
}

function splitLine(words: Summary['words'], all: number): string {
  return `product ${percent(words.product, all)}% (${formatWords(words.product)} words) | project ${percent(words.project, all)}% (${formatWords(words.project)}) | neither ${percent(words.neither, all)}% (${formatWords(words.neither)})`;
}

/** Pads columns; numeric columns (words, conf, line, sections) align right; the last is free. */
function alignRows(rows: readonly string[][]): string[] {
  const numeric = rows[0].map((h) => ['words', 'conf', 'line', 'sections'].includes(h));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  );
}
