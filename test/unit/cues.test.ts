import * as assert from 'node:assert/strict';
import { compileTaxonomy } from '../../src/core/classify/compile';
import { countCues, cues, SectionWords } from '../../src/core/classify/cues';
import { proseWords, scanBlock, tokenize } from '../../src/core/classify/read';
import { maskProse } from '../../src/core/classify/scan';
import { Signals } from '../../src/core/classify/signals';
import { parseFacts } from '../../src/core/parse/facts';
import { outlineSections } from '../../src/core/sections';
import { defaultTaxonomy } from '../../src/core/taxonomy/default';
import { LineIndex } from '../../src/core/text';

/** The words the sense rules read in the section with this heading, collected as the classifier reads the section. */
function wordsOf(text: string, heading: string): SectionWords {
  const s = outlineSections(parseFacts(text), text.length).sections.find((x) => x.heading.text === heading);
  assert.ok(s, heading);
  const compiled = compileTaxonomy(defaultTaxonomy);
  const lines = new LineIndex(text);
  const signals = new Signals();
  for (const block of s.blocks) scanBlock(compiled, text, lines, block, signals);
  return new SectionWords(proseWords(tokenize(compiled, maskProse(text.slice(s.heading.start, s.heading.end))), []), signals.prose);
}

describe('sense cues', () => {
  const list = cues(['latency', 'on budget', 'adopt*']);
  const compiled = compileTaxonomy(defaultTaxonomy);
  const wordsAre = (...words: string[]) => words.map((w) => compiled.word(w));

  it('counts different cues once: words plural-insensitive, phrases in order, prefixes', () => {
    assert.equal(countCues(wordsAre('latency', 'latencies', 'on', 'budget', 'adoption', 'adopter'), list), 3);
    assert.equal(countCues(wordsAre('budget', 'on'), list), 0);
  });

  it('keeps each tally its own when tallies are counted in turn (a heading, a section, another section)', () => {
    const phrases = cues(['on budget', 'on time', 'adopt*', 'latency']);
    const first = new SectionWords(wordsAre('on', 'budget', 'latency'), wordsAre('adoption', 'on', 'time'));
    const second = new SectionWords(wordsAre('latencies'), wordsAre('budget', 'on', 'adopters'));
    for (let round = 0; round < 2; round++) {
      assert.equal(first.count(phrases, 'heading'), 2);
      assert.equal(second.count(phrases), 2);
      assert.equal(first.count(phrases), 4);
      assert.equal(second.count(phrases, 'heading'), 1);
      assert.equal(countCues(wordsAre('on', 'time', 'adopt'), phrases), 2);
      assert.equal(first.count(phrases, 'heading'), 2);
    }
  });

  it('reads the heading and the prose, not code, identifiers or numbers', () => {
    const words = wordsOf('## Latencies\n\nThe `latency_ms` field and RISK-12 stay on budget.\n\n```\nadoption\n```\n', 'Latencies');
    assert.deepEqual(words.headingWords.map((w) => w.stem), ['latency']);
    assert.ok(!words.all.includes('risk'), words.all.join(' '));
    assert.ok(!words.all.includes('adoption'), words.all.join(' '));
    assert.equal(words.count(list), 2);
  });
});
