import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { buildSummary, NO_CONCERN, sumSummaries } from '../../src/core/summary';
import type { EffectiveRole, Finding, FrontMatter, InferredRole, OwnerTag, Range, Section, TagRole } from '../../src/core/types';

const at = (line: number): Range => ({ start: { line, character: 0, offset: line * 10 }, end: { line, character: 5, offset: line * 10 + 5 } });

interface Spec {
  heading: string;
  level?: number;
  words?: number;
  parent?: number;
  /** Inferred role and concern. */
  inferred?: [InferredRole, string?];
  /** Owner tag: role, concern, handles. */
  tag?: [TagRole, string?, ...string[]];
}

/** Sections as analyze() would give them, built from short specs (children filled from parents). */
function sections(specs: Spec[]): Section[] {
  const children = specs.map(() => [] as number[]);
  specs.forEach((s, i) => s.parent !== undefined && children[s.parent].push(i));
  return specs.map((s, index) => {
    const [inferredRole, inferredConcern] = s.inferred ?? ['none'];
    const tags: OwnerTag[] = s.tag
      ? [{ role: s.tag[0], concern: s.tag[1], handles: s.tag.slice(2) as string[], range: at(index * 3 + 1), valueRange: at(index * 3 + 1), raw: '' }]
      : [];
    const tag = tags[0];
    const role: EffectiveRole = tag ? tag.role : inferredRole;
    return {
      index,
      heading: s.heading,
      level: s.level ?? 2,
      headingRange: at(index * 3),
      range: at(index * 3),
      bodyRange: at(index * 3 + 1),
      parent: s.parent,
      children: children[index],
      wordCount: s.words ?? 10,
      tags,
      inferred: { role: inferredRole, concern: inferredConcern, confidence: 0.8, scores: { product: 0, project: 0, none: 0 }, evidence: [] },
      role,
      concern: tag ? tag.concern ?? (tag.role === inferredRole ? inferredConcern : undefined) : inferredConcern,
      confidence: tag ? 1 : 0.8,
      tagged: tag !== undefined,
    };
  });
}

const finding = (ruleId: string, section: number): Finding => ({ ruleId, severity: 'warning', message: '', range: at(section * 3), section, fixes: [] });

describe('buildSummary', () => {
  it('groups each side by concern in taxonomy order, rows in document order', () => {
    const doc = sections([
      { heading: 'Metrics', inferred: ['product', 'metrics'] },
      { heading: 'Budget', inferred: ['project', 'budget'] },
      { heading: 'Vision', inferred: ['product', 'vision'] },
      { heading: 'More metrics', inferred: ['product', 'metrics'] },
      { heading: 'Schedule', inferred: ['project', 'schedule'] },
    ]);
    const summary = buildSummary('prd', doc, [], undefined);
    assert.equal(summary.kind, 'prd');
    assert.deepEqual(summary.product.map((g) => g.concern), ['vision', 'metrics']);
    assert.deepEqual(summary.product[1].rows.map((r) => r.heading), ['Metrics', 'More metrics']);
    assert.equal(summary.product[1].words, 20);
    assert.deepEqual(summary.project.map((g) => g.concern), ['schedule', 'budget']);
    assert.equal(summary.product[0].rows[0].line, 6, '0-based heading line');
  });

  it('counts shared words half to each side, mixed and none to neither', () => {
    const doc = sections([
      { heading: 'Vision', words: 40, inferred: ['product', 'vision'] },
      { heading: 'Schedule', words: 20, inferred: ['project', 'schedule'] },
      { heading: 'Scope', words: 11, tag: ['shared'] },
      { heading: 'Launch', words: 7, inferred: ['mixed', 'schedule'] },
      { heading: 'Glossary', words: 5, tag: ['none'] },
    ]);
    const { words, neither } = buildSummary(undefined, doc, [], undefined);
    assert.deepEqual(words, { product: 45.5, project: 25.5, neither: 12 });
    assert.deepEqual(neither.map((r) => [r.heading, r.role]), [['Scope', 'shared'], ['Launch', 'mixed'], ['Glossary', 'none']]);
  });

  it('puts a side without a concern last, under NO_CONCERN', () => {
    const doc = sections([
      { heading: 'Misc', tag: ['product'], inferred: ['none'] },
      { heading: 'Users', inferred: ['product', 'user-needs'] },
      { heading: 'Custom', tag: ['product', 'pricing'] },
    ]);
    const summary = buildSummary(undefined, doc, [], undefined);
    assert.deepEqual(summary.product.map((g) => g.concern), ['user-needs', 'pricing', NO_CONCERN]);
  });

  it('shows every section with the role, concern and confidence the analysis gives it, empty parents too', () => {
    const doc = sections([
      { heading: 'Plan', level: 1, words: 0, inferred: ['none'] },
      { heading: 'Delivery', level: 2, words: 0, parent: 0, inferred: ['project', 'schedule'] },
      { heading: 'Dates', level: 3, words: 30, parent: 1, inferred: ['project', 'schedule'] },
      { heading: 'Money', level: 3, words: 50, parent: 1, inferred: ['project', 'budget'] },
      { heading: 'Why', level: 2, words: 20, parent: 0, inferred: ['product', 'vision'] },
    ]);
    const summary = buildSummary(undefined, doc, [], undefined);
    const rows = [...summary.product.flatMap((g) => g.rows), ...summary.project.flatMap((g) => g.rows), ...summary.neither];
    for (const section of doc) {
      const row = rows.find((r) => r.section === section.index)!;
      assert.deepEqual([row.role, row.concern, row.confidence], [section.role, section.concern, section.confidence], section.heading);
    }
    // The title stays on neither side: its children do not lend it a role or a confidence.
    assert.deepEqual(summary.neither.map((r) => r.heading), ['Plan']);
    assert.deepEqual(summary.words, { product: 20, project: 80, neither: 0 });
  });

  it('fills the tray: untagged with content, mixed unless tagged shared or none, mismatched', () => {
    const doc = sections([
      { heading: 'Untagged', words: 12, inferred: ['product', 'vision'] },
      { heading: 'Empty', words: 0, inferred: ['none'] },
      { heading: 'Mixed untagged', inferred: ['mixed', 'budget'] },
      { heading: 'Mixed tagged product', inferred: ['mixed', 'budget'], tag: ['product'] },
      { heading: 'Mixed tagged shared', inferred: ['mixed'], tag: ['shared'] },
      { heading: 'Mixed tagged none', inferred: ['mixed'], tag: ['none'] },
      { heading: 'Wrong owner', inferred: ['project', 'budget'], tag: ['product'] },
    ]);
    const summary = buildSummary(undefined, doc, [finding('owner-mismatch', 6), finding('untagged-section', 0), finding('owner-mismatch', 6)], undefined);
    assert.deepEqual(summary.tray, { untagged: [0, 2], mixed: [2, 3], mismatched: [6] });
    const wrong = summary.product.flatMap((g) => g.rows).find((r) => r.section === 6)!;
    assert.deepEqual(wrong.findings, ['owner-mismatch'], 'rule ids once each');
  });

  it('names owners per side from front matter first, then tags, each handle once', () => {
    const frontMatter: FrontMatter = { range: at(0), plan: 'prd', owners: { product: ['@dana'], project: ['@lee'] }, data: {} };
    const doc = sections([
      { heading: 'Vision', tag: ['product', 'vision', '@Dana', '@ana'] },
      { heading: 'Scope', tag: ['shared', undefined, '@sam'] },
      { heading: 'Budget', tag: ['project', 'budget', '@lee', '@kim'] },
      { heading: 'Glossary', tag: ['none', undefined, '@zed'] },
    ]);
    const summary = buildSummary('prd', doc, [], frontMatter);
    assert.deepEqual(summary.owners, { product: ['@dana', '@ana', '@sam'], project: ['@lee', '@sam', '@kim'] });
    assert.deepEqual(summary.product[0].rows[0].handles, ['@Dana', '@ana']);
  });

  it('summarises an empty document as empty', () => {
    const summary = buildSummary(undefined, [], [], undefined);
    assert.deepEqual(summary.words, { product: 0, project: 0, neither: 0 });
    assert.deepEqual([summary.product, summary.project, summary.neither], [[], [], []]);
  });
});

