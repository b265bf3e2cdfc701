/**
 * Reading a section: its heading and body blocks into signals (terms, patterns, structures and the
 * neutral vocabulary), on the document's own text so every signal keeps its exact place.
 */
import type { BlockFact } from '../parse/facts';
import type { LineIndex } from '../text';
import type { EvidenceKind } from '../types';
import type { StructureKind } from '../taxonomy/types';
import { WORD_HASH_SEED, wordHashStep, type Channel, type CompiledTaxonomy, joinAlternatives, refersToOwnGroups, type PatternSet, type TermEntry, type WordInfo } from './compile';
import { STOPS } from './digits';
import { countNamed, productName } from './named';
import { readInteraction, readTechnical } from './register';
import { maskProse, readLinks, technicalMarks, wordless } from './scan';
import { SCORING } from './scoring';
import type { Signals } from './signals';

const TERM_KIND: Record<Channel, EvidenceKind> = { heading: 'heading-term', body: 'body-term', table: 'table-header' };

/** Phrase tokens may be joined by spaces, hyphens, slashes and emphasis, nothing else. */
const PHRASE_GAP = /^[\s\-–—/*_]{0,4}$/;

/** `PHRASE_GAP` on [from, to) of `text`; the common gaps (a space, a hyphen) without a slice. */
function phraseGap(text: string, from: number, to: number): boolean {
  if (to - from > 4) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // Space, tab, line breaks, `*`, `-`, `/`, `_`; anything else is left to the expression.
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 42 && c !== 45 && c !== 47 && c !== 95) return PHRASE_GAP.test(text.slice(from, to));
  }
  return true;
}

/**
 * The words of a prose slice, with their places in it: the first `count` entries of each array
 * (a reused buffer holds stale entries after them).
 */
