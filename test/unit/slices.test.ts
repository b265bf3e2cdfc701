import { strict as assert } from 'node:assert';
import { mapInSlices } from '../../src/extension/slices';

describe('mapInSlices (work on the editor thread in slices)', () => {
  it('maps every item in order', async () => {
    assert.deepEqual(await mapInSlices([1, 2, 3, 4], (n) => n * 10), [10, 20, 30, 40]);
    assert.deepEqual(await mapInSlices([], (n: number) => n), []);
  });

  it('gives the thread back between slices', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const seen: number[] = [];
    // A slice of 0 ms ends after every item: the interval gets to run in between.
    await mapInSlices([1, 2, 3, 4, 5, 6], (n) => {
      const until = performance.now() + 2;
      while (performance.now() < until);
      seen.push(ticks);
      return n;
    }, undefined, 0);
    clearInterval(timer);
    assert.ok(seen.at(-1)! > seen[0], `the timer ran between slices: ${seen.join(',')}`);
  });

  it('stops with undefined once cancelled', async () => {
    const token = { isCancellationRequested: false };
    const converted: number[] = [];
    const result = await mapInSlices([1, 2, 3], (n) => {
      converted.push(n);
      token.isCancellationRequested = true;
      return n;
    }, token, 0);
    assert.equal(result, undefined);
    assert.deepEqual(converted, [1]);
  });
});