describe('summary of an analysed document', () => {
  it('is what analyze() returns, grouped by the tags', () => {
    const text = [
      '---',
      'owners:',
      '  product: "@dana"',
      '---',
      '# Plan',
      '## Budget',
      '<!-- owner: project/budget @lee -->',
      'Forty thousand for the pilot.',
      '## Vision',
      '<!-- owner: product/vision -->',
      'Everyone brews better tea.',
      '## Scope',
      '<!-- owner: shared -->',
      'Tea and biscuits.',
      '',
    ].join('\n');
    const { summary } = analyze(text);
    assert.deepEqual(summary.product.map((g) => [g.concern, g.rows.map((r) => r.heading)]), [['vision', ['Vision']]]);
    assert.deepEqual(summary.project.map((g) => g.concern).filter((c) => c === 'budget'), ['budget']);
    assert.ok(summary.project.some((g) => g.rows.some((r) => r.heading === 'Budget' && r.line === 5 && r.tagged)));
    assert.deepEqual(summary.words, { product: 4 + 1.5, project: 5 + 1.5, neither: 0 });
    assert.deepEqual(summary.owners, { product: ['@dana'], project: ['@lee'] });
    assert.deepEqual(summary.tray.untagged, []);
  });
});

describe('sumSummaries', () => {
  it('adds words, concerns (taxonomy order), neither, trays and owners across documents', () => {
    const a = buildSummary('prd', sections([
      { heading: 'Budget', words: 10, inferred: ['project', 'budget'], tag: ['project', 'budget', '@lee'] },
      { heading: 'Vision', words: 20, inferred: ['product', 'vision'] },
    ]), [], undefined);
    const b = buildSummary('project-plan', sections([
      { heading: 'Schedule', words: 4, inferred: ['project', 'schedule'] },
      { heading: 'Budget', words: 6, inferred: ['project', 'budget'], tag: ['project', 'budget', '@LEE', '@kim'] },
      { heading: 'Scope', words: 3, tag: ['shared'] },
      { heading: 'Mixed', words: 2, inferred: ['mixed'] },
    ]), [finding('owner-mismatch', 1)], undefined);
    const total = sumSummaries([a, b]);
    assert.equal(total.documents, 2);
    assert.deepEqual(total.words, { product: 21.5, project: 21.5, neither: 2 });
    assert.deepEqual(total.project, [
      { concern: 'schedule', words: 4, sections: 1 },
      { concern: 'budget', words: 16, sections: 2 },
    ]);
    assert.deepEqual(total.product, [{ concern: 'vision', words: 20, sections: 1 }]);
    // Neither side, by why, so every row of the total matches rows of the documents' tables.
    assert.deepEqual(total.neither, [
      { role: 'shared', words: 3, sections: 1 },
      { role: 'mixed', words: 2, sections: 1 },
    ]);
    assert.deepEqual(total.tray, { untagged: 3, mixed: 1, mismatched: 1 });
    assert.deepEqual(total.owners, { product: [], project: ['@lee', '@kim'] });
    assert.deepEqual(sumSummaries([]).words, { product: 0, project: 0, neither: 0 });
  });
});
