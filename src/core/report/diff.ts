/**
 * `pm-lens diff` output: text for terminals, Markdown for a pull request's job summary or
 * comment, JSON for scripts. Document text in Markdown goes through the reports' one escape
 * (`escapeCell`), so a heading can neither inject markup nor notify anyone.
 */
import type { Balance, PlanDiff, SectionChange, SectionState } from '../diff';
import { formatWords, oneLine, percent, roleLabel } from './common';
import { escapeCell } from './markdown';

/** One plan's diff with the path it is shown under. */
export interface FileDiff {
  readonly path: string;
  readonly diff: PlanDiff;
}

/** Document text made safe for Markdown: no markup, no line breaks, nothing GitHub links or notifies. */
const md = escapeCell;

function balanceText(balance: Balance | undefined): string {
  if (!balance) return '—';
  const all = balance.product + balance.project + balance.neither;
  return `product ${percent(balance.product, all)}% (${formatWords(balance.product)} words) · project ${percent(balance.project, all)}% (${formatWords(balance.project)} words) · neither ${percent(balance.neither, all)}%`;
}

/** Where a section sits: its ancestors' headings and its own, joined with `›`. */
export function where(state: SectionState): string {
  return [...state.path, state.heading].map((h) => oneLine(h).trim() || '(untitled)').join(' › ');
}

/** A section's side and concern, and whether a tag or its content says so: `product/vision (tagged)`. */
export function roleOf(state: SectionState): string {
  return `${roleLabel(state.role, state.concern)}${state.tag !== undefined ? ' (tagged)' : ' (inferred)'}`;
}

/**
 * The lines that describe one change: `quote` wraps quoted document text, `plain` makes other
 * document text (tags, handles) safe for the format. The command line's formats and the
 * Ownership Summary's "Changes since last commit" say a change in these same words.
 */
export function describeChange(change: SectionChange, quote: (text: string) => string, plain: (text: string) => string): { title: string; details: string[] } {
  switch (change.type) {
    case 'added':
      return { title: `added ${quote(where(change.after))} (line ${change.after.line}) as ${roleOf(change.after)}`, details: [] };
    case 'removed':
      return { title: `removed ${quote(where(change.before))} (was line ${change.before.line}, ${roleOf(change.before)})`, details: [] };
    case 'changed': {
      const { before, after, because } = change;
      const verb = change.moved ? 'moved' : change.roleChanged || change.concernChanged ? 'changed' : 'retagged';
      const details: string[] = [];
      if (change.roleChanged || change.concernChanged) {
        details.push(`${roleOf(before)} → ${roleOf(after)}`);
        if (because.by === 'tag') details.push(`decided by its owner tag: ${plain(before.tag ?? 'none')} → ${plain(after.tag ?? 'none')}`);
        else {
          if (because.gained.length > 0) details.push(`now reads as ${after.role}: ${because.gained.map(quote).join(', ')}`);
          if (because.lost.length > 0) details.push(`no longer: ${because.lost.map(quote).join(', ')}`);
        }
      } else if (change.tagChanged) details.push(`tag ${plain(before.tag ?? 'none')} → ${plain(after.tag ?? 'none')}`);
      if (change.ownersChanged) details.push(`owners ${plain(before.handles.join(' ') || 'none')} → ${plain(after.handles.join(' ') || 'none')}`);
      return { title: `${verb} ${quote(where(after))} (line ${after.line})`, details };
    }
  }
}

function header(file: FileDiff): string {
  const { diff } = file;
  if (!diff.balance.before) return 'new plan';
  if (!diff.balance.after) return 'plan removed';
  return `${diff.changes.length} ${diff.changes.length === 1 ? 'section' : 'sections'} changed, ${diff.moved} moved`;
}

/** The diff for a terminal. */
export function diffToText(files: readonly FileDiff[]): string {
  if (files.length === 0) return 'No plan documents changed.\n';
  const out: string[] = [];
  for (const file of files) {
    out.push(`${file.path}: ${header(file)}`);
    out.push(`  balance before: ${balanceText(file.diff.balance.before)}`);
    out.push(`  balance after:  ${balanceText(file.diff.balance.after)}`);
    for (const change of file.diff.changes) {
      const { title, details } = describeChange(change, (t) => `'${oneLine(t)}'`, oneLine);
      out.push(`  ${title}`, ...details.map((d) => `      ${oneLine(d)}`));
    }
    out.push('');
  }
  return out.join('\n');
}

/** The diff as Markdown, for a job summary or a pull-request comment. */
export function diffToMarkdown(files: readonly FileDiff[]): string {
  const out: string[] = ['## PM Lens: ownership changes', ''];
  if (files.length === 0) return out.concat('No plan documents changed.', '').join('\n');
  const moved = files.reduce((n, f) => n + f.diff.moved, 0);
  out.push(moved > 0 ? `**${moved} ${moved === 1 ? 'section' : 'sections'} changed sides.**` : 'No section changed sides.', '');
  for (const file of files) {
    out.push(`### ${md(file.path)}`, '', `${header(file)}`, '');
    out.push('| | Product | Project | Neither |', '|---|---:|---:|---:|');
    for (const [label, b] of [['Before', file.diff.balance.before], ['After', file.diff.balance.after]] as const) {
      if (!b) continue;
      const all = b.product + b.project + b.neither;
      out.push(`| ${label} | ${percent(b.product, all)}% | ${percent(b.project, all)}% | ${percent(b.neither, all)}% |`);
    }
    out.push('');
    for (const change of file.diff.changes) {
      const { title, details } = describeChange(change, (t) => `“${md(t)}”`, md);
      out.push(`- ${change.type === 'changed' && change.moved ? '**' + title + '**' : title}`, ...details.map((d) => `  - ${d}`));
    }
    out.push('');
  }
  return out.join('\n');
}

/** The diff as JSON: the model as it is, per file. */
export function diffToJson(files: readonly FileDiff[]): { files: FileDiff[]; moved: number } {
  return { files: [...files], moved: files.reduce((n, f) => n + f.diff.moved, 0) };
}
