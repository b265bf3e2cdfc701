import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { parseDocumentSteps, shiftFacts, type ChunkSizes, type ParsedDocument } from '../../src/core/parse/chunks';
import { definitionLikeKeys, labelKeys } from '../../src/core/parse/definitions';
import { parseFacts } from '../../src/core/parse/facts';
import { parseMarkdown } from '../../src/core/parse/markdown';
import { finish } from '../../src/core/steps';
import { fromRoot } from '../support/paths';
import { inlineMarkdown, planMarkdown, trickyMarkdown } from '../fixtures/parse/markdown';
import { wholeTextFacts as whole } from '../fixtures/parse/reference-collect';
import { PROPERTY_SEED } from '../support/property-seed';

/** Cut as often as the parser allows, in windows of a few lines. */
const TINY: ChunkSizes = { chunk: 1, window: 1 };

const chunked = (text: string, sizes?: ChunkSizes, previous?: ParsedDocument): ParsedDocument => finish(parseDocumentSteps(text, previous, sizes));

function fixtures(): { name: string; text: string }[] {
  const dir = fromRoot('test/fixtures/parse');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .flatMap((f) => {
      const raw = readFileSync(`${dir}/${f}`, 'utf8');
      return ['\n', '\r\n', '\r'].map((eol) => ({ name: `${f} ${JSON.stringify(eol)}`, text: raw.replace(/\r\n|\r|\n/g, eol) }));
    });
}

