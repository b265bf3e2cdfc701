"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sectionName = sectionName;
exports.describe = describe;
exports.evidenceFor = evidenceFor;
exports.quote = quote;
exports.stronglySays = stronglySays;
exports.otherRole = otherRole;
exports.sectionAt = sectionAt;
exports.documentAnchor = documentAnchor;
/** How many pieces of evidence a message quotes. */
const QUOTED_EVIDENCE = 3;
/** Longer evidence is cut in messages. */
const QUOTE_LENGTH = 40;
/** `'Launch budget'`, or a placeholder for an empty heading. */
function sectionName(section) {
    const heading = section.heading.trim();
    return heading === '' ? `(untitled, line ${section.headingRange.start.line + 1})` : `'${clip(heading)}'`;
}
/** `project/budget`, or just the role when no concern stands out. */
function describe(role, concern) {
    return concern ? `${role}/${concern}` : role;
}
/**
 * The distinct pieces of evidence that speak for `role`, strongest first. Context evidence (the
 * document kind, the parent) is left out: it is not in the section's own words.
 */
function evidenceFor(verdict, role) {
    const seen = new Set();
    const out = [];
    for (const e of verdict.evidence) {
        if (e.role !== role || e.kind === 'context' || e.weight <= 0)
            continue;
        const key = e.text.trim().toLowerCase();
        if (key === '' || seen.has(key))
            continue;
        seen.add(key);
        out.push(e);
    }
    return out;
}
/** `('$48,000', 'cost')`: the first few pieces of evidence, quoted. */
function quote(evidence) {
    if (evidence.length === 0)
        return '';
    return `(${evidence.slice(0, QUOTED_EVIDENCE).map((e) => `'${clip(e.text.replace(/\s+/g, ' ').trim())}'`).join(', ')})`;
}
function clip(text) {
    return text.length > QUOTE_LENGTH ? text.slice(0, QUOTE_LENGTH - 1) + '…' : text;
}
/** Whether the content says `role` decisively enough for a rule to contradict a person. */
function stronglySays(verdict, role, strength) {
    if (verdict.role !== role || verdict.confidence < strength.minConfidence)
        return false;
    const other = verdict.scores[role === 'product' ? 'project' : 'product'];
    if (verdict.scores[role] < strength.dominance * other)
        return false;
    return evidenceFor(verdict, role).length >= strength.minEvidence;
}
/** The other side. */
function otherRole(role) {
    return role === 'product' ? 'project' : 'product';
}
/** The index of the section that holds `offset`, if any (the preamble holds none). */
function sectionAt(sections, offset) {
    let lo = 0;
    let hi = sections.length - 1;
    let found;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (sections[mid].range.start.offset <= offset) {
            found = mid;
            lo = mid + 1;
        }
        else
            hi = mid - 1;
    }
    return found;
}
/**
 * Where a finding about the whole document stands: the `plan:` line of the front matter when
 * there is one, else the first line.
 */
function documentAnchor(context) {
    const { lines, text, frontMatter } = context;
    if (frontMatter) {
        const start = frontMatter.range.start.offset;
        const block = text.slice(start, frontMatter.range.end.offset);
        const plan = /^[ \t]*plan[ \t]*:/m.exec(block);
        if (plan) {
            const at = start + plan.index;
            const line = lines.positionAt(at).line;
            return lines.range(at + (plan[0].length - plan[0].trimStart().length), lines.lineEnd(line));
        }
        return lines.range(start, lines.lineEnd(frontMatter.range.start.line));
    }
    return lines.range(lines.lineStart(0), lines.lineEnd(0));
}
//# sourceMappingURL=helpers.js.map