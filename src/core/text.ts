import type { Position, Range } from './types';

/**
 * Maps string offsets to line/character positions. Lines end at `\n`, `\r\n` or a lone `\r`,
 * as in VS Code; characters are UTF-16 code units.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // Only LF breaks (the common case): the native search is several times faster than a loop.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset where a line starts (clamped to the document). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    return this.lineStarts[line];
  }

  /** Offset where a line's content ends, before its line break. */
  lineEnd(line: number): number {
    if (line >= this.lineStarts.length - 1) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo], offset: o };
  }

  range(startOffset: number, endOffset: number): Range {
    const start = this.positionAt(startOffset);
    return { start, end: endOffset <= startOffset ? start : this.positionAt(endOffset) };
  }

  /** The line break this document uses most, for text that fixes insert. */
  get eol(): string {
    this.eolCache ??= this.text.includes('\r\n') ? '\r\n' : '\n';
    return this.eolCache;
  }

  private eolCache: string | undefined;
}

/**
 * Counts words the way a person would: runs of letters or digits, joined by single inner
 * apostrophes and hyphens (`go-to-market` is one). Reads `text` from `start` to `end` in place:
 * every section's body is counted, and a slice and a list of its words for each is garbage.
 */
export function countWords(text: string, start = 0, end = text.length): number {
  let count = 0;
  // The character before is a letter or digit; it is a joiner right after one.
  let inWord = false;
  let joining = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    let letter: boolean;
    if (c < 0x80) letter = ASCII_LETTER_OR_DIGIT[c] === 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair within the range is one character (a pair cut by `end` is a lone surrogate, as in a slice).
      letter = LETTER_OR_DIGIT.test(text.slice(i, i + 2));
      i++;
    } else letter = LETTER_OR_DIGIT.test(String.fromCharCode(c));
    if (letter) {
      if (!inWord && !joining) count++;
      inWord = true;
      joining = false;
    } else {
      joining = inWord && (c === 0x27 || c === 0x2019 || c === 0x2d);
      inWord = false;
    }
  }
  return count;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const ASCII_LETTER_OR_DIGIT = Uint8Array.from({ length: 0x80 }, (_, c) => (LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 0));
