"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LineIndex = void 0;
exports.countWords = countWords;
/**
 * Maps string offsets to line/character positions. Lines end at `\n`, `\r\n` or a lone `\r`,
 * as in VS Code; characters are UTF-16 code units.
 */
class LineIndex {
    text;
    lineStarts;
    constructor(text) {
        this.text = text;
        const starts = [0];
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c === 10)
                starts.push(i + 1);
            else if (c === 13) {
                if (text.charCodeAt(i + 1) === 10)
                    i++;
                starts.push(i + 1);
            }
        }
        this.lineStarts = starts;
    }
    get lineCount() {
        return this.lineStarts.length;
    }
    /** Offset where a line starts (clamped to the document). */
    lineStart(line) {
        if (line <= 0)
            return 0;
        if (line >= this.lineStarts.length)
            return this.text.length;
        return this.lineStarts[line];
    }
    /** Offset where a line's content ends, before its line break. */
    lineEnd(line) {
        if (line >= this.lineStarts.length - 1)
            return this.text.length;
        let end = this.lineStarts[line + 1];
        if (end > 0 && this.text.charCodeAt(end - 1) === 10)
            end--;
        if (end > 0 && this.text.charCodeAt(end - 1) === 13)
            end--;
        return end;
    }
    positionAt(offset) {
        const o = Math.max(0, Math.min(offset, this.text.length));
        let lo = 0;
        let hi = this.lineStarts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.lineStarts[mid] <= o)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo, character: o - this.lineStarts[lo], offset: o };
    }
    range(startOffset, endOffset) {
        const start = this.positionAt(startOffset);
        return { start, end: endOffset <= startOffset ? start : this.positionAt(endOffset) };
    }
    /** The line break this document uses most, for text that fixes insert. */
    get eol() {
        return this.text.includes('\r\n') ? '\r\n' : '\n';
    }
}
exports.LineIndex = LineIndex;
/** Counts words the way a person would (letters or digits, with inner apostrophes and hyphens). */
function countWords(text) {
    const m = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
    return m ? m.length : 0;
}
//# sourceMappingURL=text.js.map