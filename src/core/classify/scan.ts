/**
 * Text helpers of the classifier: blanking what is not prose (so offsets stay exact) and finding a
 * document's title heading.
 */
import type { LineIndex } from '../text';
import { finish, type Steps } from '../steps';

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const CODE_SPAN = /``[^\n]{1,300}?``|`[^`\n]{1,300}`/g;
const LINK_TARGET = /\]\([^)\s]{0,2000}(?:\s+"[^"\n]{0,500}")?\)/g;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()[\]|]+/gi;
const TAG = /<\/?[A-Za-z][^>\n]{0,500}>/g;
const ENTITY_OR_SHORTCODE = /&[a-z]+;|:[a-z0-9_+-]+:/g;

const blank = (m: string): string => m.replace(/[^\n]/g, ' ');

/**
 * Returns `source` with HTML comments, code spans, link targets, URLs, HTML tags, entities and
 * emoji short-codes replaced by spaces of the same length: what is left is the prose, at the same
 * offsets.
 */
export function maskProse(source: string): string {
  let out = source;
  if (out.includes('<!--')) out = out.replace(COMMENT, blank);
  if (out.includes('`')) out = out.replace(CODE_SPAN, blank);
  if (out.includes('](')) out = out.replace(LINK_TARGET, (m) => ']' + blank(m.slice(1)));
  if (out.includes('http') || out.includes('www.')) out = out.replace(URL, blank);
  if (out.includes('<')) out = out.replace(TAG, blank);
  if (out.includes('&') || out.includes(':')) out = out.replace(ENTITY_OR_SHORTCODE, blank);
  return out;
}

const LINK = /\[([^\]\n]{0,500})\]\(\s*([^)\s]{0,2000})[^)\n]{0,500}\)/g;

/** What a paragraph's links say about it. */
export interface LinkReading {
  /** The prose with the text of in-document links (`[Budget](#budget)`, a table of contents) blanked too. */
  readonly masked: string;
  /** How many in-document links it holds. */
  readonly anchors: number;
  /** Whether the paragraph is nothing but links (an entry of a link list). */
  readonly onlyLinks: boolean;
  /** Where the first link starts in the slice, or -1. */
  readonly first: number;
  readonly firstEnd: number;
}

/**
 * Reads the links of a paragraph `source` (already masked as `masked`): an entry of a table of
 * contents names another section, so its words are not this section's content.
 */
export function readLinks(source: string, masked: string): LinkReading {
  if (!source.includes('](')) return { masked, anchors: 0, onlyLinks: false, first: -1, firstEnd: -1 };
  const anchorParts: string[] = [];
  let anchorAt = 0;
  let anchors = 0;
  let first = -1;
  let firstEnd = -1;
  let outside = false;
  let outsideAt = 0;
  const hasWords = (from: number, to: number): boolean => WORDY.test(masked.slice(from, to));
  LINK.lastIndex = 0;
  for (let m = LINK.exec(source); m; m = LINK.exec(source)) {
    const end = m.index + m[0].length;
    if (first < 0) {
      first = m.index;
      firstEnd = end;
    }
    if (!outside && hasWords(outsideAt, m.index)) outside = true;
    outsideAt = end;
    if (m[2].startsWith('#')) {
      anchors++;
      anchorParts.push(masked.slice(anchorAt, m.index), ' '.repeat(m[0].length));
      anchorAt = end;
    }
  }
  if (first >= 0 && !outside && hasWords(outsideAt, masked.length)) outside = true;
  if (anchors > 0) anchorParts.push(masked.slice(anchorAt));
  return { masked: anchors > 0 ? anchorParts.join('') : masked, anchors, onlyLinks: first >= 0 && !outside, first, firstEnd };
}

const WORDY = /[\p{L}\p{N}]/u;

/** What in a paragraph reads as technical reference rather than prose: code spans and bare URLs. */
export interface TechnicalMarks {
  readonly codeSpans: number;
  readonly urls: number;
  /** The first mark's place in the slice, or -1. */
  readonly first: number;
  readonly firstEnd: number;
}

const NO_MARKS: TechnicalMarks = { codeSpans: 0, urls: 0, first: -1, firstEnd: -1 };

/** Counts the code spans and bare URLs (not link targets) of a paragraph, in one pass each. */
export function technicalMarks(source: string): TechnicalMarks {
  const code = source.includes('`');
  const web = source.includes('http') || source.includes('www.');
  if (!code && !web) return NO_MARKS;
  let codeSpans = 0;
  let urls = 0;
  let first = -1;
  let firstEnd = -1;
  const note = (at: number, length: number): void => {
    if (first < 0 || at < first) {
      first = at;
      firstEnd = at + length;
    }
  };
  if (code) {
    CODE_SPAN.lastIndex = 0;
    for (let m = CODE_SPAN.exec(source); m; m = CODE_SPAN.exec(source)) {
      codeSpans++;
      note(m.index, m[0].length);
    }
  }
  if (web) {
    // A URL that is a link's target is the link's business, not a bare reference.
    const targets = source.includes('](') ? source.replace(LINK_TARGET, (m) => ']' + blank(m.slice(1))) : source;
    URL.lastIndex = 0;
    for (let m = URL.exec(targets); m; m = URL.exec(targets)) {
      urls++;
      note(m.index, m[0].length);
    }
  }
  return { codeSpans, urls, first, firstEnd };
}

