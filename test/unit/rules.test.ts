import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { analyze } from '../../src/core/analyze';
import { defaultConfig } from '../../src/core/config/defaults';
import type { ResolvedConfig } from '../../src/core/config/types';
import { insertTagEdit, tagAllSectionsEdits } from '../../src/core/fixes';
import { rules } from '../../src/core/rules/registry';
import { MISMATCH_STRENGTH } from '../../src/core/rules/owner-mismatch';
import { MIXED_MIN_BALANCE, MIXED_MIN_BODY_PUSH, MIXED_MIN_CONFIDENCE, MIXED_MIN_EVIDENCE, weightiestConcern } from '../../src/core/rules/mixed-concerns';
import { UNTAGGED_NONE_CONFIDENCE } from '../../src/core/rules/untagged-section';
import { runRule, type Report, type Rule, type RuleContext } from '../../src/core/rules/rule';
import { skeletonFor } from '../../src/core/skeletons';
import { LineIndex } from '../../src/core/text';
import { parseFacts } from '../../src/core/parse/facts';
import { outlineSections } from '../../src/core/sections';
import type { Analysis, Evidence, Finding, Section, SeveritySetting, Verdict } from '../../src/core/types';
import { applyEdits, assertRange } from '../support/edits';
import { actualFindings, expectedFindings, sorted } from '../support/expect-markers';
import { fromRoot } from '../support/paths';

const TABLE_ORDER = [
  'owner-mismatch',
  'mixed-concerns',
  'misplaced-concern',
  'missing-concern',
  'untagged-section',
  'invalid-tag',
  'duplicate-tag',
  'missing-owner',
  'misplaced-metric',
  'unmeasured-metric',
  'stale-date',
];

/** The defaults with only `ruleId` on (at its default severity, or warning when that is off). */
function only(ruleId: string): ResolvedConfig {
  const severities: Record<string, SeveritySetting> = {};
  for (const rule of rules) severities[rule.id] = rule.id === ruleId ? (rule.defaultSeverity === 'off' ? 'warning' : rule.defaultSeverity) : 'off';
  return { ...defaultConfig, rules: severities };
}

/** Every rule on (and a fixed today, so dates in fixtures do not go stale with the clock). */
const allOn: ResolvedConfig = { ...defaultConfig, rules: { ...defaultConfig.rules, 'missing-owner': 'warning' }, asOf: '2025-01-01' };

function fixture(ruleId: string, file: string): string {
  return readFileSync(fromRoot('test/fixtures/rules', ruleId, file), 'utf8');
}

function findingsOf(text: string, ruleId: string, config: ResolvedConfig = only(ruleId)): Finding[] {
  return analyze(text, { config }).findings.filter((f) => f.ruleId === ruleId);
}

describe('rule registry', () => {
  it('holds the rules of the design, in the order of its table', () => {
    assert.deepEqual(rules.map((r) => r.id), TABLE_ORDER);
  });

  it('gives each rule its file, a default severity and a description', () => {
    const files = new Set(readdirSync(fromRoot('src/core/rules')));
    const defaults: Record<string, SeveritySetting> = {
      'owner-mismatch': 'warning',
      'mixed-concerns': 'warning',
      'misplaced-concern': 'info',
      'missing-concern': 'warning',
      'untagged-section': 'hint',
      'invalid-tag': 'error',
      'duplicate-tag': 'warning',
      'missing-owner': 'off',
      'misplaced-metric': 'warning',
      'unmeasured-metric': 'hint',
      'stale-date': 'info',
    };
    for (const rule of rules) {
      assert.ok(files.has(`${rule.id}.ts`), `src/core/rules/${rule.id}.ts`);
      assert.equal(rule.defaultSeverity, defaults[rule.id], rule.id);
      assert.ok(rule.description.length > 20, rule.id);
      assert.equal(defaultConfig.rules[rule.id], rule.defaultSeverity);
    }
  });
});

