/**
 * Quick fixes as plain text edits. Rules build their fixes from these pieces, and the editor's
 * *Tag All Sections* uses `tagAllSectionsEdits`, so a tag is written the same way everywhere.
 * *Fix all* in an editor and `pm-lens check --fix` take their edits from `fixAllEdits`.
 */
import type { Item } from './items';
import type { BlockFact } from './parse/facts';
import { LineIndex } from './text';
import type { Analysis, OwnerTag, Range, Section, TagRole, TextEdit } from './types';

/** `<!-- owner: project/budget @lee -->`: the one way PM Lens writes an owner tag. */
export function ownerTagText(role: TagRole, concern?: string, handles: readonly string[] = []): string {
  return `<!-- owner: ${tagValue(role, concern)}${handles.map((h) => ' ' + h).join('')} -->`;
}

/** `project/budget`, or just the role when there is no concern (or the role takes none). */
export function tagValue(role: TagRole, concern?: string): string {
  return concern && (role === 'product' || role === 'project') ? `${role}/${concern}` : role;
}

/** An edit that inserts `newText` at `offset`. */
export function insertAt(lines: LineIndex, offset: number, newText: string): TextEdit {
  return { range: lines.range(offset, offset), newText };
}

/** Inserts `line` as a line of its own right under the section's heading (the tag's place). */
export function insertUnderHeadingEdit(section: Section, line: string, lines: LineIndex): TextEdit {
  const end = section.headingRange.end;
  // A heading never ends at the start of a line; if a range ever does, its last line is the one before.
  const lastLine = end.character === 0 && end.line > section.headingRange.start.line ? end.line - 1 : end.line;
  return insertAt(lines, lines.lineEnd(lastLine), lines.eol + line);
}

/** Inserts an owner tag under the section's heading. */
export function insertTagEdit(section: Section, role: TagRole, concern: string | undefined, lines: LineIndex): TextEdit {
  return insertUnderHeadingEdit(section, ownerTagText(role, concern), lines);
}

/** Rewrites a tag's role and concern in place; its handles stay. */
export function retagEdit(tag: OwnerTag, role: TagRole, concern?: string): TextEdit {
  return { range: tag.valueRange, newText: tagValue(role, concern) };
}

/** Tags a section: rewrites its first tag if it has one, otherwise inserts one under the heading. */
export function setTagEdit(section: Section, role: TagRole, concern: string | undefined, lines: LineIndex): TextEdit {
  const tag = section.tags[0];
  return tag ? retagEdit(tag, role, concern) : insertTagEdit(section, role, concern, lines);
}

/** Inserts `line` as a line of its own just before the section's heading. */
export function insertBeforeHeadingEdit(section: Section, line: string, lines: LineIndex): TextEdit {
  return insertAt(lines, lines.lineStart(section.headingRange.start.line), line + lines.eol);
}

/** `<!-- pm-lens-disable-next-section RULE… -->` before the section's heading. */
export function disableNextSectionEdit(section: Section, ruleIds: readonly string[], lines: LineIndex): TextEdit {
  return insertBeforeHeadingEdit(section, `<!-- pm-lens-disable-next-section ${ruleIds.join(' ')} -->`, lines);
}

/**
 * Removes `range`; when nothing else stands on its lines, the lines go too, so no blank line
 * is left where a tag was. Otherwise the spaces that separated it from its neighbours go with it.
 */
