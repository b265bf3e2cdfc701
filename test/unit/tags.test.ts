import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { parseFacts } from '../../src/core/parse/facts';
import { ruleIds } from '../../src/core/rules/registry';
import { readComment, type CommentReading } from '../../src/core/tags';
import { defaultTaxonomy } from '../../src/core/taxonomy/default';
import { LineIndex } from '../../src/core/text';
import type { Range } from '../../src/core/types';

/** Reads the first comment of a one-section document. */
function read(comment: string): { reading: CommentReading; text: string } {
  const text = `# Section\n${comment}\n`;
  const facts = parseFacts(text);
  assert.ok(facts.comments.length >= 1, `a comment in ${JSON.stringify(text)}`);
  return { reading: readComment(facts.comments[0], new LineIndex(text), defaultTaxonomy, ruleIds), text };
}

const at = (text: string, range: Range): string => text.slice(range.start.offset, range.end.offset);

function owner(comment: string) {
  const { reading, text } = read(comment);
  assert.equal(reading.meaning.type, 'owner', comment);
  assert.deepEqual(reading.problems, [], comment);
  if (reading.meaning.type !== 'owner') throw new Error('unreachable');
  return { tag: reading.meaning.tag, text };
}

/** The one problem a malformed comment has: the text its range covers, and its suggestion. */
function problem(comment: string): { covers: string; suggestion: string | undefined; message: string; tagCounts: boolean } {
  const { reading, text } = read(comment);
  assert.equal(reading.problems.length, 1, `${comment}: ${reading.problems.map((p) => p.message).join('; ')}`);
  const [p] = reading.problems;
  assert.equal(p.range.start.line, 1);
  return { covers: at(text, p.range), suggestion: p.suggestion?.newText, message: p.message, tagCounts: reading.meaning.type !== 'other' };
}

describe('owner tags: valid forms', () => {
  it('role alone, role/concern, handles, shared and none', () => {
    const cases: [string, string, string | undefined, string[]][] = [
      ['<!-- owner: product -->', 'product', undefined, []],
      ['<!-- owner: project/budget -->', 'project', 'budget', []],
      ['<!-- owner: product/vision @dana -->', 'product', 'vision', ['@dana']],
      ['<!-- owner: shared @dana @lee -->', 'shared', undefined, ['@dana', '@lee']],
      ['<!-- owner: none -->', 'none', undefined, []],
      ['<!--owner:PROJECT/Budget-->', 'project', 'budget', []],
      ['<!-- Owner : Product / User-Needs @dana.k @lee_2 @a-b -->', 'product', 'user-needs', ['@dana.k', '@lee_2', '@a-b']],
      ['<!--\n  owner: project/risks\n  @kim\n-->', 'project', 'risks', ['@kim']],
    ];
    for (const [comment, role, concern, handles] of cases) {
      const { tag } = owner(comment);
      assert.deepEqual([tag.role, tag.concern, tag.handles], [role, concern, handles], comment);
    }
  });

  it('the value range covers the role and concern as written, spaces around the slash included', () => {
    const { tag, text } = owner('<!-- owner: product / vision @dana -->');
    assert.equal(at(text, tag.valueRange), 'product / vision');
    assert.equal(at(text, tag.range), '<!-- owner: product / vision @dana -->');
    const plain = owner('<!-- owner: project -->');
    assert.equal(at(plain.text, plain.tag.valueRange), 'project');
  });

  it('prose that starts with "owner" is not a tag', () => {
    for (const comment of ['<!-- Owner to confirm the numbers -->', '<!-- ownership is shared -->', '<!-- owners of this doc: see the wiki -->', '<!-- a note -->']) {
      const { reading } = read(comment);
      assert.equal(reading.meaning.type, 'other', comment);
      assert.deepEqual(reading.problems, [], comment);
    }
  });
});