describe('rule fixtures (<!-- expect: rule-id --> markers)', () => {
  for (const rule of rules) {
    describe(rule.id, () => {
      const files = readdirSync(fromRoot('test/fixtures/rules', rule.id)).filter((f) => f.endsWith('.md')).sort();

      it('has a fixture that must report and one that must not', () => {
        assert.ok(files.some((f) => f.startsWith('report')), 'report*.md');
        assert.ok(files.some((f) => f.startsWith('pass')), 'pass*.md');
      });

      for (const file of files) {
        it(`${file}: findings exactly where the markers say`, () => {
          const text = fixture(rule.id, file);
          const expected = expectedFindings(text);
          if (file.startsWith('report')) assert.ok(expected.size > 0, 'a report fixture expects findings');
          else assert.equal(expected.size, 0, 'a pass fixture expects none');
          const analysis = analyze(text, { config: only(rule.id) });
          assert.deepEqual(sorted(actualFindings(analysis.findings)), sorted(expected));
          const lines = new LineIndex(text);
          for (const f of analysis.findings) {
            assertRange(lines, f.range, `${f.ruleId} finding`);
            assert.ok(f.message.length > 0);
          }
        });
      }

      // Only where the rule offers fixes (missing-owner offers none): a test over no fix proves nothing.
      const withFixes = files.filter((f) => f.startsWith('report') && findingsOf(fixture(rule.id, f), rule.id, only(rule.id)).some((x) => x.fixes.length > 0));
      for (const file of withFixes) {
        it(`${file}: every quick fix removes its finding and breaks no tag`, () => {
          const text = fixture(rule.id, file);
          const config = only(rule.id);
          const before = findingsOf(text, rule.id, config);
          const invalidBefore = findingsOf(text, 'invalid-tag', allOn).length;
          for (const finding of before) {
            for (const fix of finding.fixes) {
              const fixed = applyEdits(text, fix.edits);
              const after = findingsOf(fixed, rule.id, config);
              assert.equal(after.length, before.length - 1, `'${fix.title}' for "${finding.message}" left ${after.length} of ${before.length}`);
              if (rule.id !== 'invalid-tag') {
                assert.ok(findingsOf(fixed, 'invalid-tag', allOn).length <= invalidBefore, `'${fix.title}' wrote an invalid tag`);
              }
            }
          }
        });
      }
    });
  }
});

describe('rule messages name the section and the evidence', () => {
  it('owner-mismatch', () => {
    const [first, second] = findingsOf(fixture('owner-mismatch', 'report.md'), 'owner-mismatch');
    assert.match(first.message, /^Section 'Launch budget' reads as project\/budget \('[^']+', '[^']+'.*\) but is tagged product$/);
    assert.match(first.message, /\$48,000/);
    assert.match(second.message, /^Section 'User personas' reads as product\/user-needs \(.+\) but is tagged project\/resources$/);
  });

  it('mixed-concerns names both sides', () => {
    const [finding] = findingsOf(fixture('mixed-concerns', 'report.md'), 'mixed-concerns');
    assert.match(finding.message, /^Section 'Goals and timeline' mixes product \('.+'\) and project \('.+'\) concerns/);
  });

  it('misplaced-concern names the kind', () => {
    const [inferred, tagged] = findingsOf(fixture('misplaced-concern', 'report.md'), 'misplaced-concern');
    assert.match(inferred.message, /^Section 'Detailed budget' reads as project\/budget \(.+\), but this prd is a product document/);
    assert.match(tagged.message, /^Section 'Staffing' is tagged project\/resources, but this prd is a product document/);
  });

  it('missing-concern names the concern and the kind', () => {
    const [finding] = findingsOf(fixture('missing-concern', 'report.md'), 'missing-concern');
    assert.equal(finding.message, 'This project-plan has no Budget section (project/budget): a project-plan should cover schedule, budget, resources');
    assert.equal(finding.section, undefined);
  });

  it('duplicate-tag names both tags', () => {
    const [finding] = findingsOf(fixture('duplicate-tag', 'report.md'), 'duplicate-tag');
    assert.equal(finding.message, "Section 'Vision' has a second owner tag 'project'; only the first, 'product/vision' on line 4, counts");
  });
});

