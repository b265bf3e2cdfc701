import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { LineIndex } from '../../src/core/text';
import type { Analysis } from '../../src/core/types';
import { assertRange } from '../support/edits';

const headings = (a: Analysis): string[] => a.sections.map((s) => `${s.level} ${s.heading}`);
const slice = (text: string, r: { start: { offset: number }; end: { offset: number } }): string => text.slice(r.start.offset, r.end.offset);

/** Sections cover the document from the first heading to the end, each ending where the next starts. */
function assertTiles(text: string, a: Analysis): void {
  const lines = new LineIndex(text);
  a.sections.forEach((s, i) => {
    assertRange(lines, s.range);
    assertRange(lines, s.headingRange);
    assertRange(lines, s.bodyRange);
    assert.equal(s.range.start.offset, s.headingRange.start.offset);
    assert.equal(s.bodyRange.start.offset, s.headingRange.end.offset);
    assert.equal(s.bodyRange.end.offset, s.range.end.offset);
    const next = a.sections[i + 1];
    assert.equal(s.range.end.offset, next ? next.range.start.offset : text.length);
  });
}

describe('sections', () => {
  it('ATX and setext headings, with their levels and plain text', () => {
    const text = '# Title #\n\nIntro.\n\nSetext one\n==========\n\nSetext two\n----------\n\n### *Deep* `code` heading ###\n\n###### Six\n####### not a heading\n';
    const a = analyze(text);
    assert.deepEqual(headings(a), ['1 Title', '1 Setext one', '2 Setext two', '3 Deep code heading', '6 Six']);
    assert.equal(slice(text, a.sections[1].headingRange), 'Setext one\n==========');
    assert.equal(a.sections[1].headingRange.start.line, 4);
    assert.equal(a.sections[1].headingRange.end.line, 5);
    assertTiles(text, a);
  });

  it('nothing inside code, HTML comments or HTML blocks is a heading', () => {
    const text = [
      '# Real',
      '```',
      '# fenced',
      '```',
      '~~~md',
      '## tilde fenced',
      '~~~',
      '',
      '    # indented code',
      '',
      '<!--',
      '# in a comment',
      '-->',
      '',
      '<div>',
      '# in html',
      '</div>',
      '',
      '## Also real',
    ].join('\n');
    assert.deepEqual(headings(analyze(text)), ['1 Real', '2 Also real']);
  });

  it('an unclosed fence or comment swallows the rest: no heading after it', () => {
    assert.deepEqual(headings(analyze('# A\n```\n# B\n## C\n')), ['1 A']);
    assert.deepEqual(headings(analyze('# A\n<!-- open\n# B\n')), ['1 A']);
  });

  it('each section owns its body up to the next heading of any level; they nest by level', () => {
    const text = '# Plan\n\n## Product\n\n### Vision\n\nOne tap.\n\n### Users\n\nMaya.\n\n## Project\n\nDates.\n\n# Appendix\n';
    const a = analyze(text);
    const [plan, product, vision, users, project, appendix] = a.sections;
    assert.equal(slice(text, product.bodyRange), '\n\n');
    assert.equal(slice(text, vision.bodyRange), '\n\nOne tap.\n\n');
    assert.equal(product.wordCount, 0);
    assert.equal(vision.wordCount, 2);
    assert.deepEqual([plan.parent, product.parent, vision.parent, users.parent, project.parent, appendix.parent], [undefined, 0, 1, 1, 0, undefined]);
    assert.deepEqual(plan.children, [1, 4]);
    assert.deepEqual(product.children, [2, 3]);
    assert.deepEqual(a.sections.map((s) => s.index), [0, 1, 2, 3, 4, 5]);
    assertTiles(text, a);
  });

  it('a skipped level nests under the nearest shallower heading', () => {
    const a = analyze('# A\n#### B\n## C\n### D\n');
    assert.deepEqual(a.sections.map((s) => s.parent), [undefined, 0, 0, 2]);
  });

  it('the preamble (front matter, text before the first heading) belongs to no section', () => {
    const text = '---\nplan: prd\n---\nIntro text.\n\n# First\n\nBody.\n';
    const a = analyze(text);
    assert.equal(a.sections[0].range.start.offset, text.indexOf('# First'));
    assertTiles(text, a);
  });

  it('positions are exact with CRLF, lone CR, emoji, tabs and a BOM', () => {
    const text = '\uFEFF# 🚀 Launch\r\n\r\nBody 😀.\r\n\r\n## \tTabbed\rText\r\n\r\nSetext\r\n===\r\n';
    const a = analyze(text);
    assert.deepEqual(headings(a), ['1 🚀 Launch', '2 Tabbed', '1 Setext']);
    const [first, second, third] = a.sections;
    assert.deepEqual([first.headingRange.start.line, first.headingRange.start.character, first.headingRange.start.offset], [0, 1, 1]);
    assert.equal(first.headingRange.end.character, '\uFEFF# 🚀 Launch'.length);
    assert.deepEqual([second.headingRange.start.line, second.headingRange.start.character], [4, 0]);
    assert.equal(slice(text, second.headingRange), '## \tTabbed');
    assert.deepEqual([third.headingRange.start.line, third.headingRange.end.line], [7, 8]);
    assertTiles(text, a);
  });

  it('an empty document and a document without headings have no sections', () => {
    assert.deepEqual(analyze('').sections, []);
    assert.deepEqual(analyze('Just text.\n\n- a list\n').sections, []);
  });

  it('owner tags anywhere in the own body count, the first one decides, a child tag is not the parent’s', () => {
    const text = '# A\n\nText <!-- owner: product --> inline.\n\n<!-- owner: project -->\n\n## B\n<!-- owner: none -->\n';
    const a = analyze(text);
    assert.deepEqual(a.sections[0].tags.map((t) => t.role), ['product', 'project']);
    assert.equal(a.sections[0].role, 'product');
    assert.equal(a.sections[0].tagged, true);
    assert.equal(a.sections[0].confidence, 1);
    assert.deepEqual(a.sections[1].tags.map((t) => t.role), ['none']);
  });
});
