"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.expectedFindings = expectedFindings;
exports.actualFindings = actualFindings;
exports.sorted = sorted;
/**
 * The findings a fixture expects: `<!-- expect: rule-a rule-b -->` (or, in YAML front matter,
 * `# expect: rule-a`) on the line where each must appear. As `line:rule` pairs, 0-based lines.
 */
function expectedFindings(text) {
    const out = new Set();
    text.split(/\r\n|\n|\r/).forEach((line, i) => {
        for (const m of line.matchAll(/<!--\s*expect:\s*(.*?)\s*-->|\s#\s*expect:\s*(.*)$/g)) {
            for (const id of (m[1] ?? m[2]).split(/[\s,]+/).filter(Boolean))
                out.add(`${i}:${id}`);
        }
    });
    return out;
}
/** The findings an analysis gave, as the same `line:rule` pairs. */
function actualFindings(findings, ruleIds) {
    return new Set(findings.filter((f) => !ruleIds || ruleIds.has(f.ruleId)).map((f) => `${f.range.start.line}:${f.ruleId}`));
}
/** Sorted, for readable assertion diffs. */
function sorted(pairs) {
    return [...pairs].sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b));
}
//# sourceMappingURL=expect-markers.js.map