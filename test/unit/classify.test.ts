import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { calibratedConfidence, loadModel } from '../../src/core/classify/model';
import fitted from '../../src/core/classify/weights.json';
import { IncrementalAnalyzer } from '../../src/core/incremental';
import { classifySection, saturate, type ClassifyContext } from '../../src/core/classify';
import { DEFAULT_KINDS } from '../../src/core/config/defaults';
import type { KindDef } from '../../src/core/config/types';
import { parseFacts } from '../../src/core/parse/facts';
import { outlineSections } from '../../src/core/sections';
import { defaultTaxonomy } from '../../src/core/taxonomy/default';
import { taxonomySchema, type Taxonomy } from '../../src/core/taxonomy/types';
import { LineIndex } from '../../src/core/text';
import type { Evidence, Verdict } from '../../src/core/types';
import { fromRoot } from '../support/paths';
import { PROPERTY_SEED } from '../support/property-seed';
import { TWO_SIDED_SECTION } from '../support/two-sided';

interface Classified {
  readonly heading: string;
  readonly body: string;
  readonly verdict: Verdict;
}

/** Classifies every section of `text` as the engine does: in order, each with its parent's verdict. */
function classifyAll(text: string, options: { taxonomy?: Taxonomy; kind?: KindDef } = {}): Classified[] {
  const lines = new LineIndex(text);
  const outline = outlineSections(parseFacts(text), text.length);
  const out: Classified[] = [];
  for (const s of outline.sections) {
    const context: ClassifyContext = {
      taxonomy: options.taxonomy ?? defaultTaxonomy,
      kind: options.kind,
      parent: s.parent !== undefined ? out[s.parent].verdict : undefined,
    };
    const verdict = classifySection({ text, lines, heading: s.heading, blocks: s.blocks, index: s.index }, context);
    out.push({ heading: s.heading.text, body: text.slice(s.bodyStart, s.end), verdict });
  }
  return out;
}

/** The one section with this heading. */
function section(text: string, heading: string, options?: { taxonomy?: Taxonomy; kind?: KindDef }): Verdict {
  const found = classifyAll(text, options).filter((c) => c.heading === heading);
  assert.equal(found.length, 1, `one section '${heading}'`);
  return found[0].verdict;
}

/** The verdict the whole analysis gives the one section with this heading: the document's context counts. */
function analysed(text: string, heading: string): Verdict {
  const found = analyze(text).sections.filter((s) => s.heading === heading);
  assert.equal(found.length, 1, `one section '${heading}'`);
  return found[0].inferred;
}

const why = (v: Verdict): string =>
  `${v.role}/${v.concern} (${v.confidence}) P${v.scores.product} J${v.scores.project} N${v.scores.none}: ` +
  v.evidence.map((e) => `${e.kind}:${e.concern}:${JSON.stringify(e.text)}=${e.weight}`).join(', ');

const evidenceOf = (v: Verdict, kind: Evidence['kind'], concern?: string): Evidence[] =>
  v.evidence.filter((e) => e.kind === kind && (concern === undefined || e.concern === concern));

/** Every evidence that is not context points at exactly its text in the document. */
function assertEvidenceRanges(text: string, v: Verdict): void {
  const lines = new LineIndex(text);
  for (const e of v.evidence) {
    if (e.kind === 'context') continue;
    assert.equal(text.slice(e.range.start.offset, e.range.end.offset), e.text, `evidence ${JSON.stringify(e.text)}`);
    assert.deepEqual(e.range.start, lines.positionAt(e.range.start.offset));
    assert.deepEqual(e.range.end, lines.positionAt(e.range.end.offset));
  }
}

