/**
 * "Changes since last commit" for the Ownership Summary: the committed version of a plan, whose
 * text the client reads from Git, analysed as the file would be, compared with the current
 * analysis by the core's ownership diff (the same diff as `pm-lens diff HEAD`), each change said in
 * the command line's words.
 */
import type { ChangesStatus, PanelChangeRow, PanelChanges } from '../shared/panelProtocol';
import { describeChange, diffPlans, roleOf, where, type Analysis, type SectionChange } from './engine';

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
  const diff = diffPlans(base.before, after);
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
