import * as assert from 'node:assert/strict';
import { LineIndex } from '../../src/core/text';
import type { Analysis } from '../../src/core/types';
import { assertRange, checkEdits } from './edits';

/** Checks everything an analysis promises about positions. */
export function checkInvariants(doc: string, analysis: Analysis): void {
  const lines = new LineIndex(doc);
  const check = (range: Parameters<typeof assertRange>[1], what: string): void => assertRange(lines, range, what);
  if (analysis.frontMatter) check(analysis.frontMatter.range, 'front matter');
  analysis.sections.forEach((s, i) => {
    check(s.range, 'section');
    check(s.headingRange, 'heading');
    check(s.bodyRange, 'body');
    assert.equal(s.index, i);
    assert.equal(s.range.start.offset, s.headingRange.start.offset, 'a section starts at its heading');
    assert.equal(s.bodyRange.start.offset, s.headingRange.end.offset, 'the body follows the heading');
    assert.equal(s.bodyRange.end.offset, s.range.end.offset);
    const next = analysis.sections[i + 1];
    assert.equal(s.range.end.offset, next ? next.range.start.offset : doc.length, 'sections tile the document after the preamble');
    if (analysis.frontMatter) assert.ok(s.range.start.offset >= analysis.frontMatter.range.end.offset, 'no section inside the front matter');
    for (const t of s.tags) {
      check(t.range, 'tag');
      check(t.valueRange, 'tag value');
      assert.ok(t.valueRange.start.offset >= t.range.start.offset && t.valueRange.end.offset <= t.range.end.offset, 'the value lies in its tag');
    }
    for (const e of s.inferred.evidence) check(e.range, `evidence '${e.text}'`);
    assert.ok(s.inferred.confidence >= 0 && s.inferred.confidence <= 1, `confidence ${s.inferred.confidence}`);
    assert.ok(s.wordCount >= 0);
    if (s.parent !== undefined) assert.ok(s.parent < i && analysis.sections[s.parent].level < s.level);
  });
  for (const f of analysis.findings) {
    check(f.range, `${f.ruleId} finding`);
    assert.ok(f.message.length > 0);
    if (f.section !== undefined) assert.ok(f.section >= 0 && f.section < analysis.sections.length);
    for (const fix of f.fixes) {
      assert.ok(fix.edits.length > 0, `'${fix.title}' has edits`);
      checkEdits(lines, fix.edits);
    }
  }
  for (const row of [...analysis.summary.product.flatMap((g) => g.rows), ...analysis.summary.project.flatMap((g) => g.rows), ...analysis.summary.neither]) {
    check(row.range, 'summary row');
  }
}

