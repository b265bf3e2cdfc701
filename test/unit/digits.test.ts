import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { digitReach, STOPS } from '../../src/core/classify/digits';
import { PATTERNS } from '../../src/core/taxonomy/patterns';
import { PROPERTY_SEED } from '../support/property-seed';

/** Whether every match of `source` consumes an ASCII digit. */
const needsDigit = (source: string): boolean => digitReach(source).needsDigit;

/** The stops `digitReach` says never come before a match's first digit, as characters. */
const stopsBefore = (source: string): string => STOPS.filter((_, bit) => digitReach(source).stopsBeforeDigit & (1 << bit)).join('');

describe('patterns that need a digit', () => {
  it('finds a digit every alternative must consume', () => {
    assert.ok(needsDigit('\\d'));
    assert.ok(needsDigit('[0-9]+%'));
    assert.ok(needsDigit('\\b(?:q|h)[1-4]|fy\\d{2}'));
    assert.ok(needsDigit('a{0,2}\\d{1}'));
    assert.ok(needsDigit(PATTERNS.metricTarget.regex));
  });

  it('says no where a match can do without one', () => {
    assert.ok(!needsDigit('a|\\d'), 'an alternative without a digit');
    assert.ok(!needsDigit('(?:\\d)?x'), 'an optional digit');
    assert.ok(!needsDigit('\\d*x'), 'a digit that may repeat zero times');
    assert.ok(!needsDigit('[\\d.]'), 'a class that holds more than digits');
    assert.ok(!needsDigit('[^0-9]'), 'a negated class');
    assert.ok(!needsDigit('(?=\\d)a'), 'a lookahead consumes nothing');
    assert.ok(!needsDigit('\\p{N}'), 'other numbers than ASCII digits');
    assert.ok(!needsDigit('(a)\\1'), 'a back-reference');
    assert.ok(!needsDigit(PATTERNS.fte.regex));
    assert.ok(!needsDigit(PATTERNS.riskRating.regex));
  });

  it('says no to what it cannot read', () => {
    assert.ok(!needsDigit('(\\d'));
    assert.ok(!needsDigit('\\d)'));
  });

  it('never says yes to a pattern that matches text without a digit', () => {
    for (const [name, p] of Object.entries(PATTERNS)) {
      if (!needsDigit(p.regex)) continue;
      for (const sample of ['Retention of users is high', 'as a user I want so that', 'Phase two', 'Q three', 'weeks', 'likelihood: high']) {
        assert.ok(!new RegExp(p.regex, 'iu').test(sample), `${name} on ${sample}`);
      }
    }
  });

  it('knows which stops cannot come before the first digit', () => {
    assert.equal(stopsBefore('\\d\\.'), '.|\n', 'a match that starts with its digit');
    assert.equal(stopsBefore('[^.\\n|]{0,9}\\d'), '.|\n');
    assert.equal(stopsBefore('a\\s*\\d'), '.|', 'white space holds a line break');
    assert.equal(stopsBefore('a.\\d'), '\n', 'any character but a line break');
    assert.equal(stopsBefore('(?:x|\\.)\\d'), '|\n', 'an alternative holds a full stop');
    assert.equal(stopsBefore('(?:\\.\\d)?x\\d'), '|\n', 'an optional part holds its stops, digit or not');
    assert.equal(stopsBefore('\\d(?:\\.|\\|)'), '.|\n', 'after the digit, anything');
    assert.equal(stopsBefore('(?=[.|])\\d'), '.|\n', 'a lookahead consumes nothing');
    assert.equal(stopsBefore('(a)\\1\\d'), '', 'a back-reference may hold anything');
    assert.equal(stopsBefore('\\D\\d'), '');
    assert.equal(stopsBefore('a|\\d'), '', 'no digit needed: nothing said');
    assert.equal(stopsBefore(PATTERNS.metricTarget.regex), '.|');
  });

  it('never says a stop comes before no digit where a match holds one there', () => {
    const piece = fc.constantFrom('users', 'retention', 'NPS', 'conversion', 'Q3', 'phase', 'by', 'to', 'of', ' ', ' ', '  ', '.', '|', '\n', '-', '$', '€', '<', '≥', '~', '%', 'k', 'x', '1', '20', '2025', '3.5', '12,000', 'March', 'week', 'increase', 'FY', '#', ':');
    const patterns = Object.entries(PATTERNS).filter(([, p]) => digitReach(p.regex).stopsBeforeDigit !== 0);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        for (const [name, p] of patterns) {
          const excluded = stopsBefore(p.regex);
          const re = new RegExp(p.regex, 'giu');
          for (const m of text.matchAll(re)) {
            const firstDigit = m[0].search(/[0-9]/);
            assert.ok(firstDigit >= 0, `${name} matched '${m[0]}' without a digit`);
            const before = m[0].slice(0, firstDigit);
            for (const stop of excluded) assert.ok(!before.includes(stop), `${name} matched '${m[0]}' with ${JSON.stringify(stop)} before its digit`);
          }
        }
      }),
      { numRuns: 400, seed: PROPERTY_SEED },
    );
  });
});