describe('owner tags: every malformed form is a problem with a precise range', () => {
  const cases: [string, string, string | undefined][] = [
    // comment, the text the range covers, the suggested replacement
    ['<!-- owner: prodcut -->', 'prodcut', 'product'],
    ['<!-- owner: banana -->', 'banana', undefined],
    ['<!-- owner: project/budgett -->', 'budgett', 'budget'],
    ['<!-- owner: product / visoin @dana -->', 'visoin', 'vision'],
    ['<!-- owner: product /personas -->', 'personas', 'user-needs'],
    ['<!-- owner: product/budget -->', 'budget', undefined],
    ['<!-- owner: shared/vision -->', '/vision', ''],
    ['<!-- owner: none / market -->', ' / market', ''],
    ['<!-- owner: product/ -->', '/', ''],
    ['<!-- owner: product dana -->', 'dana', '@dana'],
    ['<!-- owner: product @da$na -->', '@da$na', '@dana'],
    ['<!-- owner: product vision -->', 'product vision', 'product/vision'],
    ['<!-- owner: -->', '<!-- owner: -->', undefined],
    ['<!-- owner: @dana -->', '<!-- owner: @dana -->', undefined],
    ['<!-- owners: product -->', '<!-- owners: product -->', '<!-- owner: product -->'],
    ['<!-- owner product/vision -->', '<!-- owner product/vision -->', '<!-- owner: product/vision -->'],
    ['<!-- owner: product', '<!-- owner: product\n', undefined],
  ];
  for (const [comment, covers, suggestion] of cases) {
    it(comment.replace(/\n/g, '\\n'), () => {
      const found = problem(comment);
      assert.equal(found.covers, covers);
      assert.equal(found.suggestion, suggestion);
      assert.ok(found.message.length > 10);
    });
  }

  it('a message names the value it is near, as its fix does, and otherwise what is expected', () => {
    // The command line and code scanning show the message alone, without the quick fix.
    assert.equal(problem('<!-- owner: prodcut -->').message, "Unknown role 'prodcut' in owner tag: did you mean 'product'?");
    assert.equal(problem('<!-- owner: banana -->').message, "Unknown role 'banana' in owner tag: expected product, project, shared or none");
    assert.equal(problem('<!-- owner: project/budgett -->').message, "Unknown project concern 'budgett': did you mean 'budget'?");
    assert.match(problem('<!-- owner: product/budget -->').message, /^Unknown product concern 'budget': expected one of vision, .*user-needs/);
    assert.equal(problem('<!-- pm-lens-enabel -->').message, "Unknown directive 'pm-lens-enabel': did you mean 'pm-lens-enable'?");
    assert.equal(problem('<!-- pm-lens-disable owner-mismach -->').message, "Unknown rule 'owner-mismach' in pm-lens-disable: did you mean 'owner-mismatch'?");
    assert.match(problem('<!-- pm-lens-disable no-such-rule -->').message, /^Unknown rule 'no-such-rule' in pm-lens-disable: expected one of .*owner-mismatch/);
  });

  it('a bad concern, handle or slash leaves the role counting; a bad role does not', () => {
    assert.equal(problem('<!-- owner: project/budgett -->').tagCounts, true);
    assert.equal(problem('<!-- owner: product dana -->').tagCounts, true);
    assert.equal(problem('<!-- owner: shared/vision -->').tagCounts, true);
    assert.equal(problem('<!-- owner: prodcut -->').tagCounts, false);
    assert.equal(problem('<!-- owners: product -->').tagCounts, false);
  });

  it('an owner tag before the first heading is a problem too', () => {
    const findings = analyze('<!-- owner: product -->\n# A\n').findings.filter((f) => f.ruleId === 'invalid-tag');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].range.start.line, 0);
  });
});

