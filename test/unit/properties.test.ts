import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { defaultConfig } from '../../src/core/config/defaults';
import type { ResolvedConfig } from '../../src/core/config/types';
import { tagAllSectionsEdits } from '../../src/core/fixes';
import type { Analysis } from '../../src/core/types';
import { applyEdits } from '../support/edits';
import { checkInvariants } from '../support/invariants';
import { PROPERTY_SEED } from '../support/property-seed';

/** Every rule on, so every rule's ranges and fixes are exercised. */
const config: ResolvedConfig = { ...defaultConfig, rules: { ...defaultConfig.rules, 'missing-owner': 'warning' } };

const plainWord = fc.constantFrom(
  'budget', '$48,000', '€1.2m', 'cost', 'As a shopper, I want to pay so that I finish', 'persona', 'NPS 45',
  'retention from 20% to 30%', 'Q3 2025', '14 March 2025', 'sprint 4', '2 FTE', 'headcount', 'risk', 'likelihood',
  'mitigation', 'vision', 'market', 'competitor', 'milestone', 'deliverable', 'status', 'glossary', 'API', 'schema',
  'the', 'and', 'x', '😀', '🚀', 'é', '**bold**', '`code`', '[link](http://x)',
);
/** Characters and tokens that break things: rarer, so documents still have structure. */
const nastyWord = fc.constantFrom('\t', '\uD800', '\uDC00', '\u0000', '\u0007', '\uFFFF', '<b>html</b>', '\\', '|', '#', '*', '_', '>', '<!--', '-->', '---', '```');
const word = fc.oneof({ arbitrary: plainWord, weight: 12 }, { arbitrary: nastyWord, weight: 1 });
const text = fc.array(word, { minLength: 0, maxLength: 12 }).map((w) => w.join(' '));
/** Mostly true: unclosed fences and comments swallow the rest of a document, so keep them rarer. */
const mostly = fc.integer({ min: 0, max: 5 }).map((n) => n > 0);
const junk = fc.string({ unit: 'binary', maxLength: 40 });

const tagValue = fc.constantFrom(
  'owner: product', 'owner: project/budget', 'owner: product/vision @dana', 'owner: shared @a @b', 'owner: none',
  'owner: prodcut', 'owner: project/budgett', 'owner: product / visoin', 'owner: shared/vision', 'owner:', 'owners: project',
  'owner product', 'owner: product dana', 'owner: product vision', 'owner: product/', 'Owner to confirm',
  'pm-lens-disable', 'pm-lens-disable owner-mismatch', 'pm-lens-enable', 'pm-lens-disable-next-section misplaced-concern',
  'pm-lens-disable no-such-rule', 'pm-lens-disabel', 'expect: nothing', '',
);

const heading = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 7 }), text, fc.boolean()).map(([n, t, close]) => ['#'.repeat(n) + ' ' + t + (close ? ' ##' : '')]),
  fc.tuple(text, fc.constantFrom('===', '---', '=', '-------')).map(([t, u]) => [t, u]),
);
const comment = fc.tuple(tagValue, mostly, fc.boolean()).map(([value, closed, inline]) => [(inline ? 'Some text ' : '') + `<!-- ${value}` + (closed ? ' -->' : '')]);

/** One block of Markdown, as lines. */
const block: fc.Arbitrary<readonly string[]> = fc.oneof(
  { arbitrary: heading, weight: 6 },
  { arbitrary: comment, weight: 5 },
  { arbitrary: text.map((t) => [t]), weight: 6 },
  { arbitrary: fc.constant(['']), weight: 4 },
  {
    arbitrary: fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.constantFrom('- ', '* ', '1. ', '- [ ] ', '- [x] ', '+ '), text), { maxLength: 8 }).map((items) =>
      items.map(([depth, marker, t]) => '  '.repeat(depth) + marker + t),
    ),
    weight: 2,
  },
  {
    arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.array(text, { maxLength: 4 })).map(([cols, rows]) => [
      '| ' + Array.from({ length: cols }, (_, i) => ['Item', 'Cost', 'Owner', 'Date'][i]).join(' | ') + ' |',
      '|' + '---|'.repeat(cols),
      ...rows.map((r) => `| ${r} |`),
    ]),
    weight: 2,
  },
  {
    arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'mermaid', 'yaml'), fc.array(text, { maxLength: 3 }), mostly).map(([fence, lang, body, closed]) => [
      fence + lang,
      ...body,
      ...(closed ? [fence] : []),
    ]),
    weight: 1,
  },
  { arbitrary: fc.tuple(fc.integer({ min: 1, max: 30 }), text).map(([n, t]) => ['>'.repeat(n) + ' ' + t]), weight: 1 },
  { arbitrary: fc.tuple(fc.integer({ min: 1, max: 8 }), text).map(([n, t]) => [' '.repeat(n) + t]), weight: 1 },
  { arbitrary: text.map((t) => ['<div>', t, '</div>']), weight: 1 },
  { arbitrary: junk.map((j) => [j]), weight: 1 },
);

