import * as assert from 'node:assert/strict';
import { needsDigit } from '../../src/core/classify/digits';
import { PATTERNS } from '../../src/core/taxonomy/patterns';

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
});