/** Whether a masked paragraph holds no prose word at all (only code, URLs, markup). */
export const wordless = (masked: string): boolean => !WORDY.test(masked);

/** Where the document's headings stand, found by a light line scan. */
export interface HeadingOutline {
  /** Line of the first heading; -1 when there is none. */
  readonly first: number;
  /** Each heading's text line: [line, start offset, end offset]. */
  readonly headings: readonly (readonly [number, number, number])[];
}

const outlineCache = new WeakMap<LineIndex, HeadingOutline>();

/**
 * The document's headings (ATX or setext) outside front matter, fences and HTML comments, as a
 * light line scan finds them. Computed once per document (per LineIndex). The parser remains the
 * authority on sections; this only serves document-wide context (the title, the overall lean).
 */
export function headingOutline(lines: LineIndex): HeadingOutline {
  return finish(headingOutlineSteps(lines));
}

/** `headingOutline`, pausing every few thousand marker lines. */
export function* headingOutlineSteps(lines: LineIndex): Steps<HeadingOutline> {
  let outline = outlineCache.get(lines);
  if (!outline) {
    outline = yield* scanHeadings(lines);
    outlineCache.set(lines, outline);
  }
  return outline;
}

/** Marker lines to look at between two pauses of `scanHeadings`. */
const MARKERS_PER_STEP = 2000;

/**
 * Lines that matter to the outline: ATX headings, fences, comment openings, setext underlines.
 * The look-ahead repeats what every alternative starts with, so most lines fail at their first
 * character (the expression finds the same lines without it, only slower).
 */
export const OUTLINE_MARKER = /^(?=[ #`~<=-]) {0,3}(?:(#{1,6})(?=[ \t\r\n]|$)|(`{3,}|~{3,})|(<!--)|(=+|-+)[ \t]*$)/gm;
const FRONT_MATTER = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)/;
const FRONT_MATTER_END = /^(?:---|\.\.\.)[ \t]*$/gm;

/** Whether a line can be the text of a setext heading (plain paragraph text). */
const paragraphLine = (line: string): boolean =>
  line.trim() !== '' && !/^ {0,3}(?:[-*+>|<#]|\d+[.)](?:\s|$)|`{3}|~{3})/.test(line) && !/^(?: {4}|\t)/.test(line);

/**
 * Finds the headings with one pass of a multi-line expression over the marker lines only, so the
 * cost is in the native matcher, not a loop over every line.
 */
function* scanHeadings(lines: LineIndex): Steps<HeadingOutline> {
  const text = lines.text;
  const headings: [number, number, number][] = [];
  const lineOf = (offset: number): number => lines.positionAt(offset).line;
  let from = 0;
  const front = FRONT_MATTER.exec(text);
  if (front) {
    FRONT_MATTER_END.lastIndex = front[0].length;
    const end = FRONT_MATTER_END.exec(text);
    if (end) from = end.index + end[0].length;
  }
  let fence: string | undefined;
  OUTLINE_MARKER.lastIndex = from;
  let seen = 0;
  for (let m = OUTLINE_MARKER.exec(text); m; m = OUTLINE_MARKER.exec(text)) {
    if (++seen % MARKERS_PER_STEP === 0) {
      // The expression is shared: keep its place across the pause.
      const at = OUTLINE_MARKER.lastIndex;
      yield;
      OUTLINE_MARKER.lastIndex = at;
    }
    if (m[0].length === 0) {
      OUTLINE_MARKER.lastIndex++;
      continue;
    }
    const line = lineOf(m.index);
    if (fence !== undefined) {
      const closing = m[2] !== undefined && m[2][0] === fence[0] && m[2].length >= fence.length;
      if (closing && text.slice(m.index + m[0].length, lines.lineEnd(line)).trim() === '') fence = undefined;
      continue;
    }
    if (m[2] !== undefined) {
      fence = m[2];
      continue;
    }
    if (m[3] !== undefined) {
      const close = text.indexOf('-->', m.index + 4);
      if (close < 0) break;
      OUTLINE_MARKER.lastIndex = Math.max(OUTLINE_MARKER.lastIndex, close + 3);
      continue;
    }
    if (m[1] !== undefined) {
      headings.push([line, lines.lineStart(line), lines.lineEnd(line)]);
      continue;
    }
    // A setext underline: a heading when the line above is paragraph text, not yet a heading.
    const above = line - 1;
    const last = headings[headings.length - 1];
    if (above >= 0 && (!last || last[0] !== above) && paragraphLine(text.slice(lines.lineStart(above), lines.lineEnd(above)))) {
      headings.push([above, lines.lineStart(above), lines.lineEnd(above)]);
    }
  }
  return { first: headings.length > 0 ? headings[0][0] : -1, headings };
}
