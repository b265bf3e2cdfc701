import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { applyEdits, fixAllEdits } from '../../src/core/fixes';
import { LineIndex } from '../../src/core/text';
import { checkEdits } from '../support/edits';

/**
 * A project plan with every kind of finding that has a fix: misspelt values in front matter, a
 * tag and a directive, an extra tag, and findings whose fixes are judgements (a tag the content
 * contradicts, a section with no tag, a date gone by).
 */
const PLAN = `---
plan: project-plann
asOf: 2025-12-02
owners:
  projekt: "@lee"
---
# Depot move

## Schedule
<!-- owner: projct/schedule -->
<!-- owner: project/schedule -->

- [ ] Movers booked by 2025-10-01
- [ ] Racking installed in week 6 of the move

<!-- pm-lens-disabel mixed-concerns -->

## Budget
<!-- owner: product/vision -->
<!-- owner: shared -->

The move costs $48,000 for movers and racking; the contingency is 10% of the budget, approved by finance.

## Staffing

Two contractors and one forklift driver for three weeks; the site lead approves their hours.
`;

const rulesOf = (text: string): string[] => analyze(text).findings.map((f) => f.ruleId);

describe('fix all: the fixes that need no judgement', () => {
  it('corrects misspelt values and removes extra tags, round by round, and leaves every judgement to a person', () => {
    let text = PLAN;
    let rounds = 0;
    for (let edits = fixAllEdits(analyze(text)); edits.length > 0; edits = fixAllEdits(analyze(text))) {
      checkEdits(new LineIndex(text), edits);
      text = applyEdits(text, edits);
      assert.ok(++rounds <= 2, 'two rounds: the corrected tag makes the next one an extra');
    }
    assert.equal(rounds, 2);
    assert.equal(
      text,
      PLAN.replace('plan: project-plann', 'plan: project-plan')
        .replace('  projekt: "@lee"', '  project: "@lee"')
        .replace('<!-- owner: projct/schedule -->\n<!-- owner: project/schedule -->\n', '<!-- owner: project/schedule -->\n')
        .replace('<!-- owner: shared -->\n', '')
        .replace('pm-lens-disabel', 'pm-lens-disable'),
    );
    const after = rulesOf(text);
    assert.ok(!after.includes('invalid-tag') && !after.includes('duplicate-tag'), after.join());
    // The tag the content contradicts, the untagged section and the date gone by are still reported.
    for (const judgement of ['owner-mismatch', 'untagged-section', 'stale-date']) {
      assert.ok(rulesOf(PLAN).includes(judgement), `${judgement} is reported before`);
      assert.ok(after.includes(judgement), `${judgement} is left for a person`);
    }
  });

  it('every fix it takes is one a rule marked unattended, and they never overlap', () => {
    const analysis = analyze(PLAN);
    const unattended = analysis.findings.filter((f) => f.fixes.some((fix) => fix.unattended)).map((f) => f.ruleId);
    assert.deepEqual([...new Set(unattended)].sort(), ['duplicate-tag', 'invalid-tag']);
    assert.equal(fixAllEdits(analysis).length, unattended.length);
  });

  it('of two fixes at one place, takes the first and leaves the other to the next round', () => {
    // Two extra tags on one line: the second one's removal starts where the first one's ends.
    const text = '# Plan\n<!-- owner: project --> <!-- owner: product --><!-- owner: shared -->\n\nThe budget is $5,000.\n';
    const first = fixAllEdits(analyze(text));
    assert.equal(first.length, 1);
    const once = applyEdits(text, first);
    assert.equal(analyze(once).findings.filter((f) => f.ruleId === 'duplicate-tag').length, 1);
    const twice = applyEdits(once, fixAllEdits(analyze(once)));
    assert.deepEqual(analyze(twice).findings.filter((f) => f.ruleId === 'duplicate-tag'), []);
    assert.match(twice, /^# Plan\n<!-- owner: project -->\n/);
  });
});
