/**
 * The JSON shapes of `pm-lens analyze --format json` (read by scripts, CI and the evaluation kit)
 * and of the ownership summary (`pm-lens summary --format json`, the panel's "save as JSON").
 * Positions are 1-based, columns in UTF-16 code units, end columns exclusive; absent values are
 * `null`, never missing keys.
 */
import type { EffectiveRole, EvidenceKind, InferredRole, Role, Section, Severity, Summary, SummaryRow, SummaryTotal, TagRole } from '../types';
import { oneBased, round3, type FileAnalysis } from './common';

export interface EvidenceJson {
  readonly kind: EvidenceKind;
  readonly text: string;
  readonly line: number;
  readonly column: number;
  readonly concern: string;
  readonly role: Role | 'none';
  readonly weight: number;
}

export interface SectionJson {
  /** 1-based line of the heading. */
  readonly line: number;
  readonly level: number;
  readonly heading: string;
  /** The effective role: the tag's when tagged, else the inferred one. */
  readonly role: EffectiveRole;
  readonly concern: string | null;
  readonly confidence: number;
  readonly inferred: {
    readonly role: InferredRole;
    readonly concern: string | null;
    readonly confidence: number;
    readonly evidence: readonly EvidenceJson[];
  };
  /** The first owner tag of the section, if any. */
  readonly tag: { readonly role: TagRole; readonly concern: string | null; readonly handles: readonly string[] } | null;
}

export interface FindingJson {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface FileJson {
  readonly file: string;
  readonly kind: string | null;
  readonly sections: readonly SectionJson[];
  readonly findings: readonly FindingJson[];
}

/** `analyze --format json`: one entry per file, in the order given. */
export function analyzeToJson(files: readonly FileAnalysis[]): FileJson[] {
  return files.map(({ path, analysis }) => ({
    file: path,
    kind: analysis.kind ?? null,
    sections: analysis.sections.map(sectionToJson),
    findings: analysis.findings.map((f) => {
      const at = oneBased(f.range);
      return { rule: f.ruleId, severity: f.severity, message: f.message, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn };
    }),
  }));
}

function sectionToJson(section: Section): SectionJson {
  const tag = section.tags[0];
  return {
    line: section.headingRange.start.line + 1,
    level: section.level,
    heading: section.heading,
    role: section.role,
    concern: section.concern ?? null,
    confidence: round3(section.confidence),
    inferred: {
      role: section.inferred.role,
      concern: section.inferred.concern ?? null,
      confidence: round3(section.inferred.confidence),
      evidence: section.inferred.evidence.map((e) => ({
        kind: e.kind,
        text: e.text,
        line: e.range.start.line + 1,
        column: e.range.start.character + 1,
        concern: e.concern,
        role: e.role,
        weight: round3(e.weight),
      })),
    },
    tag: tag ? { role: tag.role, concern: tag.concern ?? null, handles: [...tag.handles] } : null,
  };
}

export interface SummaryRowJson {
  readonly section: number;
  readonly heading: string;
  readonly level: number;
  /** 1-based line of the heading. */
  readonly line: number;
  readonly role: EffectiveRole;
  readonly concern: string | null;
  readonly words: number;
  readonly confidence: number;
  readonly tagged: boolean;
  readonly handles: readonly string[];
  readonly findings: readonly string[];
}

/** The summary model as JSON: the same fields, rows with 1-based lines and without ranges. */
export interface SummaryJson {
  readonly kind: string | null;
  readonly words: Summary['words'];
  readonly product: readonly { readonly concern: string; readonly words: number; readonly rows: readonly SummaryRowJson[] }[];
  readonly project: readonly { readonly concern: string; readonly words: number; readonly rows: readonly SummaryRowJson[] }[];
  readonly neither: readonly SummaryRowJson[];
  readonly tray: Summary['tray'];
  readonly owners: Summary['owners'];
}

/** The summary as plain JSON data (see {@link SummaryJson}). */
export function summaryToJson(summary: Summary): SummaryJson {
  const groups = (side: Summary['product']) => side.map((g) => ({ concern: g.concern, words: g.words, rows: g.rows.map(rowToJson) }));
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

function rowToJson(row: SummaryRow): SummaryRowJson {
  return {
    section: row.section,
    heading: row.heading,
    level: row.level,
    line: row.line + 1,
    role: row.role,
    concern: row.concern ?? null,
    words: row.words,
    confidence: round3(row.confidence),
    tagged: row.tagged,
    handles: [...row.handles],
    findings: [...row.findings],
  };
}

/** `summary --format json`: every file's summary and the total. */
export interface SummaryReportJson {
  readonly files: readonly { readonly file: string; readonly summary: SummaryJson }[];
  readonly total: SummaryTotal;
}

export function summaryReportToJson(files: readonly { readonly path: string; readonly analysis: Pick<FileAnalysis['analysis'], 'summary'> }[], total: SummaryTotal): SummaryReportJson {
  return { files: files.map(({ path, analysis }) => ({ file: path, summary: summaryToJson(analysis.summary) })), total };
}
