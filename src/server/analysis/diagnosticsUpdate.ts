/**
 * A document's diagnostics as they cross from an analysis worker to the server's thread: only
 * what changed since the list the server already holds. A keystroke inside a paragraph usually
 * changes none of a plan's diagnostics, or the few on its own line, and the list of a large plan
 * runs to thousands: copying it across threads on every keystroke costs more than the change.
 */
import type { Diagnostic } from 'vscode-languageserver';

/**
 * The new list is the base list with `deleteCount` entries at `start` replaced by `items`. Without
 * `base`, it is `items` alone (the receiver holds nothing to build on).
 */
export interface DiagnosticsUpdate {
  /** The job whose list this builds on. */
  readonly base?: number;
  readonly start: number;
  readonly deleteCount: number;
  readonly items: readonly Diagnostic[];
}

/**
 * The update from `base` (the list the receiver holds, of the job it names) to `next`: the run
 * between their longest common head and longest common tail. Without `base`, the whole list.
 */
export function diagnosticsUpdate(base: { readonly job: number; readonly diagnostics: readonly Diagnostic[] } | undefined, next: readonly Diagnostic[]): DiagnosticsUpdate {
  if (!base) return { start: 0, deleteCount: 0, items: next };
  const before = base.diagnostics;
  const shorter = Math.min(before.length, next.length);
  let head = 0;
  while (head < shorter && sameJson(before[head], next[head])) head++;
  let tail = 0;
  while (tail < shorter - head && sameJson(before[before.length - 1 - tail], next[next.length - 1 - tail])) tail++;
  return { base: base.job, start: head, deleteCount: before.length - head - tail, items: next.slice(head, next.length - tail) };
}

/** Whether two JSON values (as diagnostics are) are equal, member by member. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) if (!Object.hasOwn(y, key) || !sameJson(x[key], y[key])) return false;
  return true;
}

/**
 * The list `update` describes, over `base` (the list of the job it names). The same array as
 * `base` when nothing changed, so that a receiver can tell "unchanged" without comparing.
 * Undefined when the update builds on a list other than `base`.
 */
export function applyDiagnosticsUpdate(base: { readonly job: number; readonly diagnostics: Diagnostic[] } | undefined, update: DiagnosticsUpdate): Diagnostic[] | undefined {
  if (update.base === undefined) return [...update.items];
  if (!base || base.job !== update.base) return undefined;
  if (update.deleteCount === 0 && update.items.length === 0) return base.diagnostics;
  const list = base.diagnostics;
  return [...list.slice(0, update.start), ...update.items, ...list.slice(update.start + update.deleteCount)];
}
