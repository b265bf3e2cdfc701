import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { defaultConfig } from '../../src/core/config/defaults';
import type { ResolvedConfig } from '../../src/core/config/types';
import { IncrementalAnalyzer } from '../../src/core/incremental';
import { parseFacts } from '../../src/core/parse/facts';
import { planMarkdown } from '../fixtures/parse/markdown';
import { PROPERTY_SEED } from '../support/property-seed';

/** Every rule on, so every rule runs over the reused results. */
const config: ResolvedConfig = { ...defaultConfig, rules: { ...defaultConfig.rules, 'missing-owner': 'warning' } };

/** An edit: where (as a fraction of the text), how much to delete, what to insert. */
const edit = fc.tuple(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.integer({ min: 0, max: 30 }),
  fc.constantFrom('', 'x', ' ', '\n', '\n\n', '# New heading\n', '## Budget\n\nCost $4,000.\n', '- item\n', '  - nested\n', '```\n', '~~~', '<!-- ', ' -->', '<!-- owner: project/budget -->\n', '|', '| a | b |\n| - | - |\n', '> ', '[ref]: /u\n', '[ref]', '---\n', '===\n', '\t', '\r\n'),
);

function applyEdit(text: string, [where, remove, insert]: [number, number, string]): string {
  const at = Math.floor(where * text.length);
  return text.slice(0, at) + insert + text.slice(at + remove);
}

/** A plan long enough to span many chunks. */
function bigPlan(sections: number): string {
  const parts = ['---\nplan: prd\n---\n\n# Launch plan\n\n'];
  for (let i = 0; i < sections; i++) {
    parts.push(`## ${i % 2 ? 'Budget' : 'Target users'} ${i}\n\n<!-- owner: ${i % 2 ? 'project' : 'product'} -->\n\n`);
    parts.push(`As a shopper I want to pay quickly so that I finish. The cost is $${i},000 in Q3.\n\n- [ ] task ${i}\n  - detail\n\n| Item | Cost |\n| --- | --- |\n| a | $${i} |\n\n`);
  }
  return parts.join('');
}

describe('IncrementalAnalyzer', function () {
  // Property runs of whole analyses after every edit.
  this.timeout(300_000);

  it('gives the same analysis as analyze() after every edit of a sequence (property)', () => {
    fc.assert(
      fc.property(planMarkdown, fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
        const analyzer = new IncrementalAnalyzer();
        let text = start;
        assert.deepEqual(analyzer.analyze(text, config), analyze(text, { config }));
        for (const e of edits) {
          text = applyEdit(text, e);
          assert.deepEqual(analyzer.analyze(text, config), analyze(text, { config }), JSON.stringify(text));
        }
      }),
      { numRuns: 80, seed: PROPERTY_SEED },
    );
  });

  it('gives the same facts as parseFacts()', () => {
    fc.assert(
      fc.property(planMarkdown, edit, (text, e) => {
        const analyzer = new IncrementalAnalyzer();
        assert.deepEqual(analyzer.facts(text), parseFacts(text));
        const next = applyEdit(text, e);
        assert.deepEqual(analyzer.facts(next), parseFacts(next));
      }),
      { numRuns: 60, seed: PROPERTY_SEED },
    );
  });

  it('parses again only the chunk an edit touches and classifies again only its section', () => {
    const analyzer = new IncrementalAnalyzer();
    const text = bigPlan(300);
    analyzer.analyze(text, config);
    const chunks = analyzer.stats.chunks;
    assert.ok(chunks > 5, `${chunks} chunks`);
    assert.equal(analyzer.stats.parsedChunks, chunks);

    const at = text.indexOf('The cost is $150,000');
    const edited = text.slice(0, at) + 'X' + text.slice(at);
    const analysis = analyzer.analyze(edited, config);
    assert.equal(analyzer.stats.parsedChunks, 1);
    assert.equal(analyzer.stats.classifiedSections, 1);
    assert.deepEqual(analysis, analyze(edited, { config }));

    // The same text again: nothing to parse or classify.
    analyzer.analyze(edited, config);
    assert.equal(analyzer.stats.parsedChunks, 0);
    assert.equal(analyzer.stats.classifiedSections, 0);
  });

  it('sees a definition added far from the references it resolves', () => {
    const analyzer = new IncrementalAnalyzer();
    const text = `# See [the budget]\n\n${bigPlan(60)}`;
    assert.equal(analyzer.analyze(text, config).sections[0].heading, 'See [the budget]');
    const defined = `${text}\n[the budget]: /budget\n`;
    const analysis = analyzer.analyze(defined, config);
    assert.equal(analysis.sections[0].heading, 'See the budget');
    assert.deepEqual(analysis, analyze(defined, { config }));
  });

  it('analyzeAsync gives the same analysis, yielding between slices', async () => {
    const text = bigPlan(120);
    const analyzer = new IncrementalAnalyzer();
    let asked = 0;
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      const analysis = await analyzer.analyzeAsync(text, config, {
        sliceMs: 0,
        shouldStop: () => {
          asked++;
          return false;
        },
      });
      assert.deepEqual(analysis, analyze(text, { config }));
    } finally {
      clearInterval(timer);
    }
    assert.ok(asked > 10, `asked ${asked} times`);
    assert.ok(ticks > 0, 'other timers ran in between');
  });

  it('analyzeAsync gives up when a newer version exists', async () => {
    const analyzer = new IncrementalAnalyzer();
    let latest = 1;
    const version = 1;
    const pending = analyzer.analyzeAsync(bigPlan(80), config, { sliceMs: 0, shouldStop: () => version !== latest });
    latest = 2;
    assert.equal(await pending, undefined);
    // The analyzer still works (and stays exact) after an abandoned run.
    const text = bigPlan(81);
    assert.deepEqual(await analyzer.analyzeAsync(text, config), analyze(text, { config }));
  });

  it('stays exact after runs abandoned at any step, with edits in between', async () => {
    const analyzer = new IncrementalAnalyzer();
    const base = bigPlan(40);
    analyzer.analyze(base, config);
    const mid = base.length >> 1;
    for (const stopAfter of [1, 3, 10, 40, 120, 400]) {
      let slices = 0;
      const edited = base.slice(0, mid) + 'x'.repeat(stopAfter % 7) + base.slice(mid);
      const abandoned = await analyzer.analyzeAsync(edited, config, { sliceMs: 0, shouldStop: () => ++slices > stopAfter });
      const next = base.slice(0, mid - 1) + '\n\n## Added ' + stopAfter + '\n\nBudget: $' + stopAfter + '\n\n' + base.slice(mid - 1);
      assert.deepEqual(analyzer.analyze(next, config), analyze(next, { config }), `stopped after ${stopAfter} slices (finished: ${abandoned !== undefined})`);
    }
  });

  it('keeps cached results per configuration', () => {
    const analyzer = new IncrementalAnalyzer();
    const text = bigPlan(20);
    analyzer.analyze(text, config);
    const strict: ResolvedConfig = { ...config, rules: { ...config.rules, 'untagged-section': 'error' } };
    assert.deepEqual(analyzer.analyze(text, strict), analyze(text, { config: strict }));
    assert.equal(analyzer.stats.classifiedSections, analyzer.stats.sections);
  });
});
