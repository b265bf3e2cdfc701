import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { defaultConfig } from '../../src/core/config/defaults';
import {
  commentHover,
  disableRuleFix,
  escapeMarkdown,
  lensTitle,
  plainText,
  sectionAtHeadingLine,
  sectionAtOffset,
  sectionHover,
} from '../../src/core/explain';
import { rules } from '../../src/core/rules/registry';
import type { Evidence, Section, TextEdit } from '../../src/core/types';
import { TWO_SIDED_SECTION } from '../support/two-sided';

const taxonomy = defaultConfig.taxonomy;

const PRD = [
  '---',
  'plan: prd',
  '---',
  '',
  '# Checkout',
  '',
  '## Vision',
  '<!-- owner: product/vision @dana -->',
  '',
  'Returning shoppers pay in one step, so checkout feels like the fastest part of buying.',
  '',
  '## Launch budget',
  '<!-- owner: product -->',
  '',
  'The work costs $48,000 in total: $30,000 for two contract engineers and $18,000 for fees.',
  'The budget is approved by finance; any cost overrun needs sign-off.',
  '',
  '## Open questions',
  '<!-- owner: prodcut -->',
  '',
  'Should guests see the saved card option?',
  '',
].join('\n');

/** Applies non-overlapping edits to a text. */
function apply(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.range.start.offset - a.range.start.offset)) {
    out = out.slice(0, edit.range.start.offset) + edit.newText + out.slice(edit.range.end.offset);
  }
  return out;
}

