// The slow cases: run by `npm test` (the unit-slow suite), kept out of the quick unit loop.
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { defaultConfig } from '../../src/core/config/defaults';
import type { ResolvedConfig } from '../../src/core/config/types';
import { IncrementalAnalyzer } from '../../src/core/incremental';
import { CHUNK_SIZE } from '../../src/core/parse/chunks';
import { parseFacts } from '../../src/core/parse/facts';
import type { Analysis } from '../../src/core/types';
import { wholeTextFacts } from '../fixtures/parse/reference-collect';
import { checkInvariants } from '../support/invariants';

/** Every rule on, so every rule's ranges and fixes are exercised. */
const config: ResolvedConfig = { ...defaultConfig, rules: { ...defaultConfig.rules, 'missing-owner': 'warning' } };

const run = (doc: string): Analysis => {
  const analysis = analyze(doc, { config });
  checkInvariants(doc, analysis);
  return analysis;
};

/** The text with `insert` typed at the middle. */
const typed = (text: string, insert: string): string => text.slice(0, text.length >> 1) + insert + text.slice(text.length >> 1);

describe('hard inputs (slow)', () => {
  it('a 5 MB plan', function () {
    this.timeout(600_000);
    const chunk = [
      '## Launch budget',
      '<!-- owner: product -->',
      '',
      'The launch budget is $48,000 in total: $30,000 of contractor cost and $12,000 for devices. 😀',
      '',
      '| Item | Cost |',
      '|---|---|',
      '| Contractors | $30,000 |',
      '',
      '### User personas',
      '',
      'As a returning shopper, I want to pay with one tap so that I can finish checkout.',
      '',
      '- [ ] design review by 14 March 2025',
      '- [x] kickoff',
      '',
      '```mermaid',
      'gantt',
      '```',
      '',
    ].join('\r\n');
    const doc = '---\r\nplan: prd\r\n---\r\n# Plan\r\n\r\n' + chunk.repeat(Math.ceil(5_000_000 / chunk.length));
    assert.ok(doc.length >= 5_000_000);
    const analysis = run(doc);
    assert.ok(analysis.sections.length > 10_000);
    assert.ok(analysis.findings.some((f) => f.ruleId === 'owner-mismatch'));
  });

  it('lists nested 1,000 levels deep', function () {
    this.timeout(600_000);
    const doc = '# Plan\n\n' + Array.from({ length: 1000 }, (_, i) => '  '.repeat(i) + `- item ${i} costs $${i}`).join('\n') + '\n\n## After\n\nText.\n';
    const analysis = run(doc);
    assert.deepEqual(analysis.sections.map((s) => s.heading), ['Plan', 'After']);
  });


  it('10,000 link definitions: exact, and an edit parses only around it', function () {
    this.timeout(300_000);
    const defs = Array.from({ length: 10_000 }, (_, i) => `[d${i}]: /u${i}`).join('\n');
    const refs = Array.from({ length: 200 }, (_, i) => `## Part ${i}\n\nSee [d${i * 37}] and [nothing ${i}].\n`).join('\n');
    const text = `# Plan\n\n${refs}\n## Definitions\n\n${defs}\n`;
    assert.deepEqual(parseFacts(text), wholeTextFacts(text));
    const analyzer = new IncrementalAnalyzer();
    assert.deepEqual(analyzer.analyze(text, config), analyze(text, { config }));
    const edited = typed(text, 'x');
    assert.deepEqual(analyzer.analyze(edited, config), analyze(edited, { config }));
    assert.ok(analyzer.stats.parsedChunks <= 2, `${analyzer.stats.parsedChunks} chunks parsed again`);
  });

  it('200,000 link definitions: no stack overflow, every one counted', function () {
    this.timeout(600_000);
    const text = '# Plan\n\nSee [d5].\n\n' + Array.from({ length: 200_000 }, (_, i) => `[d${i}]: /u`).join('\n') + '\n';
    const facts = parseFacts(text);
    assert.equal(facts.definitions?.size, 200_000);
    assert.equal(facts.blocks.length, 1);
    const analyzer = new IncrementalAnalyzer();
    analyzer.analyze(text, config);
    analyzer.analyze(typed(text, 'x'), config);
    assert.ok(analyzer.stats.parsedChunks <= 2, `${analyzer.stats.parsedChunks} chunks parsed again`);
  });

  it('10,000 setext headings: cut at them, so an edit parses only around it', function () {
    this.timeout(300_000);
    const text = Array.from({ length: 10_000 }, (_, i) => `Section ${i}\n${i % 2 ? '---' : '==='}\n`).join('\n');
    assert.deepEqual(parseFacts(text), wholeTextFacts(text));
    const analyzer = new IncrementalAnalyzer();
    analyzer.analyze(text, config);
    // Cut every CHUNK_SIZE or so: at setext headings, since nothing else stands here.
    assert.ok(analyzer.stats.chunks > text.length / (2 * CHUNK_SIZE), `${analyzer.stats.chunks} chunks`);
    const edited = typed(text, 'x');
    assert.deepEqual(analyzer.analyze(edited, config), analyze(edited, { config }));
    assert.ok(analyzer.stats.parsedChunks <= 2, `${analyzer.stats.parsedChunks} chunks parsed again`);
  });
});
