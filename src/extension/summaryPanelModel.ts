/**
 * What the Ownership Summary panel sends and exports, built from the language server's summaries.
 * Pure (no editor), so the panel, its tests and the command line agree: the Markdown and JSON
 * exports are exactly what `pm-lens summary --format markdown|json` prints for the same files.
 */
import type { Summary } from '../core/types';
import type { PanelModel, PanelStatus, Scope } from '../shared/panelProtocol';

type PanelCore = typeof import('./panelCore');
let loaded: PanelCore | undefined;

/** The core's report code; the first call loads it, later calls are free. */
function core(): PanelCore {
  // A require inside a function: the bundler keeps the core's module code uninitialised until here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('./panelCore') as PanelCore);
}

/** One analysed plan the panel shows. */
export interface PanelFile {
  /** `Uri.toString()`: how the webview names the document in `reveal`. */
  readonly uri: string;
  /** Workspace-relative path, as the CLI prints it. */
  readonly path: string;
  readonly summary: Summary;
  /** Display names of its concerns, from the taxonomy it was analysed with. */
  readonly labels: Readonly<Record<string, string>>;
}

/** A model with nothing to draw but a reason. */
export function emptyModel(scope: Scope, status: Exclude<PanelStatus, 'ready'>, title: string): PanelModel {
  return { scope, status, title, documents: [], total: core().sumSummaries([]), labels: {} };
}

/** The model of one document or of the whole workspace (files in the order to show them). */
export function readyModel(scope: Scope, title: string, files: readonly PanelFile[]): PanelModel {
  const labels: Record<string, string> = {};
  for (const file of files) for (const [concern, label] of Object.entries(file.labels)) if (labels[concern] === undefined) labels[concern] = label;
  return {
    scope,
    status: 'ready',
    title,
    documents: files.map((f) => ({ uri: f.uri, label: f.path, summary: f.summary })),
    total: core().sumSummaries(files.map((f) => f.summary)),
    labels,
  };
}

/** "Copy as Markdown": the same text as `pm-lens summary --format markdown`. */
export function summaryMarkdown(files: readonly PanelFile[]): string {
  const { summaryToMarkdown, sumSummaries, totalToMarkdown } = core();
  const parts = ['## Ownership summary', '', ...files.map((f) => summaryToMarkdown(f.summary, f.path, { labels: f.labels }))];
  if (files.length > 1) parts.push(totalToMarkdown(sumSummaries(files.map((f) => f.summary)), 'Total'));
  return parts.join('\n');
}

/** "Save as JSON": the same document as `pm-lens summary --format json`. */
export function summaryJson(files: readonly PanelFile[]): string {
  const { summaryReportToJson, sumSummaries } = core();
  const report = summaryReportToJson(
    files.map((f) => ({ path: f.path, analysis: { summary: f.summary } })),
    sumSummaries(files.map((f) => f.summary)),
  );
  return JSON.stringify(report, null, 2) + '\n';
}
