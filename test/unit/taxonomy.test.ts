import * as assert from 'node:assert/strict';
import { classifySection } from '../../src/core/classify';
import { compileTaxonomy, stem, termTokens } from '../../src/core/classify/compile';
import { parseFacts } from '../../src/core/parse/facts';
import { outlineSections } from '../../src/core/sections';
import { defaultTaxonomy } from '../../src/core/taxonomy/default';
import { PATTERNS } from '../../src/core/taxonomy/patterns';
import { inCapitals, taxonomySchema, type PatternDef } from '../../src/core/taxonomy/types';
import { LineIndex } from '../../src/core/text';

const PRODUCT = ['vision', 'user-needs', 'market', 'requirements', 'metrics', 'strategy'];
const PROJECT = ['schedule', 'budget', 'resources', 'risks', 'status', 'deliverables'];

/** The evidence texts of the patterns found in `body` (under a plain heading). */
function patternHits(body: string): string[] {
  const text = `## Part two\n\n${body}\n`;
  const [s] = outlineSections(parseFacts(text), text.length).sections;
  const v = classifySection({ text, lines: new LineIndex(text), heading: s.heading, blocks: s.blocks, index: 0 }, { taxonomy: defaultTaxonomy, kind: undefined, parent: undefined });
  return v.evidence.filter((e) => e.kind === 'pattern').map((e) => e.text);
}

