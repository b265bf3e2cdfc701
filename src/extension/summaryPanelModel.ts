/**
 * What the Ownership Summary panel sends and exports, built from analyses. Pure (no editor), so
 * the panel, its tests and the command line agree: the Markdown and JSON exports are exactly what
 * `pm-lens summary --format markdown|json` prints for the same files.
 */
import { engine } from './lazy';
import type { Taxonomy } from '../core/taxonomy/types';
import type { Analysis } from '../core/types';
import type { PanelModel, PanelStatus, Scope } from '../shared/panelProtocol';

/** One analysed plan the panel shows. */
export interface PanelFile {
  /** `Uri.toString()`: how the webview names the document in `reveal`. */
  readonly uri: string;
  /** Workspace-relative path, as the CLI prints it. */
  readonly path: string;
  readonly analysis: Analysis;
  /** The taxonomy the document was analysed with (concern labels). */
  readonly taxonomy: Taxonomy;
}

/** A model with nothing to draw but a reason. */
export function emptyModel(scope: Scope, status: Exclude<PanelStatus, 'ready'>, title: string): PanelModel {
  return { scope, status, title, documents: [], total: engine().sumSummaries([]), labels: {} };
}

/** The model of one document or of the whole workspace (files in the order to show them). */
export function readyModel(scope: Scope, title: string, files: readonly PanelFile[]): PanelModel {
  const labels: Record<string, string> = {};
  for (const file of files) {
    const { summary } = file.analysis;
    const concerns = [
      ...summary.product.map((g) => g.concern),
      ...summary.project.map((g) => g.concern),
      ...summary.neither.map((r) => r.concern),
    ];
    for (const concern of concerns) {
      if (concern !== undefined && concern !== '' && labels[concern] === undefined) labels[concern] = engine().concernLabel(concern, file.taxonomy);
    }
  }
  return {
    scope,
    status: 'ready',
    title,
    documents: files.map((f) => ({ uri: f.uri, label: f.path, summary: f.analysis.summary })),
    total: engine().sumSummaries(files.map((f) => f.analysis.summary)),
    labels,
  };
}

/** "Copy as Markdown": the same text as `pm-lens summary --format markdown`. */
export function summaryMarkdown(files: readonly PanelFile[]): string {
  const parts = ['## Ownership summary', '', ...files.map((f) => engine().summaryToMarkdown(f.analysis.summary, f.path, { taxonomy: f.taxonomy }))];
  if (files.length > 1) parts.push(engine().totalToMarkdown(engine().sumSummaries(files.map((f) => f.analysis.summary)), 'Total'));
  return parts.join('\n');
}

/** "Save as JSON": the same document as `pm-lens summary --format json`. */
export function summaryJson(files: readonly PanelFile[]): string {
  const report = engine().summaryReportToJson(files, engine().sumSummaries(files.map((f) => f.analysis.summary)));
  return JSON.stringify(report, null, 2) + '\n';
}
