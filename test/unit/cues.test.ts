import * as assert from 'node:assert/strict';
import { compileTaxonomy } from '../../src/core/classify/compile';
import { countCues, cues, SectionWords } from '../../src/core/classify/cues';
import { parseFacts } from '../../src/core/parse/facts';
import { outlineSections } from '../../src/core/sections';
import { defaultTaxonomy } from '../../src/core/taxonomy/default';

/** The words the sense rules read in the section with this heading. */
function wordsOf(text: string, heading: string): SectionWords {
  const s = outlineSections(parseFacts(text), text.length).sections.find((x) => x.heading.text === heading);
  assert.ok(s, heading);
  return new SectionWords(compileTaxonomy(defaultTaxonomy), text, s.heading, s.blocks);
}

describe('sense cues', () => {
  const list = cues(['latency', 'on budget', 'adopt*']);

  it('counts different cues once: words plural-insensitive, phrases in order, prefixes', () => {
    assert.equal(countCues(['latency', 'latency', 'on', 'budget', 'adoption', 'adopter'], list), 3);
    assert.equal(countCues(['budget', 'on'], list), 0);
  });

  it('reads the heading and the prose, not code, identifiers or numbers', () => {
    const words = wordsOf('## Latencies\n\nThe `latency_ms` field and RISK-12 stay on budget.\n\n```\nadoption\n```\n', 'Latencies');
    assert.deepEqual(words.headingWords, ['latency']);
    assert.ok(!words.all.includes('risk'), words.all.join(' '));
    assert.ok(!words.all.includes('adoption'), words.all.join(' '));
    assert.equal(words.count(list), 2);
  });
});
