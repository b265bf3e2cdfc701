/**
 * Summaries for the Ownership Summary panel: of an open document's analysis, or of a file that
 * is not open (the workspace view), whose text the client sends. A file's text is analysed once,
 * with the same settings, configuration and detection as an open document, and then forgotten.
 * Also the panel's totals and exports, so that the extension itself carries no core code.
 */
import type { SummaryExportParams, SummaryResult } from '../shared/serverProtocol';
import { utf8Length } from '../shared/size';
import type { AnalysisRunner, EvidenceOf } from './analysis/runner';
import type { ConfigStore } from './config';
import { concernLabel, isPlanDocument, summaryReportToJson, summaryToMarkdown, sumSummaries, totalToMarkdown, type Analysis, type ResolvedConfig } from './engine';
import type { WorkspaceFolders } from './folders';
import type { ServerSettings } from './settings';

/** What summarising a file needs from the server. */
export interface SummaryHost {
  readonly uri: string;
  readonly text: string;
  settingsFor(uri: string): Promise<ServerSettings>;
  readonly configs: ConfigStore;
  readonly folders: WorkspaceFolders;
  readonly runner: AnalysisRunner;
}

/** The summary of a file's text; null when it is not a plan, too large, disabled, or over the budget. */
export async function summaryOfText(host: SummaryHost): Promise<SummaryResult | null> {
  const analysed = await analyzeText(host);
  return analysed && summaryResult(host.uri, 0, analysed.analysis, analysed.config);
}

/**
 * A file's text analysed once as the file would be; null when it is not a plan, too large,
 * disabled, or over the budget. `withEvidence` keeps every section's evidence (the ownership diff
 * says which evidence came and went); otherwise sections come without it.
 */
export async function analyzeText(host: SummaryHost, withEvidence = false): Promise<{ readonly analysis: Analysis; readonly config: ResolvedConfig } | null> {
  const { uri, text } = host;
  const settings = await host.settingsFor(uri);
  if (!settings.enable || utf8Length(text, settings.maxFileSize) > settings.maxFileSize) return null;
  const config = await host.configs.configFor(uri);
  const path = host.folders.planPath(uri);
  const byPath = isPlanDocument({ path, config }).isPlan;
  // Its own key: an open document of the same URI keeps its runner state.
  const key = `summary:${uri}`;
  try {
    const outcome = await host.runner.run({ key, text, config, detectByContent: byPath ? undefined : { path } });
    if (outcome.type !== 'analysis') return null;
    const analysis = await outcome.delivered.load();
    if (!analysis) return null;
    return { analysis: withEvidence ? await withAllEvidence(analysis, outcome.evidence) : analysis, config };
  } finally {
    host.runner.forget(key);
  }
}

/** A summary with the display names of its concerns. */
export function summaryResult(uri: string, version: number, analysis: Analysis, config: ResolvedConfig): SummaryResult {
  const { summary } = analysis;
  const labels: Record<string, string> = {};
  const concerns = [...summary.product.map((g) => g.concern), ...summary.project.map((g) => g.concern), ...summary.neither.map((r) => r.concern)];
  for (const concern of concerns) {
    if (concern !== undefined && concern !== '' && labels[concern] === undefined) labels[concern] = concernLabel(concern, config.taxonomy);
  }
  return { uri, version, kind: analysis.kind, summary, labels };
}

/** The panel's exports: the same text as `pm-lens summary --format markdown|json`. */
export function exportSummaries({ files, format }: SummaryExportParams): string {
  const total = sumSummaries(files.map((f) => f.summary));
  if (format === 'json') return JSON.stringify(summaryReportToJson(files.map((f) => ({ path: f.path, analysis: { summary: f.summary } })), total), null, 2) + '\n';
  const parts = ['## Ownership summary', '', ...files.map((f) => summaryToMarkdown(f.summary, f.path, { labels: f.labels }))];
  if (files.length > 1) parts.push(totalToMarkdown(total, 'Total'));
  return parts.join('\n');
}

/** The analysis with each section's evidence fetched back (runners deliver sections without it). */
export async function withAllEvidence(analysis: Analysis, evidence: EvidenceOf): Promise<Analysis> {
  const all = await Promise.all(analysis.sections.map((_, i) => evidence(i)));
  return { ...analysis, sections: analysis.sections.map((s, i) => ({ ...s, inferred: { ...s.inferred, evidence: all[i] ?? [] } })) };
}
