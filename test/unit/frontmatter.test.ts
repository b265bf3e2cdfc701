import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { LineIndex } from '../../src/core/text';
import type { Range } from '../../src/core/types';
import { applyEdits, assertRange } from '../support/edits';

const at = (text: string, range: Range): string => text.slice(range.start.offset, range.end.offset);

/** The invalid-tag findings of a document: the text each one's range covers, and its message. */
function problems(text: string): { covers: string; line: number; message: string }[] {
  const lines = new LineIndex(text);
  return analyze(text)
    .findings.filter((f) => f.ruleId === 'invalid-tag')
    .map((f) => {
      assertRange(lines, f.range);
      return { covers: at(text, f.range), line: f.range.start.line, message: f.message };
    });
}

describe('front matter', () => {
  it('reads plan (lower-cased) and owners in every accepted shape', () => {
    const text = '---\nplan: PRD\nowners:\n  product: "@dana"\n  project: ["@lee", "@kim"]\ntitle: Checkout\n---\n# A\n';
    const { frontMatter, kind } = analyze(text);
    assert.ok(frontMatter);
    assert.equal(kind, 'prd');
    assert.equal(frontMatter.plan, 'prd');
    assert.deepEqual(frontMatter.owners, { product: ['@dana'], project: ['@lee', '@kim'] });
    assert.equal(frontMatter.data?.title, 'Checkout');
    assert.equal(at(text, frontMatter.range), text.slice(0, text.indexOf('\n# A')));
    assert.deepEqual(problems(text), []);
    const spaced = analyze('---\nowners:\n  project: "@lee, @kim"\n---\n').frontMatter;
    assert.deepEqual(spaced?.owners, { project: ['@lee', '@kim'] });
  });

  it('CRLF and a BOM keep exact ranges', () => {
    const text = '\uFEFF---\r\nplan: 42\r\n---\r\n# A\r\n';
    const [p] = problems(text);
    assert.equal(p.covers, '42');
    assert.equal(p.line, 1);
  });

  it('invalid YAML is one problem inside the front matter, and nothing else is read from it', () => {
    const text = '---\nplan: prd\nowners: [unclosed\n---\n# A\n';
    const found = problems(text);
    assert.ok(found.length >= 1);
    for (const p of found) {
      assert.match(p.message, /^Front matter is not valid YAML/);
      assert.ok(p.line >= 1 && p.line <= 3, `line ${p.line}`);
    }
    assert.equal(analyze(text).kind, undefined);
  });

  it('each wrongly shaped key is a problem on its value', () => {
    const cases: [string, string | RegExp, RegExp][] = [
      ['plan: 42', '42', /'plan' must be a document kind/],
      ['plan: [prd]', '[prd]', /'plan' must be a document kind/],
      ['owners: "@dana"', '"@dana"', /'owners' must map product and project/],
      ['owners:\n  designer: "@x"', 'designer', /unknown side 'designer'/],
      ['owners:\n  product: dana', 'dana', /owners\.product must be @handles, found 'dana'/],
      ['plan: prd\nplan: mixed', /^p(lan)?$/, /Map keys must be unique|not valid YAML/],
    ];
    for (const [yaml, covers, message] of cases) {
      const found = problems(`---\n${yaml}\n---\n# A\n`);
      assert.equal(found.length, 1, `${yaml}: ${found.map((p) => p.message).join('; ')}`);
      if (typeof covers === 'string') assert.equal(found[0].covers, covers, yaml);
      else assert.match(found[0].covers, covers, yaml);
      assert.match(found[0].message, message, yaml);
    }
  });

  it('an unknown plan kind is a problem that names the known ones', () => {
    const [p] = problems('---\nplan: grant\n---\n# A\n');
    assert.equal(p.message, "Unknown plan kind 'grant': expected one of prd, project-plan, mixed");
  });

  it('a misspelt plan kind is a problem on its value, with the kind it is near as the fix', () => {
    for (const [yaml, covers, near] of [
      ['plan: prd2', 'prd2', 'prd'],
      ['plan: "Project Plan"', '"Project Plan"', 'project-plan'],
      ['title: x\nplan:   projectplan   # the kind', 'projectplan', 'project-plan'],
    ]) {
      const text = `---\n${yaml}\n---\n# A\n`;
      const [finding] = analyze(text).findings.filter((f) => f.ruleId === 'invalid-tag');
      assert.equal(at(text, finding.range), covers, yaml);
      assert.equal(finding.message, `Unknown plan kind '${covers.replace(/"/g, '').toLowerCase()}': did you mean '${near}'?`, yaml);
      const [fix] = finding.fixes;
      assert.equal(fix.title, `Change to '${near}'`);
      const fixed = applyEdits(text, fix.edits);
      assert.equal(analyze(fixed).kind, near, fixed);
      assert.deepEqual(problems(fixed), []);
    }
  });

  it('an owners side near product or project offers it, unless the mapping has it already', () => {
    const text = '---\nowners:\n  prodcut: "@dana"\n---\n# A\n';
    const [finding] = analyze(text).findings.filter((f) => f.ruleId === 'invalid-tag');
    assert.equal(finding.message, "Front matter 'owners' has unknown side 'prodcut': did you mean 'product'?");
    assert.deepEqual(analyze(applyEdits(text, finding.fixes[0].edits)).frontMatter?.owners, { product: ['@dana'] });
    const taken = analyze('---\nowners:\n  product: "@lee"\n  prodcut: "@dana"\n---\n# A\n').findings.find((f) => f.ruleId === 'invalid-tag');
    assert.equal(taken?.message, "Front matter 'owners' has unknown side 'prodcut': expected product or project");
    assert.deepEqual(taken?.fixes, []);
  });

  it('a document of only front matter: no sections, the required concerns are missing, no throw', () => {
    const text = '---\nplan: prd\n---\n';
    const analysis = analyze(text);
    assert.deepEqual(analysis.sections, []);
    const missing = analysis.findings.filter((f) => f.ruleId === 'missing-concern');
    assert.equal(missing.length, 4);
    for (const f of missing) assert.equal(f.range.start.line, 1, 'on the plan: line');
  });

  it('an alias bomb is refused as a problem, never a throw', () => {
    const yaml = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) yaml.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(',')}]`);
    const found = problems(`---\nplan: prd\n${yaml.join('\n')}\n---\n# A\n`);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^Front matter cannot be read/);
  });

  it('a front matter that is not a mapping, or empty, reads as none', () => {
    for (const text of ['---\n- a\n- b\n---\n# A\n', '---\n---\n# A\n', '---\n"just a string"\n---\n']) {
      const { frontMatter, kind } = analyze(text);
      assert.equal(kind, undefined, text);
      assert.deepEqual(frontMatter?.owners ?? {}, {}, text);
    }
  });
});
