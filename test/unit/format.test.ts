import * as assert from 'node:assert/strict';
import type { Rule } from '../../src/core/rules/rule';
import {
  analyzeToJson,
  analyzeToText,
  checkToMarkdown,
  checkToText,
  escapeCell,
  oneBased,
  reaches,
  sarifLevel,
  severityCounts,
  summaryToJson,
  summaryToMarkdown,
  summaryToText,
  toSarif,
  totalToMarkdown,
  type FileAnalysis,
} from '../../src/core/report';
import { analyze } from '../../src/core/analyze';
import type { Analysis, Finding, Range, Section, Severity, Summary, SummaryRow, SummaryTotal } from '../../src/core/types';
import { sarifProblems } from '../fixtures/cli/sarif-check';

/** A range on one line, 0-based, offsets made up (formatters never read them). */
const r = (line: number, from: number, to = from): Range => ({
  start: { line, character: from, offset: line * 100 + from },
  end: { line, character: to, offset: line * 100 + to },
});

const finding = (ruleId: string, severity: Severity, range: Range, message = `${ruleId} here`): Finding => ({ ruleId, severity, message, range, section: 0, fixes: [] });

const row = (section: number, heading: string, line: number, role: SummaryRow['role'], concern: string | undefined, words: number, tagged: boolean): SummaryRow => ({
  section,
  heading,
  level: 2,
  line,
  range: r(line, 0, heading.length + 3),
  role,
  concern,
  words,
  confidence: tagged ? 1 : 0.625,
  tagged,
  handles: [],
  findings: [],
});

const summary: Summary = {
  kind: 'prd',
  words: { product: 45.5, project: 20.5, neither: 4 },
  product: [{ concern: 'vision', words: 40, rows: [row(0, 'Why | now', 2, 'product', 'vision', 40, true)] }],
  project: [{ concern: 'budget', words: 20, rows: [row(1, 'Costs', 6, 'project', 'budget', 20, false)] }],
  neither: [row(2, 'Scope', 9, 'shared', undefined, 11, true), row(3, 'Glossary', 12, 'none', undefined, 4, false)],
  tray: { untagged: [1, 3], mixed: [], mismatched: [1] },
  owners: { product: ['@dana'], project: [] },
};

const section: Section = {
  index: 0,
  heading: 'Launch 🚀 budget',
  level: 2,
  headingRange: r(4, 0, 18),
  range: r(4, 0, 18),
  bodyRange: r(5, 0, 0),
  parent: undefined,
  children: [],
  wordCount: 3,
  tags: [{ role: 'product', concern: undefined, handles: ['@dana'], range: r(5, 0, 22), valueRange: r(5, 12, 19), raw: '<!-- owner: product @dana -->' }],
  inferred: {
    role: 'project',
    concern: 'budget',
    confidence: 0.87654,
    scores: { product: 0, project: 4, none: 0 },
    evidence: [{ kind: 'pattern', text: '$48,000', range: r(6, 9, 16), concern: 'budget', role: 'project', weight: 2.3456 }],
  },
  role: 'product',
  concern: undefined,
  confidence: 1,
  tagged: true,
};

const analysis: Analysis = {
  kind: undefined,
  frontMatter: undefined,
  sections: [section],
  findings: [
    finding('owner-mismatch', 'warning', { start: r(4, 3).start, end: r(5, 2).end }, 'Reads as project\nnot product'),
    finding('untagged-section', 'hint', r(8, 4, 6)),
  ],
  summary,
};

const file: FileAnalysis = { path: 'docs/launch plan.md', analysis };