describe('quick fixes produce the expected text', () => {
  const budget = [
    '# Plan',
    '',
    '## Launch budget',
    '<!-- owner: product @dana -->',
    '',
    'The launch budget is $48,000 in total: $30,000 of contractor cost and $12,000 for',
    'test devices. Finance tracks the costs monthly against the budget baseline.',
    '',
  ].join('\n');

  it('owner-mismatch retags to the inferred role and keeps the handles (preferred)', () => {
    const [finding] = findingsOf(budget, 'owner-mismatch');
    assert.equal(finding.fixes.length, 1);
    assert.equal(finding.fixes[0].preferred, true);
    assert.equal(applyEdits(budget, finding.fixes[0].edits), budget.replace('<!-- owner: product @dana -->', '<!-- owner: project/budget @dana -->'));
  });

  it('untagged-section inserts the inferred tag on the line under the heading, with the document line breaks', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = budget.replace('<!-- owner: product @dana -->\n', '').replace(/\n/g, eol);
      const finding = findingsOf(text, 'untagged-section').find((f) => f.message.includes('Launch budget'));
      assert.ok(finding);
      assert.equal(finding.fixes[0].title, 'Tag as project/budget');
      const expected = text.replace(`## Launch budget${eol}`, `## Launch budget${eol}<!-- owner: project/budget -->${eol}`);
      assert.equal(applyEdits(text, finding.fixes[0].edits), expected);
    }
  });

  it('untagged-section tags a setext heading under its underline, and a last-line heading', () => {
    const setext = '# Plan\n<!-- owner: none -->\n\nLaunch budget\n-------------\n\nThe launch budget is $48,000 of contractor cost, tracked against the budget.\n';
    const [finding] = findingsOf(setext, 'untagged-section');
    assert.equal(applyEdits(setext, finding.fixes[0].edits), setext.replace('-------------\n', '-------------\n<!-- owner: project/budget -->\n'));
    const onlyHeading = '# Plan\n<!-- owner: none -->\n\n## Launch budget $48,000 cost';
    const section = analyze(onlyHeading).sections[1];
    assert.equal(applyEdits(onlyHeading, [insertTagEdit(section, 'project', 'budget', new LineIndex(onlyHeading))]), onlyHeading + '\n<!-- owner: project/budget -->');
  });

  it('untagged-section offers shared for content of both sides, beside the dominant side, and never a side for undecided content', () => {
    const mixed = fixture('mixed-concerns', 'report.md');
    const finding = findingsOf(mixed, 'untagged-section').find((f) => f.message.includes('Goals and timeline'));
    assert.ok(finding);
    const titles = finding.fixes.map((f) => f.title);
    assert.ok(titles.includes('Tag as shared'), titles.join(', '));
    assert.ok(titles.every((t) => t === 'Tag as shared' || /^Tag as (product|project)\b/.test(t)), titles.join(', '));
    assert.ok(finding.fixes.every((f) => !f.preferred), 'two readings: neither is preferred');
    const vague = '# Notes\n\nSome words that say nothing in particular.\n';
    // Content on neither side is offered the tag none (when the reading is sure) or nothing at all.
    for (const undecided of findingsOf(vague, 'untagged-section')) {
      assert.deepEqual(undecided.fixes.map((f) => f.title), ['Tag as none']);
      assert.match(undecided.message, /reads as neither side/);
    }
  });

  it('untagged-section offers none for a glossary and references, and stays quiet when the reading is unsure', () => {
    const text = [
      '# Field guide for the harbour app',
      '',
      '## Glossary',
      '',
      '- **Berth**: a place where a boat is moored.',
      '- **Slipway**: a ramp for moving boats into the water.',
      '',
      '## References',
      '',
      '- Harbour authority handbook, third edition.',
      '- [Mooring standards](https://example.org/mooring)',
      '',
    ].join('\n');
    const findings = findingsOf(text, 'untagged-section');
    assert.deepEqual(findings.map((f) => f.message), [
      "Section 'Glossary' has no owner tag; it reads as neither side",
      "Section 'References' has no owner tag; it reads as neither side",
    ]);
    for (const f of findings) {
      assert.deepEqual(f.fixes.map((x) => x.title), ['Tag as none']);
      assert.match(applyEdits(text, f.fixes[0].edits), /^<!-- owner: none -->$/m);
    }
    const rule = rules.find((r) => r.id === 'untagged-section')!;
    const unsure: Verdict = { role: 'none', concern: undefined, confidence: UNTAGGED_NONE_CONFIDENCE - 0.01, scores: { product: 0, project: 0, none: 1 }, evidence: [] };
    const onGlossary = (v: Verdict): number => checkWith(rule, text, { Glossary: v }).filter((r) => r.message.includes('Glossary')).length;
    assert.equal(onGlossary(unsure), 0, 'an unsure none says nothing');
    assert.equal(onGlossary({ ...unsure, confidence: UNTAGGED_NONE_CONFIDENCE }), 1);
  });

  it('duplicate-tag removes the extra tag with its line, or just the tag when it shares a line', () => {
    const text = fixture('duplicate-tag', 'report.md');
    const [own, inline] = findingsOf(text, 'duplicate-tag');
    assert.equal(applyEdits(text, own.fixes[0].edits), text.replace('<!-- owner: project --> <!-- expect: duplicate-tag -->\n', '<!-- expect: duplicate-tag -->\n'));
    assert.equal(applyEdits(text, inline.fixes[0].edits), text.replace('$48,000 in total. <!-- owner: project/budget --> ', '$48,000 in total. '));
    const alone = '## Vision\n<!-- owner: product -->\n<!-- owner: project -->\n\nText.\n';
    const [finding] = findingsOf(alone, 'duplicate-tag');
    assert.equal(applyEdits(alone, finding.fixes[0].edits), '## Vision\n<!-- owner: product -->\n\nText.\n');
    const last = '## Vision\n<!-- owner: product -->\n<!-- owner: project -->';
    assert.equal(applyEdits(last, findingsOf(last, 'duplicate-tag')[0].fixes[0].edits), '## Vision\n<!-- owner: product -->');
  });

  it('invalid-tag replaces the bad value with the nearest valid one, also with spaces around the slash', () => {
    const cases: [string, string][] = [
      ['<!-- owner: prodcut -->', '<!-- owner: product -->'],
      ['<!-- owner: product / visoin @dana -->', '<!-- owner: product / vision @dana -->'],
      ['<!-- owner: project /budgett -->', '<!-- owner: project /budget -->'],
      ['<!-- owner: shared / vision -->', '<!-- owner: shared -->'],
      ['<!-- owner: product dana -->', '<!-- owner: product @dana -->'],
      ['<!-- owner: product vision -->', '<!-- owner: product/vision -->'],
      ['<!-- owners: project -->', '<!-- owner: project -->'],
      ['<!-- pm-lens-disable owner-mismach -->', '<!-- pm-lens-disable owner-mismatch -->'],
      ['<!-- pm-lens-disabel -->', '<!-- pm-lens-disable -->'],
    ];
    for (const [bad, good] of cases) {
      const text = `# Vision\n${bad}\n\nText.\n`;
      const findings = findingsOf(text, 'invalid-tag');
      assert.equal(findings.length, 1, bad);
      assert.equal(findings[0].fixes[0]?.preferred, true, bad);
      const fixed = applyEdits(text, findings[0].fixes[0].edits);
      assert.equal(fixed, `# Vision\n${good}\n\nText.\n`, bad);
      assert.deepEqual(findingsOf(fixed, 'invalid-tag'), [], good);
    }
  });

  it('misplaced-concern tags shared or disables the rule for the section', () => {
    const text = fixture('misplaced-concern', 'report.md');
    const [inferred, tagged] = findingsOf(text, 'misplaced-concern');
    assert.deepEqual(inferred.fixes.map((f) => f.title), ['Tag as shared (kept here on purpose)', 'Disable misplaced-concern for this section']);
    assert.equal(
      applyEdits(text, inferred.fixes[0].edits),
      text.replace('## Detailed budget <!-- expect: misplaced-concern -->\n', '## Detailed budget <!-- expect: misplaced-concern -->\n<!-- owner: shared -->\n'),
    );
    assert.equal(
      applyEdits(text, inferred.fixes[1].edits),
      text.replace('## Detailed budget', '<!-- pm-lens-disable-next-section misplaced-concern -->\n## Detailed budget'),
    );
    assert.equal(applyEdits(text, tagged.fixes[0].edits), text.replace('<!-- owner: project/resources -->', '<!-- owner: shared -->'));
  });

  it('missing-concern appends the same skeleton the snippet inserts, after a blank line', () => {
    const text = fixture('missing-concern', 'report.md');
    const [finding] = findingsOf(text, 'missing-concern');
    const skeleton = skeletonFor('budget', '\n');
    assert.ok(skeleton);
    assert.equal(applyEdits(text, finding.fixes[0].edits), text + '\n' + skeleton);
    const crlf = text.replace(/\n/g, '\r\n').replace(/\r\n$/, '');
    const [f2] = findingsOf(crlf, 'missing-concern');
    assert.equal(applyEdits(crlf, f2.fixes[0].edits), crlf + '\r\n\r\n' + skeletonFor('budget', '\r\n'));
  });

  it('the split names the new section by the concern its evidence weighs most in total', () => {
    const at = (concern: string, weight: number): Evidence => ({ kind: 'body-term', text: concern, concern, role: 'project', weight, range: new LineIndex('').range(0, 0) });
    assert.equal(weightiestConcern([at('status', 0.12), at('schedule', 0.1), at('schedule', 0.08)]), 'schedule', 'two dates outweigh one stronger word');
    assert.equal(weightiestConcern([at('budget', 0.1), at('schedule', 0.1)]), 'budget', 'a tie goes to the first to reach it');
    assert.equal(weightiestConcern([]), undefined);
  });

  it('mixed-concerns tags shared, or splits before the paragraph where the second side starts', () => {
    const text = fixture('mixed-concerns', 'report.md');
    const [untagged, tagged] = findingsOf(text, 'mixed-concerns');
    assert.equal(untagged.fixes[0].title, 'Tag as shared (owned by both on purpose)');
    assert.equal(
      applyEdits(text, untagged.fixes[0].edits),
      text.replace('## Goals and timeline <!-- expect: mixed-concerns -->\n', '## Goals and timeline <!-- expect: mixed-concerns -->\n<!-- owner: shared -->\n'),
    );
    assert.equal(applyEdits(text, tagged.fixes[0].edits), text.replace('<!-- owner: product -->', '<!-- owner: shared -->'));
    const split = untagged.fixes[1];
    assert.ok(split, 'a split fix');
    const after = applyEdits(text, split.edits);
    // Named and tagged by the concern the paragraph's evidence weighs most: its dates or its people and money.
    const named = /\n\n## (Schedule|Resources)\n<!-- owner: project\/(schedule|resources) -->\n\nThe work runs in three sprints/.exec(after);
    assert.ok(named, after);
    assert.equal(named[1].toLowerCase(), named[2], 'the heading names the concern it is tagged with');
  });
});