export interface Tokens {
  readonly count: number;
  readonly infos: readonly WordInfo[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** Per word, 1 when it is part of an identifier (`RISK-12`): patterns may start there, terms are not read. */
  readonly identifier: readonly number[];
  /** How many words are part of an identifier (most slices have none). */
  readonly identifiers: number;
}

/**
 * Tokens written in place, so that one buffer serves slice after slice without new arrays (plain
 * arrays: a new one for a short slice costs little, and one reused keeps its room).
 */
export class TokenBuffer implements Tokens {
  count = 0;
  identifiers = 0;
  readonly infos: WordInfo[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly identifier: number[] = [];

  push(info: WordInfo, start: number, end: number, identifier: boolean): void {
    const k = this.count;
    this.infos[k] = info;
    this.starts[k] = start;
    this.ends[k] = end;
    this.identifier[k] = identifier ? 1 : 0;
    if (identifier) this.identifiers++;
    this.count = k + 1;
  }
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

const LETTER = /\p{L}/u;

/** Whether the code unit at `i` is a letter (`\p{L}`); ASCII without an expression, none out of range. */
function letterAt(text: string, i: number): boolean {
  // Range checked first: a read past either end makes optimized code fall back (deoptimize).
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return c > 0 && LETTER.test(text[i]);
}

/**
 * Whether the word at [start, end) is part of an identifier rather than prose: `RISK-12`,
 * `snake_case`, `file.json`, `camelCase` (`camel`: whether a lower-case letter is followed by an
 * upper-case one in it). Its words are not evidence of anything.
 */
function insideIdentifier(text: string, start: number, end: number, camel: boolean): boolean {
  // Read as code units: out of range is NaN, which is no character.
  const before = start > 0 ? text.charCodeAt(start - 1) : NaN;
  const after = end < text.length ? text.charCodeAt(end) : NaN;
  if (before === 95 /* _ */ || after === 95) return true;
  // Most words stand between spaces: only a word joined by `-` or `.` needs its neighbours read.
  if (after === 45 /* - */ || after === 46 /* . */ || before === 46) {
    const letter = letterAt(text, start);
    const digitAfter = end + 1 < text.length && isAsciiDigit(text.charCodeAt(end + 1));
    if (after === 45 && digitAfter && letter) return true;
    if ((after === 46 && letterAt(text, end + 1)) || (before === 46 && letterAt(text, start - 2))) return true;
  }
  return camel && letterAt(text, start);
}

const CAMEL = /\p{Ll}\p{Lu}/u;

/** Whether an ASCII code unit is a letter or a digit. */
const asciiWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Splits prose into words (letters and digits; `&` stands for "and") in one pass, into `into`
 * (overwritten) or a new buffer (whose arrays hold its words only). Each word's characters are
 * read once: its hash (to find it in the word memo) and whether it is in camel case are worked
 * out as it is read.
 */
export function tokenize(compiled: CompiledTaxonomy, masked: string, into?: TokenBuffer): Tokens {
  const out = into ?? new TokenBuffer();
  out.count = 0;
  out.identifiers = 0;
  const n = masked.length;
  let i = 0;
  while (i < n) {
    const c = masked.charCodeAt(i);
    if (c < 128 ? !asciiWordChar(c) : !WORD_CHAR.test(masked[i])) {
      if (c === 38 /* & */) out.push(compiled.word('&'), i, i + 1, false);
      i++;
      continue;
    }
    let hash = wordHashStep(WORD_HASH_SEED, c);
    let ascii = c < 128;
    let lower = c >= 97 && c <= 122;
    let camel = false;
    let j = i + 1;
    for (; j < n; j++) {
      const d = masked.charCodeAt(j);
      if (d < 128) {
        if (!asciiWordChar(d)) break;
        if (lower && d >= 65 && d <= 90) camel = true;
        lower = d >= 97 && d <= 122;
      } else {
        if (!WORD_CHAR.test(masked[j])) break;
        ascii = false;
      }
      hash = wordHashStep(hash, d);
    }
    if (!ascii) camel = CAMEL.test(masked.slice(i, j));
    out.push(compiled.wordHashed(masked, i, j, hash), i, j, insideIdentifier(masked, i, j, camel));
    i = j;
  }
  return out;
}

/**
 * Matches the terms of the taxonomy in a prose slice of the document (its tokens, the slice
 * starting at `offset`).
 */
export function scanTerms(text: string, tokens: Tokens, offset: number, channel: Channel, signals: Signals): void {
  const { infos, starts, ends, identifier } = tokens;
  const n = tokens.count;
  for (let i = 0; i < n; i++) {
    if (identifier[i] === 1) continue;
    const info = infos[i];
    if (info.phrases) {
      let used = 0;
      for (const phrase of info.phrases) {
        const len = phrase.rest.length;
        if (i + len >= n) continue;
        let ok = true;
        for (let k = 0; k < len && ok; k++) {
          ok = infos[i + 1 + k].stem === phrase.rest[k] && phraseGap(text, offset + ends[i + k], offset + starts[i + 1 + k]);
        }
        if (ok) {
          recordTerms(signals, phrase.entries, channel, offset + starts[i], offset + ends[i + len], phrase.words);
          used = len;
          break;
        }
      }
      if (used > 0) {
        i += used;
        continue;
      }
    }
    if (info.terms.length > 0) recordTerms(signals, info.terms, channel, offset + starts[i], offset + ends[i], info.alone);
  }
}

/**
 * Adds the terms matched at [start, end) of the document in `channel`; `words`: the stems of the
 * match, kept on the signal so that no sense rule reads its text again.
 */
function recordTerms(signals: Signals, entries: readonly TermEntry[], channel: Channel, start: number, end: number, words: readonly string[]): void {
  const scaled = channel !== 'heading';
  for (const e of entries) {
    const neutral = e.role === 'none';
    const weight = e.weights[channel] * (neutral && scaled ? SCORING.neutralBody : 1);
    signals.add(e.keys[channel], neutral ? 'neutral' : TERM_KIND[channel], e.concern, e.role, weight, start, end, scaled, true, words);
  }
}

/**
 * Runs the structural patterns over a prose slice (`masked`, its tokens, starting at `offset` in
 * the document). A pattern with start places is tried only at the words, numbers and symbols it
 * can start with; where several can match, the one listed first wins and matches do not overlap.
 */
export function scanPatterns(set: PatternSet, masked: string, tokens: Tokens, offset: number, factor: number, scaled: boolean, signals: Signals): void {
  patternScan.run(set, masked, tokens, offset, factor, scaled, signals);
}

/**
 * One scan of `scanPatterns` at a time, its state in fields: one instance serves every slice, so
 * that a slice costs no closures (there are tens of thousands of slices in a large plan).
 */
class PatternScan {
  private set!: PatternSet;
  private masked = '';
  private offset = 0;
  private factor = 1;
  private scaled = false;
  private signals!: Signals;
  /** Where the last digit of the slice stands (-1: none); undefined until a pattern that needs one is tried. */
  private lastDigit: number | undefined;
  /** Whether `ahead` reads this slice (it is reset only when a pattern asks for it). */
  private aheadReady = false;
  private readonly ahead = new AheadOf();
  /** The next symbol start place (-1: none) and its code point. */
  private symbolAt = -1;
  private symbol = 0;

  run(set: PatternSet, masked: string, tokens: Tokens, offset: number, factor: number, scaled: boolean, signals: Signals): void {
    this.set = set;
    this.masked = masked;
    this.offset = offset;
    this.factor = factor;
    this.scaled = scaled;
    this.signals = signals;
    this.lastDigit = undefined;
    this.aheadReady = false;
    // Symbol start places, found one after another as the word places reach them (a search that
    // builds no match: the symbol is read at its end), and merged with the word places in order.
    if (set.symbols) set.symbols.lastIndex = 0;
    this.nextSymbol();
    const { infos, starts } = tokens;
    const count = tokens.count;
    let cursor = 0;
    let t = 0;
    while (t < count || this.symbolAt >= 0) {
      if (this.symbolAt >= 0 && (t >= count || this.symbolAt < starts[t])) {
        const at = this.symbolAt;
        const candidates = set.bySymbol.get(this.symbol);
        this.nextSymbol();
        if (at >= cursor && candidates) cursor = this.tryAt(candidates, at);
      } else {
        const at = starts[t];
        const candidates = scaled ? infos[t].bodyStarts : infos[t].headingStarts;
        t++;
        if (at >= cursor && candidates.length > 0) cursor = this.tryAt(candidates, at);
      }
    }

    if (set.combined) {
      const re = set.combined;
      re.lastIndex = 0;
      for (let m = re.exec(masked); m; m = re.exec(masked)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        for (let i = 0; i < set.patterns.length; i++) {
          const g = set.patterns[i].group;
          if (g >= 0 && m[g] !== undefined) {
            this.note(i, m.index, m.index + m[0].length);
            break;
          }
        }
      }
    }
    for (const [i, re] of set.alone) {
      re.lastIndex = 0;
      for (let m = re.exec(masked); m; m = re.exec(masked)) {
        if (m[0].length === 0) re.lastIndex++;
        else this.note(i, m.index, m.index + m[0].length);
      }
    }
    // Let go of the slice and the signals until the next scan.
    this.masked = '';
    this.signals = undefined!;
  }

  private note(index: number, start: number, end: number): void {
    const p = this.set.patterns[index];
    this.signals.add(this.scaled ? p.keys.body : p.keys.heading, p.role === 'none' ? 'neutral' : 'pattern', p.concern, p.role, p.weight * this.factor, this.offset + start, this.offset + end, this.scaled);
  }

  /** Tries the candidate patterns at `at`, first listed first; returns where the match ends (`at` for none). */
  private tryAt(candidates: readonly number[], at: number): number {
    const masked = this.masked;
    // At a digit every pattern's digit checks pass (the digit is the first one ahead), so a long
    // list, such as the one of every number, is tried as one alternation: one native call, not one per pattern.
    if (candidates.length >= MIN_ALTERNATION && isAsciiDigit(masked.charCodeAt(at))) {
      const alternation = alternationOf(this.set, candidates);
      if (alternation) {
        const re = alternation.expression;
        re.lastIndex = at;
        const m = re.exec(masked);
        if (!m) return at;
        // An empty match would hide a later pattern's longer one: those few go one by one below.
        if (m[0].length > 0) {
          const k = alternation.groups.findIndex((g) => m[g] !== undefined);
          this.note(candidates[k], at, at + m[0].length);
          return at + m[0].length;
        }
      }
    }
    for (const i of candidates) {
      const p = this.set.patterns[i];
      const re = p.sticky;
      if (!re) continue;
      if (p.digit && at > (this.lastDigit ??= lastDigitOf(masked))) continue;
      if (p.stopsBeforeDigit !== 0) {
        if (!this.aheadReady) {
          this.ahead.reset(masked);
          this.aheadReady = true;
        }
        if (this.ahead.stopBeforeDigit(at, p.stopsBeforeDigit)) continue;
      }
      re.lastIndex = at;
      // A sticky expression's `test` leaves lastIndex at the match's end, and builds no match.
      if (re.test(masked) && re.lastIndex > at) {
        const end = re.lastIndex;
        this.note(i, at, end);
        return end;
      }
    }
    return at;
  }

  private nextSymbol(): void {
    this.symbolAt = -1;
    const symbols = this.set.symbols;
    const masked = this.masked;
    if (symbols && symbols.test(masked)) {
      const end = symbols.lastIndex;
      // A symbol is one code point: two code units when they are a surrogate pair.
      this.symbolAt = end >= 2 && isLowSurrogate(masked.charCodeAt(end - 1)) && isHighSurrogate(masked.charCodeAt(end - 2)) ? end - 2 : end - 1;
      this.symbol = masked.codePointAt(this.symbolAt)!;
    }
  }
}

/** Candidate lists at least this long are tried as one alternation at a digit (see `tryAt`). */
const MIN_ALTERNATION = 4;

/** A candidate list joined into one sticky expression, and the wrapping group of each candidate. */
interface Alternation {
  readonly expression: RegExp;
  readonly groups: readonly number[];
}

/** Alternations by candidate list (a list belongs to one pattern set); null where a pattern cannot join one. */
const alternations = new WeakMap<readonly number[], Alternation | null>();

/** The candidates as one sticky alternation (see `joinAlternatives`), unless one refers to its own groups. */
function alternationOf(set: PatternSet, candidates: readonly number[]): Alternation | null {
  const known = alternations.get(candidates);
  if (known !== undefined) return known;
  let alternation: Alternation | null = null;
  const sources = candidates.map((i) => set.patterns[i].sticky?.source);
  if (sources.every((source): source is string => source !== undefined && !refersToOwnGroups(source))) {
    const { source, groups } = joinAlternatives(sources);
    alternation = { expression: new RegExp(source, 'iuy'), groups };
  }
  alternations.set(candidates, alternation);
  return alternation;
}

const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * The next digit and the next stop (see `STOPS`) at or after a place of a text, for places asked
 * in increasing order: each is searched again only once the place has passed it, so a slice is
 * read at most once per kind whatever the number of places asked.
 */
class AheadOf {
  private text = '';
  private digitAt = -1;
  private readonly stopAt = new Int32Array(STOPS.length);

  /** Starts reading `text` (one object serves slice after slice). */
  reset(text: string): void {
    this.text = text;
    this.digitAt = -1;
    this.stopAt.fill(-1);
  }

  /** Whether one of the stops in `mask` comes before the first digit at or after `at`. */
  stopBeforeDigit(at: number, mask: number): boolean {
    const text = this.text;
    if (this.digitAt < at) {
      let i = at;
      while (i < text.length && !isAsciiDigit(text.charCodeAt(i))) i++;
      this.digitAt = i;
    }
    for (let bit = 0; bit < STOPS.length; bit++) {
      if ((mask & (1 << bit)) === 0) continue;
      if (this.stopAt[bit] < at) {
        const found = text.indexOf(STOPS[bit], at);
        this.stopAt[bit] = found < 0 ? text.length : found;
      }
      if (this.stopAt[bit] < this.digitAt) return true;
    }
    return false;
  }
}

/** The scanner `scanPatterns` runs (its state is the current slice's only). */
const patternScan = new PatternScan();

/** The place of the last ASCII digit of `text`, or -1. */
function lastDigitOf(text: string): number {
  let i = text.length - 1;
  while (i >= 0) {
    if (isAsciiDigit(text.charCodeAt(i))) break;
    i--;
  }
  return i;
}

const RACI_CELL = /^(?:r|a|c|i|responsible|accountable|consulted|informed|raci)$/i;
/** A work-breakdown item: a block that opens with an outline number (`1.2`, `2.3.1`, `WP1.2`). */
const OUTLINE_ITEM = /^[\s|*_>]*((?:[A-Z]{1,3}-?)?\d{1,2}(?:\.\d{1,2}){1,3})\.?[\s|*_]+\p{L}/u;
const TIMELINE_CODE = /^\s*(?:gantt|timeline)\b|@startgantt/im;

/** A built-in structure found: evidence for every concern the taxonomy attaches it to. */
function structure(compiled: CompiledTaxonomy, kind: StructureKind, weight: number, start: number, end: number, signals: Signals): void {
  for (const target of compiled.structures.get(kind) ?? []) {
    signals.add(target.key, 'pattern', target.concern, target.role, weight, start, end, true);
  }
}

/**
 * A paragraph that is only a document's lifecycle state (`Accepted`, `- **Draft**`): the
 * metadata of a proposal, not progress of the work.
 */
const STATES = ['draft', 'proposed', 'accepted', 'rejected', 'approved', 'withdrawn', 'superseded', 'deprecated', 'implementable', 'implemented', 'provisional', 'final', 'obsolete', 'declined', 'postponed', 'under review', 'in review'];
export const DOCUMENT_STATE = new RegExp(`^[\\s*_>-]{0,8}(${STATES.join('|')})[\\s*_.]{0,8}$`, 'i');
/** The longest paragraph `DOCUMENT_STATE` can match (it spans the whole paragraph): longer ones are not read. */
export const DOCUMENT_STATE_LENGTH = 8 + Math.max(...STATES.map((s) => s.length)) + 8;

/** Appends the words of `tokens` to `out`, leaving out words inside an identifier (`RISK-12`, `budget_id`) and plain numbers: they say nothing. */
export function proseWords(tokens: Tokens, out: WordInfo[]): WordInfo[] {
  for (let i = 0; i < tokens.count; i++) {
    const info = tokens.infos[i];
    if (info.stem !== '' && tokens.identifier[i] === 0) out.push(info);
  }
  return out;
}

/** The tokens of the block being read: one buffer for every block, read before the next is tokenized. */
const blockTokens = new TokenBuffer();

/** Reads one body block into `signals`; returns the words of prose it holds. */
export function scanBlock(compiled: CompiledTaxonomy, text: string, lines: LineIndex, block: BlockFact, signals: Signals): number {
  if (block.kind === 'html' || block.end <= block.start) return 0;
  const source = text.slice(block.start, block.end);
  if (block.kind === 'code') {
    signals.otherBlocks++;
    const timeline = block.lang === 'gantt' || ((block.lang === 'mermaid' || block.lang === 'plantuml' || block.lang === 'puml') && TIMELINE_CODE.test(source));
    if (timeline) {
      const m = /gantt|timeline/i.exec(source);
      const at = m ? block.start + m.index : block.start;
      structure(compiled, 'gantt', SCORING.gantt, at, at + (m ? m[0].length : Math.min(source.length, 3)), signals);
      scanPatterns(compiled.bodyPatterns, source, tokenize(compiled, source, blockTokens), block.start, 1, true, signals);
      return 0;
    }
    const firstLine = /^[^\r\n]*/.exec(source)?.[0].trimEnd() ?? '';
    const shown = firstLine.length > 0 ? firstLine : source.slice(0, 3);
    signals.add('body\u0000code', 'neutral', 'none', 'none', SCORING.codeBlock, block.start, block.start + shown.length, true);
    return 0;
  }
  const links = readLinks(source, maskProse(source));
  const masked = links.masked;
  const state = source.length <= DOCUMENT_STATE_LENGTH ? DOCUMENT_STATE.exec(source) : null;
  if (state) {
    const at = block.start + source.indexOf(state[1]);
    signals.add('body\u0000state', 'neutral', 'none', 'none', SCORING.documentState, at, at + state[1].length, true);
  }
  const marks = technicalMarks(source);
  const linkList = links.anchors === 0 && (links.onlyLinks || (marks.urls > 0 && wordless(masked)));
  // Images are content (a diagram of the phases), not references.
  if (linkList && !source.includes('![')) signals.linkBlocks++;
  else signals.otherBlocks++;
  if (links.anchors > 0) {
    signals.add('body\u0000contents', 'neutral', 'none', 'none', SCORING.contentsLink, block.start + links.first, block.start + links.firstEnd, true);
  } else if (links.onlyLinks) {
    signals.add('body\u0000links', 'neutral', 'none', 'none', SCORING.linkList, block.start + links.first, block.start + links.firstEnd, true);
  } else if (linkList) {
    // A paragraph of bare URLs is a reference list too (a URL is not quoted as evidence).
    signals.add('body\u0000bare-links', 'neutral', 'none', 'none', SCORING.linkList, block.start + marks.first, block.start + marks.firstEnd, true, false);
  }
  if (block.kind === 'table-row' && block.header && block.cells) {
    let raci = 0;
    for (const [s, e] of block.cells) {
      if (e <= s) continue;
      const cell = masked.slice(s - block.start, e - block.start);
      const tokens = tokenize(compiled, cell, blockTokens);
      proseWords(tokens, signals.prose);
      scanTerms(text, tokens, s, 'table', signals);
      if (RACI_CELL.test(cell.replace(/[*_|:\s]/g, ''))) raci++;
    }
    if (raci >= 3) structure(compiled, 'raci', SCORING.raci, block.start, block.end, signals);
    return 0;
  }
  if (block.checked !== null) {
    // The checkbox stands just before the item's paragraph (`- [ ] text`), or opens it.
    const lineStart = lines.lineStart(lines.positionAt(block.start).line);
    const box = /\[[ xX]\]\s*$/.exec(text.slice(lineStart, block.start));
    const at = box ? lineStart + box.index : /^\[[ xX]\]/.test(source) ? block.start : -1;
    if (at >= 0) structure(compiled, 'task-list', SCORING.taskItem, at, at + 3, signals);
    else structure(compiled, 'task-list', SCORING.taskItem, block.start, block.start + (/^\S{1,20}/.exec(source)?.[0].length ?? 0), signals);
  }
  const outline = OUTLINE_ITEM.exec(masked);
  if (outline) {
    const at = block.start + outline[0].indexOf(outline[1]);
    structure(compiled, 'work-breakdown', SCORING.outlineItem, at, at + outline[1].length, signals);
  }
  const tokens = tokenize(compiled, masked, blockTokens);
  proseWords(tokens, signals.prose);
  readTechnical(tokens, marks, block.start, signals);
  readInteraction(tokens, block.start, signals);
  signals.named += countNamed(tokens, productName(compiled, lines));
  scanPatterns(compiled.bodyPatterns, masked, tokens, block.start, 1, true, signals);
  scanTerms(text, tokens, block.start, 'body', signals);
  if (signals.words) for (let i = 0; i < tokens.count; i++) signals.word(tokens.infos[i].stem);
  return tokens.count;
}


