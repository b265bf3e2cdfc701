import * as assert from 'node:assert/strict';
import { countWords, LineIndex } from '../../src/core/text';

const pos = (lines: LineIndex, offset: number): [number, number] => {
  const p = lines.positionAt(offset);
  assert.equal(p.offset, Math.max(0, Math.min(offset, lines.text.length)));
  return [p.line, p.character];
};

describe('LineIndex', () => {
  it('LF: lines, starts, ends and positions', () => {
    const lines = new LineIndex('ab\ncd\n');
    assert.equal(lines.lineCount, 3);
    assert.deepEqual([0, 1, 2, 3, 5, 6].map((o) => pos(lines, o)), [[0, 0], [0, 1], [0, 2], [1, 0], [1, 2], [2, 0]]);
    assert.deepEqual([lines.lineStart(1), lines.lineEnd(0), lines.lineEnd(1), lines.lineEnd(2)], [3, 2, 5, 6]);
    assert.equal(lines.eol, '\n');
  });

  it('CRLF: one break of two code units; the \\n belongs to the line it ends', () => {
    const lines = new LineIndex('ab\r\ncd');
    assert.equal(lines.lineCount, 2);
    assert.deepEqual(pos(lines, 2), [0, 2], 'the \\r');
    assert.deepEqual(pos(lines, 3), [0, 3], 'the \\n');
    assert.deepEqual(pos(lines, 4), [1, 0]);
    assert.equal(lines.lineEnd(0), 2);
    assert.equal(lines.lineStart(1), 4);
    assert.equal(lines.eol, '\r\n');
  });

  it('a lone CR ends a line, as in VS Code; mixed breaks each count once', () => {
    const lines = new LineIndex('a\rb\nc\r\nd\n\re');
    assert.equal(lines.lineCount, 6);
    assert.deepEqual([2, 4, 7, 9, 10].map((o) => pos(lines, o)), [[1, 0], [2, 0], [3, 0], [4, 0], [5, 0]]);
    assert.equal(lines.lineEnd(3), 8);
    assert.equal(lines.lineEnd(4), 9, 'an empty line between \\n and \\r');
  });

  it('emoji and other astral characters count two UTF-16 code units', () => {
    const text = '# 🚀 Launch\n😀x';
    const lines = new LineIndex(text);
    assert.deepEqual(pos(lines, text.indexOf('Launch')), [0, 5]);
    assert.deepEqual(pos(lines, text.indexOf('x')), [1, 2]);
  });

  it('a BOM is a character of line 0 (the parse layer skips it, positions stay exact)', () => {
    const lines = new LineIndex('\uFEFF# A\nb');
    assert.deepEqual(pos(lines, 1), [0, 1]);
    assert.deepEqual(pos(lines, 5), [1, 0]);
  });

  it('a tab is one character', () => {
    const lines = new LineIndex('\tx\n\t\ty');
    assert.deepEqual(pos(lines, 1), [0, 1]);
    assert.deepEqual(pos(lines, 5), [1, 2]);
  });

  it('lone surrogates and NUL are ordinary code units', () => {
    const text = 'a\uD800b\u0000\nc\uDC00';
    const lines = new LineIndex(text);
    assert.deepEqual(pos(lines, 3), [0, 3]);
    assert.deepEqual(pos(lines, text.length), [1, 2]);
  });

  it('clamps offsets and lines outside the text; a reversed range collapses to its start', () => {
    const lines = new LineIndex('ab\ncd');
    assert.deepEqual(pos(lines, -5), [0, 0]);
    assert.deepEqual(pos(lines, 99), [1, 2]);
    assert.equal(lines.lineStart(-1), 0);
    assert.equal(lines.lineStart(9), 5);
    assert.equal(lines.lineEnd(9), 5);
    const r = lines.range(4, 1);
    assert.deepEqual(r.start, r.end);
    assert.equal(r.start.offset, 4);
  });

  it('an empty text has one empty line', () => {
    const lines = new LineIndex('');
    assert.equal(lines.lineCount, 1);
    assert.deepEqual(pos(lines, 0), [0, 0]);
    assert.equal(lines.lineEnd(0), 0);
  });

  it('agrees with a naive split on any text', () => {
    const alphabet = ['a', '\n', '\r', '\r\n', '😀', '\t', '\uD800', ''];
    for (let seed = 1; seed < 200; seed++) {
      let text = '';
      let x = seed;
      for (let i = 0; i < 30; i++) {
        x = (x * 1103515245 + 12345) % 2147483648;
        text += alphabet[x % alphabet.length];
      }
      const lines = new LineIndex(text);
      const naive = text.split(/\r\n|\n|\r/);
      assert.equal(lines.lineCount, naive.length, JSON.stringify(text));
      let offset = 0;
      naive.forEach((line, i) => {
        assert.deepEqual(pos(lines, offset), [i, 0]);
        assert.equal(lines.lineEnd(i), offset + line.length);
        offset = lines.lineStart(i + 1);
      });
    }
  });
});

describe('countWords', () => {
  it('counts words as a person would', () => {
    assert.equal(countWords("The team's go-to-market plan — really."), 5);
    assert.equal(countWords(''), 0);
    assert.equal(countWords('😀 🚀 --- ***'), 0);
    assert.equal(countWords('Größe naïve 日本語'), 3);
  });

  it('counts a range of a text in place as the words of its slice', () => {
    const words = (text: string): number => text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
    const alphabet = ['a', 'Z', '7', ' ', '\n', "'", '’', '-', '—', 'é', '日', '𝒜', '😀', '\uD835', '\uDC9C', '.', '_'];
    let x = 7;
    const next = (n: number): number => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x % n;
    };
    for (let run = 0; run < 500; run++) {
      let text = '';
      for (let i = next(40); i > 0; i--) text += alphabet[next(alphabet.length)];
      const start = next(text.length + 1);
      const end = start + next(text.length - start + 1);
      assert.equal(countWords(text, start, end), words(text.slice(start, end)), JSON.stringify([text, start, end]));
      assert.equal(countWords(text), words(text), JSON.stringify(text));
    }
  });
});