describe('tagAllSectionsEdits', () => {
  it('tags every untagged section with content by its inferred role, leaving the undecided alone', () => {
    const text = [
      '# Plan',
      '',
      '## Launch budget',
      '',
      'The launch budget is $48,000 in total: $30,000 of contractor cost, tracked monthly against the budget.',
      '',
      '## User personas',
      '',
      'As a returning shopper, I want to pay with one tap so that I can finish checkout on the bus.',
      '',
      '## Vision',
      '<!-- owner: product -->',
      '',
      'One tap.',
      '',
      '## Notes',
      '',
      'Some words that say nothing in particular.',
      '',
    ].join('\n');
    const analysis = analyze(text);
    const edits = tagAllSectionsEdits(analysis, text);
    const tagged = applyEdits(text, edits);
    assert.ok(tagged.includes('## Launch budget\n<!-- owner: project/budget -->\n'), tagged);
    assert.ok(tagged.includes('## User personas\n<!-- owner: product/user-needs -->\n'), tagged);
    assert.ok(!tagged.includes('## Notes\n<!--'), tagged);
    assert.equal(tagged.match(/<!-- owner:/g)?.length, 3);
    // The same edits the rule's fixes make, section by section (Tag All leaves `none` to a person).
    const fixes = analysis.findings.filter((f) => f.ruleId === 'untagged-section').flatMap((f) => f.fixes.filter((x) => x.title !== 'Tag as none').flatMap((x) => x.edits));
    assert.deepEqual(edits, fixes);
  });
});