describe('explain', function () {
  const analysis = analyze(PRD);
  const section = (heading: string) => {
    const found = analysis.sections.find((s) => s.heading === heading);
    assert.ok(found, heading);
    return found;
  };

  describe('escapeMarkdown', function () {
    it('shows Markdown, links and HTML literally', function () {
      const escaped = escapeMarkdown('*bold* [x](command:evil) <img src=x> `code` # h');
      assert.ok(!/(^|[^\\])[*[\]()<>`#]/.test(escaped), escaped);
      assert.equal(escaped.replace(/\\(.)/g, '$1'), '*bold* [x](command:evil) <img src=x> `code` # h');
    });

    it('puts a multi-line text on one line', function () {
      assert.equal(escapeMarkdown('a\n\nb\r\nc'), 'a b c');
    });
  });

  describe('lensTitle', function () {
    it('says role, concern and tagged for a tagged section', function () {
      assert.equal(lensTitle(section('Vision')), 'Product · vision · tagged');
    });

    it('says the role alone when the tag names no concern and the content disagrees', function () {
      assert.equal(lensTitle(section('Launch budget')), 'Product · tagged');
    });

    it('says role, concern and confidence for an inferred section', function () {
      const plain = analyze('# Rollout\n\n## Budget\n\nThe rollout costs $86,500: $62,000 for scanners and $24,500 for mounts and contingency.\n');
      assert.match(lensTitle(plain.sections[1]), /^Project · budget · \d\.\d\d$/);
    });
  });

  describe('sections at a place', function () {
    it('finds the section of a heading line and of an offset in its body', function () {
      const budget = section('Launch budget');
      assert.equal(sectionAtHeadingLine(analysis, budget.headingRange.start.line), budget);
      assert.equal(sectionAtHeadingLine(analysis, budget.headingRange.start.line + 1), undefined);
      assert.equal(sectionAtOffset(analysis, PRD.indexOf('$48,000')), budget);
      assert.equal(sectionAtOffset(analysis, 0), undefined);
    });
  });

  describe('sectionHover', function () {
    it('says the role, that it is tagged, how the content reads, why, and what the role owns', function () {
      const text = sectionHover(section('Launch budget'), taxonomy);
      assert.match(text, /^\*\*Product\*\* — Launch budget/);
      assert.match(text, /Tagged\. The content reads as Project · Budget \(confidence \d\.\d\d\)\./);
      assert.match(text, /The tag says Product, the content says Project\./);
      assert.match(text, /Why:\n\n- /);
      assert.match(text, /- pattern "\$48,000" → project\/budget \(\+\d/);
      assert.match(text, /Product owns:\n- \*\*Vision\*\*: why the product exists/);
      assert.ok(!/Project owns/.test(text));
    });

    it('says when both sides read strong: how sure it is that one of them owns the section', function () {
      const mixed = analyze(TWO_SIDED_SECTION).sections[0];
      assert.ok(mixed.inferred.bothSides !== undefined, JSON.stringify(mixed.inferred));
      const text = sectionHover(mixed, taxonomy);
      assert.match(text, /Product and project both read strong here: confidence (\d\.\d\d) that one of them owns it/);
      assert.equal(Number(/confidence (\d\.\d\d) that one/.exec(text)![1]), mixed.inferred.bothSides);
      const one = sectionHover(section('Launch budget'), taxonomy);
      assert.ok(!/both read strong/.test(one), one);
    });

    it('names the handles of the tag', function () {
      assert.match(sectionHover(section('Vision'), taxonomy), /Tagged by @dana\./);
    });

    it('says an untagged section is inferred, with its confidence', function () {
      const plain = analyze('# Rollout\n\n## Budget\n\nThe rollout costs $86,500 in total: $62,000 for scanners, the rest for mounts.\n');
      const text = sectionHover(plain.sections[1], taxonomy);
      assert.match(text, /^\*\*Project · Budget\*\*/);
      assert.match(text, /Inferred from the content, confidence \d\.\d\d/);
      assert.match(text, /Project owns:\n- \*\*Schedule\*\*/);
    });

    it('escapes the heading', function () {
      const nasty = analyze('# Plan [x](command:workbench.action.quit) <img src=x onerror=alert(1)>\n\nText.\n');
      const text = sectionHover(nasty.sections[0], taxonomy);
      assert.ok(!text.includes('[x](command:'), text);
      assert.ok(!text.includes('<img'), text);
    });
  });

  describe('hover evidence', function () {
    /** The quoted words of the hover's "Why:" list, unescaped. */
    const why = (hover: string): string[] => [...hover.matchAll(/^- [^"\n]*"((?:[^"\\]|\\.)*)"/gm)].map((m) => m[1].replace(/\\(.)/g, '$1'));
    const range = { start: { line: 0, character: 0, offset: 0 }, end: { line: 0, character: 0, offset: 0 } };
    const withEvidence = (evidence: Evidence[]): Section => {
      const base = analyze('# Notes\n\nText.\n').sections[0];
      return { ...base, inferred: { ...base.inferred, role: 'product', evidence } };
    };
    /** The hover of a section whose verdict has these pieces of evidence: `[kind, text, role, concern, weight]`. */
    const hoverOf = (pieces: [Evidence['kind'], string, Evidence['role'], string, number][]): string =>
      sectionHover(withEvidence(pieces.map(([kind, text, role, concern, weight]) => ({ kind, text, range, role, concern, weight }))), taxonomy);

    it('lists a word once, for the concern it pushes most, whatever its case or Markdown', function () {
      const hover = hoverOf([
        ['body-term', 'persona', 'product', 'user-needs', 0.3],
        ['body-term', 'Persona', 'project', 'resources', 0.2],
        ['body-term', '**persona**', 'product', 'market', 0.1],
      ]);
      assert.deepEqual(why(hover), ['persona']);
      assert.match(hover, /→ product\/user\\-needs/);
    });

    it('never says both sides for one context source: the stronger stands', function () {
      const hover = hoverOf([
        ['context', 'parent section leans project', 'project', 'budget', 0.2],
        ['context', 'parent section leans product', 'product', 'vision', 0.4],
        ['context', 'the document leans project', 'project', 'budget', 0.1],
      ]);
      assert.deepEqual(why(hover), ['parent section leans product', 'the document leans project']);
    });

    it('quotes plain text: no emphasis, code, link or escape marks', function () {
      const hover = hoverOf([
        ['body-term', 'As a** user', 'product', 'user-needs', 0.3],
        ['neutral', '[Mooring standards](#mooring-standards)', 'none', 'none', 0.2],
        ['body-term', '`roadmap`', 'product', 'strategy', 0.1],
        ['body-term', 'go\\-live', 'project', 'schedule', 0.05],
      ]);
      assert.deepEqual(why(hover), ['As a user', 'Mooring standards', 'roadmap', 'go-live']);
      assert.equal(plainText('<b>Budget</b> <https://example.org/x> ## Costs'), 'Budget ## Costs');
    });

    it('takes no word from identifiers, inline code or web addresses', function () {
      const text = [
        '# Harbour app',
        '',
        '## Open items',
        '',
        'The tracker ids RISK-12 and MILESTONE_3 stay open; see `budget_owner`, `timeline.yaml` and scheduleRisk in',
        'https://example.org/budget/timeline/risks for the wiki. The persona interviews are written up.',
        '',
      ].join('\n');
      const section = analyze(text).sections[1];
      const words = section.inferred.evidence.filter((e) => e.kind !== 'context' && e.kind !== 'pattern').map((e) => e.text.toLowerCase());
      assert.ok(words.includes('persona'), `prose still counts: ${words.join(', ')}`);
      for (const inside of ['risk', 'milestone', 'budget', 'timeline', 'risks', 'schedule', 'owner']) assert.ok(!words.includes(inside), `${inside} in ${words.join(', ')}`);
      const hover = sectionHover(section, taxonomy);
      for (const inside of ['MILESTONE', 'budget', 'timeline', 'example']) assert.ok(!why(hover).some((w) => w.includes(inside)), hover);
    });
  });

  describe('commentHover', function () {
    const at = (needle: string, text = PRD) => text.indexOf(needle) + 2;

    it('explains a valid owner tag and spans the comment', function () {
      const hover = commentHover(PRD, at('product/vision'), taxonomy, rules, analysis);
      assert.ok(hover);
      assert.equal(PRD.slice(hover.start, hover.end), '<!-- owner: product/vision @dana -->');
      assert.match(hover.markdown, /\*\*Owner tag\*\* · `product\/vision`/);
      assert.match(hover.markdown, /owned by \*\*Product\*\*, concern \*\*Vision\*\*/);
      assert.match(hover.markdown, /Named owners: @dana/);
    });

    it('says what is wrong with an invalid tag and what would be valid', function () {
      const hover = commentHover(PRD, at('prodcut'), taxonomy, rules, analysis);
      assert.ok(hover);
      assert.match(hover.markdown, /\*\*Invalid owner tag\*\*/);
      assert.match(hover.markdown, /Unknown role 'prodcut'/);
      assert.match(hover.markdown, /roles: product, project, shared, none/);
      assert.match(hover.markdown, /product concerns: vision, user\\-needs/);
    });

    it('explains a directive and its rules', function () {
      const text = '# A\n\n<!-- pm-lens-disable-next-section owner-mismatch -->\n## B\n';
      const hover = commentHover(text, at('disable-next', text), taxonomy, rules);
      assert.ok(hover);
      assert.match(hover.markdown, /\*\*Directive\*\* · `pm-lens-disable-next-section`/);
      assert.match(hover.markdown, /Turns off `owner-mismatch` for the next section only\./);
      assert.match(hover.markdown, /- `owner-mismatch`: A section tagged for one role/);
    });

    it('explains the directives of one line', function () {
      const text = '# A\n\n- [ ] Movers booked by 2025-10-01 <!-- pm-lens-disable-line stale-date -->\n<!-- pm-lens-disable-next-line -->\n';
      const same = commentHover(text, at('disable-line', text), taxonomy, rules);
      assert.match(same?.markdown ?? '', /\*\*Directive\*\* · `pm-lens-disable-line`\n\nTurns off `stale-date` for the findings on this line\./);
      const next = commentHover(text, at('disable-next-line', text), taxonomy, rules);
      assert.match(next?.markdown ?? '', /Turns off every rule for the findings on the next line\./);
    });

    it('lists the valid rules for a directive with an unknown one', function () {
      const text = '# A\n\n<!-- pm-lens-disable owner-mismach -->\n';
      const hover = commentHover(text, at('owner-mis', text), taxonomy, rules);
      assert.ok(hover);
      assert.match(hover.markdown, /\*\*Invalid directive\*\*/);
      assert.match(hover.markdown, /`owner-mismatch`, `mixed-concerns`/);
    });

    it('says nothing about other comments, outside comments, or tags inside code', function () {
      const text = '# A\n\n<!-- a note -->\n\n```md\n<!-- owner: product -->\n```\n\nafter <!-- owner: project -->\n';
      const a = analyze(text);
      assert.equal(commentHover(text, at('a note', text), taxonomy, rules, a), undefined);
      assert.equal(commentHover(text, text.indexOf('after'), taxonomy, rules, a), undefined);
      assert.equal(commentHover(text, at('owner: product', text), taxonomy, rules, a), undefined);
      assert.ok(commentHover(text, at('owner: project', text), taxonomy, rules, a));
    });
  });

  describe('disableRuleFix', function () {
    it('puts a disable-next-section directive above the heading, and the finding goes away', function () {
      const finding = analysis.findings.find((f) => f.ruleId === 'owner-mismatch');
      assert.ok(finding, 'the fixture has an owner-mismatch');
      const fix = disableRuleFix(PRD, analysis, finding);
      assert.ok(fix);
      assert.equal(fix.title, 'Disable owner-mismatch for this section');
      const fixed = apply(PRD, fix.edits);
      assert.ok(fixed.includes('\n<!-- pm-lens-disable-next-section owner-mismatch -->\n## Launch budget\n'));
      const again = analyze(fixed);
      assert.ok(!again.findings.some((f) => f.ruleId === 'owner-mismatch'));
      assert.equal(again.sections.length, analysis.sections.length);
    });

    it('adds the rule to a directive already above the heading', function () {
      const text = PRD.replace('## Launch budget', '<!-- pm-lens-disable-next-section untagged-section -->\n## Launch budget');
      const a = analyze(text);
      const finding = a.findings.find((f) => f.ruleId === 'owner-mismatch');
      assert.ok(finding);
      const fixed = apply(text, disableRuleFix(text, a, finding)!.edits);
      assert.ok(fixed.includes('<!-- pm-lens-disable-next-section untagged-section owner-mismatch -->\n## Launch budget'));
      assert.ok(!analyze(fixed).findings.some((f) => f.ruleId === 'owner-mismatch'));
    });

    describe('for an item of a section', function () {
      const plan = (schedule: string[], eol = '\n'): string =>
        ['---', 'plan: project-plan', 'asOf: 2025-12-02', '---', '# Depot move', '', '## Schedule', '<!-- owner: project/schedule -->', '', ...schedule, ''].join(eol);
      /** Applies the disable fix of the stale-date finding on `line`; returns the text and the lines still reported. */
      const disable = (text: string, line: number): { fixed: string; title: string; left: number[] } => {
        const a = analyze(text);
        const finding = a.findings.find((f) => f.ruleId === 'stale-date' && f.range.start.line === line);
        assert.ok(finding, `a stale-date finding on line ${line}`);
        const fix = disableRuleFix(text, a, finding)!;
        const fixed = apply(text, fix.edits);
        const left = analyze(fixed).findings.filter((f) => f.ruleId === 'stale-date').map((f) => f.range.start.line);
        return { fixed, title: fix.title, left };
      };

      it('ends the item\'s line with a disable-line directive: that item only is switched off', function () {
        const { fixed, title, left } = disable(plan(['- [ ] Movers booked by 2025-10-01', '- [ ] Racking ordered by 2025-09-15']), 9);
        assert.equal(title, 'Disable stale-date for this line');
        assert.ok(fixed.includes('\n- [ ] Movers booked by 2025-10-01 <!-- pm-lens-disable-line stale-date -->\n- [ ] Racking'), fixed);
        assert.deepEqual(left, [10]);
      });

      it('adds the rule to a disable-line directive already there, keeps a hard break and CRLF, and works in a table row', function () {
        const merged = disable(plan(['- [ ] Movers booked by 2025-10-01 <!-- pm-lens-disable-line misplaced-metric -->']), 9);
        assert.ok(merged.fixed.includes('2025-10-01 <!-- pm-lens-disable-line misplaced-metric stale-date -->\n'), merged.fixed);
        assert.deepEqual(merged.left, []);
        const hardBreak = disable(plan(['- [ ] Movers booked by 2025-10-01  ', '  then racking']), 9);
        assert.ok(hardBreak.fixed.includes('2025-10-01 <!-- pm-lens-disable-line stale-date -->  \n  then racking'), hardBreak.fixed);
        const crlf = disable(plan(['- [ ] Movers booked by 2025-10-01'], '\r\n'), 9);
        assert.ok(crlf.fixed.includes('2025-10-01 <!-- pm-lens-disable-line stale-date -->\r\n'));
        assert.ok(!/[^\r]\n/.test(crlf.fixed));
        const row = disable(plan(['| Item | Due | Status |', '|---|---|---|', '| Movers | 2025-10-01 | Open |', '| Racking | 2025-09-15 | Open |']), 11);
        assert.ok(row.fixed.includes('| Movers | 2025-10-01 | Open | <!-- pm-lens-disable-line stale-date -->\n'), row.fixed);
        assert.deepEqual(row.left, [12]);
      });

      it('keeps to the section inside a comment that spans lines, where another comment would end it', function () {
        const text = plan(['<!--', 'owner: prodcut', '-->', '', 'Movers are booked.']);
        const a = analyze(text);
        const invalid = a.findings.find((f) => f.ruleId === 'invalid-tag' && f.section !== undefined);
        assert.ok(invalid && invalid.range.start.line === 10, JSON.stringify(invalid?.range));
        const fix = disableRuleFix(text, a, invalid)!;
        assert.equal(fix.title, 'Disable invalid-tag for this section');
        assert.ok(!analyze(apply(text, fix.edits)).findings.some((f) => f.ruleId === 'invalid-tag'));
      });
    });

    it('keeps CRLF line breaks', function () {
      const text = PRD.replace(/\n/g, '\r\n');
      const a = analyze(text);
      const finding = a.findings.find((f) => f.ruleId === 'owner-mismatch')!;
      const fixed = apply(text, disableRuleFix(text, a, finding)!.edits);
      assert.ok(fixed.includes('\r\n<!-- pm-lens-disable-next-section owner-mismatch -->\r\n## Launch budget\r\n'));
      assert.ok(!/[^\r]\n/.test(fixed));
    });

    it('disables a whole-document finding right after the front matter', function () {
      const text = '---\nplan: prd\n---\n\n# Vision\n<!-- owner: product/vision -->\n\nWhy we build it.\n';
      const a = analyze(text);
      const finding = a.findings.find((f) => f.section === undefined);
      assert.ok(finding, `a document-level finding among ${a.findings.map((f) => f.ruleId).join(', ')}`);
      const fix = disableRuleFix(text, a, finding);
      assert.ok(fix);
      assert.equal(fix.title, `Disable ${finding.ruleId} for this document`);
      const fixed = apply(text, fix.edits);
      assert.ok(fixed.startsWith(`---\nplan: prd\n---\n<!-- pm-lens-disable ${finding.ruleId} -->\n`), fixed);
      assert.ok(!analyze(fixed).findings.some((f) => f.ruleId === finding.ruleId && f.section === undefined));
    });
  });
});