const frontMatter: fc.Arbitrary<readonly string[]> = fc.oneof(
  fc.constant([]),
  fc.tuple(fc.constantFrom('prd', 'project-plan', 'mixed', 'grant', 'PRD', '42', '[x', ''), fc.constantFrom('', '"@dana"', 'dana', '[a, "@b"]'), mostly).map(
    ([plan, owner, closed]) => ['---', `plan: ${plan}`, ...(owner ? ['owners:', `  product: ${owner}`] : []), ...(closed ? ['---'] : [])],
  ),
);

/** A Markdown document: optional front matter, blocks, joined by any mix of line breaks. */
const markdown: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), frontMatter, fc.array(block, { maxLength: 40, size: 'medium' }), fc.array(fc.constantFrom('\n', '\r\n', '\r', '\n\n'), { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([bom, fm, blocks, eols, finalEol]) => {
    const lines = [...fm, ...blocks.flat()];
    let out = bom ? '\uFEFF' : '';
    lines.forEach((line, i) => {
      out += line + (i < lines.length - 1 || finalEol ? eols[i % eols.length] : '');
    });
    return out;
  });

describe('properties over generated Markdown', () => {
  it('analyze never throws; every range lies in the document with start ≤ end; sections tile; fix edits never overlap', () => {
    fc.assert(
      fc.property(markdown, (doc) => {
        checkInvariants(doc, analyze(doc, { config }));
      }),
      { numRuns: 300, seed: PROPERTY_SEED },
    );
  });

  it('applying any quick fix, or Tag All Sections, yields a document that analyzes cleanly again', () => {
    fc.assert(
      fc.property(markdown, fc.nat(), (doc, pick) => {
        const analysis = analyze(doc, { config });
        const fixes = analysis.findings.flatMap((f) => f.fixes);
        if (fixes.length > 0) {
          const fixed = applyEdits(doc, fixes[pick % fixes.length].edits);
          checkInvariants(fixed, analyze(fixed, { config }));
        }
        const tagged = applyEdits(doc, tagAllSectionsEdits(analysis, doc));
        const after = analyze(tagged, { config });
        checkInvariants(tagged, after);
        assert.equal(after.sections.length, analysis.sections.length, 'tagging adds no section');
      }),
      { numRuns: 150, seed: PROPERTY_SEED },
    );
  });

  it('the analysis does not depend on the line breaks: LF and CRLF give the same findings', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 15 }), (blocks) => {
        const lines = blocks.flat().filter((l) => !/[\r\n]/.test(l));
        const lf = lines.join('\n') + '\n';
        const crlf = lines.join('\r\n') + '\r\n';
        const summary = (a: Analysis): string[] => a.findings.map((f) => `${f.range.start.line}:${f.range.start.character}:${f.ruleId}`);
        assert.deepEqual(summary(analyze(crlf, { config })), summary(analyze(lf, { config })));
      }),
      { numRuns: 100, seed: PROPERTY_SEED },
    );
  });
});

describe('hard inputs', () => {
  const run = (doc: string): Analysis => {
    const analysis = analyze(doc, { config });
    checkInvariants(doc, analysis);
    return analysis;
  };

  it('an empty file', () => {
    const analysis = run('');
    assert.deepEqual([analysis.sections.length, analysis.findings.length, analysis.frontMatter], [0, 0, undefined]);
  });

  it('only front matter, with and without a closing fence or a final line break', () => {
    for (const doc of ['---\nplan: prd\n---\n', '---\nplan: prd\n---', '---\nplan: prd\n', '---\n---\n', '---']) run(doc);
  });

  it('10,000 headings', function () {
    this.timeout(300_000);
    const doc = Array.from({ length: 10_000 }, (_, i) => `## Section ${i}\n<!-- owner: ${i % 2 ? 'product' : 'project'} -->\n\nThe budget is $${i},000 for sprint ${i}.\n`).join('\n');
    const analysis = run(doc);
    assert.equal(analysis.sections.length, 10_000);
  });

  it('binary junk', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (const range of [256, 65536]) {
      let doc = '';
      for (let i = 0; i < 20_000; i++) doc += String.fromCharCode(random() % range);
      run(doc);
      run('# Heading\n' + doc + '\n## Heading\n<!-- owner: ' + doc.slice(0, 200));
    }
  });

  it('lone surrogates, NUL and control characters in headings, tags and bodies', () => {
    const doc = '# \uD800 Vision \u0000\n<!-- owner: product/\uDC00 -->\n\nText \uDBFF\u0007 budget $5\n\n## \uDFFF\r\n<!-- owner: \u0000 -->\r\n';
    const analysis = run(doc);
    assert.equal(analysis.sections.length, 2);
  });

  it('a sentence end, a line break and more white space in a dated section (once a loop without end)', () => {
    for (const doc of ['## Schedule\n\nDone.\n next\n', '## Schedule\r\n\r\nDone!\r\n\t\tnext', '## Schedule\n\nDone?\n\u00a0\n']) run(doc);
  });

  it('unclosed fences and comments at the end of the document', () => {
    for (const doc of ['# A\n```', '# A\n<!--', '# A\n<!-- owner: product', '# A\n~~~\n# B', '<!--', '```']) run(doc);
  });
});
