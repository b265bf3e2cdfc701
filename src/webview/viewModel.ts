/**
 * Turns the model the host sends into what the panel draws: rows merged by concern across
 * documents, the tray's rows looked up by section, percentages for the balance bar. Pure.
 */
import { balanceOf, type Balance } from '../shared/balance';
import type { PanelDocument, PanelModel, PanelRow } from '../shared/panelProtocol';

export type Side = 'product' | 'project';

/** One row as drawn, with the document it comes from. */
export interface RowView {
  /** Stable across updates: the document and the section's index. */
  readonly key: string;
  readonly uri: string;
  /** The document's label, shown only in the workspace scope. */
  readonly file: string | undefined;
  readonly row: PanelRow;
  /** The concern's display name. */
  readonly concern: string;
  /** Lower-cased text the filter matches against. */
  readonly haystack: string;
}

export interface GroupView {
  readonly concern: string;
  /** What the panel shows for the concern: the taxonomy's label. */
  readonly label: string;
  readonly words: number;
  readonly rows: readonly RowView[];
}

export interface TrayView {
  readonly untagged: readonly RowView[];
  readonly mixed: readonly RowView[];
  readonly mismatched: readonly RowView[];
}

export interface PanelView {
  readonly product: readonly GroupView[];
  readonly project: readonly GroupView[];
  readonly neither: readonly RowView[];
  readonly tray: TrayView;
  readonly balance: Balance;
  readonly owners: { readonly product: readonly string[]; readonly project: readonly string[] };
  readonly kind: string | undefined;
  readonly rowCount: number;
}

export function buildView(model: PanelModel): PanelView {
  const workspace = model.scope === 'workspace';
  const label = (concern: string | undefined): string => concernLabel(concern, model.labels);
  const product = new Map<string, { words: number; rows: RowView[] }>();
  const project = new Map<string, { words: number; rows: RowView[] }>();
  const neither: RowView[] = [];
  const tray = { untagged: [] as RowView[], mixed: [] as RowView[], mismatched: [] as RowView[] };
  let rowCount = 0;

  for (const doc of model.documents) {
    const bySection = new Map<number, RowView>();
    const view = (row: PanelRow): RowView => {
      const made = rowView(doc, row, workspace, label);
      bySection.set(row.section, made);
      rowCount++;
      return made;
    };
    for (const [side, groups] of [[product, doc.summary.product], [project, doc.summary.project]] as const) {
      for (const group of groups) {
        const merged = side.get(group.concern) ?? { words: 0, rows: [] };
        merged.words += group.words;
        merged.rows.push(...group.rows.map(view));
        side.set(group.concern, merged);
      }
    }
    neither.push(...doc.summary.neither.map(view));
    for (const name of ['untagged', 'mixed', 'mismatched'] as const) {
      for (const section of doc.summary.tray[name]) {
        const row = bySection.get(section);
        if (row) tray[name].push(row);
      }
    }
  }

  const groups = (side: Map<string, { words: number; rows: RowView[] }>): GroupView[] =>
    [...side].map(([concern, g]) => ({ concern, label: label(concern), words: g.words, rows: g.rows }));
  return {
    product: groups(product),
    project: groups(project),
    neither,
    tray,
    balance: balanceOf(model.total.words),
    owners: model.total.owners,
    kind: workspace ? undefined : model.documents[0]?.summary.kind,
    rowCount,
  };
}

function rowView(doc: PanelDocument, row: PanelRow, workspace: boolean, label: (concern: string | undefined) => string): RowView {
  const file = workspace ? doc.label : undefined;
  const concern = label(row.concern);
  const haystack = [row.heading, row.concern ?? '', concern, row.role, row.tagged ? 'tagged' : 'inferred', file ?? '', ...row.handles, ...row.findings]
    .join('\n')
    .toLowerCase();
  return { key: `${doc.uri}#${row.section}`, uri: doc.uri, file, row, concern, haystack };
}

/**
 * A concern's display name: the host's label, else the key in words; a row of a known side with
 * no concern groups under "Other" (as in the CLI's tables).
 */
export function concernLabel(concern: string | undefined, labels: Readonly<Record<string, string>>): string {
  if (concern === undefined || concern === '') return 'Other';
  const known = labels[concern];
  if (known) return known;
  const words = concern.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Whether a row matches the filter: every word of the query appears somewhere in the row. */
export function matches(row: RowView, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((w) => row.haystack.includes(w));
}
