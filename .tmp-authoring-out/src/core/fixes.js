"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ownerTagText = ownerTagText;
exports.tagValue = tagValue;
exports.insertAt = insertAt;
exports.insertUnderHeadingEdit = insertUnderHeadingEdit;
exports.insertTagEdit = insertTagEdit;
exports.retagEdit = retagEdit;
exports.setTagEdit = setTagEdit;
exports.insertBeforeHeadingEdit = insertBeforeHeadingEdit;
exports.disableNextSectionEdit = disableNextSectionEdit;
exports.removeRangeEdit = removeRangeEdit;
exports.inferredTag = inferredTag;
exports.tagAllSectionsEdits = tagAllSectionsEdits;
/**
 * Quick fixes as plain text edits. Rules build their fixes from these pieces, and the editor's
 * *Tag All Sections* uses `tagAllSectionsEdits`, so a tag is written the same way everywhere.
 */
const text_1 = require("./text");
/** `<!-- owner: project/budget @lee -->`: the one way PM Lens writes an owner tag. */
function ownerTagText(role, concern, handles = []) {
    return `<!-- owner: ${tagValue(role, concern)}${handles.map((h) => ' ' + h).join('')} -->`;
}
/** `project/budget`, or just the role when there is no concern (or the role takes none). */
function tagValue(role, concern) {
    return concern && (role === 'product' || role === 'project') ? `${role}/${concern}` : role;
}
/** An edit that inserts `newText` at `offset`. */
function insertAt(lines, offset, newText) {
    return { range: lines.range(offset, offset), newText };
}
/** Inserts `line` as a line of its own right under the section's heading (the tag's place). */
function insertUnderHeadingEdit(section, line, lines) {
    const end = section.headingRange.end;
    // A heading never ends at the start of a line; if a range ever does, its last line is the one before.
    const lastLine = end.character === 0 && end.line > section.headingRange.start.line ? end.line - 1 : end.line;
    return insertAt(lines, lines.lineEnd(lastLine), lines.eol + line);
}
/** Inserts an owner tag under the section's heading. */
function insertTagEdit(section, role, concern, lines) {
    return insertUnderHeadingEdit(section, ownerTagText(role, concern), lines);
}
/** Rewrites a tag's role and concern in place; its handles stay. */
function retagEdit(tag, role, concern) {
    return { range: tag.valueRange, newText: tagValue(role, concern) };
}
/** Tags a section: rewrites its first tag if it has one, otherwise inserts one under the heading. */
function setTagEdit(section, role, concern, lines) {
    const tag = section.tags[0];
    return tag ? retagEdit(tag, role, concern) : insertTagEdit(section, role, concern, lines);
}
/** Inserts `line` as a line of its own just before the section's heading. */
function insertBeforeHeadingEdit(section, line, lines) {
    return insertAt(lines, lines.lineStart(section.headingRange.start.line), line + lines.eol);
}
/** `<!-- pm-lens-disable-next-section RULE… -->` before the section's heading. */
function disableNextSectionEdit(section, ruleIds, lines) {
    return insertBeforeHeadingEdit(section, `<!-- pm-lens-disable-next-section ${ruleIds.join(' ')} -->`, lines);
}
/**
 * Removes `range`; when nothing else stands on its lines, the lines go too, so no blank line
 * is left where a tag was. Otherwise the spaces that separated it from its neighbours go with it.
 */
function removeRangeEdit(range, lines) {
    const text = lines.text;
    const lineStart = lines.lineStart(range.start.line);
    const lineEnd = lines.lineEnd(range.end.line);
    const before = text.slice(lineStart, range.start.offset);
    const after = text.slice(range.end.offset, lineEnd);
    if (before.trim() === '' && after.trim() === '') {
        const nextLine = lines.lineStart(range.end.line + 1);
        if (nextLine > lineEnd)
            return { range: lines.range(lineStart, nextLine), newText: '' };
        // The last line of the document: take the break before it instead.
        const previousEnd = range.start.line > 0 ? lines.lineEnd(range.start.line - 1) : lineStart;
        return { range: lines.range(previousEnd, lineEnd), newText: '' };
    }
    let start = range.start.offset;
    let end = range.end.offset;
    while (end < lineEnd && (text[end] === ' ' || text[end] === '\t'))
        end++;
    if (end === lineEnd)
        while (start > lineStart && (text[start - 1] === ' ' || text[start - 1] === '\t'))
            start--;
    return { range: lines.range(start, end), newText: '' };
}
/**
 * The tag value a section's content suggests: `role/concern` for product or project, `shared`
 * for mixed content, nothing when the content is not decisive.
 */
function inferredTag(section) {
    const { role, concern } = section.inferred;
    if (role === 'product' || role === 'project')
        return { role, concern };
    if (role === 'mixed')
        return { role: 'shared', concern: undefined };
    return undefined;
}
/**
 * Edits that tag every untagged section with content by what it reads as (the command *Tag All
 * Sections*). Sections whose content is not decisive are left for a person. The edits are in
 * document order and never overlap.
 */
function tagAllSectionsEdits(analysis, text) {
    const lines = new text_1.LineIndex(text);
    const edits = [];
    for (const section of analysis.sections) {
        if (section.tagged || section.wordCount === 0)
            continue;
        const tag = inferredTag(section);
        if (tag)
            edits.push(insertTagEdit(section, tag.role, tag.concern, lines));
    }
    return edits;
}
//# sourceMappingURL=fixes.js.map