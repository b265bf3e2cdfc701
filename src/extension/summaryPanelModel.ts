/**
 * What the Ownership Summary panel sends, built from the language server's summaries and totals.
 * Pure (no editor, no core code), so the panel and its tests build the very same models.
 */
import type { Summary, SummaryTotal } from '../core/types';
import type { PanelModel, PanelStatus, Scope } from '../shared/panelProtocol';

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

/** No documents added up. */
const EMPTY_TOTAL: SummaryTotal = {
  documents: 0,
  words: { product: 0, project: 0, neither: 0 },
  product: [],
  project: [],
  neither: [],
  tray: { untagged: 0, mixed: 0, mismatched: 0 },
  owners: { product: [], project: [] },
};

/** A model with nothing to draw but a reason. */
export function emptyModel(scope: Scope, status: Exclude<PanelStatus, 'ready'>, title: string): PanelModel {
  return { scope, status, title, documents: [], total: EMPTY_TOTAL, labels: {} };
}

/** The model of one document or of the whole workspace (files in the order to show them, `total` their sum). */
export function readyModel(scope: Scope, title: string, files: readonly PanelFile[], total: SummaryTotal): PanelModel {
  const labels: Record<string, string> = {};
  for (const file of files) for (const [concern, label] of Object.entries(file.labels)) labels[concern] ??= label;
  return { scope, status: 'ready', title, documents: files.map((f) => ({ uri: f.uri, label: f.path, summary: f.summary })), total, labels };
}
