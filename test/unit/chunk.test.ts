import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { candidateDefinitions, CHUNK_SIZE, parseChunked, planChunks, relevantDefinitions, shiftFacts } from '../../src/core/parse/chunks';
import { collectFacts, parseFacts, type DocumentFacts } from '../../src/core/parse/facts';
import { fromRoot } from '../support/paths';
import { inlineMarkdown, planMarkdown, trickyMarkdown } from '../fixtures/parse/markdown';
import { referenceFacts } from '../fixtures/parse/reference-collect';

/** The reference: the whole document parsed at once. */
function whole(text: string): DocumentFacts {
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return collectFacts(text, base, text.length, true);
}

function fixtures(): { name: string; text: string }[] {
  const dir = fromRoot('test/fixtures/parse');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .flatMap((f) => {
      const raw = readFileSync(`${dir}/${f}`, 'utf8');
      return ['\n', '\r\n', '\r'].map((eol) => ({ name: `${f} ${JSON.stringify(eol)}`, text: raw.replace(/\r\n|\r|\n/g, eol) }));
    });
}

describe('facts from micromark events', () => {
  const reference = (text: string): DocumentFacts => referenceFacts(text, text.charCodeAt(0) === 0xfeff ? 1 : 0, text.length, true);

  it('equal the facts read from remark\'s syntax tree, on every fixture', () => {
    for (const { name, text } of fixtures()) assert.deepEqual(whole(text), reference(text), name);
  });

  it('equal the facts read from remark\'s syntax tree (property, plan-like, adversarial and inline-heavy documents)', () => {
    fc.assert(
      fc.property(fc.oneof(planMarkdown, trickyMarkdown, inlineMarkdown), (text) => {
        assert.deepEqual(whole(text), reference(text));
      }),
      { numRuns: 500 },
    );
  });

  it('equal them with definitions handed in from elsewhere', () => {
    const defined = { links: ['REF', 'TEXT', 'A B'], footnotes: ['NOTE'] };
    fc.assert(
      fc.property(inlineMarkdown, (text) => {
        assert.deepEqual(collectFacts(text, 0, text.length, true, defined), referenceFacts(text, 0, text.length, true, defined));
      }),
      { numRuns: 200 },
    );
  });
});

describe('chunked parsing', () => {
  it('gives the facts of a whole-document parse on every fixture, cut at every safe heading', () => {
    for (const { name, text } of fixtures()) {
      const expected = whole(text);
      assert.deepEqual(parseChunked(text, 1), expected, name);
      assert.deepEqual(parseChunked(text), expected, name);
    }
  });

  it('really cuts the fixtures into several chunks', () => {
    for (const { name, text } of fixtures()) {
      if (name.startsWith('comments') || name.startsWith('fences') || name.startsWith('definitions')) {
        assert.ok(planChunks(text, 1).length >= 4, name);
      }
    }
  });

  it('gives the facts of a whole-document parse on plan-like documents (property)', () => {
    fc.assert(
      fc.property(planMarkdown, fc.constantFrom(1, 40, 200), (text, size) => {
        assert.deepEqual(parseChunked(text, size), whole(text));
      }),
      { numRuns: 250 },
    );
  });

  it('gives the facts of a whole-document parse on dense, adversarial lines (property)', () => {
    fc.assert(
      fc.property(trickyMarkdown, (text) => {
        assert.deepEqual(parseChunked(text, 1), whole(text));
      }),
      { numRuns: 250 },
    );
  });

  it('is what parseFacts does', () => {
    const text = readFileSync(fromRoot('test/fixtures/parse/containers.md'), 'utf8');
    assert.deepEqual(parseFacts(text), whole(text));
  });

  it('resolves references to definitions made in other chunks', () => {
    const text = '# See [the budget] and [^cost]\n\nText.\n\n## Definitions\n\n[the budget]: /budget\n[^cost]: About cost.\n';
    assert.ok(planChunks(text, 1).length === 2);
    const facts = parseChunked(text, 1);
    assert.equal(facts.headings[0].text, 'See the budget and');
    assert.deepEqual(facts, whole(text));
    assert.deepEqual(facts.definitions, { links: ['THE BUDGET'], footnotes: ['COST'] });
  });

  it('does not resolve references to look-alike definitions inside code', () => {
    const text = '# Uses [fake]\n\n## Code\n\n```\n[fake]: /no\n```\n';
    assert.deepEqual(candidateDefinitions(text).links, ['FAKE']);
    const facts = parseChunked(text, 1);
    assert.equal(facts.headings[0].text, 'Uses [fake]');
    assert.deepEqual(facts, whole(text));
  });

  it('hands a chunk only the definitions its text could use', () => {
    const all = { links: ['BUDGET', 'RISK'], footnotes: ['1'] };
    assert.deepEqual(relevantDefinitions(all, 'the [Budget]\nand more'), { links: ['BUDGET'], footnotes: [] });
    assert.deepEqual(relevantDefinitions(all, 'no brackets about budget'), { links: [], footnotes: [] });
    assert.deepEqual(relevantDefinitions(all, 'a note[^1] on [risk]'), { links: ['RISK'], footnotes: ['1'] });
  });

  it('plans chunks of at least the chunk size, cut only at safe headings, covering the text', () => {
    const section = (i: number): string => `## Section ${i}\n\n${'Some text about the budget. '.repeat(20)}\n\n`;
    const text = '# Plan\n\n' + Array.from({ length: 200 }, (_, i) => section(i)).join('');
    const spans = planChunks(text);
    assert.ok(spans.length > 5);
    assert.equal(spans[0].start, 0);
    assert.equal(spans[spans.length - 1].end, text.length);
    for (let i = 1; i < spans.length; i++) {
      assert.equal(spans[i].start, spans[i - 1].end);
      assert.ok(spans[i - 1].end - spans[i - 1].start >= CHUNK_SIZE);
      assert.ok(text.startsWith('## Section', spans[i].start));
    }
  });

  it('moves facts by an offset without changing their shape', () => {
    const text = '---\nplan: prd\n---\n# A <!-- c -->\n\n| a | b |\n| - | - |\n\n```js\nx\n```\n';
    const facts = whole(text);
    const moved = shiftFacts(facts, 7);
    assert.deepEqual(shiftFacts(moved, -7), facts);
    assert.equal(moved.blocks.find((b) => b.kind === 'table-row')?.cells?.[0][0], (facts.blocks.find((b) => b.kind === 'table-row')?.cells?.[0][0] ?? 0) + 7);
    assert.equal(moved.frontMatter?.valueStart, (facts.frontMatter?.valueStart ?? 0) + 7);
  });
});
