/**
 * Text helpers of the classifier: blanking what is not prose (so offsets stay exact) and finding a
 * document's title heading.
 */
import type { LineIndex } from '../text';

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const CODE_SPAN = /``[^\n]{1,300}?``|`[^`\n]{1,300}`/g;
const LINK_TARGET = /\]\([^)\s]*(?:\s+"[^"]*")?\)/g;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()[\]|]+/gi;
const TAG = /<\/?[A-Za-z][^>\n]*>/g;
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

const titleCache = new WeakMap<LineIndex, number>();

/**
 * The line of the document's first heading (ATX or setext), outside front matter, fences and
 * HTML comments; -1 when there is none. Computed once per document (per LineIndex).
 */
export function firstHeadingLine(lines: LineIndex): number {
  const cached = titleCache.get(lines);
  if (cached !== undefined) return cached;
  const found = scanFirstHeading(lines);
  titleCache.set(lines, found);
  return found;
}

function scanFirstHeading(lines: LineIndex): number {
  const text = lines.text;
  const count = lines.lineCount;
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
    if (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(line)) return i;
    if (paragraph && /^ {0,3}(?:=+|-+)[ \t]*$/.test(line)) return i - 1;
    paragraph = line.trim() !== '' && !/^ {0,3}(?:[-*+>|<]|\d+[.)]\s)/.test(line) && !/^ {4}/.test(line);
  }
  return -1;
}
