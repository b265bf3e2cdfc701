/**
 * What every formatter shares: the input shape, 1-based positions, severity ranks and labels.
 * Formatters are pure (no I/O, no Node built-ins) so the panel can reuse them in a webview.
 */
import { own } from '../config/dictionary';
import { NO_CONCERN } from '../summary';
import { defaultTaxonomy } from '../taxonomy/default';
import type { Taxonomy } from '../taxonomy/types';
import type { Analysis, Range, Severity } from '../types';

/** One analysed file as the formatters see it. */
export interface FileAnalysis {
  /** The path to show (as given on the command line, or relative to the working folder). */
  readonly path: string;
  readonly analysis: Analysis;
}

/** Options every formatter takes. */
export interface FormatOptions {
  /** For concern labels; the built-in taxonomy when absent. */
  readonly taxonomy?: Taxonomy;
  /** Concern labels already looked up (a language server's summary carries them); win over `taxonomy`. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** A range in the 1-based line and column numbers people and SARIF read; end column exclusive. */
export interface OneBasedRange {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** Core ranges are 0-based UTF-16; printed positions are 1-based (columns still UTF-16 units). */
export function oneBased(range: Range): OneBasedRange {
  return {
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 4, warning: 3, info: 2, hint: 1 };

/** Severities, most severe first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** `--fail-on` values: a severity, or `never`. */
export type FailOn = Severity | 'never';

/** Whether a finding of `severity` is at least as severe as `threshold` (`never` is never reached). */
export function reaches(severity: Severity, threshold: FailOn): boolean {
  return threshold !== 'never' && SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

/** Counts findings per severity. */
export function countBySeverity(files: readonly FileAnalysis[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of files) for (const finding of file.analysis.findings) counts[finding.severity]++;
  return counts;
}

/** "1 error, 2 warnings" — only the severities that occur. */
export function severityCounts(counts: Readonly<Record<Severity, number>>): string {
  const plural: Record<Severity, string> = { error: 'errors', warning: 'warnings', info: 'info', hint: 'hints' };
  return SEVERITIES.filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${counts[s] === 1 ? s : plural[s]}`)
    .join(', ');
}

/** A concern's label from the taxonomy; unknown keys title-cased; {@link NO_CONCERN} as "Other". */
export function concernLabel(concern: string | undefined, taxonomy: Taxonomy = defaultTaxonomy): string {
  if (concern === undefined || concern === NO_CONCERN) return 'Other';
  const def = own(taxonomy.concerns, concern);
  if (def) return def.label;
  const words = concern.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A concern's label under the options: a given label, else the taxonomy's. */
export function labelOf(concern: string | undefined, options: FormatOptions): string {
  return (concern !== undefined && options.labels !== undefined ? own(options.labels, concern) : undefined) ?? concernLabel(concern, options.taxonomy);
}

/** `role/concern`, or the role alone. */
export function roleLabel(role: string, concern: string | undefined): string {
  return concern ? `${role}/${concern}` : role;
}

/** A word count: whole numbers plain, halves (from shared sections) with one decimal. */
export function formatWords(words: number): string {
  return Number.isInteger(words) ? String(words) : words.toFixed(1);
}

/** `part` as a whole percentage of `whole` (0 when the whole is 0). */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((100 * part) / whole) : 0;
}

/** Rounds to 3 decimals, for confidences and weights in JSON. */
export function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Messages go on one line in line-oriented formats. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
