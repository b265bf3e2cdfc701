import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Features } from '../../src/core/classify/model';
import { headingNamesAssignee, mayReportDone, readProgress } from '../../src/core/classify/progress';
import { parseFacts } from '../../src/core/parse/facts';
import { outlineSections } from '../../src/core/sections';
import type { Section } from '../../src/core/types';
import { PROPERTY_SEED } from '../support/property-seed';
import { readSection } from '../support/section-features';

/** The one section under the title, with the features the classifier read in it. */
const read = (body: string, heading: string): { section: Section; features: Features } => readSection('Orchard cooperative', body, heading);

/** The progress reading of a lone section's body. */
function progressOf(body: string): ReturnType<typeof readProgress> {
  const text = `## Part\n\n${body}\n`;
  const section = outlineSections(parseFacts(text), text.length).sections[0];
  return readProgress(text, section.blocks);
}

describe('how a section reports delivery work', () => {
  describe('work reported done', () => {
    it('reads past-tense delivery by the people who did it, its passive, and percent complete', () => {
      assert.equal(progressOf('We completed the cider press rebuild, and we shipped the new labels.').done, 2);
      assert.equal(progressOf('The grading rig was delivered in March; the packing line is 80% complete.').done, 2);
      assert.equal(progressOf('Cold storage: in progress.').done, 1);
    });

    it('a description of what the product does reports nothing done', () => {
      assert.equal(progressOf('Growers see their harvest totals and the price per crate on one page.').done, 0);
      assert.equal(progressOf('Each member can complete an order and release a pallet to the buyer.').done, 0);
    });

    it('ticked task items count as work done, open ones do not', () => {
      assert.equal(progressOf('- [x] Repair the press\n- [ ] Paint the shed').done, 1);
    });

    it('a report of finished work is project evidence, quoted as status', () => {
      const { section, features } = read('We finished the irrigation survey in May. The new pump house was completed and handed over; the team has delivered both grading rigs.', 'This season');
      assert.ok((features.get('bp:status') ?? 0) > 0, [...features.keys()].join(', '));
      assert.ok(section.inferred.scores.project > 0, JSON.stringify(section.inferred.scores));
      assert.ok(section.inferred.evidence.some((e) => e.concern === 'status' && /finished|completed|delivered/.test(e.text)), JSON.stringify(section.inferred.evidence));
    });
  });

  describe('work the plan commits to', () => {
    it('reads the authors or a named person committing to a piece of work, and work named part of the project', () => {
      assert.equal(progressOf('We will maintain the seed library catalogue, and our team will port the loan ledger.').planned, 2);
      assert.equal(progressOf('Ilse will finalise the grading guide. As part of this grant the press gets new belts.').planned, 2);
      assert.equal(progressOf('**Q3 2027**: the loan ledger will be released, and the grading guide will be made available to members.').planned, 2);
    });

    it('what the product will do, or what its users will do, commits no one to work', () => {
      assert.equal(progressOf('The app will show each grower the price per crate. Users will build their own crate lists.').planned, 0);
      assert.equal(progressOf('We will support payment by card and it will allow refunds.').planned, 0);
    });

    it('a commitment to work is project evidence, quoted as deliverables', () => {
      const { section, features } = read('We will continue to maintain the cider press scheduler and Ilse will write its operating guide.', 'Maintenance');
      assert.ok((features.get('bp:deliverables') ?? 0) > 0, [...features.keys()].join(', '));
      assert.ok(section.inferred.evidence.some((e) => e.concern === 'deliverables' && /will (?:continue to maintain|write)/.test(e.text)), JSON.stringify(section.inferred.evidence));
    });
  });

  describe('a delivery log', () => {
    it('counts list items that carry who did the work or when, once per item', () => {
      const log = '- Rebuild the press frame @mira 2026-03-02\n- Replace the belts @tomasz\n- Sand the crates, see notes 2026-04-11';
      assert.equal(progressOf(log).logged, 3);
    });

    it('items with neither an author nor a date, and an address in prose, are no log', () => {
      assert.equal(progressOf('- Crates\n- Ladders\n- Bins').logged, 0);
      assert.equal(progressOf('Write to orders@orchard.example on 2026-04-11 for a quote.').logged, 0);
    });

    it('a log under a version heading is project evidence', () => {
      const { features } = read('- Split the grading queue @mira 2026-03-02\n- Drop the old crate sizes @tomasz 2026-03-19', '2.4');
      assert.ok((features.get('bp:deliverables') ?? 0) > 0, [...features.keys()].join(', '));
    });
  });

  describe('a heading that names who does the work', () => {
    it('a task followed by a person in parentheses, a cost and a person, a handle or an owner field', () => {
      assert.ok(headingNamesAssignee('Port the grading app to tablets (Mira Kowalczyk)'));
      assert.ok(headingNamesAssignee('Packing guide (4 weeks, Tomasz van der Berg)'));
      assert.ok(headingNamesAssignee('Label printer driver @tomasz'));
      assert.ok(headingNamesAssignee('Cold storage audit, owner: Mira'));
    });

    it('a title-case qualifier in parentheses names nobody', () => {
      assert.ok(!headingNamesAssignee('Key Features (Priority Order)'));
      assert.ok(!headingNamesAssignee('Harvest Dashboard (Member Edition)'));
      assert.ok(!headingNamesAssignee('Grading app'));
    });

    it('moves a task section toward the project side', () => {
      const body = 'A small app that reads the scale over the serial port and prints a crate label.';
      const named = read(body, 'Build the crate label printer (Mira Kowalczyk)');
      const plain = read(body, 'Build the crate label printer');
      assert.ok((named.features.get('hp:resources') ?? 0) > 0, [...named.features.keys()].join(', '));
      assert.equal(plain.features.get('hp:resources'), undefined);
      assert.ok(named.section.inferred.scores.project > plain.section.inferred.scores.project, `${JSON.stringify(named.section.inferred.scores)} against ${JSON.stringify(plain.section.inferred.scores)}`);
    });
  });

  describe('the search for work done', () => {
    /** The expression of work done as first written, one alternative after another: what the reading must find. */
    const WRITTEN =
      /\b(?:we|i|they|the team)\s+(?:have\s+|had\s+)?(?:already\s+)?(?:completed|delivered|merged|released|shipped|finished|implemented|launched|published|submitted|migrated|landed|achieved|built|developed|hired)\b|\b(?:was|were|has been|have been)\s+(?:successfully\s+)?(?:completed|delivered|merged|released|shipped|finished|implemented|launched|approved|funded|awarded|published|submitted|done|achieved)\b|\b\d{1,3}\s?%\s+(?:complete|completed|done|finished)\b|\b(?:completed recently|in progress|on track|not started)\b/gi;
    const writtenCount = (s: string): number => s.match(WRITTEN)?.length ?? 0;

    const piece = fc.constantFrom(
      'we', 'We', 'I', 'i', 'THEY', 'the team', 'The  Team', 'have', 'had', 'already', 'was', 'WERE', 'has been', 'have been', 'successfully',
      'completed', 'Delivered', 'merged', 'released', 'shipped', 'finished', 'implemented', 'launched', 'published', 'submitted', 'migrated',
      'landed', 'achieved', 'built', 'developed', 'hired', 'approved', 'funded', 'awarded', 'done', 'DONE', 'complete', 'recently',
      'in progress', 'on track', 'not started', 'completed recently', '80%', '5 %', '100%', 'progress', 'track', 'started',
      'orchard', 'crate', 'x', 'é', 'ſ', '_', '.', ',', '-', ':', '**', '`', '(', ')', '|', '12', 'wé', 'donné', 'rebuilt', 'undone',
    );
    const gap = fc.constantFrom(' ', ' ', ' ', '\n', '\t', '  ', '', '-', '\u00a0', ' \n ');
    const prose = fc.array(fc.tuple(piece, gap), { maxLength: 14 }).map((parts) => parts.map(([p, g]) => p + g).join(''));

    it('never passes over a text that holds a report (property)', () => {
      fc.assert(
        fc.property(prose, (text) => {
          if (writtenCount(text) > 0) assert.ok(mayReportDone(text), text);
        }),
        { numRuns: 3000, seed: PROPERTY_SEED },
      );
    });

    it('finds in a section what the written expression finds in each paragraph (property)', () => {
      fc.assert(
        fc.property(fc.array(prose, { minLength: 1, maxLength: 4 }), (paragraphs) => {
          const body = paragraphs.map((p) => p.replace(/[\n\r]/g, ' ').replace(/^[\s#>*+|`\d.-]+/, '') || 'orchard').join('\n\n');
          const text = `## Part\n\n${body}\n`;
          const section = outlineSections(parseFacts(text), text.length).sections[0];
          const expected = section.blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'table-row').reduce((n, b) => n + writtenCount(text.slice(b.start, b.end)), 0);
          const ticked = section.blocks.filter((b) => b.checked === true).length;
          assert.equal(readProgress(text, section.blocks).done, expected + ticked, text);
        }),
        { numRuns: 500, seed: PROPERTY_SEED },
      );
    });

    it('passes over a section without a word a report ends with', () => {
      assert.ok(!mayReportDone('Growers see their harvest totals and the price per crate on one page.'));
      assert.ok(mayReportDone('Cold storage: in progress.'));
      assert.ok(mayReportDone('We BUILT the shed'));
    });
  });
});
