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

/**
 * Sections that set off every rule the analyzer keeps findings of, and every kind of kept result:
 * tagged and untagged, mismatched, mixed, duplicate tags, dated items past due, success measures
 * on the wrong side or unmeasured, parents with no body of their own, untitled and setext headings.
 */
const ruleSections: readonly ((i: number) => string)[] = [
  (i) => `## Target users ${i}\n\n<!-- owner: product -->\n\nAs a shopper I want to pay quickly so that I finish; retention and NPS ${i}.\n\n`,
  (i) => `## Budget ${i}\n\n<!-- owner: product/personas -->\n\nThe budget is $${i},000 with two FTE, a vendor contract and a schedule buffer in Q3.\n\n`,
  (i) => `## Goals and timeline ${i}\n\nAs a returning shopper, I want to pay in one tap so that I finish checkout in\nseconds. Our target is to raise conversion from 2.1% to 3% and NPS from 31 to 45.\n\nThe work runs in three sprints: design by 14 March 2025, build by 11 April 2025\nand launch on 2 May 2025. The budget is $${i}0,000 for 2 FTE engineers and one\nQA contractor; the milestone review sits with the steering group.\n\n`,
  (i) => `## Risks ${i}\n\n<!-- owner: project/risks -->\n<!-- owner: product -->\n\nVendor delay is a risk; mitigation is a second supplier.\n\n`,
  (i) => `## Schedule ${i}\n\n<!-- owner: project/schedule -->\n\n- [ ] Beta with 300 households by 2024-0${(i % 9) + 1}-15\n- [x] Alpha by 2024-01-10\n- Pilot due 2023-11-0${(i % 9) + 1}, in progress\n\n`,
  (i) => `## Success metrics ${i}\n\n- Launch by 2024-06-30\n- Customers love the new checkout\n- 40% retention by Q3\n\n`,
  (i) => `## Project success criteria ${i}\n\n| Measure | Target |\n| --- | --- |\n| NPS | 45 |\n| On budget | $${i},000 |\n\n`,
  (i) => `## Delivery ${i}\n\n### Milestones ${i}\n\nWeek ${i}: vendor signed, budget approved.\n\n### Users ${i}\n\nShoppers need a faster checkout.\n\n`,
  (i) => `##\n\nNotes ${i} without a heading of their own.\n\n`,
  (i) => `Glossary ${i}\n----------\n\nA term and its meaning.\n\n`,
  (i) => `<!-- pm-lens-disable-next-section untagged-section -->\n## Appendix ${i}\n\nReference tables and links.\n\n`,
];

const rulePlan = fc
  .tuple(fc.boolean(), fc.array(fc.integer({ min: 0, max: ruleSections.length - 1 }), { minLength: 4, maxLength: 14 }))
  .map(([front, kinds]) => `${front ? '---\nplan: prd\nasOf: 2024-05-01\n---\n\n' : ''}# Checkout plan\n\n${kinds.map((k, i) => ruleSections[k](i)).join('')}`);

/** A step of an editing session: an edit, several keystrokes in one place, or an undo. */
const sessionStep = fc.oneof(
  edit.map((e) => ({ type: 'edit' as const, edit: e })),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('abc', 'x\n', '# ', '  ', '\n\n## Added\n\nBudget $9.\n')).map(([where, keys]) => ({ type: 'type' as const, where, keys })),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()).map(([where, whole]) => ({ type: 'heading' as const, where, whole })),
  fc.integer({ min: 1, max: 3 }).map((back) => ({ type: 'undo' as const, back })),
  fc.double({ min: 0, max: 1, noNaN: true }).map((where) => ({ type: 'swap' as const, where })),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('Z', '7', ' ', '#', '$')).map(([where, key]) => ({ type: 'replace' as const, where, key })),
);

/** The versions a session step goes through, from `text` (each is analysed in turn). */
function versionsOf(text: string, history: readonly string[], step: typeof sessionStep extends fc.Arbitrary<infer T> ? T : never): string[] {
  switch (step.type) {
    case 'edit':
      return [applyEdit(text, step.edit)];
    case 'type': {
      // One keystroke at a time at the same place, as typing goes.
      const at = Math.floor(step.where * text.length);
      return [...step.keys].map((_, k) => text.slice(0, at) + step.keys.slice(0, k + 1) + text.slice(at));
    }
    case 'heading': {
      // Remove a heading's line (or its whole section), or put one back in the middle of a body.
      const starts = [...text.matchAll(/^#{1,6} .*$/gm)].map((m) => m.index ?? 0);
      if (starts.length === 0) return [text];
      const k = Math.floor(step.where * starts.length) % starts.length;
      const end = step.whole ? (starts[k + 1] ?? text.length) : text.indexOf('\n', starts[k]) + 1 || text.length;
      const removed = text.slice(0, starts[k]) + text.slice(end);
      const mid = text.lastIndexOf('\n', Math.floor(step.where * text.length)) + 1;
      return [removed, text.slice(0, mid) + '### Inserted heading\n' + text.slice(mid)];
    }
    case 'undo':
      return [history[Math.max(0, history.length - 1 - step.back)]];
    case 'replace': {
      // One character overwritten: the length unchanged, the text not.
      const at = Math.min(Math.floor(step.where * text.length), text.length - 1);
      return [text.slice(0, at) + step.key + text.slice(at + 1)];
    }
    case 'swap': {
      // A heading made from a line of text and back, the length unchanged: every later section
      // stands where it stood, under a new index.
      const lines = [...text.matchAll(/^[A-Za-z#].{3,}$/gm)].map((m) => m.index ?? 0);
      if (lines.length === 0) return [text];
      const at = lines[Math.floor(step.where * lines.length) % lines.length];
      const swapped = text.slice(0, at) + (text[at] === '#' ? 'Xx' : '# ') + text.slice(at + 2);
      return [swapped, text];
    }
  }
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

  it('keeps results and findings of untouched sections exactly as a fresh analysis gives them, through an editing session (property)', () => {
    const dated: ResolvedConfig = { ...config, asOf: '2024-05-01' };
    fc.assert(
      fc.property(rulePlan, fc.array(sessionStep, { minLength: 1, maxLength: 10 }), (start, steps) => {
        const analyzer = new IncrementalAnalyzer();
        const history = [start];
        assert.deepEqual(analyzer.analyze(start, dated), analyze(start, { config: dated }));
        for (const step of steps) {
          for (const text of versionsOf(history[history.length - 1], history, step)) {
            history.push(text);
            assert.deepEqual(analyzer.analyze(text, dated), analyze(text, { config: dated }), `${step.type}: ${JSON.stringify(text)}`);
          }
        }
      }),
      { numRuns: 60, seed: PROPERTY_SEED },
    );
  });

  it("keeps no finding that depends on the front matter's date once the date changes", () => {
    const analyzer = new IncrementalAnalyzer();
    const plan = (asOf: string): string => `---\nplan: project-plan\nasOf: ${asOf}\n---\n\n# Plan\n\n${ruleSections[4](1)}${ruleSections[4](2)}`;
    const early = plan('2023-01-01');
    const late = plan('2024-12-31');
    assert.deepEqual(analyzer.analyze(early, config), analyze(early, { config }));
    const analysis = analyzer.analyze(late, config);
    assert.deepEqual(analysis, analyze(late, { config }));
    assert.ok(analysis.findings.some((f) => f.ruleId === 'stale-date'), 'items past due by the later date');
    assert.deepEqual(analyzer.analyze(early, config), analyze(early, { config }));
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
