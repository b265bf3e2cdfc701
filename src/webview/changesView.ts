/**
 * What the "Changes since last commit" part of the panel says: a headline (what is compared and
 * how much changed, or why nothing is), the balance before and after, owners that changed, and
 * the changed sections. Pure: no DOM, so the unit tests read it as the page does.
 */
import type { ChangesStatus, PanelChangeRow, PanelChanges } from '../shared/panelProtocol';
import { balanceOf, type Balance } from '../shared/balance';

export type ChangeKind = PanelChangeRow['kind'];

/** What each kind of change is called, on its chip and in counts. */
export const CHANGE_KIND_LABEL: Record<ChangeKind, string> = {
  added: 'Added',
  removed: 'Removed',
  moved: 'Moved sides',
  changed: 'Changed',
  retagged: 'Retagged',
};

export interface ChangesView {
  readonly status: ChangesStatus;
  /** One sentence: what the text is compared with and how much changed, or why it cannot be. */
  readonly headline: string;
  /** What the person can do about an empty state; empty when nothing. */
  readonly hint: string;
  readonly rows: readonly PanelChangeRow[];
  /** Product/project/neither before (absent for a new file) and after. */
  readonly before: Balance | undefined;
  readonly after: Balance | undefined;
  /** `Product owners: @dana → @dana @kim`, for each side whose document owners changed. */
  readonly owners: readonly string[];
}

/** Builds what the page draws from what the host sent; `title` names the document. */
export function changesView(changes: PanelChanges, title: string): ChangesView {
  const empty = { rows: [], before: undefined, after: undefined, owners: [] };
  const said = (text: string): string => (changes.detail ? `${text}: ${changes.detail}.` : `${text}.`);
  switch (changes.status) {
    case 'loading':
      return { ...empty, status: 'loading', headline: 'Reading the last commit…', hint: '' };
    case 'unsaved':
      return { ...empty, status: 'unsaved', headline: 'This document is not saved to a file, so it has no last commit.', hint: 'Save it in a Git repository to see what changed since a commit.' };
    case 'no-git':
      return { ...empty, status: 'no-git', headline: said('Git is not available here'), hint: '' };
    case 'git-disabled':
      return { ...empty, status: 'git-disabled', headline: 'Git is turned off in VS Code (git.enabled), so there is no last commit to compare with.', hint: '' };
    case 'no-repository':
      return {
        ...empty,
        status: 'no-repository',
        headline: said(`“${title}” is not in a Git repository that VS Code has open`),
        hint: changes.detail ? '' : 'Open the folder of its repository (or run “Git: Open Repository”) to compare it with its last commit.',
      };
    case 'too-large':
      return { ...empty, status: 'too-large', headline: said('The committed version is larger than pmLens.maxFileSize'), hint: '' };
    case 'error':
      return { ...empty, status: 'error', headline: said('Could not read the last commit'), hint: '' };
    case 'ready':
      return {
        status: 'ready',
        headline: headline(changes),
        hint: '',
        rows: changes.rows,
        before: changes.balance.before && balanceOf(changes.balance.before),
        after: changes.balance.after && balanceOf(changes.balance.after),
        owners: ownerChanges(changes),
      };
  }
}

function headline(changes: PanelChanges): string {
  const n = changes.rows.length;
  const allNew = n === 0 ? 'no sections yet' : n === 1 ? 'its one section is new' : `all ${n} sections are new`;
  if (changes.isNew) return `Not in ${changes.base}: ${allNew}.`;
  if (changes.balance.before === undefined) return `Not a plan document in ${changes.base}: ${allNew}.`;
  if (n === 0) return `No ownership changes since ${changes.base}.`;
  const counts = new Map<ChangeKind, number>();
  for (const row of changes.rows) counts.set(row.kind, (counts.get(row.kind) ?? 0) + 1);
  const parts = (Object.keys(CHANGE_KIND_LABEL) as ChangeKind[])
    .filter((kind) => counts.has(kind))
    .map((kind) => `${counts.get(kind)} ${CHANGE_KIND_LABEL[kind].toLowerCase()}`);
  return `${n} ${n === 1 ? 'section' : 'sections'} changed since ${changes.base}: ${parts.join(', ')}.`;
}

function ownerChanges(changes: PanelChanges): string[] {
  const { before, after } = changes.owners;
  if (!before || !after) return [];
  const out: string[] = [];
  for (const [side, name] of [['product', 'Product'], ['project', 'Project']] as const) {
    const was = before[side].join(' ');
    const now = after[side].join(' ');
    if (was !== now) out.push(`${name} owners: ${was || 'none'} → ${now || 'none'}`);
  }
  return out;
}

/** A row's before → after line: `product/vision (tagged) → project/schedule (inferred)`. */
export function sidesText(row: PanelChangeRow): string {
  if (row.before !== undefined && row.after !== undefined) return row.before === row.after ? row.after : `${row.before} → ${row.after}`;
  if (row.after !== undefined) return `as ${row.after}`;
  return row.before !== undefined ? `was ${row.before}` : '';
}

/** What a screen reader says for a row. */
export function changeLabel(row: PanelChangeRow): string {
  const where = row.kind === 'removed' ? `was line ${row.line}` : `line ${row.line}`;
  return [`${CHANGE_KIND_LABEL[row.kind]}: ${row.where || 'untitled section'}`, where, sidesText(row), ...row.details].filter(Boolean).join(', ');
}
