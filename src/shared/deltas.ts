/**
 * A document's diagnostics or lenses as a change to the list the client holds, for
 * `pmLens/diagnostics` and `pmLens/codeLenses`. Typing in one place of a large plan changes the
 * items near it and, after a new line, moves every one below it by a line: the list before and
 * after share a head as it was and a tail moved by some lines. Only what lies between is sent, so
 * the editor's thread parses and converts a few items instead of thousands. Plain LSP objects:
 * the server and the client both use this.
 */
import type { CodeLens, Diagnostic, Range } from 'vscode-languageserver-protocol';

/** How a list of items with ranges becomes the next one. */
export interface ListDelta<T> {
  /** Items kept as they were from the start of the previous list. */
  readonly head: number;
  /** Items kept from the end of the previous list, moved by `tailLineShift` lines. */
  readonly tail: number;
  readonly tailLineShift: number;
  /** The new items between the head and the tail. */
  readonly items: readonly T[];
}

/** What a delta needs of one kind of item. */
export interface DeltaKind<T> {
  /** Whether `b` is `a` moved by `lineShift` lines, and otherwise the same. */
  same(a: T, b: T, lineShift: number): boolean;
  /** `item` moved down by `lines` (up when negative). */
  shift(item: T, lines: number): T;
  /** The line an item starts on. */
  line(item: T): number;
}

function sameRange(a: Range, b: Range, lineShift: number): boolean {
  return (
    a.start.line + lineShift === b.start.line &&
    a.end.line + lineShift === b.end.line &&
    a.start.character === b.start.character &&
    a.end.character === b.end.character
  );
}

function shiftRange(range: Range, lines: number): Range {
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}

/** Fields that PM Lens does not set today are compared whole, so that a delta never drops one. */
function sameRest(a: readonly unknown[], b: readonly unknown[]): boolean {
  return (a.every((v) => v === undefined) && b.every((v) => v === undefined)) || JSON.stringify(a) === JSON.stringify(b);
}

export const DIAGNOSTIC_DELTAS: DeltaKind<Diagnostic> = {
  same: (a, b, lineShift) =>
    sameRange(a.range, b.range, lineShift) &&
    a.message === b.message &&
    a.severity === b.severity &&
    a.code === b.code &&
    a.source === b.source &&
    a.codeDescription?.href === b.codeDescription?.href &&
    sameRest([a.tags, a.relatedInformation, a.data], [b.tags, b.relatedInformation, b.data]),
  shift: (d, lines) => (lines === 0 ? d : { ...d, range: shiftRange(d.range, lines) }),
  line: (d) => d.range.start.line,
};

export const CODE_LENS_DELTAS: DeltaKind<CodeLens> = {
  same: (a, b, lineShift) =>
    sameRange(a.range, b.range, lineShift) &&
    a.command?.title === b.command?.title &&
    a.command?.command === b.command?.command &&
    sameRest([a.command?.arguments, a.data], [b.command?.arguments, b.data]),
  shift: (lens, lines) => (lines === 0 ? lens : { ...lens, range: shiftRange(lens.range, lines) }),
  line: (lens) => lens.range.start.line,
};

/** The delta that turns `before` into `after`: the longest unchanged head, then the longest tail moved by one line count. */
export function listDelta<T>(kind: DeltaKind<T>, before: readonly T[], after: readonly T[]): ListDelta<T> {
  const shortest = Math.min(before.length, after.length);
  let head = 0;
  while (head < shortest && kind.same(before[head], after[head], 0)) head++;
  let tail = 0;
  let tailLineShift = 0;
  if (head < shortest) {
    tailLineShift = kind.line(after[after.length - 1]) - kind.line(before[before.length - 1]);
    while (head + tail < shortest && kind.same(before[before.length - 1 - tail], after[after.length - 1 - tail], tailLineShift)) tail++;
    if (tail === 0) tailLineShift = 0;
  }
  return { head, tail, tailLineShift, items: after.slice(head, after.length - tail) };
}

/** Whether the delta leaves a list as it was (it had `length` items and has them still). */
export function isUnchanged(delta: ListDelta<unknown>, length: number, newLength: number): boolean {
  return length === newLength && delta.items.length === 0 && delta.tailLineShift === 0 && delta.head + delta.tail === length;
}

/** The delta that sends `list` whole. */
export function wholeList<T>(list: readonly T[]): ListDelta<T> {
  return { head: 0, tail: 0, tailLineShift: 0, items: list };
}

/** The list `delta` makes of `before`. */
export function applyListDelta<T>(kind: DeltaKind<T>, before: readonly T[], delta: ListDelta<T>): T[] {
  const tail = before.slice(before.length - delta.tail).map((item) => kind.shift(item, delta.tailLineShift));
  return [...before.slice(0, delta.head), ...delta.items, ...tail];
}
