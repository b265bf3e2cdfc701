/**
 * Link reference and footnote definitions are global in Markdown: `[x]` anywhere is a link when
 * `[x]: url` stands anywhere in the document. A piece of a document parsed on its own is handed
 * the definitions made elsewhere that its text could refer to, as definition lines appended after
 * it, and the tree says which the parser saw. Everything here is a single pass over a text plus
 * hash lookups, so 200,000 definitions cost what their text costs.
 *
 * Labels are keyed as mdast identifies them (`identifier`): whitespace collapsed, case folded.
 */
import { footnoteKey, linkKey } from './collect';

/** A label as mdast identifies it: micromark's normalisation, then lower case. */
export function labelIdentifier(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase().toLowerCase();
}

/** Every bracketed run without unescaped brackets inside, as a definition label is written. */
const BRACKETED = /\[((?:[^[\]\\]|\\[\s\S]){1,999})\]/g;
/** The same, followed by a colon: what may be a definition. */
const DEFINITION_LIKE = /\[((?:[^[\]\\]|\\[\s\S]){1,999})\]:/g;
/** Line breaks with the container markers after them (a label may run across quote lines). */
const BREAK_AND_MARKERS = /(?:\r\n|\r|\n)[ \t>]*/g;

/**
 * The keys of every label `text` could use, as a reference or a footnote call: a superset of its
 * real references (brackets inside code count too). In text order, without repeats.
 */
export function labelKeys(text: string): string[] {
  return keysOf(text, BRACKETED);
}

/** The keys of every label `text` may define: a superset of its real definitions. */
export function definitionLikeKeys(text: string): string[] {
  return text.includes(']:') ? keysOf(text, DEFINITION_LIKE) : [];
}

function keysOf(text: string, pattern: RegExp): string[] {
  if (!text.includes('[')) return [];
  const keys = new Set<string>();
  const re = new RegExp(pattern.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const label = m[1];
    addKeys(keys, label);
    if (/[\r\n]/.test(label)) addKeys(keys, label.replace(BREAK_AND_MARKERS, ' '));
    // Resume right after the opening bracket's run: `[a][b]` holds two labels.
    re.lastIndex = m.index + m[0].length - (m[0].endsWith(':') ? 1 : 0);
  }
  return [...keys];
}

function addKeys(keys: Set<string>, label: string): void {
  keys.add(linkKey(labelIdentifier(label)));
  if (label.length > 1 && label.startsWith('^')) keys.add(footnoteKey(labelIdentifier(label.slice(1))));
}

/**
 * Markdown that defines the given keys, to append after a piece of a document that ends with
 * nothing left open: link definitions a line each, then footnotes, each closed by a blank line
 * (a definition line after a footnote's text would continue it). Keys whose label cannot be
 * written back are left out.
 */
export function definitionLines(keys: Iterable<string>): string {
  let links = '';
  let footnotes = '';
  for (const key of keys) {
    const identifier = key.slice(1);
    if (key.startsWith('F')) footnotes += `[^${identifier}]: x\n\n`;
    else if (!identifier.startsWith('^')) links += `[${identifier}]: x\n`;
  }
  return links + (links && footnotes ? '\n' : '') + footnotes;
}
