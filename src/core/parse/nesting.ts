/**
 * A limit on how deep one line nests containers (block quotes and list items) before the parser
 * reads it. No document nests them deeply on one line, and the parser's time grows with the
 * square of the depth: 1,000 list items opened on one line take half a second, and 4,000 of them
 * overflow its stack (10,000 block quotes do). Markers past the limit become no-break spaces, so
 * every offset stays where it was and what follows stays the deepest container's text (plain
 * spaces would make it indented code).
 */

/** Containers one line may open; deeper ones are read as text. */
export const MAX_LINE_NESTING = 32;

/**
 * One container marker and the spaces after it: `>`, or a list item's bullet or number. The
 * spaces are taken whole (a look-ahead and a back-reference make them atomic): were they shared
 * with the indentation of the next marker, a line one marker short of the limit would be tried
 * in every split of its spaces, which takes minutes.
 */
const MARKER_SOURCE = '(?:>|[-*+](?=[ \\t])|\\d{1,9}[.)](?=[ \\t]))(?=([ \\t]*))\\1';
const MARKER = new RegExp(`[ \\t]{0,3}${MARKER_SOURCE}`, 'y');
/** A line that opens more containers than the limit, whole (the first marker may be indented). */
const DEEP_LINE = new RegExp(`^[ \\t]{0,3}(?:${MARKER_SOURCE}){${MAX_LINE_NESTING + 1},}[^\\n\\r]*`, 'gm');
const NO_BREAK_SPACE = '\u00a0';

/** `markdown` with the container markers past `MAX_LINE_NESTING` on each line turned into no-break spaces; the same text when no line nests so deep. */
export function withinNestingLimit(markdown: string): string {
  return markdown.replace(DEEP_LINE, limitLine);
}

/** One deep line, its markers past the limit blanked; markers stop where a thematic break (`* * *`) takes the rest of the line. */
function limitLine(line: string): string {
  const breakAt = thematicBreakReach(line);
  const parts: string[] = [];
  let at = 0;
  let depth = 0;
  for (;;) {
    if (at >= breakAt.from && at <= breakAt.to) break;
    MARKER.lastIndex = at;
    if (!MARKER.test(line)) break;
    const end = MARKER.lastIndex;
    parts.push(++depth <= MAX_LINE_NESTING ? line.slice(at, end) : NO_BREAK_SPACE.repeat(end - at));
    at = end;
  }
  parts.push(line.slice(at));
  return parts.join('');
}

/**
 * Where a thematic break may start on the line: from `from` to `to`, the rest of the line is
 * three or more of one of `-`, `*`, `_` with spaces between (`to` < `from` when it ends in none).
 * A list marker there is the break's first mark, not a list.
 */
function thematicBreakReach(line: string): { from: number; to: number } {
  let mark = '';
  let marks = 0;
  let to = -1;
  let i = line.length;
  for (; i > 0; i--) {
    const c = line[i - 1];
    if (c === ' ' || c === '\t') continue;
    if (mark === '' && (c === '-' || c === '*' || c === '_')) mark = c;
    if (c !== mark) break;
    if (++marks === 3) to = i - 1;
  }
  return { from: i, to };
}
