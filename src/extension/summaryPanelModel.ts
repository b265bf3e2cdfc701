/**
 * What the Ownership Summary panel sends and exports, built from analyses. Pure (no editor), so
 * the panel, its tests and the command line agree: the Markdown and JSON exports are exactly what
 * `pm-lens summary --format markdown|json` prints for the same files.
 */
import { engine } from './lazy';
import type { Taxonomy } from '../core/taxonomy/types';
import type { Analysis } from '../core/types';
import type { SectionChange } from '../core/diff';
import type { ChangesStatus, PanelChangeRow, PanelChanges, PanelModel, PanelStatus, Scope } from '../shared/panelProtocol';

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

/**
 * What the committed side of "Changes since last commit" came to: a version to compare with
 * (`before` undefined when the file is not in the last commit, or was not a plan there), or the
 * reason there is none.
 */
export type ChangesBase =
  | { readonly status: Exclude<ChangesStatus, 'ready'>; readonly detail?: string }
  | {
      readonly status: 'ready';
      /** `HEAD (1a2b3c4)`. */
      readonly base: string;
      readonly before: Analysis | undefined;
      /** Not in the last commit at all (rather than there but not a plan). */
      readonly isNew: boolean;
    };

/**
 * The "Changes since last commit" part of the model: the core's ownership diff (the one
 * `pm-lens diff` prints) of the committed analysis against the current one, each change said in
 * the command line's words.
 */
export function changesModel(base: ChangesBase, after: Analysis): PanelChanges {
  if (base.status !== 'ready') {
    return { status: base.status, base: '', isNew: false, detail: base.detail ?? '', rows: [], moved: 0, balance: {}, owners: {} };
  }
  const diff = engine().diffPlans(base.before, after);
  const seen = new Map<string, number>();
  const rows = diff.changes.map((change): PanelChangeRow => {
    const row = changeRow(change, after);
    // Two sections of the same heading and place: the occurrence keeps their keys apart.
    const n = (seen.get(row.key) ?? 0) + 1;
    seen.set(row.key, n);
    return n === 1 ? row : { ...row, key: `${row.key}#${n}` };
  });
  return {
    status: 'ready',
    base: base.base,
    isNew: base.isNew,
    detail: '',
    rows,
    moved: diff.moved,
    balance: { before: diff.balance.before, after: diff.balance.after },
    owners: { before: diff.owners.before, after: diff.owners.after },
  };
}

const quote = (text: string): string => `“${text.replace(/\s*[\r\n]+\s*/g, ' ')}”`;

function changeRow(change: SectionChange, after: Analysis): PanelChangeRow {
  const { where, roleOf, describeChange } = engine();
  const details = describeChange(change, quote, (text) => text).details;
  switch (change.type) {
    case 'added':
      return { key: `added:${where(change.after)}`, kind: 'added', heading: change.after.heading, where: where(change.after), line: change.after.line, range: rangeAt(after, change.after.line), after: roleOf(change.after), details };
    case 'removed':
      return { key: `removed:${where(change.before)}`, kind: 'removed', heading: change.before.heading, where: where(change.before), line: change.before.line, before: roleOf(change.before), details };
    case 'changed': {
      const kind = change.moved ? 'moved' : change.roleChanged || change.concernChanged ? 'changed' : 'retagged';
      // The first line of a role change repeats before → after, which the row shows on its own.
      const rest = change.roleChanged || change.concernChanged ? details.slice(1) : details;
      return {
        key: `changed:${where(change.after)}`,
        kind,
        heading: change.after.heading,
        where: where(change.after),
        line: change.after.line,
        range: rangeAt(after, change.after.line),
        before: roleOf(change.before),
        after: roleOf(change.after),
        details: rest,
      };
    }
  }
}

/** The range of the section whose heading is on `line` (1-based), to reveal it. */
function rangeAt(analysis: Analysis, line: number): PanelChangeRow['range'] {
  return analysis.sections.find((s) => s.headingRange.start.line === line - 1)?.range;
}
