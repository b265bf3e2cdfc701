import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { DEFAULT_KINDS, defaultConfig } from '../../src/core/config/defaults';
import { expandSnippet, tabStops } from '../../src/core/skeletons';
import { documentTemplate, TEMPLATE_KINDS, templateSkeletons } from '../../src/core/templates';

describe('document templates', () => {
  for (const kind of TEMPLATE_KINDS) {
    describe(kind, () => {
      const template = documentTemplate(kind);
      const analysis = analyze(template.text);

      it('has front matter with plan and owners', () => {
        assert.equal(analysis.kind, kind);
        assert.equal(analysis.frontMatter?.plan, kind);
        assert.deepEqual(analysis.frontMatter?.owners, { product: ['@product-owner'], project: ['@project-manager'] });
      });

      it('covers every concern its kind requires, each in a tagged section', () => {
        const required = DEFAULT_KINDS[kind].required;
        assert.ok(required.length > 0);
        for (const concern of required) {
          assert.ok(analysis.sections.some((s) => s.tagged && s.concern === concern), `${kind} has no ${concern} section`);
        }
      });

      it('is made of its skeletons, in order, each tagged with its role and concern', () => {
        const expected = templateSkeletons(kind);
        const sections = analysis.sections.filter((s) => s.level === 2);
        assert.deepEqual(sections.map((s) => s.heading), expected.map((s) => s.heading));
        sections.forEach((section, i) => {
          assert.equal(section.tags.length, 1, `${section.heading} has ${section.tags.length} tags`);
          assert.equal(section.role, expected[i].role, section.heading);
          assert.equal(section.concern, expected[i].concern, section.heading);
          assert.equal(section.inferred.role, expected[i].role, `classifier reads '${section.heading}' as ${section.inferred.role}`);
          // Everything in a template is on its kind's side.
          assert.equal(section.role, DEFAULT_KINDS[kind].role);
        });
      });

      it('analyzes clean: no finding above a hint, and no owner-mismatch, invalid-tag or missing-concern', () => {
        const ids = analysis.findings.map((f) => f.ruleId);
        for (const bad of ['owner-mismatch', 'invalid-tag', 'missing-concern', 'mixed-concerns', 'misplaced-concern']) {
          assert.ok(!ids.includes(bad), `${kind} reports ${bad}: ${analysis.findings.filter((f) => f.ruleId === bad).map((f) => f.message).join('; ')}`);
        }
        const loud = analysis.findings.filter((f) => f.severity !== 'hint');
        assert.deepEqual(loud.map((f) => `${f.ruleId}: ${f.message}`), []);
      });

      it('is a snippet whose tab stops run 1..n with one final $0, and whose defaults are the text', () => {
        const stops = tabStops(template.snippet);
        assert.equal(stops[0], 0);
        assert.deepEqual(stops.slice(1), stops.slice(1).map((_, i) => i + 1));
        assert.equal((template.snippet.match(/\$0/g) ?? []).length, 1);
        assert.equal(expandSnippet(template.snippet), template.text);
        assert.ok(template.text.endsWith('\n'));
      });

      it('uses the line break it is given', () => {
        const crlf = documentTemplate(kind, '\r\n');
        assert.equal(crlf.text, template.text.split('\n').join('\r\n'));
        assert.deepEqual(analyze(crlf.text).findings.map((f) => f.ruleId), analysis.findings.map((f) => f.ruleId));
      });
    });
  }

  it('exists for every built-in kind that requires sections', () => {
    const withRequirements = Object.entries(defaultConfig.kinds).filter(([, def]) => def.required.length > 0).map(([k]) => k);
    assert.deepEqual([...TEMPLATE_KINDS].sort(), withRequirements.sort());
  });
});
