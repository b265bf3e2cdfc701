"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.applyEdits = applyEdits;
exports.assertRange = assertRange;
const assert = __importStar(require("node:assert/strict"));
const text_1 = require("../../src/core/text");
/**
 * Applies text edits the way an editor does: all against the original text, none overlapping
 * (overlap fails the test). Each range's line/character must agree with its offset.
 */
function applyEdits(text, edits) {
    const lines = new text_1.LineIndex(text);
    for (const edit of edits)
        assertRange(lines, edit.range);
    const sorted = [...edits].sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
    for (let i = 1; i < sorted.length; i++) {
        assert.ok(sorted[i].range.start.offset >= sorted[i - 1].range.end.offset, `edits overlap at offset ${sorted[i].range.start.offset}`);
    }
    let out = text;
    for (const edit of [...sorted].reverse())
        out = out.slice(0, edit.range.start.offset) + edit.newText + out.slice(edit.range.end.offset);
    return out;
}
/** A range lies inside the document, starts before it ends, and its positions match its offsets. */
function assertRange(lines, range, what = 'range') {
    const { start, end } = range;
    assert.ok(start.offset >= 0 && end.offset <= lines.text.length, `${what} ${start.offset}-${end.offset} outside 0-${lines.text.length}`);
    assert.ok(start.offset <= end.offset, `${what} starts after it ends: ${start.offset} > ${end.offset}`);
    for (const p of [start, end]) {
        const expected = lines.positionAt(p.offset);
        assert.ok(p.line === expected.line && p.character === expected.character, `${what}: offset ${p.offset} is ${expected.line}:${expected.character}, not ${p.line}:${p.character}`);
    }
}
//# sourceMappingURL=edits.js.map