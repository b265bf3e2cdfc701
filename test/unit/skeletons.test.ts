import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { defaultConfig } from '../../src/core/config/defaults';
import {
  expandSnippet,
  mainSkeleton,
  parseSnippet,
  shiftTabStops,
  skeletonFor,
  skeletons,
  snippetLines,
  tabStops,
} from '../../src/core/skeletons';
import { documentTemplate, TEMPLATE_KINDS } from '../../src/core/templates';
import type { Analysis, Fix, Section } from '../../src/core/types';

/** A skeleton as a small document of the skeleton's own side, so context does not decide it. */
function asDocument(lines: readonly string[]): string {
  return ['# Plan', '', expandSnippet(lines.join('\n'))].join('\n');
}

/** The one section of a skeleton document (the `# Plan` title is the other). */
function onlySection(analysis: Analysis): Section {
  const sections = analysis.sections.filter((s) => s.level === 2);
  assert.equal(sections.length, 1, `expected one section, got ${analysis.sections.map((s) => s.heading).join(', ')}`);
  return sections[0];
}

const ruleIdsOf = (analysis: Analysis): string[] => analysis.findings.map((f) => f.ruleId);

/** Applies a fix's edits (which never overlap) to the text. */
function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.range.start.offset - a.range.start.offset);
  return edits.reduce((t, e) => t.slice(0, e.range.start.offset) + e.newText + t.slice(e.range.end.offset), text);
}

/** A template without the sections tagged with one concern. */
function withoutConcern(text: string, concern: string): string {
  const analysis = analyze(text);
  const drop = analysis.sections.filter((s) => s.level === 2 && s.tags[0]?.concern === concern);
  return drop
    .sort((a, b) => b.range.start.offset - a.range.start.offset)
    .reduce((t, s) => t.slice(0, s.range.start.offset) + t.slice(s.range.end.offset), text);
}

describe('section skeletons', () => {
  it('cover every built-in concern with exactly one main skeleton', () => {
    for (const concern of Object.keys(defaultConfig.taxonomy.concerns)) {
      const mains = skeletons.filter((s) => s.main && s.concern === concern);
      assert.equal(mains.length, 1, `concern ${concern} has ${mains.length} main skeletons`);
      assert.equal(defaultConfig.taxonomy.concerns[concern].role, mains[0].role, `${mains[0].prefix} is on the wrong side`);
    }
  });

  it('have the sections the issue lists, found by typing product or project', () => {
    const prefixes = skeletons.map((s) => s.prefix);
    for (const expected of [
      'product-vision', 'product-problem', 'product-personas', 'product-user-stories', 'product-market',
      'product-requirements', 'product-metrics', 'product-roadmap', 'project-schedule', 'project-budget',
      'project-resources', 'project-raci', 'project-risks', 'project-status', 'project-deliverables',
    ]) assert.ok(prefixes.includes(expected), `no skeleton ${expected}`);
    for (const s of skeletons) assert.ok(s.prefix.startsWith(`${s.role}-`), `${s.prefix} does not start with its role`);
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes repeat');
    assert.equal(new Set(skeletons.map((s) => s.name)).size, skeletons.length, 'names repeat');
  });

  it('use well-formed snippet syntax with tab stops numbered 1..n and a final $0', () => {
    for (const s of skeletons) {
      const source = snippetLines(s).join('\n');
      const stops = tabStops(source);
      assert.equal(stops[0], 0, `${s.prefix} has no final $0`);
      const numbered = stops.slice(1);
      assert.deepEqual(numbered, numbered.map((_, i) => i + 1), `${s.prefix} numbers its tab stops ${numbered.join(',')}`);
      assert.ok(numbered.length >= 3, `${s.prefix} has hardly any tab stops`);
      // An unescaped `$12,000` would be tab stop 12 and break the numbering above.
      assert.ok(!expandSnippet(source).includes('${'), `${s.prefix} leaves snippet syntax in its text`);
    }
  });

  it('shape the tables the way each role writes them', () => {
    const header = (prefix: string): string => {
      const s = skeletons.find((k) => k.prefix === prefix)!;
      return expandSnippet(s.body.join('\n')).split('\n').find((l) => l.startsWith('|'))!.toLowerCase();
    };
    assert.match(header('product-metrics'), /metric.*baseline.*target.*date/);
    assert.match(header('project-schedule'), /milestone.*date.*owner/);
    assert.match(header('project-budget'), /item.*cost/);
    assert.match(header('project-resources'), /role.*name.*allocation/);
    assert.match(header('project-risks'), /risk.*likelihood.*impact.*mitigation.*owner/);
    const budget = skeletonFor('budget', '\n')!;
    assert.match(budget, /\*\*Total\*\*/);
    assert.match(budget, /\$12,000/);
  });

  it('offer choices where a fixed set of answers exists', () => {
    const choices = (prefix: string): string[][] =>
      parseSnippet(snippetLines(skeletons.find((k) => k.prefix === prefix)!).join('\n'))
        .filter((p) => p.type === 'choice')
        .map((p) => (p.type === 'choice' ? [...p.options] : []));
    for (const options of choices('project-risks')) assert.deepEqual([...options].sort(), ['High', 'Low', 'Medium']);
    assert.ok(choices('project-risks').length >= 4);
    assert.ok(choices('project-raci').every((o) => [...o].sort().join('') === 'ACIR'));
    assert.ok(choices('product-requirements').length >= 3);
  });

  for (const s of skeletons) {
    it(`${s.prefix}: expanded and analyzed, it is a ${s.role}/${s.concern} section the classifier agrees with`, () => {
      const text = asDocument(snippetLines(s));
      const analysis = analyze(text);
      const section = onlySection(analysis);
      assert.equal(section.tagged, true);
      assert.equal(section.tags.length, 1);
      assert.equal(section.role, s.role);
      assert.equal(section.concern, s.concern);
      assert.equal(section.heading, s.heading);
      assert.equal(section.inferred.role, s.role, `classifier reads ${s.prefix} as ${section.inferred.role}: ${section.inferred.evidence.slice(0, 5).map((e) => `${e.concern}:${e.text}`).join(', ')}`);
      assert.equal(section.inferred.concern, s.concern, `classifier reads ${s.prefix} as ${section.inferred.concern}: ${section.inferred.evidence.slice(0, 5).map((e) => `${e.concern}:${e.text}`).join(', ')}`);
      const findings = ruleIdsOf(analysis);
      for (const bad of ['owner-mismatch', 'invalid-tag', 'mixed-concerns', 'duplicate-tag']) {
        assert.ok(!findings.includes(bad), `${s.prefix} reports ${bad}: ${analysis.findings.map((f) => f.message).join('; ')}`);
      }
    });
  }
});