/** Runs one rule on a document whose verdicts are replaced, to pin the thresholds down. */
function checkWith(rule: Rule, text: string, verdicts: Record<string, Verdict>, withBlocks = false): Report[] {
  const analysis: Analysis = analyze(text);
  const outline = outlineSections(parseFacts(text), text.length);
  const sections: Section[] = analysis.sections.map((s) => (verdicts[s.heading] ? { ...s, inferred: verdicts[s.heading] } : s));
  const context: RuleContext = {
    text,
    lines: new LineIndex(text),
    config: defaultConfig,
    kind: analysis.kind,
    kindDef: analysis.kind ? defaultConfig.kinds[analysis.kind] : undefined,
    frontMatter: analysis.frontMatter,
    sections,
    blocks: sections.map((_, i) => (withBlocks ? outline.sections[i].blocks : [])),
    problems: [],
  };
  const reports: Report[] = [];
  runRule(rule, context, (r) => reports.push(r));
  return reports;
}

function evidence(role: 'product' | 'project', ...texts: string[]): Evidence[] {
  const at = { line: 0, character: 0, offset: 0 };
  return texts.map((text) => ({ kind: 'body-term', text, range: { start: at, end: at }, concern: role === 'project' ? 'budget' : 'vision', role, weight: 1 }));
}