describe('taxonomy', () => {
  it('the built-in taxonomy validates against its zod schema, unchanged', () => {
    assert.deepEqual(taxonomySchema.parse(defaultTaxonomy), defaultTaxonomy);
    assert.deepEqual(taxonomySchema.parse(JSON.parse(JSON.stringify(defaultTaxonomy))), defaultTaxonomy);
  });

  it('has the twelve concerns of the design, six a side, each fully described', () => {
    const byRole = (role: string): string[] => Object.entries(defaultTaxonomy.concerns).filter(([, d]) => d.role === role).map(([n]) => n);
    assert.deepEqual(byRole('product'), PRODUCT);
    assert.deepEqual(byRole('project'), PROJECT);
    for (const [name, def] of Object.entries(defaultTaxonomy.concerns)) {
      assert.ok(def.label.length > 0 && def.description.length > 0, name);
      assert.ok(!def.description.includes('\n'), `${name}: one-line description`);
      assert.ok(def.headingTerms.length >= 10, `${name}: heading terms`);
      assert.ok(def.bodyTerms.length >= 20, `${name}: body terms`);
    }
    for (const name of ['schedule', 'budget', 'resources', 'risks', 'user-needs', 'metrics', 'requirements', 'deliverables']) {
      assert.ok(defaultTaxonomy.concerns[name].patterns.length > 0, `${name}: patterns`);
    }
    assert.ok(defaultTaxonomy.concerns.schedule.structures?.includes('gantt'));
    assert.ok(defaultTaxonomy.concerns.resources.structures?.includes('raci'));
    assert.ok(defaultTaxonomy.concerns.deliverables.structures?.includes('task-list'));
    for (const word of ['architecture', 'api', 'schema', 'glossary', 'references', 'changelog', 'installation', 'table of contents', 'appendix', 'document information']) {
      assert.ok(defaultTaxonomy.neutral.headingTerms.includes(word), `neutral: ${word}`);
    }
  });

  it('every term weight names a term of its lists (no typos)', () => {
    const lists = [...Object.entries(defaultTaxonomy.concerns), ['neutral', { ...defaultTaxonomy.neutral, tableHeaders: defaultTaxonomy.neutral.tableHeaders ?? [] }] as const];
    for (const [name, def] of lists) {
      const terms = new Set([...def.headingTerms, ...def.bodyTerms, ...def.tableHeaders]);
      for (const key of Object.keys(def.termWeights ?? {})) assert.ok(terms.has(key), `${name}: weight for unknown term '${key}'`);
    }
  });

  it('every pattern compiles with the giu flags and names where it starts', () => {
    const all: PatternDef[] = Object.values(defaultTaxonomy.concerns).flatMap((d) => d.patterns);
    assert.ok(all.length >= 20);
    for (const p of all) {
      assert.doesNotThrow(() => new RegExp(p.regex, 'giu'), p.name);
      assert.ok(p.starts && p.starts.length > 0, `${p.name}: starts`);
    }
  });

  it('each pattern finds its examples where they stand, and not its near misses', () => {
    const examples: Record<keyof typeof PATTERNS, readonly string[]> = {
      isoDate: ['2025-03-14'],
      monthDate: ['March 14, 2025', 'Nov 1-7', 'June 20th'],
      dayMonthYear: ['14 March 2025'],
      monthYear: ['March 2025', "Jan '26"],
      yearHeading: [],
      numericDate: ['14/03/2025'],
      quarter: ['Q3 2025', "Q4'25", 'H1 2026', 'FY26'],
      weekSprint: ['Week 3', 'Weeks 5-6', 'Sprint 4', 'Day 0'],
      duration: ['6-8 weeks', '3 months', '2-week sprints'],
      phaseMilestone: ['Phase 2', 'Milestone 3', 'M4'],
      currency: ['$48,000', '€1.2M', '10k USD', 'USD 5,000', '5kEUR', '£300'],
      effort: ['1,487 hours', '40 person-days', '120 story points'],
      perPeriodRate: ['/hour', 'per day'],
      fte: ['2 FTE', '0.5 FTE'],
      headcount: ['3 engineers', 'two designers', '4-6 core contributors'],
      handleAssignment: ['Owner: @dana', 'assigned to @lee'],
      riskRating: ['Likelihood: High', 'High / Medium'],
      riskId: ['R1', 'RISK-3'],
      metricTarget: ['Retention ≥ 40%', 'NPS of 50', 'DAU 10k', '99.9% uptime'],
      changeBy: ['increase activation by 20%', 'reduce setup time by 80%'],
      comparisonTarget: ['at least 100%', '< 5x'],
      statusMarker: ['Build: ⟦in progress⟧.', 'Vendor API (⟦blocked⟧)'],
      percentComplete: ['60% complete'],
      statusEmoji: ['✅', '🚧'],
      deliverableId: ['D1.2', 'WP3'],
      userStory: ['⟦As a nurse, I want to see my shifts so that⟧ I can plan.', '**⟦As an** admin\n**I want** exports\n**So that⟧** I can audit.'],
      persona: ['⟦Persona:⟧ Maya, 34', '⟦Persona 2 —⟧ Omar'],
      priority: ['P0'],
      requirementStatement: ['The system shall', 'Users can', 'must support'],
      productDefinition: ['⟦This proposal adds⟧ a command', 'Ferrule ⟦is a small desktop tool⟧ for', '⟦the project will build⟧ one site'],
      userValue: ['⟦lets cashiers refund⟧ a sale', 'we ⟦help new members to pick⟧ a plan', '⟦Value delivered⟧:'],
    };
    // An example is found whole, or its ⟦marked⟧ part is, where it stands in the sentence.
    for (const [name, list] of Object.entries(examples)) {
      for (const example of list) {
        const marked = /⟦([\s\S]*)⟧/.exec(example);
        const expected = marked ? marked[1] : example;
        const hits = patternHits(marked ? example.replace(/[⟦⟧]/g, '') : `Before, ${example} after.`);
        assert.ok(hits.includes(expected), `${name}: '${expected}' found as ${JSON.stringify(hits)}`);
      }
    }
    for (const miss of ['costume party', 'Q7: who are the users?', 'as a result, things happened', 'in 2025 the team grew', 'version 1.2.3', 'the number 42']) {
      const hits = patternHits(miss);
      assert.ok(
        hits.every((h) => !/^(?:Q7|as a|2025|1\.2|42)/.test(h)),
        `'${miss}' is no pattern match: ${JSON.stringify(hits)}`,
      );
    }
  });

  it('stems plurals the same way in terms and in text', () => {
    assert.equal(stem('risks'), 'risk');
    assert.equal(stem('dependencies'), 'dependency');
    assert.equal(stem('processes'), 'process');
    assert.equal(stem('branches'), 'branch');
    assert.equal(stem('status'), 'status');
    assert.equal(stem('analysis'), 'analysis');
    assert.equal(stem('business'), 'business');
    assert.deepEqual(termTokens('Go-to-Market'), ['go', 'to', 'market']);
    assert.deepEqual(termTokens('Roles & Responsibilities'), ['role', 'and', 'responsibility']);
  });

  it('a term written in capitals matches only a word in capitals: the market size SAM, not Sam the designer', () => {
    const terms = (word: string): string[] => compileTaxonomy(defaultTaxonomy).word(word).terms.map((t) => t.concern);
    assert.deepEqual(terms('SAM'), ['market']);
    assert.deepEqual(terms('SAMs'), ['market']);
    assert.deepEqual(terms('Sam'), []);
    assert.deepEqual(terms('sam'), []);
    // REST the API style is technical detail; a rest timer is the product's.
    assert.deepEqual(terms('REST'), ['none']);
    assert.deepEqual(terms('rest'), []);
    assert.ok(inCapitals('TAM') && inCapitals('KPIs') && inCapitals('B2B'));
    assert.ok(!inCapitals('Sam') && !inCapitals('A') && !inCapitals('As') && !inCapitals('sam'));
    const text = '## Team\n\nSam leads design; Dana sizes the SAM with the sales team.\n';
    const [s] = outlineSections(parseFacts(text), text.length).sections;
    const v = classifySection({ text, lines: new LineIndex(text), heading: s.heading, blocks: s.blocks, index: 0 }, { taxonomy: defaultTaxonomy, kind: undefined, parent: undefined });
    const market = v.evidence.filter((e) => e.concern === 'market').map((e) => e.text);
    assert.ok(market.includes('SAM') && !market.includes('Sam'), JSON.stringify(market));
    // A configuration that adds the plain term: every Sam is market, and SAM counts once.
    const extended = taxonomySchema.parse({ ...defaultTaxonomy, concerns: { ...defaultTaxonomy.concerns, market: { ...defaultTaxonomy.concerns.market, bodyTerms: [...defaultTaxonomy.concerns.market.bodyTerms, 'sam'] } } });
    assert.deepEqual(compileTaxonomy(extended).word('SAM').terms.map((t) => t.concern), ['market']);
    assert.deepEqual(compileTaxonomy(extended).word('Sam').terms.map((t) => t.concern), ['market']);
  });

  it('compiles once per taxonomy object', () => {
    assert.equal(compileTaxonomy(defaultTaxonomy), compileTaxonomy(defaultTaxonomy));
    const copy = taxonomySchema.parse(JSON.parse(JSON.stringify(defaultTaxonomy)));
    assert.notEqual(compileTaxonomy(copy), compileTaxonomy(defaultTaxonomy));
  });
});
