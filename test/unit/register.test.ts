import * as assert from 'node:assert/strict';
import type { Features } from '../../src/core/classify/model';
import { technicalMarks } from '../../src/core/classify/scan';
import type { Section } from '../../src/core/types';
import { readSection } from '../support/section-features';

/** The one section under the title, with the features the classifier read in it. */
const read = (body: string, heading = 'Part two'): { section: Section; features: Features } => readSection('Marina berths', body, heading);

const quoted = (section: Section): string[] => section.inferred.evidence.filter((e) => e.kind !== 'context').map((e) => e.text);

describe('how a section is written', () => {
  describe('technical reference', () => {
    it('counts code spans and bare web addresses, not the targets of links or images', () => {
      assert.deepEqual(technicalMarks('Plain prose with no marks at all.'), { codeSpans: 0, urls: 0, first: -1, firstEnd: -1 });
      const text = 'Run `berths sync` then `berths check`; details at https://example.org/berths.';
      const marks = technicalMarks(text);
      assert.equal(marks.codeSpans, 2);
      assert.equal(marks.urls, 1);
      assert.equal(text.slice(marks.first, marks.firstEnd), '`berths sync`');
      const linked = technicalMarks('See [the berth map](https://example.org/map) and ![a photo](https://example.org/p.png).');
      assert.equal(linked.urls, 0);
    });

    it('a paragraph of bare web addresses is a list of references: neither side, no address quoted', () => {
      const { section, features } = read('https://example.org/marina/pull/12\n\nhttps://example.org/marina/pull/19', 'Upstream work');
      assert.equal(section.inferred.role, 'none');
      assert.ok((features.get('links:none') ?? 0) > 0, [...features.keys()].join(', '));
      assert.ok(section.inferred.scores.none > 0, JSON.stringify(section.inferred.scores));
      for (const text of quoted(section)) assert.ok(!text.includes('http'), text);
    });

    it('a web address inside a sentence is no list of references', () => {
      const { features } = read('The harbour office keeps the tide tables at https://example.org/tides for every skipper.');
      assert.equal(features.get('links:none'), undefined);
    });

    it('code spans and identifiers read as technical reference, and none of them is quoted', () => {
      const body = 'The `export_csv` task reads bookings.parquet and writes berthRows with csv_writer; `BATCH_SIZE` caps each chunk.';
      const { section, features } = read(body, 'Export');
      const prose = read('The export task reads the bookings and writes the rows of the berths; a fixed size caps each chunk.', 'Export');
      assert.ok((features.get('tech:none') ?? 0) > 0, [...features.keys()].join(', '));
      assert.equal(prose.features.get('tech:none'), undefined);
      assert.ok(section.inferred.scores.none > prose.section.inferred.scores.none, `${JSON.stringify(section.inferred.scores)} against ${JSON.stringify(prose.section.inferred.scores)}`);
      for (const text of quoted(section)) assert.ok(!/[`_]|parquet|berthRows/.test(text), text);
    });

    it('e.g. and i.e. are prose, not identifiers', () => {
      const { features } = read('Skippers pay on arrival, e.g. by card, i.e. at the harbour office.');
      assert.equal(features.get('tech:none'), undefined);
    });
  });

  describe('what users do with the product', () => {
    it('an act on something on screen reads as a requirement: a UX flow is product', () => {
      const body = 'The skipper taps a berth on the map and the panel shows its length. Choosing a night opens the booking form, and clicking Confirm shows a summary screen.';
      const { section, features } = read(body, 'Booking flow');
      assert.ok((features.get('ux:product') ?? 0) > 0, [...features.keys()].join(', '));
      assert.equal(section.inferred.role, 'product');
      assert.equal(section.inferred.concern, 'requirements');
      const flow = section.inferred.evidence.find((e) => e.kind === 'pattern' && e.concern === 'requirements');
      assert.ok(flow, JSON.stringify(section.inferred.evidence));
      assert.equal(flow.text, 'taps a berth on the map and the panel');
    });

    it('a user acting is an interaction too', () => {
      const { section } = read('Each visitor chooses a night and pays at the gate.');
      assert.ok(
        section.inferred.evidence.some((e) => e.kind === 'pattern' && e.text === 'visitor chooses'),
        JSON.stringify(section.inferred.evidence),
      );
    });

    it('acting words with nothing on screen, or inside identifiers, are no interaction', () => {
      for (const body of [
        'We will open talks with the harbour board and list the options for the winter.',
        'The handler `onClickButton` calls show_panel and open_dialog.',
      ]) {
        const { features } = read(body);
        assert.equal(features.get('ux:product'), undefined, body);
      }
    });
  });
});