describe('chunked parsing', function () {
  // Hundreds of generated documents, each parsed whole and in many small pieces.
  this.timeout(300_000);

  it('gives the facts of a whole-document parse on every fixture, cut wherever the parser allows', () => {
    for (const { name, text } of fixtures()) {
      const expected = whole(text);
      assert.deepEqual(chunked(text, TINY).facts, expected, name);
      assert.deepEqual(chunked(text, { chunk: 40, window: 100 }).facts, expected, name);
      assert.deepEqual(parseFacts(text), expected, name);
    }
  });

  it('really cuts the fixtures into several chunks', () => {
    for (const { name, text } of fixtures()) {
      if (name.startsWith('comments') || name.startsWith('fences') || name.startsWith('definitions')) {
        assert.ok(chunked(text, TINY).chunks.length >= 4, name);
      }
    }
  });

  it('gives the facts of a whole-document parse on plan-like documents (property)', () => {
    fc.assert(
      fc.property(planMarkdown, fc.constantFrom(1, 40, 200), fc.constantFrom(1, 60, 500), (text, chunk, window) => {
        assert.deepEqual(chunked(text, { chunk, window }).facts, whole(text));
      }),
      { numRuns: 250, seed: PROPERTY_SEED },
    );
  });

  it('gives the facts of a whole-document parse on dense, adversarial lines (property)', () => {
    fc.assert(
      fc.property(trickyMarkdown, (text) => {
        assert.deepEqual(chunked(text, TINY).facts, whole(text));
      }),
      { numRuns: 250, seed: PROPERTY_SEED },
    );
  });

  it('gives the facts of a whole-document parse on inline-heavy documents with definitions (property)', () => {
    fc.assert(
      fc.property(inlineMarkdown, (text) => {
        assert.deepEqual(chunked(text, TINY).facts, whole(text));
      }),
      { numRuns: 250, seed: PROPERTY_SEED },
    );
  });

  it('after an edit, parses only around it and still equals a whole-document parse (property)', () => {
    const insert = fc.constantFrom('', 'x', '\n', '\n\n', '# H\n', '```\n', '<!--', '-->', '[ref]: /u\n', '[ref]', '[^note]: n\n', '- ', '> ', '---\n', '===\n', '    ', '\uFEFF');
    fc.assert(
      fc.property(fc.oneof(planMarkdown, inlineMarkdown), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 20 }), insert), { minLength: 1, maxLength: 5 }), (start, edits) => {
        let text = start;
        let doc = chunked(text, { chunk: 20, window: 80 });
        for (const [where, remove, add] of edits) {
          const at = Math.floor(where * text.length);
          text = text.slice(0, at) + add + text.slice(at + remove);
          doc = chunked(text, { chunk: 20, window: 80 }, doc);
          assert.deepEqual(doc.facts, whole(text), JSON.stringify(text));
        }
      }),
      { numRuns: 200, seed: PROPERTY_SEED },
    );
  });

  it('resolves references to definitions made in other chunks', () => {
    const text = '# See [the budget] and [^cost]\n\nText.\n\n## Definitions\n\n[the budget]: /budget\n[^cost]: About cost.\n';
    const doc = chunked(text, TINY);
    assert.ok(doc.chunks.length >= 3);
    assert.equal(doc.facts.headings[0].text, 'See the budget and');
    assert.deepEqual(doc.facts, whole(text));
    assert.deepEqual([...(doc.facts.definitions ?? [])].sort(), ['Fcost', 'Lthe budget']);
  });

  it('does not resolve references to look-alike definitions inside code', () => {
    const text = '# Uses [fake]\n\n## Code\n\n```\n[fake]: /no\n```\n';
    assert.deepEqual(definitionLikeKeys(text), ['Lfake']);
    const doc = chunked(text, TINY);
    assert.equal(doc.facts.headings[0].text, 'Uses [fake]');
    assert.deepEqual(doc.facts, whole(text));
  });

  it('reads the labels a text could use, in a single pass', () => {
    assert.deepEqual(labelKeys('the [Budget]\nand more'), ['Lbudget']);
    assert.deepEqual(labelKeys('no brackets about budget'), []);
    assert.deepEqual(labelKeys('a note[^1] on [risk]  [a\n> b]'), ['L^1', 'F1', 'Lrisk', 'La > b', 'La b']);
  });

  it('drops only the first of two BOMs, as remark does, and keeps every offset', () => {
    const text = '\uFEFF\uFEFF# Budget\n\n<!-- owner: project -->\n';
    const facts = parseFacts(text);
    assert.deepEqual(facts, whole(text));
    // The second BOM is text: the line is a paragraph, not a heading that reads "Budge".
    assert.equal(facts.headings.length, 0);
    assert.equal(facts.blocks[0].start, 1);
    assert.equal(facts.comments[0].start, text.indexOf('<!--'));
    assert.equal(facts.comments[0].closed, true);
    const one = '\uFEFF# Budget\n';
    assert.deepEqual(parseFacts(one).headings, [{ level: 1, text: 'Budget', start: 1, end: 9 }]);
  });

  it('leaves out remark-gfm\'s link-literal pass, which changes no fact', () => {
    // After a character reference only that pass (not the grammar) reads `www.x.org` as a link.
    const text = '# Ask &amp;www.x.org <!-- owner: product -->\n\n| &amp;www.y.org | b |\n| - | - |\n';
    const flat = (node: Nodes): string => node.type + ('children' in node ? `(${node.children.map(flat).join(',')})` : '');
    assert.equal(flat(parseMarkdown(text).children[0]), 'heading(text,html)');
    assert.deepEqual(parseFacts(text), whole(text));
    assert.equal(parseFacts(text).headings[0].text, 'Ask &www.x.org');
  });

  it('puts a task item\'s paragraph where remark does', () => {
    const text = '- [x]\n[';
    assert.deepEqual(parseFacts(text), whole(text));
    assert.equal(parseFacts(text).blocks[0].start, 6);
  });

  it('parses a document whose front matter never closes whole, as micromark reads it', () => {
    const text = '---\nplan: prd\n\n# Heading\n\n- not a list here\n\n> nor a quote\n' + '\nMore text.\n'.repeat(200);
    const doc = chunked(text, TINY);
    assert.equal(doc.chunks.length, 1);
    assert.deepEqual(doc.facts, whole(text));
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