export function removeRangeEdit(range: Range, lines: LineIndex): TextEdit {
  const text = lines.text;
  const lineStart = lines.lineStart(range.start.line);
  const lineEnd = lines.lineEnd(range.end.line);
  const before = text.slice(lineStart, range.start.offset);
  const after = text.slice(range.end.offset, lineEnd);
  if (before.trim() === '' && after.trim() === '') {
    const nextLine = lines.lineStart(range.end.line + 1);
    if (nextLine > lineEnd) return { range: lines.range(lineStart, nextLine), newText: '' };
    // The last line of the document: take the break before it instead.
    const previousEnd = range.start.line > 0 ? lines.lineEnd(range.start.line - 1) : lineStart;
    return { range: lines.range(previousEnd, lineEnd), newText: '' };
  }
  let start = range.start.offset;
  let end = range.end.offset;
  while (end < lineEnd && (text[end] === ' ' || text[end] === '\t')) end++;
  if (end === lineEnd) while (start > lineStart && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { range: lines.range(start, end), newText: '' };
}

/**
 * The tag value a section's content suggests: `role/concern` for product or project, `shared`
 * for mixed content, nothing when the content is not decisive.
 */
export function inferredTag(section: Section): { role: TagRole; concern: string | undefined } | undefined {
  const { role, concern } = section.inferred;
  if (role === 'product' || role === 'project') return { role, concern };
  if (role === 'mixed') return { role: 'shared', concern: undefined };
  return undefined;
}

/**
 * Edits that tag every untagged section with content by what it reads as (the command *Tag All
 * Sections*). Sections whose content is not decisive are left for a person. The edits are in
 * document order and never overlap.
 */
export function tagAllSectionsEdits(analysis: Analysis, text: string): TextEdit[] {
  const lines = new LineIndex(text);
  const edits: TextEdit[] = [];
  for (const section of analysis.sections) {
    if (section.tagged || section.wordCount === 0) continue;
    const tag = inferredTag(section);
    if (tag) edits.push(insertTagEdit(section, tag.role, tag.concern, lines));
  }
  return edits;
}

/**
 * The edits of every finding's unattended fix (see `Fix.unattended`), in document order. An edit
 * that overlaps (or inserts at the same place as) one already taken is left for the next round,
 * so that the edits apply exactly; the next analysis offers it again.
 */
export function fixAllEdits(analysis: Analysis): TextEdit[] {
  const candidates: TextEdit[] = [];
  for (const finding of analysis.findings) {
    const fix = finding.fixes.find((f) => f.unattended);
    if (fix) candidates.push(...fix.edits);
  }
  candidates.sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
  const taken: TextEdit[] = [];
  let end = 0;
  for (const edit of candidates) {
    if (taken.length > 0 && edit.range.start.offset <= end) continue;
    taken.push(edit);
    end = edit.range.end.offset;
  }
  return taken;
}

/** `text` with `edits` applied: edits in document order that do not overlap, as `fixAllEdits` gives them. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const edit of edits) {
    parts.push(text.slice(at, edit.range.start.offset), edit.newText);
    at = edit.range.end.offset;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Moves an item (a list item, a table row or a sentence) to the end of another section's items:
 * it leaves its place (its whole lines, for a list item or a row) and is appended after the
 * target's last block, as a row when both are table rows, otherwise as a list item (a blank line
 * first when the target does not end in a list).
 */
export function moveItemEdits(item: Item, target: Section, targetBlocks: readonly BlockFact[], lines: LineIndex): TextEdit[] {
  const text = lines.text;
  const eol = lines.eol;
  const first = lines.positionAt(item.start).line;
  const last = lines.positionAt(item.end).line;
  const whole = item.kind === 'sentence' ? lines.range(item.start, item.end) : lines.range(lines.lineStart(first), lines.lineEnd(last));
  const remove = removeRangeEdit(whole, lines);

  const lastBlock = targetBlocks.length > 0 ? targetBlocks[targetBlocks.length - 1] : undefined;
  let newText: string;
  if (lastBlock?.kind === 'table-row' && item.kind === 'table-row') newText = eol + text.slice(item.start, item.end);
  else {
    const listLine = item.kind === 'list-item' ? text.slice(lines.lineStart(first), lines.lineEnd(last)).trimStart() : `- ${item.plain}`;
    newText = (lastBlock?.kind === 'paragraph' && lastBlock.inList ? eol : eol + eol) + listLine;
  }
  const insert = lastBlock
    ? insertAt(lines, lines.lineEnd(lines.positionAt(lastBlock.end).line), newText)
    : insertUnderHeadingEdit(target, newText.slice(eol.length), lines);
  return [remove, insert];
}