describe('skeletonFor', () => {
  it('returns the plain text of the concern’s main snippet, heading and tag first, ending in a line break', () => {
    for (const concern of Object.keys(defaultConfig.taxonomy.concerns)) {
      const text = skeletonFor(concern, '\n')!;
      const skeleton = mainSkeleton(concern)!;
      assert.equal(text, expandSnippet(snippetLines(skeleton).join('\n')));
      const lines = text.split('\n');
      assert.equal(lines[0], `## ${skeleton.heading}`);
      assert.equal(lines[1], `<!-- owner: ${skeleton.role}/${concern} -->`);
      assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'));
      assert.ok(!text.includes('${'), `${concern} keeps snippet syntax`);
    }
  });

  it('uses the line break it is given', () => {
    const crlf = skeletonFor('risks', '\r\n')!;
    assert.equal(crlf.split('\r\n').join('\n'), skeletonFor('risks', '\n'));
    assert.ok(!/[^\r]\n/.test(crlf));
  });

  it('is undefined for a concern without a skeleton', () => {
    assert.equal(skeletonFor('no-such-concern', '\n'), undefined);
  });
});

describe('the missing-concern quick fix', () => {
  for (const kind of TEMPLATE_KINDS) {
    for (const concern of defaultConfig.kinds[kind].required) {
      it(`inserts the ${concern} skeleton into a ${kind} that lacks it, and the finding goes away`, () => {
        const text = withoutConcern(documentTemplate(kind).text, concern);
        const finding = analyze(text).findings.find((f) => f.ruleId === 'missing-concern');
        assert.ok(finding, `no missing-concern for ${concern}`);
        assert.ok(finding.fixes.length > 0);
        const inserted = finding.fixes[0].edits.map((e) => e.newText).join('');
        assert.ok(inserted.includes(skeletonFor(concern, '\n')!), inserted);
        const fixed = analyze(applyFix(text, finding.fixes[0]));
        assert.deepEqual(ruleIdsOf(fixed).filter((id) => id !== 'untagged-section'), []);
        assert.ok(fixed.sections.some((s) => s.tagged && s.concern === concern));
      });
    }
  }
});

describe('snippet syntax', () => {
  it('expands placeholders, nested placeholders, choices, mirrors and escapes', () => {
    assert.equal(expandSnippet('a ${1:one} b'), 'a one b');
    assert.equal(expandSnippet('${1:outer ${2:inner}}!'), 'outer inner!');
    assert.equal(expandSnippet('${1|High,Medium,Low|}'), 'High');
    assert.equal(expandSnippet('${1|a\\,b,c|}'), 'a,b');
    assert.equal(expandSnippet('${1:x} and $1'), 'x and x');
    assert.equal(expandSnippet('cost \\$12 and \\} and \\\\'), 'cost $12 and } and \\');
    assert.equal(expandSnippet('${1:a \\} b}'), 'a } b');
    assert.equal(expandSnippet('end$0'), 'end');
    assert.equal(expandSnippet('50$ off'), '50$ off');
  });

  it('refuses variables, which the skeletons never use', () => {
    assert.throws(() => parseSnippet('$TM_FILENAME'));
    assert.throws(() => parseSnippet('${CURRENT_YEAR}'));
    assert.throws(() => parseSnippet('${1:unclosed'));
  });

  it('shifts tab stops and drops $0 without changing the text', () => {
    const source = '## ${1:Risks}\n| ${2|High\\, very,Low|} | \\$5 ${3:a \\} ${4:b}} |\n$0';
    const shifted = shiftTabStops(source, 10);
    assert.deepEqual(tabStops(shifted), [11, 12, 13, 14]);
    assert.equal(expandSnippet(shifted), expandSnippet(source));
  });
});
