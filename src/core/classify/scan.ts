/**
 * Text helpers of the classifier: blanking what is not prose (so offsets stay exact) and finding a
 * document's title heading.
 */
import type { LineIndex } from '../text';

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
  let outline = outlineCache.get(lines);
  if (!outline) {
    outline = scanHeadings(lines);
    outlineCache.set(lines, outline);
  }
  return outline;
}

function scanHeadings(lines: LineIndex): HeadingOutline {
  const text = lines.text;
  const count = lines.lineCount;
  const headings: [number, number, number][] = [];
  const lineAt = (i: number): string => text.slice(lines.lineStart(i), lines.lineEnd(i));
  let i = 0;
  if (/^\uFEFF?---\s*$/.test(lineAt(0))) {
    for (let j = 1; j < count; j++) {
      if (/^(?:---|\.\.\.)\s*$/.test(lineAt(j))) {
        i = j + 1;
        break;
      }
    }
  }
  let fence: string | undefined;
  let inComment = false;
  let paragraph = false;
  for (; i < count; i++) {
    const line = lineAt(i);
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      paragraph = false;
      continue;
    }
    if (fence !== undefined) {
      if (line.trimStart().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = undefined;
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (open) {
      fence = open[1];
      paragraph = false;
      continue;
    }
    if (/^ {0,3}<!--/.test(line) && !line.includes('-->')) {
      inComment = true;
      paragraph = false;
      continue;
    }
    if (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(line)) {
      headings.push([i, lines.lineStart(i), lines.lineEnd(i)]);
      paragraph = false;
      continue;
    }
    if (paragraph && /^ {0,3}(?:=+|-+)[ \t]*$/.test(line)) {
      headings.push([i - 1, lines.lineStart(i - 1), lines.lineEnd(i - 1)]);
      paragraph = false;
      continue;
    }
    paragraph = line.trim() !== '' && !/^ {0,3}(?:[-*+>|<]|\d+[.)]\s)/.test(line) && !/^ {4}/.test(line);
  }
  return { first: headings.length > 0 ? headings[0][0] : -1, headings };
}