describe('directives', () => {
  it('disable, enable and disable-next-section, with rule lists', () => {
    const cases: [string, string, string[]][] = [
      ['<!-- pm-lens-disable -->', 'disable', []],
      ['<!-- pm-lens-disable owner-mismatch mixed-concerns -->', 'disable', ['owner-mismatch', 'mixed-concerns']],
      ['<!-- pm-lens-enable untagged-section, invalid-tag -->', 'enable', ['untagged-section', 'invalid-tag']],
      ['<!-- PM-LENS-DISABLE-NEXT-SECTION Misplaced-Concern -->', 'disable-next-section', ['misplaced-concern']],
      ['<!-- pm-lens-disable-line stale-date -->', 'disable-line', ['stale-date']],
      ['<!-- pm-lens-disable-next-line -->', 'disable-next-line', []],
    ];
    for (const [comment, kind, rules] of cases) {
      const { reading } = read(comment);
      assert.deepEqual(reading.problems, [], comment);
      assert.equal(reading.meaning.type, 'directive', comment);
      if (reading.meaning.type === 'directive') assert.deepEqual([reading.meaning.directive.kind, reading.meaning.directive.rules], [kind, rules]);
    }
  });

  it('an unknown rule id is a problem on that id; the known ones still act', () => {
    const { reading, text } = read('<!-- pm-lens-disable owner-mismach untagged-section -->');
    assert.equal(reading.problems.length, 1);
    assert.equal(at(text, reading.problems[0].range), 'owner-mismach');
    assert.equal(reading.problems[0].suggestion?.newText, 'owner-mismatch');
    assert.ok(reading.meaning.type === 'directive' && reading.meaning.directive.rules.join() === 'untagged-section');
  });

  it('a directive naming only unknown rules disables nothing', () => {
    const { reading } = read('<!-- pm-lens-disable no-such-rule -->');
    assert.equal(reading.meaning.type, 'other');
    assert.equal(reading.problems.length, 1);
  });

  it('an unknown directive name is a problem with the nearest one', () => {
    const found = problem('<!-- pm-lens-disable-file owner-mismatch -->');
    assert.equal(found.covers, 'pm-lens-disable-file');
    const typo = problem('<!-- pm-lens-enabel -->');
    assert.equal(typo.suggestion, 'pm-lens-enable');
  });

  it('suppression on the whole pipeline: everything, one rule, the next section only', () => {
    const budget = 'The launch budget is $48,000 of contractor cost, tracked monthly against the budget.';
    const doc = (directive: string): string => `# Plan\n<!-- owner: none -->\n\n${directive}\n## Costs\n\n${budget}\n\n## More costs\n\n${budget}\n`;
    const untagged = (text: string): string[] => analyze(text).findings.filter((f) => f.ruleId === 'untagged-section').map((f) => f.message.split("'")[1]);
    assert.deepEqual(untagged(doc('')), ['Costs', 'More costs']);
    assert.deepEqual(untagged(doc('<!-- pm-lens-disable -->')), []);
    assert.deepEqual(untagged(doc('<!-- pm-lens-disable mixed-concerns -->')), ['Costs', 'More costs']);
    assert.deepEqual(untagged(doc('<!-- pm-lens-disable-next-section untagged-section -->')), ['More costs']);
    assert.deepEqual(untagged(doc('<!-- pm-lens-disable-next-section -->')), ['More costs']);
  });

  it('disable-line and disable-next-line switch off the findings reported on one line', () => {
    const plan = (schedule: string[]): string =>
      ['---', 'plan: project-plan', 'asOf: 2025-12-02', '---', '# Depot move', '', '## Schedule', '<!-- owner: project/schedule -->', '', ...schedule, ''].join('\n');
    const staleLines = (text: string): number[] =>
      analyze(text)
        .findings.filter((f) => f.ruleId === 'stale-date')
        .map((f) => f.range.start.line);
    const items = ['- [ ] Movers booked by 2025-10-01', '- [ ] Racking ordered by 2025-09-15', '- [ ] Forklifts hired by 2025-11-01'];
    assert.deepEqual(staleLines(plan(items)), [9, 10, 11]);
    // On its own line, one rule or every rule; another rule's name switches nothing off.
    assert.deepEqual(staleLines(plan([`${items[0]} <!-- pm-lens-disable-line stale-date -->`, items[1], items[2]])), [10, 11]);
    assert.deepEqual(staleLines(plan([items[0], `${items[1]} <!-- pm-lens-disable-line -->`, items[2]])), [9, 11]);
    assert.deepEqual(staleLines(plan([items[0], items[1], `${items[2]} <!-- pm-lens-disable-line owner-mismatch -->`])), [9, 10, 11]);
    // On the line after the comment's last line, and only that line.
    assert.deepEqual(staleLines(plan([items[0], '<!-- pm-lens-disable-next-line stale-date -->', items[1], items[2]])), [9, 12]);
    assert.deepEqual(staleLines(plan([items[0], '<!--', 'pm-lens-disable-next-line', '-->', items[1], items[2]])), [9, 14]);
    // In a table, from inside the row's cell.
    const rows = ['| Item | Due | Status |', '|---|---|---|', '| Movers | 2025-10-01 | Open <!-- pm-lens-disable-line stale-date --> |', '| Racking | 2025-09-15 | Open |'];
    assert.deepEqual(staleLines(plan(rows)), [12]);
    assert.deepEqual(staleLines(plan(rows.map((r) => r.replace(' <!-- pm-lens-disable-line stale-date -->', '')))), [11, 12]);
  });
});