describe('classify', () => {
  describe('fixtures with inline expectations (<!-- classify: role[/concern] -->)', () => {
    const dir = fromRoot('test/fixtures/classify');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
      it(file, () => {
        const text = fs.readFileSync(`${dir}/${file}`, 'utf8');
        const analysis = analyze(text);
        let checked = 0;
        for (const s of analysis.sections) {
          const body = text.slice(s.bodyRange.start.offset, s.bodyRange.end.offset);
          const expect = /<!--\s*classify:\s*([a-z-]+)(?:\/([a-z-]+))?\s*-->/.exec(body);
          assert.ok(expect, `${file}: section '${s.heading}' states its expectation`);
          const [, role, concern] = expect;
          assert.equal(s.inferred.role, role, `${file}: '${s.heading}' reads as ${why(s.inferred)}`);
          if (concern) assert.equal(s.inferred.concern, concern, `${file}: '${s.heading}' reads as ${why(s.inferred)}`);
          assertEvidenceRanges(text, s.inferred);
          checked++;
        }
        assert.ok(checked > 1, `${file} has sections`);
      });
    }
  });

  describe('each concern', () => {
    const cases: readonly [string, string, string][] = [
      ['vision', 'Vision and Mission', 'Our vision is a waiting room where nobody waits; the value proposition is fewer empty slots.'],
      ['user-needs', 'Personas', 'The receptionist is our primary persona; her pain point is rebooking patients by phone.'],
      ['market', 'Market Analysis', 'Competitors sell enterprise suites with per-seat pricing; the independent segment is underserved.'],
      ['requirements', 'Requirements', 'The system shall send a reminder; patients must be able to cancel from the message.'],
      ['metrics', 'KPIs', 'Retention above 85% after three months; the no-show rate drops from 12% to 6%.'],
      ['strategy', 'Strategy', 'Our strategy is to own the niche first, prioritize integrations and build partnerships.'],
      ['schedule', 'Schedule', 'Design starts March 3, 2025; the beta is due in week 9 and the launch in Q3 2025.'],
      ['budget', 'Costs', 'The build costs $48,000 and hosting €400 per month, within the approved budget.'],
      ['resources', 'Staffing', 'Two engineers full-time and a designer at 0.5 FTE; Dana is the project manager.'],
      ['risks', 'Risks', 'Vendor delay: likelihood medium, impact high; mitigation is a second provider as fallback.'],
      ['status', 'Progress', 'Design is done; the reminder service is in progress and on track; we report weekly.'],
      ['deliverables', 'Deliverables', '- [x] Reminder service\n- [ ] Admin screen\n- [ ] User guide handed over'],
    ];
    for (const [concern, heading, body] of cases) {
      const role = defaultTaxonomy.concerns[concern].role;
      it(`${concern}: from its heading, from its body, and from both`, () => {
        const fromHeading = section(`## ${heading}\n`, heading);
        assert.equal(`${fromHeading.role}/${fromHeading.concern}`, `${role}/${concern}`, why(fromHeading));
        assert.equal(evidenceOf(fromHeading, 'heading-term', concern).length > 0, true, why(fromHeading));

        const fromBody = section(`## Part two\n\n${body}\n`, 'Part two');
        assert.equal(`${fromBody.role}/${fromBody.concern}`, `${role}/${concern}`, why(fromBody));

        const both = section(`## ${heading}\n\n${body}\n`, heading);
        assert.equal(`${both.role}/${both.concern}`, `${role}/${concern}`, why(both));
        // Except for metrics: the fitted model learned that a "Metrics"/"KPIs" heading is as often
        // about system figures (neither side) as about outcomes, so the heading adds no certainty.
        if (concern !== 'metrics') assert.ok(both.confidence > fromBody.confidence, `heading and body together are surer than the body alone: ${why(both)}`);
      });
    }
  });

  describe('structural patterns', () => {
    const patternCases: readonly [string, string, string][] = [
      ['schedule', 'dates', 'Kick-off on 2025-03-03, review on March 21, 2025 and sign-off on 4 April 2025.'],
      ['schedule', 'quarters, weeks and sprints', 'Pilot in Q3 2025 and rollout in Q1 2026; checkpoints in week 3 and sprint 4.'],
      ['budget', 'currency amounts', '$48,000 for the build, €1.2M over three years and 10k USD for hosting.'],
      ['resources', 'FTE and headcount', '2 FTE in the first quarter, then four developers and two designers.'],
      ['user-needs', 'a user story', 'As a receptionist, I want to rebook a patient in one tap, so that the desk queue keeps moving.'],
      ['metrics', 'metric targets', 'Retention ≥ 40% at day 30, NPS of 50 and DAU 10k by launch.'],
      ['risks', 'likelihood and impact', 'Vendor lock-in. Likelihood: low. Impact: high. Severity: medium.'],
    ];
    for (const [concern, what, body] of patternCases) {
      it(`${what} → ${concern}`, () => {
        const v = section(`## Part two\n\n${body}\n`, 'Part two');
        assert.equal(`${v.role}/${v.concern}`, `${defaultTaxonomy.concerns[concern].role}/${concern}`, why(v));
        assert.ok(evidenceOf(v, 'pattern', concern).length > 0, `a ${concern} pattern is evidence: ${why(v)}`);
      });
    }

    it('a mermaid gantt chart is schedule, though other code is not read', () => {
      const gantt = '## Part two\n\n```mermaid\ngantt\n  title Plan\n  Design :a1, 2025-03-03, 14d\n```\n';
      const v = section(gantt, 'Part two');
      assert.equal(`${v.role}/${v.concern}`, 'project/schedule', why(v));
      const g = evidenceOf(v, 'pattern', 'schedule').find((e) => e.text === 'gantt');
      assert.ok(g, why(v));
      assert.equal(gantt.slice(g.range.start.offset, g.range.end.offset), 'gantt');

      const code = '## Part two\n\n```js\n// budget cost $48,000 schedule deadline risk mitigation\nconst budget = 48000;\n```\n';
      const c = section(code, 'Part two');
      assert.equal(c.role, 'none', why(c));
      assert.equal(c.evidence.filter((e) => e.role === 'project' || e.role === 'product').length, 0, why(c));
    });

    it('a RACI table is resources; a checklist is deliverables', () => {
      const raci = section('## Part two\n\n| Task | R | A | C | I |\n|---|---|---|---|---|\n| Launch | Ana | Ben | Cy | All |\n', 'Part two');
      assert.equal(`${raci.role}/${raci.concern}`, 'project/resources', why(raci));
      const list = section('## Part two\n\n- [ ] One\n- [ ] Two\n- [x] Three\n', 'Part two');
      assert.equal(`${list.role}/${list.concern}`, 'project/deliverables', why(list));
      assert.ok(list.evidence.some((e) => e.text === '[ ]' || e.text === '[x]'), why(list));
    });

    it('a number alone is no metric; a metric needs its target', () => {
      const bare = section('## Part two\n\nWe track retention and conversion.\n', 'Part two');
      assert.equal(evidenceOf(bare, 'pattern', 'metrics').length, 0, why(bare));
      const target = section('## Part two\n\nWe track retention (target 40%) and conversion above 5%.\n', 'Part two');
      assert.ok(evidenceOf(target, 'pattern', 'metrics').length > 0, why(target));
    });
  });

  describe('neutral sections', () => {
    for (const [heading, body] of [
      ['Glossary', '| Term | Definition |\n|---|---|\n| SLA | Service level agreement |\n'],
      ['Architecture', 'A worker reads from the queue and calls the gateway API.\n\n```ts\nqueue.on("message", send);\n```\n'],
      ['References', '- [FHIR](https://hl7.org/fhir/)\n- [RFC 5545](https://www.rfc-editor.org/rfc/rfc5545)\n'],
      ['Changelog', '- 1.1: config file\n- 1.0: first release\n'],
      ['Installation', '```sh\nnpm install pm-lens\n```\n'],
      ['Table of Contents', '1. [Budget](#budget)\n2. [Risks](#risks)\n3. [Timeline](#timeline)\n'],
      ['Appendix', 'Screenshots of the prototype.\n'],
      ['Document Information', '- Version: 1.2\n- Author: Dana\n'],
    ] as const) {
      it(`${heading} → none`, () => {
        const v = section(`## ${heading}\n\n${body}`, heading);
        assert.equal(v.role, 'none', why(v));
        assert.equal(v.concern, undefined);
        assert.ok(v.evidence.some((e) => e.kind === 'neutral'), why(v));
      });
    }

    it('a licence section of a grant plan is none, by its heading, though the plan leans project', () => {
      const text = '# Harbour Sensors Grant\n\n## Budget\n\nHardware costs $12,000.\n\n## Milestones\n\nMonth 1: prototype. Month 3: pilot.\n\n## Licensing\n\nThe firmware is released under Apache 2.0 and the board designs under CERN-OHL-S.\n';
      const v = analysed(text, 'Licensing');
      assert.equal(v.role, 'none', why(v));
      assert.ok(v.evidence.some((e) => e.kind === 'neutral' && e.text === 'Licensing'), why(v));
    });

    it("an RFC's guide-level explanation (what its users see) is the product's; its reference-level explanation is none", () => {
      const text = '# Tide Alerts\n\n## Guide-level explanation\n\nWhen you open a harbour, its next high tide shows at the top of the screen. You can ask for an alert an hour before it from the settings page.\n\n## Reference-level explanation\n\nThe alert worker reads the tide table once a day and queues each alert in the job store.\n';
      const guide = analysed(text, 'Guide-level explanation');
      assert.equal(guide.role, 'product', why(guide));
      assert.ok(!guide.evidence.some((e) => e.kind === 'neutral' && e.text === 'Guide'), why(guide));
      const reference = analysed(text, 'Reference-level explanation');
      assert.equal(reference.role, 'none', why(reference));
    });

    it("a grant's comparison with existing efforts is the market; its technical challenges are none", () => {
      const text = '# Quiet Rooms Grant\n\n## Budget\n\nTwo developers for six months, $60,000.\n\n## Compare your project with existing or historical efforts\n\nBooking tools for libraries sell per seat, and the open ones stopped in 2019. Ours is free for small branches.\n\n## Technical challenges\n\nSyncing bookings made offline, and keeping the calendar feed in step with the door sensors.\n';
      const compare = analysed(text, 'Compare your project with existing or historical efforts');
      assert.equal(compare.role, 'product', why(compare));
      assert.ok(compare.evidence.some((e) => e.concern === 'market' && e.text === 'historical efforts'), why(compare));
      assert.ok(!compare.evidence.some((e) => e.text === 'efforts' && e.role === 'project'), why(compare));
      const challenges = analysed(text, 'Technical challenges');
      assert.equal(challenges.role, 'none', why(challenges));
    });

    it("an enhancement proposal's graduation criteria and implementation history are the project's", () => {
      const text = '# Faster Pod Start\n\n## Motivation\n\nOperators want short jobs to start quickly.\n\n## Graduation Criteria\n\nAlpha behind a feature gate; beta once the end-to-end suite passes for two releases.\n\n## Implementation History\n\n- 2026-02-10: proposal merged.\n- 2026-04-22: alpha landed in release 1.41.\n';
      for (const heading of ['Graduation Criteria', 'Implementation History']) {
        const v = analysed(text, heading);
        assert.equal(v.role, 'project', `${heading}: ${why(v)}`);
        assert.ok(v.evidence.some((e) => e.kind === 'heading-term' && e.text === heading), `${heading}: ${why(v)}`);
      }
    });

    it("an upgrade, downgrade or version skew strategy, backwards compatibility and security considerations are technical detail, not product strategy or requirements", () => {
      const text = '# Faster Pod Start\n\n## Upgrade / Downgrade Strategy\n\nOn upgrade, running pods keep the old behaviour until they are recreated; on downgrade the field is ignored.\n\n## Version Skew Strategy\n\nAn older node agent ignores the new field; the API server accepts it only behind the gate.\n\n## Backwards Compatibility\n\nExisting manifests are unaffected: the option is off unless named.\n\n## Security Considerations\n\nA pod could set the field to restart a sidecar in a loop; the agent backs off as it does for any container.\n';
      for (const heading of ['Upgrade / Downgrade Strategy', 'Version Skew Strategy', 'Backwards Compatibility', 'Security Considerations']) {
        const v = analysed(text, heading);
        assert.equal(v.role, 'none', `${heading}: ${why(v)}`);
        assert.ok(!v.evidence.some((e) => e.concern === 'strategy'), `${heading}: ${why(v)}`);
      }
    });

    it('a summary takes its side from what it summarises', () => {
      const product = analysed('# Tide Alerts\n\n## Summary\n\nSailors in tidal harbours need a warning before high tide: the app lets users set an alert, so they never check tables by hand.\n', 'Summary');
      const project = analysed('# Tide Alerts\n\n## Summary\n\nTwo engineers build it in twelve weeks for $40,000, paid at three milestones.\n', 'Summary');
      assert.equal(product.role, 'product', why(product));
      assert.equal(project.role, 'project', why(project));
      for (const v of [product, project]) assert.ok(!v.evidence.some((e) => e.kind === 'neutral' && e.text === 'Summary'), why(v));
    });

    it('an overview of the document stays neutral; an overview of what is built leaves it to its body', () => {
      const overview = (body: string): Verdict => analysed(`# Tide Alerts\n\n## Overview\n\n${body}\n`, 'Overview');
      const neutralWeight = (v: Verdict): number => v.evidence.find((e) => e.kind === 'neutral' && e.text === 'Overview')?.weight ?? 0;
      const ofDocument = overview('This document sets out how the alerts are planned and which part each reader needs.');
      const ofProduct = overview('Sailors in tidal harbours get a warning on their phone before high tide: the app lets users choose which harbours to follow.');
      assert.notEqual(ofDocument.role, 'product', why(ofDocument));
      assert.ok(neutralWeight(ofProduct) < neutralWeight(ofDocument) / 2, `${why(ofProduct)} | ${why(ofDocument)}`);
      assert.equal(ofProduct.role, 'product', why(ofProduct));
    });

    it("'Who benefits' names the product's users, not who does the work", () => {
      const text = '# Ferry Timetable Grant\n\n## Budget\n\nDevelopment costs $9,000.\n\n## Who benefits\n\nCommuters on the island routes and the small operators that run them.\n';
      const v = analysed(text, 'Who benefits');
      assert.equal(v.role, 'product', why(v));
      assert.ok(!v.evidence.some((e) => e.concern === 'resources'), why(v));
    });

    it("'Who uses' and 'Who depends on' name the product's users, not who does the work", () => {
      const text = '# Tide Tables Grant\n\n## Budget\n\nDevelopment costs $9,000.\n\n## Who uses Tidewise\n\nHarbour masters and sailing schools open it before every launch.\n\n## Who depends on it\n\nTwo ferry apps embed it to warn their riders.\n';
      for (const heading of ['Who uses Tidewise', 'Who depends on it']) {
        const v = analysed(text, heading);
        assert.equal(v.role, 'product', `${heading}: ${why(v)}`);
        assert.ok(!v.evidence.some((e) => e.concern === 'resources' || e.concern === 'risks'), `${heading}: ${why(v)}`);
      }
    });

    it('a bare FAQ takes its side from its answers; an internal FAQ stays neutral', () => {
      const text = '# Shared Lists\n\n## Requirements\n\nUsers can share a list.\n\n## FAQ\n\nCan I share a list with my flatmates? Yes: invite them, and every user sees the same list.\n\n## Internal FAQ\n\nWhich service stores the lists? The sync service, as today.\n';
      const faq = analysed(text, 'FAQ');
      assert.equal(faq.role, 'product', why(faq));
      assert.ok(!faq.evidence.some((e) => e.kind === 'neutral' && e.text === 'FAQ'), why(faq));
      const internal = analysed(text, 'Internal FAQ');
      assert.ok(internal.evidence.some((e) => e.kind === 'neutral' && e.text === 'Internal FAQ'), why(internal));
    });

    it("developer experience is the experience of the product's users, not the team's", () => {
      const text = '# Relay Roadmap\n\n## Budget\n\nTwo maintainers, $8,000 a month.\n\n## Developer Experience\n\nApp authors should get a working client in five minutes, with errors that say what to fix.\n';
      const v = analysed(text, 'Developer Experience');
      assert.equal(v.role, 'product', why(v));
      assert.ok(!v.evidence.some((e) => e.concern === 'resources' && e.kind === 'heading-term'), why(v));
    });

    it("a customer or public FAQ answers the users' questions; a legend or how-to-read note is on neither side", () => {
      const text = '# Ferry Passes\n\n## Timeline\n\nBuild in May, launch in June.\n\n## Customer FAQ\n\nCan I share a pass with my family? Yes, up to four riders.\n\n## Status legend\n\nA tick means shipped, a clock means planned.\n\n## How to read this roadmap\n\nEach row is one item, with the quarter it is planned for.\n';
      const faq = analysed(text, 'Customer FAQ');
      assert.equal(faq.role, 'product', why(faq));
      for (const heading of ['Status legend', 'How to read this roadmap']) {
        const v = analysed(text, heading);
        assert.ok(v.evidence.some((e) => e.kind === 'neutral' && e.role === 'none'), `${heading}: ${why(v)}`);
        assert.notEqual(v.role, 'product', `${heading}: ${why(v)}`);
      }
    });

    it('a body of nothing but links is a list of references, on neither side; an image is content', () => {
      const text =
        '# Harbour Sensors\n\n## Overview\n\nHarbour Sensors lets harbour masters see which berths are free, on a phone.\n\n' +
        '## Team\n\nAna Ruiz and Tom Berg.\n\n### Team profiles\n\n- https://example.org/people/ana-ruiz\n- [Tom Berg](https://example.org/people/tom-berg)\n';
      const links = analysed(text, 'Team profiles');
      assert.equal(links.role, 'none', why(links));
      assert.ok(links.evidence.some((e) => e.kind === 'context' && e.role === 'none' && e.text === 'the body is only links'), why(links));
      const image = analysed('# Harbour Sensors\n\n## Delivery phases\n\n![phases](https://example.org/phases.png)\n', 'Delivery phases');
      assert.ok(!image.evidence.some((e) => e.text === 'the body is only links'), why(image));
    });

    it('graduation requirements and target releases schedule the work, not the product', () => {
      const text =
        '# Proposal: Snapshot Export\n\n## Summary\n\nThis proposal adds a command that exports a snapshot of a volume.\n\n' +
        '## Target releases\n\n- This proposal targets beta for version v2.4\n- It targets GA for version v2.5\n\n' +
        '## Graduation Requirements\n\n### Beta\n\n- End-to-end tests pass on two clouds\n\n### GA\n\n- Two releases without a regression\n';
      for (const heading of ['Target releases', 'Graduation Requirements']) {
        const v = analysed(text, heading);
        assert.equal(v.role, 'project', `${heading}: ${why(v)}`);
        assert.ok(!v.evidence.some((e) => e.kind === 'heading-term' && e.concern === 'requirements'), `${heading}: ${why(v)}`);
      }
    });

    it('a summary that says outright what is being built is product', () => {
      for (const sentence of ['This proposal adds a command that exports a volume to a single file.', 'Floe is a small desktop tool that exports a volume to a single file.']) {
        const v = analysed(`# Proposal: Snapshot Export\n\n## Summary\n\n${sentence}\n`, 'Summary');
        assert.equal(v.role, 'product', why(v));
        assert.ok(v.evidence.some((e) => e.kind === 'pattern' && e.concern === 'vision' && e.role === 'product'), why(v));
      }
    });

    it('a section with nothing decisive is none, with a confidence', () => {
      const v = section('## Part two\n\nThe quick brown fox jumps over the lazy dog.\n', 'Part two');
      assert.equal(v.role, 'none', why(v));
      assert.ok(v.confidence >= 0 && v.confidence <= 1);
    });

    it('the document title is none, though it names the kind of document', () => {
      const text = '# Clinic Reminders Project Plan\n\nOwner: Dana\n\n## Budget\n\nThe build costs $48,000.\n';
      const [title, budget] = classifyAll(text);
      assert.equal(title.verdict.role, 'none', why(title.verdict));
      assert.ok(title.verdict.evidence.some((e) => e.kind === 'context' && e.role === 'none'), why(title.verdict));
      assert.equal(`${budget.verdict.role}/${budget.verdict.concern}`, 'project/budget', why(budget.verdict));
    });
  });

  describe('mixed', () => {
    it('strong signals of both sides make a section mixed; one strong side does not', () => {
      const text = TWO_SIDED_SECTION;
      const v = section(text, 'Budget and User Personas');
      // Both sides read strong: the role is mixed or names the dominant side, and the reading of
      // both stays. A mix is no surer than the side it leans to (it names no single owner).
      assert.ok(v.role === 'mixed' || v.role === 'product' || v.role === 'project', why(v));
      assert.ok((v.bothSides ?? 0) >= 0.7, why(v));
      if (v.role === 'mixed') assert.ok(v.confidence < v.bothSides!, why(v));
      assert.ok(v.concern === 'budget' || v.concern === 'user-needs', why(v));
      assert.ok(v.evidence.some((e) => e.role === 'product') && v.evidence.some((e) => e.role === 'project'), why(v));

      const one = section('## Budget\n\nThe build costs $48,000; a user asked about it once.\n', 'Budget');
      assert.equal(one.role, 'project', why(one));
    });
  });

  describe('evidence', () => {
    it('is built on its first read, the same list at every read, in copies, structured clones and JSON', () => {
      const text = `# Clinic booking\n\n${TWO_SIDED_SECTION}\n## Rollout\n\nWe will ship the pilot by 2027-03-01 with two engineers.\n`;
      const read = classifyAll(text).map((c) => c.verdict);
      const copied = classifyAll(text).map((c) => ({ ...c.verdict }));
      const serialised = classifyAll(text).map((c) => JSON.stringify(c.verdict));
      // What a worker posts to the language server.
      const cloned = classifyAll(text).map((c) => structuredClone(c.verdict));
      for (let i = 0; i < read.length; i++) {
        const first = read[i].evidence;
        assert.ok(first.length > 0, why(read[i]));
        // Read once more, the very same list; a copy or JSON made before any read holds it too.
        assert.equal(read[i].evidence, first);
        assert.deepEqual(copied[i], { ...read[i] });
        assert.deepEqual(Object.keys(copied[i]), ['role', 'concern', 'confidence', 'scores', 'evidence', ...(read[i].bothSides !== undefined ? ['bothSides'] : [])]);
        assert.equal(serialised[i], JSON.stringify(read[i]));
        assert.deepStrictEqual(cloned[i], { ...read[i] });
      }
    });

    it('read late, after other sections and documents were classified, is what it was when the section was', () => {
      const text = `# Clinic booking\n\n${TWO_SIDED_SECTION}\n## Rollout\n\nWe will ship the pilot by 2027-03-01 with two engineers.\n\n## Metrics\n\nWeekly active clinics above 40%; p95 latency under 300 ms.\n`;
      const other = '# Payroll export\n\n## Risks\n\nThe vendor may slip the schedule; customers may not adopt it.\n\n## Budget\n\n$12,000 for two contractors, 10 weeks.\n';
      const atOnce = classifyAll(text).map((c) => [...c.verdict.evidence]);
      const unread = classifyAll(text).map((c) => c.verdict);
      // Another document in between: the classifier's shared vectors hold its sections now.
      const between = classifyAll(other);
      for (let i = unread.length - 1; i >= 0; i--) assert.deepStrictEqual(unread[i].evidence, atOnce[i]);
      assert.ok(between.every((c) => c.verdict.evidence.length > 0));
    });
  });

  describe('scoring', () => {
    it('saturates: a term repeated never counts more than twice its weight', () => {
      assert.equal(saturate(1), 1);
      assert.equal(saturate(2), 1.5);
      assert.ok(saturate(20) < 2 && saturate(20) > 1.99);
      // Same length of body, one with `cost` once and one with `cost` twenty times.
      const filler = Array.from({ length: 19 }, (_, i) => `word${i}`).join(' ');
      const once = section(`## Part two\n\ncost ${filler}\n`, 'Part two');
      const many = section(`## Part two\n\n${Array(20).fill('cost').join(' ')}\n`, 'Part two');
      const w1 = evidenceOf(once, 'body-term', 'budget').find((e) => e.text === 'cost')?.weight ?? 0;
      const w20 = evidenceOf(many, 'body-term', 'budget').find((e) => e.text === 'cost')?.weight ?? 0;
      assert.ok(w1 > 0 && w20 > w1 && w20 <= 2 * w1, `once ${w1}, twenty times ${w20}`);
    });

    it('a word repeated in the body does not outweigh the heading', () => {
      const v = section(`## User Personas\n\nThe receptionist is our persona. ${Array(20).fill('budget').join(' ')}\n`, 'User Personas');
      assert.equal(v.role, 'product', why(v));
    });

    it('a long body is scaled down, so the heading keeps its say', () => {
      const paragraph = 'The team will hire two engineers and a designer; the tech lead owns the plan. ';
      const long = Array(40).fill(paragraph).join('\n\n');
      const v = section(`## Pricing\n\nPricing is a flat subscription per clinic, below competitors.\n\n${long}\n`, 'Pricing');
      const body = v.evidence.filter((e) => e.kind === 'body-term').reduce((n, e) => n + e.weight, 0);
      assert.ok(body < 10, `body evidence stays bounded: ${why(v)}`);
    });

    it('matches whole words, plural-insensitive, hyphen- and case-insensitive', () => {
      const costume = section('## Part two\n\nThe costume party was fun.\n', 'Part two');
      assert.equal(evidenceOf(costume, 'body-term', 'budget').length, 0, why(costume));
      const plurals = section('## Dependencies\n\nThe RISKS and the dependencies, the Go To Market.\n', 'Dependencies');
      assert.ok(evidenceOf(plurals, 'heading-term', 'risks').some((e) => e.text === 'Dependencies'), why(plurals));
      assert.ok(evidenceOf(plurals, 'body-term', 'risks').some((e) => e.text === 'RISKS'), why(plurals));
      assert.ok(evidenceOf(plurals, 'body-term', 'market').some((e) => e.text === 'Go To Market'), why(plurals));
    });

    it('does not read HTML comments, code spans or link targets', () => {
      const text = '## Part two\n\n<!-- budget cost $48,000 -->\nSee `budget.ts` and [the page](https://example.com/budget/cost).\n';
      const v = section(text, 'Part two');
      assert.equal(v.evidence.filter((e) => e.concern === 'budget').length, 0, why(v));
    });

    it('evidence is strongest first, capped, and every range points at its text', () => {
      const text = fs.readFileSync(fromRoot('test/fixtures/classify/body-only.md'), 'utf8').replace(/\n/g, '\r\n');
      for (const { verdict } of classifyAll(text)) {
        assert.ok(verdict.evidence.length <= 12);
        for (let i = 1; i < verdict.evidence.length; i++) assert.ok(verdict.evidence[i - 1].weight >= verdict.evidence[i].weight);
        assertEvidenceRanges(text, verdict);
        assert.ok(verdict.confidence >= 0 && verdict.confidence <= 1);
      }
      const emoji = '## 🚀 Launch 🗓️ Timeline\n\n👩‍💻 Dana: the deadline is March 3, 2025 🎯 and the budget is $48,000.\n';
      const v = section(emoji, '🚀 Launch 🗓️ Timeline');
      assert.ok(v.evidence.some((e) => e.text === 'March 3, 2025'), why(v));
      assertEvidenceRanges(emoji, v);
    });
    it('the confidence is the probability of the verdict, mapped by the calibration of its class', () => {
      const plan = '# Bike share pilot\n\n## User needs\n\nCommuters want a bike within five minutes of the station and a simple way to pay.\n\n## Budget\n\nDocks 40,000 EUR, maintenance contract 12,000 EUR a year, contingency 10%.\n';
      const verdicts = (calibration: unknown) => analyze(plan, { model: loadModel({ ...fitted, calibration }) }).sections.slice(1).map((s) => s.inferred);
      const probability = verdicts(undefined);
      // Product verdicts flat at one half, project verdicts at σ(2), neither left as it is.
      const mapped = verdicts([[0, 0], [0, 2], [1, 0]]);
      assert.deepEqual(probability.map((v) => v.role), ['product', 'project']);
      assert.deepEqual(mapped.map((v) => v.role), ['product', 'project'], 'the calibration never changes a role');
      assert.deepEqual(mapped.map((v) => v.confidence), [0.5, Math.round(100 / (1 + Math.exp(-2))) / 100]);
      assert.equal(calibratedConfidence(loadModel({ ...fitted, calibration: undefined }).model, 0, 0.37), 0.37, 'no calibration: the probability');
      assert.ok(calibratedConfidence(loadModel(fitted).model, 2, 0.6) < calibratedConfidence(loadModel(fitted).model, 2, 0.9), 'the shipped calibration keeps the order');
    });
  });

  describe('context', () => {
    it('a child inherits its parent lean: "Week 3" under "Schedule"', () => {
      const text = '## Schedule\n\nThe plan runs eight weeks.\n\n### Week 3\n\nWire the service to the calendar.\n\n### Friday\n\nA walk-through with the clinic.\n';
      const all = classifyAll(text);
      const week = all.find((c) => c.heading === 'Week 3')?.verdict;
      const friday = all.find((c) => c.heading === 'Friday')?.verdict;
      assert.ok(week && friday);
      assert.equal(`${week.role}/${week.concern}`, 'project/schedule', why(week));
      assert.equal(friday.role, 'project', why(friday));
      assert.ok(friday.evidence.some((e) => e.kind === 'context' && e.role === 'project'), why(friday));
      const alone = section('### Friday\n\nA walk-through with the clinic.\n', 'Friday');
      assert.equal(alone.role, 'none', why(alone));
    });

    it('the document kind is a weak prior, never a verdict on its own', () => {
      const text = '## Part two\n\nA walk-through with the clinic about rebooking.\n';
      const plain = section(text, 'Part two');
      const asPlan = section(text, 'Part two', { kind: DEFAULT_KINDS['project-plan'] });
      // The kind is context, not the section's own evidence: it shows as a push toward project.
      assert.ok(!plain.evidence.some((e) => e.kind === 'context' && e.text.includes('kind')), why(plain));
      assert.ok(asPlan.evidence.some((e) => e.kind === 'context' && e.role === 'project' && e.text.includes('project') && e.weight > 0), why(asPlan));
      const strong = section('## Personas\n\nThe receptionist is our persona; her pain point is rebooking.\n', 'Personas', { kind: DEFAULT_KINDS['project-plan'] });
      assert.equal(strong.role, 'product', why(strong));
    });

    it('without a declared kind, the document leans by its headings', () => {
      const text = ['## Timeline', '## Budget', '## Staffing', '## Risks', '## Deliverables', '## Part two', 'A walk-through with the clinic.', ''].join('\n\n');
      const v = section(text, 'Part two');
      assert.ok(v.evidence.some((e) => e.kind === 'context' && e.text === 'the document leans project' && e.role === 'project' && e.weight > 0), why(v));
      assert.notEqual(v.role, 'product', why(v));
    });
  });

  describe('word sense', () => {
    const walkthrough = '\n\n## Leave a review\n\nReaders leave a review from the book page: a star rating and a short text. Each review shows under the book, newest first, and its author can edit it.\n';

    it('a delivery word the title names as the subject does not carry a section to project', () => {
      const subject = analyze(`# Book Reviews${walkthrough}`).sections[1].inferred;
      const other = analyze(`# Reading Nook${walkthrough}`).sections[1].inferred;
      assert.ok(subject.scores.project < other.scores.project / 2, `${why(subject)} against ${why(other)}`);
      assert.notEqual(subject.role, 'project', why(subject));
      assert.equal(other.role, 'project', why(other));
    });

    it('title words naming the kind of document (a project plan) are no subject', () => {
      const plan = analyze(`# Project Plan${walkthrough}`).sections[1].inferred;
      const other = analyze(`# Reading Nook${walkthrough}`).sections[1].inferred;
      assert.equal(plan.scores.project, other.scores.project);
    });

    it('re-reads the sections when the title changes what the document is about', () => {
      const incremental = new IncrementalAnalyzer();
      incremental.analyze(`# Reading Nook${walkthrough}`);
      const after = incremental.analyze(`# Book Reviews${walkthrough}`).sections[1].inferred;
      assert.deepEqual(after.scores, analyze(`# Book Reviews${walkthrough}`).sections[1].inferred.scores);
    });

    it('measures among words of a running system are technical detail, not outcomes', () => {
      const technical = section('# Queue Service\n\n## Metrics\n\nEach worker exports a latency histogram and a retry counter to Prometheus, in seconds, with the queue name as a label.\n', 'Metrics');
      const outcome = section('# Queue Service\n\n## Metrics\n\nWeekly active teams and their retention after a month tell us whether adoption holds; satisfaction comes from a short survey.\n', 'Metrics');
      assert.notEqual(technical.role, 'product', why(technical));
      assert.ok(technical.scores.none > technical.scores.product, why(technical));
      assert.ok(technical.evidence.some((e) => e.kind === 'neutral' && /metrics/i.test(e.text)), why(technical));
      assert.equal(outcome.role, 'product', why(outcome));
    });

    it('a developer product\'s adoption (teams calling its endpoint, users growing) is an outcome, not technical detail', () => {
      const v = section('# Tide Tables API\n\n## Success metrics\n\nHarbour apps query the endpoint every week, and the users who open a tide chart grow month on month.\n', 'Success metrics');
      assert.equal(v.role, 'product', why(v));
      assert.ok(!v.evidence.some((e) => e.kind === 'neutral' && /metrics/i.test(e.text)), why(v));
    });

    it('a measure with no words of its own reads as the document\'s headings do', () => {
      const headings = (last: string): string => ['# Cache Layer', '## Request latency buckets', '## Memory per node', `## ${last}`, 'See the linked change.', ''].join('\n\n');
      const technical = section(headings('Eviction metrics'), 'Eviction metrics');
      const plain = section(['# Cache Layer', '## Who it is for', '## Users we want to keep', '## Eviction metrics', 'See the linked change.', ''].join('\n\n'), 'Eviction metrics');
      assert.ok(technical.scores.product < plain.scores.product, `${why(technical)} against ${why(plain)}`);
      assert.notEqual(technical.role, 'product', why(technical));
    });

    it('re-reads an unchanged measure when another heading changes what the document\'s measures mean', () => {
      // Headings with no word of either side, after it: its context stays the same, only the sense changes.
      const before = ['# Pantry', '## Eviction metrics', 'See the linked change.', '## Histogram buckets', ''].join('\n\n');
      const after = before.replace('## Histogram buckets', '## Kitchen buckets');
      const incremental = new IncrementalAnalyzer();
      incremental.analyze(before);
      const eviction = (text: string, run: (t: string) => ReturnType<typeof analyze>): Verdict => run(text).sections[1].inferred;
      assert.deepEqual(eviction(after, (t) => incremental.analyze(t)).scores, eviction(after, analyze).scores);
      assert.notDeepEqual(eviction(before, analyze).scores, eviction(after, analyze).scores);
    });

    it('success measured on time and on budget is the project\'s', () => {
      const v = section('# Clinic Portal\n\n## Success metrics\n\nWe succeed if every milestone lands on time and the work stays within budget, with no deliverable reopened after sign-off.\n', 'Success metrics');
      assert.ok(v.scores.project > v.scores.product, why(v));
      assert.notEqual(v.role, 'product', why(v));
    });

    it('success criteria met at handover, by teamwork and a final presentation, are the project\'s', () => {
      const v = section('# Course Project\n\n## Success criteria\n\n- The app is deployed and demonstrated to the tutor at handover\n- Effective teamwork across the group\n- A final presentation and complete documentation\n', 'Success criteria');
      assert.ok(v.evidence.some((e) => e.role === 'project' && /^(deployed|demonstrated|handover|teamwork|presentation)$/i.test(e.text)), why(v));
      assert.notEqual(v.role, 'product', why(v));
    });

    it('a milestone that only describes what users can do is scope, not schedule', () => {
      const scope = section('# Pantry\n\n## Milestone 2: Shared lists\n\nHouseholds can share one shopping list. The app lets members add items from any phone, shows who added what, and offers a quick filter for items still needed.\n', 'Milestone 2: Shared lists');
      const scheduled = section('# Pantry\n\n## Milestone 2: Shared lists\n\nHouseholds can share one shopping list. Due 14 March 2026, after 3 weeks of work by two engineers, for $4,000.\n', 'Milestone 2: Shared lists');
      assert.ok(scope.scores.product > scope.scores.project, why(scope));
      assert.notEqual(scope.role, 'project', why(scope));
      assert.equal(scheduled.role, 'project', why(scheduled));
    });

    it('risks that are product hypotheses are the product\'s, in prose or in a table; delivery risks stay the project\'s', () => {
      const hypotheses = section('# Pantry\n\n## Risks\n\nThe biggest risk is demand: households may not be willing to pay for the premium tier, and free competitors could hold on to the market before adoption takes off.\n', 'Risks');
      const delivery = section('# Pantry\n\n## Risks\n\nThe schedule may slip if the vendor delays the payment gateway; staffing is thin while one developer is on leave.\n', 'Risks');
      const table = section('# Pantry\n\n## Risks\n\n| Risk | Likelihood | Mitigation |\n| --- | --- | --- |\n| Shoppers are not willing to pay for premium | High | Test the price with a waiting list of customers |\n', 'Risks');
      assert.equal(hypotheses.role, 'product', why(hypotheses));
      assert.equal(delivery.role, 'project', why(delivery));
      assert.equal(table.role, 'product', why(table));
    });

    it('a paid tier a feature could cannibalise is a product hypothesis', () => {
      const v = section('# Pantry\n\n## Risks\n\nSharing lists could cannibalise the paid tier we planned for families.\n', 'Risks');
      assert.equal(v.role, 'product', why(v));
    });

    it('fees the product itself charges are the product\'s; a funding request is the project\'s', () => {
      const fees = section('# Coin Swap\n\n## Fees\n\nEvery trade through the exchange pays a 0.3% fee to the liquidity pool. Users see the fee before they swap tokens, and the wallet shows their balance after the trade.\n', 'Fees');
      const funding = section('# Coin Swap\n\n## Funding request\n\nWe ask the grant committee for $60,000: 400 hours of development at $150 per hour, paid in two tranches.\n', 'Funding request');
      assert.notEqual(fees.role, 'project', why(fees));
      assert.ok(fees.scores.product > fees.scores.project, why(fees));
      assert.equal(funding.role, 'project', why(funding));
    });

    it('a currency code with no amount beside it names a unit, not a cost', () => {
      const v = section('# Ledger\n\n## Price field\n\nThe price field holds a decimal string; the currency field holds USD, EUR or GBP.\n', 'Price field');
      const codes = v.evidence.filter((e) => /^(?:USD|EUR|GBP)$/.test(e.text));
      assert.ok(codes.every((e) => e.role !== 'project' || e.weight < 0.1), why(v));
      assert.notEqual(v.role, 'project', why(v));
    });

    it('a strategy for getting the work done is the project\'s, a strategy for the market the product\'s', () => {
      const delivery = section('# Permit Portal\n\n## Approval strategy\n\nTo avoid delays against our timeline, we batch the releases, start the approval paperwork in the first sprint and bring a contractor on board to write the security documents.\n', 'Approval strategy');
      const market = section('# Permit Portal\n\n## Strategy\n\nWe win small municipalities first: competitors price for large cities, so our positioning is a simple portal for the clerks and the residents they serve.\n', 'Strategy');
      assert.ok(delivery.scores.project > delivery.scores.product, why(delivery));
      assert.notEqual(delivery.role, 'product', why(delivery));
      assert.equal(market.role, 'product', why(market));
    });

    it('reads what a step lets its users do as a requirement', () => {
      const v = section('# Pantry\n\n## Step two\n\nThis step lets shoppers scan a shelf label and guides them to the matching recipe.\n', 'Step two');
      assert.ok(v.evidence.some((e) => e.kind === 'pattern' && e.concern === 'requirements' && /lets shoppers scan/.test(e.text)), why(v));
    });
  });

  describe('taxonomy extended by configuration', () => {
    const extended = taxonomySchema.parse({
      ...defaultTaxonomy,
      concerns: {
        ...defaultTaxonomy.concerns,
        compliance: {
          role: 'project',
          label: 'Compliance',
          description: 'Audits, certifications and regulatory duties',
          headingTerms: ['compliance', 'audit', 'certification'],
          bodyTerms: ['gdpr', 'hipaa', 'soc 2', 'auditor', 'data protection'],
          patterns: [{ name: 'control id', regex: '\\bCC\\d\\.\\d\\b', weight: 1.5 }],
        },
        budget: { ...defaultTaxonomy.concerns.budget, bodyTerms: [...defaultTaxonomy.concerns.budget.bodyTerms, 'runway'] },
      },
    });

    it('recognises a new concern by heading, body terms and a pattern without start places', () => {
      const byHeading = section('## Compliance\n', 'Compliance', { taxonomy: extended });
      assert.equal(`${byHeading.role}/${byHeading.concern}`, 'project/compliance', why(byHeading));
      const byBody = section('## Part two\n\nThe auditor checks HIPAA and SOC 2 controls CC6.1 and CC7.2 under data protection rules.\n', 'Part two', { taxonomy: extended });
      assert.equal(`${byBody.role}/${byBody.concern}`, 'project/compliance', why(byBody));
      assert.ok(byBody.evidence.some((e) => e.kind === 'pattern' && e.text === 'CC6.1'), why(byBody));
      assert.ok(byBody.evidence.some((e) => e.text === 'SOC 2'), why(byBody));
      // The built-in taxonomy knows none of it: its compiled tables are its own.
      const plain = section('## Compliance\n', 'Compliance');
      assert.notEqual(plain.concern, 'compliance');
    });

    it('at a number, the first listed pattern that matches wins, and one that matches nothing gives way to the next', () => {
      const stock = taxonomySchema.parse({
        ...defaultTaxonomy,
        concerns: {
          ...defaultTaxonomy.concerns,
          stock: {
            role: 'project',
            label: 'Stock',
            description: 'Counts of parts',
            headingTerms: [],
            bodyTerms: [],
            // Five patterns started at numbers: the first can match nothing, the third only part of what the second does.
            patterns: [
              { name: 'nothing', regex: 'x?', weight: 1, starts: ['#'] },
              { name: 'units', regex: '\\d+\\s+units', weight: 1, starts: ['#'] },
              { name: 'unit', regex: '\\d+\\s+unit', weight: 1, starts: ['#'] },
              { name: 'widgets', regex: '\\d+\\s+widgets', weight: 1, starts: ['#'] },
              { name: 'gadgets', regex: '\\d+\\s+gadgets', weight: 1, starts: ['#'] },
            ],
          },
        },
      });
      const v = section('## Part two\n\nWe hold 12 units and 7 widgets.\n', 'Part two', { taxonomy: stock });
      const found = v.evidence.filter((e) => e.kind === 'pattern' && e.concern === 'stock').map((e) => e.text);
      assert.deepEqual(found.sort(), ['12 units', '7 widgets'], why(v));
    });

    it('recognises terms added to a built-in concern', () => {
      const text = '## Part two\n\nWe have eighteen months of runway and a small budget.\n';
      const added = section(text, 'Part two', { taxonomy: extended });
      assert.ok(added.evidence.some((e) => e.text === 'runway' && e.concern === 'budget'), why(added));
      assert.ok(!section(text, 'Part two').evidence.some((e) => e.text === 'runway'));
    });

    it('a broken pattern in a configured taxonomy is left out, not thrown', () => {
      const broken = taxonomySchema.parse({
        ...defaultTaxonomy,
        concerns: { ...defaultTaxonomy.concerns, odd: { role: 'product', label: 'Odd', description: 'A bad pattern', patterns: [{ name: 'bad', regex: '(' }] } },
      });
      const v = section('## Budget\n\nIt costs $5.\n', 'Budget', { taxonomy: broken });
      assert.equal(v.concern, 'budget');
    });
  });

  describe('robustness', () => {
    it('never throws; ranges stay inside the document and point at their text', () => {
      const piece = fc.constantFrom(
        '# ', '## ', '\n', '\r\n', ' ', '$48,000', 'Q3 2025', '- [ ] ', '| Risk | Impact |\n|---|---|\n', '```mermaid\ngantt\n', '```',
        '<!--', '-->', '[a](#b)', '`', 'budget', 'persona', 'As a user, I want x so that y', '\uD83D', '\uDE80', '🚀', '\t', '**', '&', 'é', '\u0000',
      );
      fc.assert(
        fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 40 }), (parts) => {
          const text = parts.join('');
          for (const { verdict } of classifyAll(text)) {
            assert.ok(['product', 'project', 'mixed', 'none'].includes(verdict.role));
            assert.ok(verdict.confidence >= 0 && verdict.confidence <= 1);
            for (const e of verdict.evidence) {
              assert.ok(e.range.start.offset >= 0 && e.range.end.offset <= text.length && e.range.start.offset <= e.range.end.offset);
              if (e.kind !== 'context') assert.equal(text.slice(e.range.start.offset, e.range.end.offset), e.text);
            }
          }
        }),
        { numRuns: 300, seed: PROPERTY_SEED },
      );
    });

    it('is linear: pathological prose does not blow up', () => {
      // Thousands of unclosed brackets, tags and links on one line: each must cost constant work.
      const text = `## Part two\n\n${'[a](b <x ]( `q '.repeat(20000)}\n`;
      const v = section(text, 'Part two');
      assert.ok(['product', 'project', 'mixed', 'none'].includes(v.role));
    });
  });
});
