/**
 * The items of a section, as the rules about metrics and dates read them: list items, table rows
 * (the header row left out) and the sentences of plain paragraphs. Offsets are into the document.
 */
import type { BlockFact } from './parse/facts';

export type ItemKind = 'list-item' | 'table-row' | 'sentence';

export interface Item {
  readonly kind: ItemKind;
  /** The item's text as written, from its first character to its last. */
  readonly start: number;
  readonly end: number;
  /** Its words without Markdown marks, for matching and for messages. */
  readonly plain: string;
  /** A task item's box: ticked or not; null when it has none. */
  readonly checked: boolean | null;
  /** A table row's cells, trimmed: offsets and plain text. */
  readonly cells?: readonly { readonly start: number; readonly end: number; readonly plain: string }[];
}

/** Longest item text read; past it, an item is read in part (enough for a metric or a date). */
export const MAX_ITEM = 2000;

/** What `itemWords` could change: a mark, white space other than single inner spaces. */
const ITEM_MARKS_OR_ODD_SPACE = /[[<*_`~]|[^\S ]| {2}|^ | $/;

/**
 * An item's words, with its Markdown marks dropped (emphasis, code ticks, links, comments), read
 * up to MAX_ITEM. Not explain's `plainText`, which renders evidence for people to read.
 */
function itemWords(markdown: string): string {
  const text = markdown.length > MAX_ITEM ? markdown.slice(0, MAX_ITEM) : markdown;
  if (!ITEM_MARKS_OR_ODD_SPACE.test(text)) return text;
  return text
    .replace(/!?\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)/g, '$1')
    .replace(/<!--[\s\S]{0,500}?-->/g, ' ')
    .replace(/[*_`~]{1,3}/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Cuts a paragraph into sentences at `.`, `!` or `?` followed by a line break, or by a space and a
 * capital or digit.
 */
function sentences(text: string, base: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  while (start < text.length && /\s/.test(text[start])) start++;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    if (j < text.length && !/\s/.test(text[j])) continue;
    let newline = false;
    // Every white-space character is stepped over, whatever was seen before it.
    for (; j < text.length && /\s/.test(text[j]); j++) if (text[j] === '\n' || text[j] === '\r') newline = true;
    if (j < text.length && !newline && !/[A-Z0-9"'“‘(\[*_<]/.test(text[j])) continue;
    out.push({ start: base + start, end: base + i + 1 });
    start = j;
    i = j - 1;
  }
  let end = text.length;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start: base + start, end: base + end });
  return out;
}

/** The items of a section's blocks, in document order. */
export function itemsOf(text: string, blocks: readonly BlockFact[]): Item[] {
  const items: Item[] = [];
  for (const block of blocks) {
    if (block.kind === 'table-row') {
      if (block.header) continue;
      const cells = (block.cells ?? []).map(([s, e]) => trimCell(text, s, e));
      if (cells.every((c) => c.plain === '')) continue;
      items.push({ kind: 'table-row', start: block.start, end: block.end, plain: cells.map((c) => c.plain).filter(Boolean).join(': '), checked: null, cells });
    } else if (block.kind === 'paragraph') {
      if (block.inList) {
        items.push({ kind: 'list-item', start: block.start, end: block.end, plain: itemWords(text.slice(block.start, block.end)), checked: block.checked });
      } else {
        const span = text.slice(block.start, Math.min(block.end, block.start + MAX_ITEM));
        for (const s of sentences(span, block.start)) {
          items.push({ kind: 'sentence', start: s.start, end: s.end, plain: itemWords(text.slice(s.start, s.end)), checked: null });
        }
      }
    }
  }
  return items;
}

/** A cell without its pipes and surrounding spaces. */
function trimCell(text: string, start: number, end: number): { start: number; end: number; plain: string } {
  let s = start;
  let e = end;
  while (s < e && (text[s] === '|' || text[s] === ' ' || text[s] === '\t')) s++;
  while (e > s && (text[e - 1] === '|' || text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
  return { start: s, end: e, plain: itemWords(text.slice(s, e)) };
}

/** Longer item names are cut in messages. */
const NAME_LENGTH = 60;

/** `'Launch by Q3'`: an item as a message names it. */
export function itemName(item: Item): string {
  const plain = item.plain.replace(/^\[[ xX]\]\s*/, '');
  return `'${plain.length > NAME_LENGTH ? plain.slice(0, NAME_LENGTH - 1) + '…' : plain}'`;
}
