import * as assert from 'node:assert/strict';
import { balanceOf, balanceText } from '../../src/shared/balance';

describe('the balance of words (status bar and panel)', function () {
  it('gives whole percentages of all words that add up to 100', function () {
    const b = balanceOf({ product: 620, project: 379, neither: 50 });
    assert.deepEqual(b.percent, { product: 59, project: 36, neither: 5 });
    assert.equal(b.total, 1049);
    assert.equal(balanceText(b).text, 'Product 59% · Project 36% · Neither 5%');
    assert.equal(balanceText(b).tooltip, 'Product 620 words, project 379 words, neither 50 words');
  });

  it('leaves out neither when it has no words', function () {
    assert.equal(balanceText(balanceOf({ product: 1, project: 3, neither: 0 })).text, 'Product 25% · Project 75%');
  });

  it('says so when nothing is owned', function () {
    const b = balanceOf({ product: 0, project: 0, neither: 12 });
    assert.equal(balanceText(b).text, 'No owned sections');
    assert.deepEqual(balanceOf({ product: 0, project: 0, neither: 0 }).percent, { product: 0, project: 0, neither: 0 });
  });
});
