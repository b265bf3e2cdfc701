import * as assert from 'node:assert/strict';
import { applyEdits as applyOrderedEdits } from '../../src/core/fixes';
import { LineIndex } from '../../src/core/text';
import type { Range, TextEdit } from '../../src/core/types';

/**
 * Applies text edits the way an editor does: all against the original text, none overlapping
 * (overlap fails the test). Each range's line/character must agree with its offset.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return applyOrderedEdits(text, checkEdits(new LineIndex(text), edits));
}

/** Asserts the edits' ranges and that no two overlap; returns them in document order. */
export function checkEdits(lines: LineIndex, edits: readonly TextEdit[]): TextEdit[] {
  for (const edit of edits) assertRange(lines, edit.range, 'edit');
  const sorted = [...edits].sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
  for (let i = 1; i < sorted.length; i++) {
    assert.ok(sorted[i].range.start.offset >= sorted[i - 1].range.end.offset, `edits overlap at offset ${sorted[i].range.start.offset}`);
  }
  return sorted;
}

/** A range lies inside the document, starts before it ends, and its positions match its offsets. */
export function assertRange(lines: LineIndex, range: Range, what = 'range'): void {
  const { start, end } = range;
  assert.ok(start.offset >= 0 && end.offset <= lines.text.length, `${what} ${start.offset}-${end.offset} outside 0-${lines.text.length}`);
  assert.ok(start.offset <= end.offset, `${what} starts after it ends: ${start.offset} > ${end.offset}`);
  for (const p of [start, end]) {
    const expected = lines.positionAt(p.offset);
    assert.ok(p.line === expected.line && p.character === expected.character, `${what}: offset ${p.offset} is ${expected.line}:${expected.character}, not ${p.line}:${p.character}`);
  }
}
