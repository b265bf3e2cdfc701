/**
 * Names of `Object.prototype` (`constructor`, `__proto__`, `toString`…) written where a document
 * or a configuration names a kind, a concern, a rule, an owner side or a term: each must read as
 * the plain unknown word it is. Never a throw, never a NaN or null confidence, and a finding
 * that names it where it is wrong.
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { parseConfigText } from '../../src/core/config/parse';
import { isPlanDocument } from '../../src/core/detect';
import { IncrementalAnalyzer } from '../../src/core/incremental';
import type { Analysis } from '../../src/core/types';

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

/** Every confidence in the analysis is a number in [0, 1]. */
function assertSane(analysis: Analysis, what: string): void {
  for (const section of analysis.sections) {
    for (const value of [section.confidence, section.inferred.confidence, section.inferred.scores.product, section.inferred.scores.project]) {
      assert.ok(typeof value === 'number' && Number.isFinite(value) && value >= 0, `${what}: ${value} in '${section.heading}'`);
    }
    assert.ok(section.confidence <= 1 && section.inferred.confidence <= 1, `${what}: confidence above 1`);
  }
  // The JSON form is what the CLI prints: no NaN turned into null.
  assert.ok(!/:null[,}]/.test(JSON.stringify(analysis.sections.map((s) => [s.confidence, s.inferred.confidence, s.inferred.scores]))), `${what}: no null score`);
}

/** The document every case analyses: `name` in front matter, tags, directives, headings and body. */
function documentWith(name: string): string[] {
  return [
    `---\nplan: ${name}\n---\n# Budget\n\nCost is $4,000 and ${name}.\n`,
    `---\nplan: prd\nowners:\n  ${name}: "@dana"\n---\n# Vision\n\nOur vision.\n`,
    `# ${name}\n<!-- owner: product/${name} -->\n\nThe ${name} of the ${name}.\n`,
    `# Plan\n<!-- owner: ${name} -->\n\nText.\n`,
    `# Plan\n<!-- pm-lens-disable ${name} -->\n<!-- pm-lens-disable-next-section ${name} -->\n\n## Next\n\nText.\n`,
  ];
}

/** Configuration files that name `name` in every key and list that takes a name or a term. */
function configsWith(name: string): string[] {
  const q = JSON.stringify(name);
  return [
    `{"rules":{${q}:"off"}}`,
    `{"kinds":{${q}:{"role":"product","required":[${q}]}}}`,
    `{"kinds":{"prd":{"required":[${q}]}}}`,
    `{"concerns":{${q}:{"role":"product","headingTerms":[${q}]}}}`,
    `{"concerns":{"budget":{"headingTerms":[${q}],"bodyTerms":[${q}],"tableHeaders":[${q}],"termWeights":{${q}:2}}}}`,
    `{"neutral":{"headingTerms":[${q}],"bodyTerms":[${q}],"termWeights":{${q}:3}}}`,
    `{"documents":[${q}]}`,
    `{${q}:true}`,
  ];
}

describe('prototype keys in documents and configuration', () => {
  for (const name of PROTOTYPE_NAMES) {
    it(`'${name}' anywhere reads as an ordinary word`, async () => {
      for (const configText of ['{}', ...configsWith(name)]) {
        const parsed = parseConfigText(configText, '.pmlens.json');
        assert.ok(parsed.config.documents.length >= 0);
        for (const text of documentWith(name)) {
          const what = `${configText} / ${JSON.stringify(text.slice(0, 40))}`;
          const analysis = analyze(text, { config: parsed.config });
          assertSane(analysis, what);
          const incremental = await new IncrementalAnalyzer().analyzeAsync(text, parsed.config);
          assert.ok(incremental, what);
          assertSane(incremental, `${what} (incremental)`);
          isPlanDocument({ path: `${name}/${name}.md`, text, config: parsed.config });
        }
      }
    });

    it(`'plan: ${name}' is reported as an unknown kind`, () => {
      const analysis = analyze(`---\nplan: ${name}\n---\n# Budget\n\nCost is $4,000.\n`);
      // `plan:` is read lower-cased, as the design says kinds are.
      assert.ok(analysis.findings.some((f) => f.ruleId === 'invalid-tag' && f.message.includes(name.toLowerCase())), JSON.stringify(analysis.findings.map((f) => f.message)));
    });

    it(`'${name}' as a required concern or a rule is reported by name`, () => {
      const required = parseConfigText(`{"kinds":{"prd":{"required":[${JSON.stringify(name)}]}}}`, '.pmlens.json');
      const rule = parseConfigText(`{"rules":{${JSON.stringify(name)}:"off"}}`, '.pmlens.json');
      for (const parsed of [required, rule]) {
        assert.ok(parsed.problems.some((p) => p.message.includes(name)), JSON.stringify(parsed.problems.map((p) => p.message)));
      }
      assert.deepEqual(required.config.kinds.prd.required, [], 'an unknown concern is dropped, not required');
      const missing = analyze('---\nplan: prd\n---\n# Vision\n\nOur vision.\n', { config: required.config });
      assert.ok(!missing.findings.some((f) => f.message.includes(name)), 'no "missing constructor section"');
    });

    it(`'${name}' as a heading term keeps weights finite`, () => {
      const parsed = parseConfigText(`{"concerns":{"budget":{"headingTerms":[${JSON.stringify(name)}]}}}`, '.pmlens.json');
      const analysis = analyze(`# Plan\n\n## Budget ${name}\n\nThe ${name} costs $4,000 in total budget.\n`, { config: parsed.config });
      assertSane(analysis, name);
      assert.equal(analysis.sections[1].inferred.concern, 'budget');
    });
  }
});