/** A verdict; a `mixed` one reads both sides as owning it as probably as `confidence`. */
function verdict(role: Verdict['role'], confidence: number, product: number, project: number, ev: Evidence[]): Verdict {
  const concern = role === 'project' ? 'budget' : role === 'product' ? 'vision' : undefined;
  return { role, concern, confidence, scores: { product, project, none: 0 }, evidence: ev, ...(role === 'mixed' ? { bothSides: confidence } : {}) };
}

describe('strong-evidence thresholds', () => {
  const rule = (id: string): Rule => rules.find((r) => r.id === id)!;
  const tagged = '# Costs\n<!-- owner: product -->\n\nSome text.\n';

  it('owner-mismatch needs the confidence, the evidence count and the dominance', () => {
    const c = MISMATCH_STRENGTH.minConfidence;
    const two = evidence('project', 'cost', '$5,000');
    assert.equal(checkWith(rule('owner-mismatch'), tagged, { Costs: verdict('project', c, 1, 10, two) }).length, 1);
    assert.equal(checkWith(rule('owner-mismatch'), tagged, { Costs: verdict('project', c - 0.01, 1, 10, two) }).length, 0, 'below confidence');
    assert.equal(checkWith(rule('owner-mismatch'), tagged, { Costs: verdict('project', 0.95, 1, 10, evidence('project', 'cost', 'Cost')) }).length, 0, 'one distinct piece');
    assert.equal(checkWith(rule('owner-mismatch'), tagged, { Costs: verdict('project', 0.95, 6, 10, two) }).length, 0, 'not dominant');
    assert.equal(checkWith(rule('owner-mismatch'), tagged, { Costs: verdict('mixed', 0.95, 1, 10, two) }).length, 0, 'mixed is not the other role');
    assert.equal(checkWith(rule('owner-mismatch'), tagged, { Costs: verdict('product', 0.95, 10, 1, evidence('product', 'vision', 'users')) }).length, 0, 'agrees');
  });

  it('mixed-concerns needs evidence a side in the body, enough of it, and a balance', () => {
    const untagged = '# Costs\n\nSome text.\n';
    const inBody = (list: Evidence[]): Evidence[] => list.map((e) => ({ ...e, range: { start: { line: 2, character: 0, offset: 9 }, end: { line: 2, character: 4, offset: 13 } } }));
    const side = (role: 'product' | 'project', ...texts: string[]): Evidence[] => inBody(evidence(role, ...texts));
    const both = [...side('product', 'persona', 'NPS', 'pain point'), ...side('project', 'cost', 'sprint', 'FTE')];
    const check = (v: Verdict): number => checkWith(rule('mixed-concerns'), untagged, { Costs: v }).length;
    assert.equal(check(verdict('mixed', 0.8, 10, 10 * MIXED_MIN_BALANCE, both)), 1);
    assert.equal(check(verdict('mixed', 0.8, 10, 10 * MIXED_MIN_BALANCE - 0.1, both)), 0, 'unbalanced');
    assert.equal(check(verdict('mixed', 0.8, 10, 10, both.slice(MIXED_MIN_EVIDENCE - 1))), 0, 'too few product pieces');
    assert.equal(check(verdict('mixed', MIXED_MIN_CONFIDENCE - 0.01, 10, 10, both)), 0, 'below confidence');
    const faint = both.map((e) => (e.role === 'project' ? { ...e, weight: MIXED_MIN_BODY_PUSH / 4 } : e));
    assert.equal(check(verdict('mixed', 0.8, 10, 10, faint)), 0, 'project evidence too faint in sum');
    const headingOnly = [...side('product', 'persona', 'NPS', 'pain point'), ...evidence('project', 'cost', 'sprint', 'FTE')];
    assert.equal(check(verdict('mixed', 0.8, 10, 10, headingOnly)), 0, 'project only in the heading');
    const shared = '# Costs\n<!-- owner: shared -->\n\nSome text.\n';
    assert.equal(checkWith(rule('mixed-concerns'), shared, { Costs: verdict('mixed', 0.8, 10, 10, both) }).length, 0, 'tagged shared');
  });

  it('mixed-concerns leaves a phase that lists its scope alone: the heading names the period, the body is a list', () => {
    // Evidence at the first occurrence of each word; the heading's first word speaks for a project concern.
    const at = (text: string, role: 'product' | 'project', concern: string, word: string): Evidence => {
      const start = text.indexOf(word);
      return { kind: 'body-term', text: word, range: new LineIndex(text).range(start, start + word.length), concern, role, weight: 0.2 };
    };
    const check = (heading: string, body: string, headingConcern = 'schedule'): number => {
      const text = `# Roadmap\n\n## ${heading}\n\n${body}\n`;
      const ev = [
        at(text, 'project', headingConcern, heading.split(' ')[0]),
        ...['persona', 'pain point', 'so that'].map((w) => at(text, 'product', 'user-needs', w)),
        ...['contractor', 'FTE', 'invoice'].map((w) => at(text, 'project', 'resources', w)),
      ];
      return checkWith(rule('mixed-concerns'), text, { [heading]: verdict('mixed', 0.9, 5, 5, ev) }, true).length;
    };
    const list = '- a persona page\n- the pain point survey so that buyers stay\n- a contractor for QA, 1 FTE\n- the invoice export';
    const prose = 'A persona page and the pain point survey so that buyers stay. A contractor for QA at 1 FTE, and the invoice export.';
    assert.equal(check('Phase 2', list), 0, 'a phase listing its scope');
    assert.equal(check('Phase 2', prose), 1, 'the same phase written as prose mixes both');
    assert.equal(check('Staffing and scope', list, 'resources'), 1, 'a list under a heading that names no period');
  });

  it('context evidence (kind, parent) never counts as the section speaking', () => {
    const ev: Evidence[] = [...evidence('project', 'cost'), { ...evidence('project', 'document kind')[0], kind: 'context' }];
    assert.equal(checkWith(rule('owner-mismatch'), tagged, { Costs: verdict('project', 0.95, 1, 10, ev) }).length, 0);
  });
});