describe('report: positions and severities', function () {
  it('prints 1-based lines and columns, end column exclusive', function () {
    assert.deepEqual(oneBased(r(0, 0, 5)), { line: 1, column: 1, endLine: 1, endColumn: 6 });
  });

  it('compares a severity with --fail-on', function () {
    const table: [Severity, Record<string, boolean>][] = [
      ['error', { error: true, warning: true, info: true, hint: true, never: false }],
      ['warning', { error: false, warning: true, info: true, hint: true, never: false }],
      ['info', { error: false, warning: false, info: true, hint: true, never: false }],
      ['hint', { error: false, warning: false, info: false, hint: true, never: false }],
    ];
    for (const [severity, expected] of table) {
      for (const [threshold, result] of Object.entries(expected)) assert.equal(reaches(severity, threshold as Severity), result, `${severity} vs ${threshold}`);
    }
  });

  it('maps severities to SARIF levels: info and hint are notes', function () {
    assert.deepEqual((['error', 'warning', 'info', 'hint'] as const).map(sarifLevel), ['error', 'warning', 'note', 'note']);
  });

  it('counts severities in words', function () {
    assert.equal(severityCounts({ error: 1, warning: 2, info: 0, hint: 1 }), '1 error, 2 warnings, 1 hint');
  });
});

describe('report: text', function () {
  it('writes one finding per line, messages on one line', function () {
    assert.equal(
      checkToText([file]),
      'docs/launch plan.md:5:4 warning owner-mismatch Reads as project not product\n' + 'docs/launch plan.md:9:5 hint untagged-section untagged-section here\n',
    );
    assert.equal(checkToText([file], 'warning'), 'docs/launch plan.md:5:4 warning owner-mismatch Reads as project not product\n');
    assert.equal(checkToText([file], 'error'), '');
  });

  it("names a side's context line by the side when the section names no concern of that side", function () {
    const text = '# Harbour Sensors Grant\n\n## Budget\n\nHardware costs $12,000.\n\n## Milestones\n\nMonth 1: prototype. Month 3: pilot.\n\n## Licensing\n\nThe firmware is released under Apache 2.0.\n';
    const analysis = analyze(text);
    const licensing = analysis.sections.find((s) => s.heading === 'Licensing')!;
    const lean = licensing.inferred.evidence.find((e) => e.kind === 'context' && e.role === 'project');
    assert.ok(lean && lean.concern === 'none', JSON.stringify(licensing.inferred.evidence));
    const why = analyzeToText([{ path: 'grant.md', analysis }]).split('\n').find((l, i, all) => l.includes('why:') && all[i - 1].includes('## Licensing'))!;
    assert.ok(why.includes(`'${lean.text}' project +`), why);
  });

  it('lays the summary out as a table with every section', function () {
    const text = summaryToText(summary, 'docs/prd.md');
    assert.equal(
      text,
      [
        'docs/prd.md (plan: prd)',
        '  product 65% (45.5 words) | project 29% (20.5) | neither 6% (4)',
        '  side     concern  words  conf  state     line  section',
        '  product  Vision      40  1.00  tagged       3  ## Why | now',
        '  project  Budget      20  0.63  inferred     7  ## Costs',
        '  shared   -           11  1.00  tagged      10  ## Scope',
        '  none     -            4  0.63  inferred    13  ## Glossary',
        '  tray: 2 untagged, 0 mixed, 1 mismatched',
        '  owners: product @dana; project -',
        '',
      ].join('\n'),
    );
  });
});

describe('report: JSON', function () {
  it('writes analyze JSON exactly: 1-based, nulls for absent values, rounded numbers', function () {
    assert.deepEqual(analyzeToJson([file]), [
      {
        file: 'docs/launch plan.md',
        kind: null,
        sections: [
          {
            line: 5,
            level: 2,
            heading: 'Launch 🚀 budget',
            role: 'product',
            concern: null,
            confidence: 1,
            inferred: {
              role: 'project',
              concern: 'budget',
              confidence: 0.877,
              evidence: [{ kind: 'pattern', text: '$48,000', line: 7, column: 10, concern: 'budget', role: 'project', weight: 2.346 }],
            },
            tag: { role: 'product', concern: null, handles: ['@dana'] },
          },
        ],
        findings: [
          { rule: 'owner-mismatch', severity: 'warning', message: 'Reads as project\nnot product', line: 5, column: 4, endLine: 6, endColumn: 3 },
          { rule: 'untagged-section', severity: 'hint', message: 'untagged-section here', line: 9, column: 5, endLine: 9, endColumn: 7 },
        ],
      },
    ]);
  });

  it('writes the summary model with 1-based lines and no ranges', function () {
    const json = summaryToJson(summary);
    assert.equal(json.kind, 'prd');
    assert.deepEqual(json.product[0].rows[0], {
      section: 0,
      heading: 'Why | now',
      level: 2,
      line: 3,
      role: 'product',
      concern: 'vision',
      words: 40,
      confidence: 1,
      tagged: true,
      handles: [],
      findings: [],
    });
    assert.equal(json.neither[0].concern, null);
    assert.deepEqual(json.tray, summary.tray);
    assert.deepEqual(JSON.parse(JSON.stringify(json)), json, 'plain data');
  });
});

