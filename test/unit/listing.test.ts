import * as assert from 'node:assert/strict';
import { isLog, isLogEntry, readListing } from '../../src/core/classify/listing';
import { parseFacts } from '../../src/core/parse/facts';
import { outlineSections } from '../../src/core/sections';
import { readSection } from '../support/section-features';

/** The listing reading of a lone section's body. */
function listingOf(body: string): ReturnType<typeof readListing> {
  const text = `## Part\n\n${body}\n`;
  const section = outlineSections(parseFacts(text), text.length).sections[0];
  return readListing(text, section.blocks);
}

/** Twelve entries of a release log whose item titles are technical, each with its author and date. */
const LONG_LOG = Array.from(
  { length: 12 },
  (_, i) => `- Rename the tile cache metrics to the storage guidelines [#${4100 + i}](https://git.example/tiles/pull/${4100 + i})\n  [@ines-k](https://git.example/ines-k) 2026-0${1 + (i % 9)}-1${i % 10}`,
).join('\n');

describe('what a section lists', () => {
  it('a list whose items mostly carry who did the work or when is a delivery log', () => {
    const r = listingOf('- Split the ferry timetable parser @noor\n- Drop the legacy pier codes (#212) 2026-02-17\n- Notes on berths');
    assert.deepEqual(r, { items: 3, logged: 2 });
    assert.ok(isLog(r));
  });

  it('an entry names who did the work, or when it landed as which change; a dated goal is none', () => {
    assert.ok(isLogEntry('Split the parser [@noor](https://git.example/noor)'));
    assert.ok(isLogEntry('Drop the pier codes [#212](https://git.example/harbour/pull/212) 2026-02-17'));
    assert.ok(!isLogEntry('Every pier has a fuel dock by 2027-01-01'));
    assert.ok(!isLogEntry('Write to berths@harbour.example about #3 on the list'));
  });

  it('one dated item among plain ones is no log, and neither is prose or a table', () => {
    const few = listingOf('- Berths\n- Moorings\n- Fuel dock, opened by @noor\n- Slipway');
    assert.equal(few.logged, 1);
    assert.ok(!isLog(few));
    assert.ok(!isLog(listingOf('The harbour master signed off on 2026-05-01 with @noor present.')));
    assert.ok(!isLog(listingOf('| item | who |\n| --- | --- |\n| berths | @noor 2026-05-01 |')));
  });

  it('a long log of technical item titles under a version heading reads as project, the log quoted', () => {
    const { section, features } = readSection('Tile server metrics', LONG_LOG, '3.2');
    assert.ok((features.get('bp:deliverables') ?? 0) > 1, [...features].join(', '));
    assert.equal(section.inferred.role, 'project', JSON.stringify(section.inferred));
    assert.ok(section.inferred.evidence.some((e) => e.role === 'project' && e.text.startsWith('Rename the tile cache')), JSON.stringify(section.inferred.evidence));
  });

  it('the same items without author or date are no log: the list weighs less for the project side', () => {
    const plain = LONG_LOG.replace(/\n {2}\[@ines-k\]\([^)]*\) \d{4}-\d\d-\d\d/g, '');
    const logged = readSection('Tile server metrics', LONG_LOG, '3.2').section.inferred.scores.project;
    const unlogged = readSection('Tile server metrics', plain, '3.2').section.inferred.scores.project;
    assert.ok(logged > unlogged + 2, `${logged} vs ${unlogged}`);
  });
});
