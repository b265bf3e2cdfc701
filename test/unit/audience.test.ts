import * as assert from 'node:assert/strict';
import { addressesReviewers } from '../../src/core/classify/audience';
import { readSection } from '../support/section-features';

describe('a heading addressed to the reviewers', () => {
  it('reads notes for reviewers, answers to review questions and why to fund the applicants', () => {
    assert.ok(addressesReviewers('Notes for reviewers'));
    assert.ok(addressesReviewers('📌 Note to the committee'));
    assert.ok(addressesReviewers("Answers to the grant reviewers' questions"));
    assert.ok(addressesReviewers('Responses to review comments'));
    assert.ok(addressesReviewers('Why fund us?'));
    assert.ok(addressesReviewers('Why should you support our team'));
  });

  it('headings about the work or the product are not addressed to anyone', () => {
    assert.ok(!addressesReviewers('Review process for pull requests'));
    assert.ok(!addressesReviewers('Reviewers and approvers'));
    assert.ok(!addressesReviewers('Why users choose a paper ledger'));
    assert.ok(!addressesReviewers('Funding request'));
  });

  it('counts for neither side however many delivery words the body repeats', () => {
    const body = '1. **Track record**: we delivered two grants on time and on budget.\n2. **Clear deliverables**: each milestone has a budget, a schedule and acceptance criteria.';
    const addressed = readSection('Seed library ledger', body, 'Why fund us?');
    const plain = readSection('Seed library ledger', body, 'Track record');
    assert.ok((addressed.features.get('hp:none') ?? 0) > 0, [...addressed.features.keys()].join(', '));
    assert.ok(addressed.section.inferred.scores.none > plain.section.inferred.scores.none + 2, JSON.stringify([addressed.section.inferred.scores, plain.section.inferred.scores]));
  });
});
