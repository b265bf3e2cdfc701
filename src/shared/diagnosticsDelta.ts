/**
 * A document's diagnostics as a change to the list last sent, for `pmLens/diagnostics`. Typing
 * in one place of a large plan changes the diagnostics near it and, after a new line, moves every
 * one below it by a line: the list before and after share a head as it was and a tail moved by
 * some lines. Only what lies between is sent, so the editor's thread parses and converts a few
 * diagnostics instead of thousands. Plain LSP objects: the server and the client both use this.
 */
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';

/** How a list of diagnostics becomes the next one. */
export interface DiagnosticsDelta {
  /** Diagnostics kept as they were from the start of the previous list. */
  readonly head: number;
  /** Diagnostics kept from the end of the previous list, moved by `tailLineShift` lines. */
  readonly tail: number;
  readonly tailLineShift: number;
  /** The new diagnostics between the head and the tail. */
  readonly items: readonly Diagnostic[];
}

function sameRange(a: Range, b: Range, lineShift: number): boolean {
  return (
    a.start.line + lineShift === b.start.line &&
    a.end.line + lineShift === b.end.line &&
    a.start.character === b.start.character &&
    a.end.character === b.end.character
  );
}

/** Whether `b` is `a` moved by `lineShift` lines, and otherwise the same. */
export function sameDiagnostic(a: Diagnostic, b: Diagnostic, lineShift = 0): boolean {
  if (!sameRange(a.range, b.range, lineShift)) return false;
  if (a.message !== b.message || a.severity !== b.severity || a.code !== b.code || a.source !== b.source) return false;
  if (a.codeDescription?.href !== b.codeDescription?.href) return false;
  // Fields PM Lens does not set today are compared whole, so that a delta never drops one.
  if (a.tags === undefined && b.tags === undefined && a.relatedInformation === undefined && b.relatedInformation === undefined && a.data === undefined && b.data === undefined) return true;
  return JSON.stringify([a.tags, a.relatedInformation, a.data]) === JSON.stringify([b.tags, b.relatedInformation, b.data]);
}

/** The delta that turns `before` into `after`: the longest unchanged head, then the longest tail moved by one line count. */
export function diagnosticsDelta(before: readonly Diagnostic[], after: readonly Diagnostic[]): DiagnosticsDelta {
  const shortest = Math.min(before.length, after.length);
  let head = 0;
  while (head < shortest && sameDiagnostic(before[head], after[head])) head++;
  let tail = 0;
  let tailLineShift = 0;
  if (head < shortest) {
    tailLineShift = after[after.length - 1].range.start.line - before[before.length - 1].range.start.line;
    while (head + tail < shortest && sameDiagnostic(before[before.length - 1 - tail], after[after.length - 1 - tail], tailLineShift)) tail++;
    if (tail === 0) tailLineShift = 0;
  }
  return { head, tail, tailLineShift, items: after.slice(head, after.length - tail) };
}

/** Whether the delta leaves a list of `length` diagnostics as it was. */
export function isUnchanged(delta: DiagnosticsDelta, length: number): boolean {
  return delta.items.length === 0 && delta.tailLineShift === 0 && delta.head + delta.tail === length;
}

/** `diagnostic` moved down by `lines` (up when negative). */
export function shiftDiagnostic(diagnostic: Diagnostic, lines: number): Diagnostic {
  if (lines === 0) return diagnostic;
  const { start, end } = diagnostic.range;
  return { ...diagnostic, range: { start: { line: start.line + lines, character: start.character }, end: { line: end.line + lines, character: end.character } } };
}

/** The list `delta` makes of `before`. */
export function applyDiagnosticsDelta(before: readonly Diagnostic[], delta: DiagnosticsDelta): Diagnostic[] {
  const tail = before.slice(before.length - delta.tail).map((d) => shiftDiagnostic(d, delta.tailLineShift));
  return [...before.slice(0, delta.head), ...delta.items, ...tail];
}