describe('rules on the whole pipeline', () => {
  it('a clean, fully tagged plan yields no finding with every rule on', () => {
    const text = fixture('missing-concern', 'pass.md').replace('## Money\n', '## Money\n<!-- owner: project/budget @lee -->\n').replace('plan: project-plan\n', 'plan: project-plan\nowners:\n  project: "@lee"\n');
    assert.deepEqual(analyze(text, { config: allOn }).findings.map((f) => `${f.ruleId}: ${f.message}`), []);
  });

  it('severity comes from the configuration, and off drops the rule', () => {
    const text = fixture('duplicate-tag', 'report.md');
    const config = { ...defaultConfig, rules: { ...defaultConfig.rules, 'duplicate-tag': 'error' as const, 'untagged-section': 'off' as const } };
    const findings = analyze(text, { config }).findings;
    assert.ok(findings.filter((f) => f.ruleId === 'duplicate-tag').every((f) => f.severity === 'error'));
    assert.equal(findings.filter((f) => f.ruleId === 'untagged-section').length, 0);
  });

  it('directives switch findings off and on, per rule and for the next section', () => {
    const body = 'The launch budget is $48,000 of contractor cost, tracked monthly against the budget.';
    const text = [
      '# Plan',
      '<!-- owner: none -->',
      '',
      '<!-- pm-lens-disable untagged-section -->',
      '## Budget A',
      '',
      body,
      '',
      '<!-- pm-lens-enable untagged-section -->',
      '## Budget B',
      '',
      body,
      '',
      '<!-- pm-lens-disable-next-section -->',
      '## Budget C',
      '',
      body,
      '',
      '## Budget D',
      '',
      body,
      '',
      '<!-- pm-lens-disable -->',
      '## Budget E',
      '',
      body,
      '',
    ].join('\n');
    const headings = analyze(text).findings.filter((f) => f.ruleId === 'untagged-section').map((f) => f.message.match(/'(.+?)'/)?.[1]);
    assert.deepEqual(headings, ['Budget B', 'Budget D']);
  });

  it('an unknown rule id in a directive is itself a finding, and does not disable everything', () => {
    const text = '## Budget\n<!-- pm-lens-disable no-such-rule -->\n\nThe launch budget is $48,000 of contractor cost.\n';
    const ids = analyze(text).findings.map((f) => f.ruleId).sort();
    assert.deepEqual(ids, ['invalid-tag', 'untagged-section']);
  });
});
