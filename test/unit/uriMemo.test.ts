import { strict as assert } from 'node:assert';
import { memoizeUriParse } from '../../src/extension/uriMemo';

describe('memoizeUriParse (the language client URI conversion)', () => {
  it('parses each distinct string once and hands back the same result', () => {
    const parsed: string[] = [];
    const parse = memoizeUriParse((value: string) => {
      parsed.push(value);
      return { value };
    });
    const a = parse('https://example.com/rules/a.md');
    const b = parse('https://example.com/rules/b.md');
    assert.equal(parse('https://example.com/rules/a.md'), a);
    assert.equal(parse('https://example.com/rules/b.md'), b);
    assert.deepEqual(parsed, ['https://example.com/rules/a.md', 'https://example.com/rules/b.md']);
  });

  it('holds at most its limit, then starts over', () => {
    let calls = 0;
    const parse = memoizeUriParse((value: string) => {
      calls++;
      return { value };
    }, 2);
    const first = parse('a:1');
    parse('a:2');
    parse('a:3');
    assert.equal(calls, 3);
    const again = parse('a:1');
    assert.equal(calls, 4);
    assert.notEqual(again, first);
    assert.deepEqual(again, first);
  });
});