describe('report: Markdown', function () {
  it('escapes what would break a table cell', function () {
    assert.equal(escapeCell('a | b\nc `d` *e* <f>'), 'a \\| b c \\`d\\` \\*e\\* \\<f\\>');
  });

  it('writes the summary table the panel copies', function () {
    assert.equal(
      summaryToMarkdown(summary, 'docs/prd.md'),
      [
        '### docs/prd.md',
        '',
        'Product 65% (45.5 words) · Project 29% (20.5 words) · Neither 6% (4 words) · plan: prd',
        '',
        '| Side | Concern | Section | Words | Confidence | Owner tag |',
        '|---|---|---|---:|---:|---|',
        '| Product | Vision | Why \\| now (line 3) | 40 | 1.00 | tagged |',
        '| Project | Budget | Costs (line 7) | 20 | 0.63 | inferred |',
        '| Shared | — | Scope (line 10) | 11 | 1.00 | tagged |',
        '| None | — | Glossary (line 13) | 4 | 0.63 | inferred |',
        '',
        '**Needs attention**',
        '',
        '- Untagged (2): Costs, Glossary',
        '- Mismatched (1): Costs',
        '',
        'Owners: product `@dana`; project —',
        '',
      ].join('\n'),
    );
    assert.ok(summaryToMarkdown(summary, '').startsWith('Product 65%'), 'no heading without a title');
  });

  it('writes the workspace total as a table of concerns', function () {
    const total: SummaryTotal = {
      documents: 2,
      words: { product: 10, project: 30, neither: 0 },
      product: [{ concern: 'metrics', words: 10, sections: 1 }],
      project: [{ concern: 'schedule', words: 30, sections: 3 }],
      neither: [{ role: 'shared', words: 8, sections: 1 }, { role: 'none', words: 0, sections: 2 }],
      tray: { untagged: 1, mixed: 0, mismatched: 2 },
      owners: { product: [], project: ['@lee'] },
    };
    const md = totalToMarkdown(total, 'Total');
    assert.match(md, /^### Total\n\nProduct 25% \(10 words\) · Project 75% \(30 words\) · Neither 0% \(0 words\) · 2 documents\n/);
    assert.match(md, /\| Product \| Metrics \| 10 \| 1 \|\n\| Project \| Schedule \| 30 \| 3 \|\n\| Shared \| — \| 8 \| 1 \|\n\| None \| — \| 0 \| 2 \|/);
    assert.match(md, /Needs attention: 1 untagged, 0 mixed, 2 mismatched\./);
  });

  it('writes a PR comment with a headline and linked rules', function () {
    const md = checkToMarkdown([file, { path: 'clean.md', analysis: { ...analysis, findings: [] } }]);
    assert.match(md, /^## PM Lens\n\n\*\*2 findings\*\* \(1 warning, 1 hint\) in 1 of 2 plan documents\.\n/);
    assert.match(md, /### `docs\/launch plan\.md`/);
    assert.match(md, /\| warning \| 5:4 \| \[owner-mismatch\]\(https:\/\/github\.com\/pm-lens\/pm-lens\/blob\/main\/docs\/rules\/owner-mismatch\.md\) \| Reads as project not product \|/);
    assert.doesNotMatch(md, /clean\.md/);
  });
});

describe('report: SARIF', function () {
  const rules: Rule[] = [
    { id: 'owner-mismatch', defaultSeverity: 'warning', description: 'A section tagged for one role whose content belongs to the other', check: () => undefined },
    { id: 'missing-owner', defaultSeverity: 'off', description: 'A section that names no person.', check: () => undefined },
  ];
  const withUnknown: FileAnalysis = { path: 'x.md', analysis: { ...analysis, findings: [...analysis.findings, finding('config-problem', 'error', r(0, 0, 1))] } };

  it('passes the structural check, with a descriptor for every rule and result', function () {
    const log = toSarif([{ ...withUnknown, uri: 'docs/launch%20plan.md', relative: true }], { toolVersion: '1.2.3', rules, srcRoot: 'file:///work/repo/' });
    assert.deepEqual(sarifProblems(log), []);
    const run = log.runs[0];
    assert.deepEqual(run.tool.driver.rules.map((d) => d.id), ['owner-mismatch', 'missing-owner', 'untagged-section', 'config-problem']);
    assert.deepEqual(run.tool.driver.rules[1].defaultConfiguration, { level: 'note', enabled: false });
    assert.equal(run.tool.driver.rules[1].help.text, 'A section that names no person. See https://github.com/pm-lens/pm-lens/blob/main/docs/rules/missing-owner.md');
    assert.deepEqual(run.results.map((x) => [x.ruleId, x.ruleIndex, x.level]), [
      ['owner-mismatch', 0, 'warning'],
      ['untagged-section', 2, 'note'],
      ['config-problem', 3, 'error'],
    ]);
    assert.deepEqual(run.results[0].locations[0].physicalLocation, {
      artifactLocation: { uri: 'docs/launch%20plan.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 5, startColumn: 4, endLine: 6, endColumn: 3 },
    });
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///work/repo/' } });
    assert.equal(run.columnKind, 'utf16CodeUnits');
  });

  it('gives an absolute URI no base, and stays valid with no files', function () {
    const log = toSarif([{ ...file, uri: 'file:///elsewhere/plan.md', relative: false }], { toolVersion: '1.2.3', rules });
    assert.deepEqual(sarifProblems(log), []);
    assert.deepEqual(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: 'file:///elsewhere/plan.md' });
    assert.deepEqual(sarifProblems(toSarif([], { toolVersion: '1.2.3', rules })), []);
  });

  it('the structural check catches what GitHub would reject', function () {
    const good = toSarif([{ ...file, uri: 'a.md', relative: true }], { toolVersion: '1', rules, srcRoot: 'file:///r/' });
    const broken = (edit: (log: Record<string, any>) => void) => {
      const copy = JSON.parse(JSON.stringify(good)) as Record<string, any>;
      edit(copy);
      return sarifProblems(copy);
    };
    assert.notDeepEqual(broken((l) => delete l.$schema), []);
    assert.notDeepEqual(broken((l) => (l.version = '2.0.0')), []);
    assert.notDeepEqual(broken((l) => (l.runs[0].results[0].ruleIndex = 1)), []);
    assert.notDeepEqual(broken((l) => (l.runs[0].results[0].level = 'info')), []);
    assert.notDeepEqual(broken((l) => (l.runs[0].results[0].locations[0].physicalLocation.region.startColumn = 0)), []);
    assert.notDeepEqual(broken((l) => (l.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'a b.md')), []);
    assert.notDeepEqual(broken((l) => (l.runs[0].originalUriBaseIds['%SRCROOT%'].uri = 'file:///r')), []);
    assert.notDeepEqual(broken((l) => (l.runs[0].tool.driver.rules[0].shortDescripton = { text: 'typo' })), []);
    assert.notDeepEqual(broken((l) => delete l.runs[0].tool.driver.rules[0].help), []);
  });
});
