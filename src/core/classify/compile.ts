/**
 * Turns a taxonomy (data) into lookup tables the classifier runs on: a word table, a phrase table
 * and a prefix table over stemmed tokens; the structural patterns indexed by the words, numbers and
 * symbols they can start at (per place: heading, body); and a memo that answers, once per distinct
 * word, everything the classifier asks about it. Compiled once per taxonomy object and cached, so
 * a taxonomy extended by configuration (a new object) gets its own tables.
 */
import type { Role } from '../types';
import { inCapitals, type PatternDef, type StructureKind, type Taxonomy } from '../taxonomy/types';
import { RecentMemo } from '../memo';
import { detach } from '../parse/collect';
import { digitReach } from './digits';
import { interactionKind } from './register';
import type { WordCue } from './cues';

/** Where a term was listed in the taxonomy. */
export type TermSource = 'heading' | 'body' | 'table';

/** Where a term was found: the heading, the body text, or a table's header row. */
export type Channel = 'heading' | 'body' | 'table';

/**
 * How much a term weighs by where it was found (rows) and which list of the taxonomy names it
 * (columns): a heading term in a heading is the strongest signal there is.
 */
export const CHANNEL_WEIGHTS: Readonly<Record<Channel, Readonly<Record<TermSource, number>>>> = {
  heading: { heading: 3, body: 1.2, table: 0.8 },
  body: { heading: 0.7, body: 1, table: 0.5 },
  table: { heading: 1.5, body: 1, table: 2 },
};

/** A term of one concern: its weight in each channel (the best of the lists that name it). */
export interface TermEntry {
  readonly concern: string;
  readonly role: Role | 'none';
  readonly weights: Record<Channel, number>;
  /** Keys for saturation, per channel: a term counts once per concern and channel however many lists name it. */
  readonly keys: Readonly<Record<Channel, string>>;
  /** Written in capitals (`SAM`): matches only a word in capitals, not the name Sam. */
  readonly capitals: boolean;
}

export interface PhraseEntry {
  /** Stemmed tokens after the first. */
  readonly rest: readonly string[];
  /** All its stemmed tokens: the words of a match. */
  readonly words: readonly string[];
  readonly entries: readonly TermEntry[];
}

export interface PrefixEntry {
  readonly prefix: string;
  readonly entries: readonly TermEntry[];
}

export interface CompiledPattern {
  readonly name: string;
  /** Keys for saturation: in a heading, in a body. */
  readonly keys: { readonly heading: string; readonly body: string };
  readonly concern: string;
  readonly role: Role | 'none';
  readonly weight: number;
  /** Tried at its start places only (sticky); undefined for a pattern without `starts`. */
  readonly sticky: RegExp | undefined;
  /** Whether every match holds a digit (see ./digits): not tried where no digit follows. */
  readonly digit: boolean;
  /** The stops (bits of `STOPS` in ./digits) no match holds before its first digit: not tried where one comes first. */
  readonly stopsBeforeDigit: number;
  /** Index of its wrapping group in the combined expression; -1 when it is not in it. */
  readonly group: number;
}

export interface PatternSet {
  readonly patterns: readonly CompiledPattern[];
  /** Start places → indexes of the patterns to try there, in taxonomy order. */
  readonly byWord: ReadonlyMap<string, readonly number[]>;
  /** Keyed by the prefix's first letter. */
  readonly byPrefix: ReadonlyMap<string, readonly { readonly prefix: string; readonly index: number }[]>;
  readonly byNumber: readonly number[];
  /** Keyed by the symbol's code point. */
  readonly bySymbol: ReadonlyMap<number, readonly number[]>;
  /** Finds the symbol start places in a text; undefined when no pattern starts at a symbol. */
  readonly symbols: RegExp | undefined;
  /** Patterns without start places, as one alternation `(a)|(b)|…`; undefined when none. */
  readonly combined: RegExp | undefined;
  /** Patterns that run over the whole text but cannot join `combined`, by index, with their own expression: most sets have none. */
  readonly alone: readonly (readonly [index: number, expression: RegExp])[];
}

export interface StructureTarget {
  readonly concern: string;
  readonly role: Role;
  readonly key: string;
}

/** Everything the classifier needs to know about one word, looked up once per distinct word. */
export interface WordInfo {
  readonly stem: string;
  /** `[stem]`: the words of a match of this word alone, made once. */
  readonly alone: readonly string[];
  /** Single-word and prefix terms it matches, one per concern. */
  readonly terms: readonly TermEntry[];
  /** Phrases that start with it, longest first. */
  readonly phrases: readonly PhraseEntry[] | undefined;
  /** Indexes of the patterns that can start at it, in heading and in body text, in taxonomy order. */
  readonly headingStarts: readonly number[];
  readonly bodyStarts: readonly number[];
  /** What it is to an interaction (see `interactionKind`). */
  readonly interaction: number;
  /** Which cue lists of the sense rules name it: worked out by ./cues when a section is first tallied. */
  cue: WordCue | undefined;
}

export interface CompiledTaxonomy {
  readonly words: ReadonlyMap<string, readonly TermEntry[]>;
  readonly phrases: ReadonlyMap<string, readonly PhraseEntry[]>;
  /** Keyed by the first three letters of the prefix. */
  readonly prefixes: ReadonlyMap<string, readonly PrefixEntry[]>;
  readonly headingPatterns: PatternSet;
  readonly bodyPatterns: PatternSet;
  readonly structures: ReadonlyMap<StructureKind, readonly StructureTarget[]>;
  readonly roles: ReadonlyMap<string, Role>;
  /** What a word (as written) means to this taxonomy; memoised. */
  word(raw: string): WordInfo;
  /** `word` of the word at [start, end) of `text`, found without cutting it out when it was met lately. */
  wordIn(text: string, start: number, end: number): WordInfo;
  /** `wordIn` with the word's hash (`wordHashStep` over its characters from `WORD_HASH_SEED`) already worked out, as a tokenizer does while it reads the word. */
  wordHashed(text: string, start: number, end: number, hash: number): WordInfo;
}

/** The hash `wordIn` finds a word's slot by, before its first character (FNV-1a, 32 bits). */
export const WORD_HASH_SEED = 0x811c9dc5;

/** The hash of a word after one more character (code unit) `c`. */
export const wordHashStep = (hash: number, c: number): number => Math.imul(hash ^ c, 0x01000193);

/** Distinct words per generation of the word memo (see `RecentMemo`; bounds memory). */
const WORD_MEMO_GENERATION = 20_000;
/** Longer words are not remembered: they are one-offs (an identifier, a run of typed letters). */
const WORD_MEMO_LENGTH = 40;
/** Slots of the table of words met lately (a power of two; bounds its memory). */
const SEEN_SLOTS = 16_384;

const cache = new WeakMap<Taxonomy, CompiledTaxonomy>();

/** The compiled form of a taxonomy, built on first use and cached per taxonomy object. */
export function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  let compiled = cache.get(taxonomy);
  if (!compiled) {
    compiled = build(taxonomy);
    cache.set(taxonomy, compiled);
  }
  return compiled;
}

/** Words, plus `&` (read as "and", so "Roles & Responsibilities" matches "roles and responsibilities"). */
export const TOKEN = /[\p{L}\p{N}]+|&/gu;

/** Reduces a lower-case word to a plural-insensitive stem: risks → risk, dependencies → dependency. */
export function stem(word: string): string {
  const n = word.length;
  if (n <= 3 || word.charCodeAt(n - 1) !== 115 /* s */) return word;
  const c2 = word.charCodeAt(n - 2);
  if (c2 === 101 /* e */) {
    if (word.charCodeAt(n - 3) === 105 /* i */ && n > 4) return word.slice(0, -3) + 'y';
    const c3 = word.charCodeAt(n - 3);
    if (c3 === 120 /* x */ || c3 === 122 /* z */) return word.slice(0, -2);
    if (c3 === 104 /* h */ && (word.charCodeAt(n - 4) === 99 /* c */ || word.charCodeAt(n - 4) === 115 /* s */)) return word.slice(0, -2);
    if (c3 === 115 /* s */ && word.charCodeAt(n - 4) === 115) return word.slice(0, -2);
    return word.slice(0, -1);
  }
  if (c2 === 115 /* s */ || c2 === 117 /* u */ || c2 === 105 /* i */) return word;
  return word.slice(0, -1);
}

/** The stemmed tokens of a term as written in the taxonomy. */
export function termTokens(term: string): string[] {
  return (term.toLowerCase().match(TOKEN) ?? []).map((t) => (t === '&' ? 'and' : stem(t)));
}

function build(taxonomy: Taxonomy): CompiledTaxonomy {
  const words = new Map<string, TermEntry[]>();
  const phraseMap = new Map<string, Map<string, PhraseEntry & { entries: TermEntry[] }>>();
  const prefixMap = new Map<string, Map<string, PrefixEntry & { entries: TermEntry[] }>>();
  const headingPatterns: PatternSource[] = [];
  const bodyPatterns: PatternSource[] = [];
  const structures = new Map<StructureKind, StructureTarget[]>();
  const roles = new Map<string, Role>();
  /** Stems with a term that matches only in capitals. */
  const capitalStems = new Set<string>();

  // One entry per (concern, term): listing a term in several lists keeps the best weight per channel.
  const entries = new Map<string, TermEntry>();
  const entryFor = (key: string, concern: string, role: Role | 'none', capitals = false): { entry: TermEntry; fresh: boolean } => {
    const found = entries.get(key);
    if (found) return { entry: found, fresh: false };
    const entry: TermEntry = {
      concern,
      role,
      weights: { heading: 0, body: 0, table: 0 },
      keys: { heading: `heading\u0000${key}`, body: `body\u0000${key}`, table: `table\u0000${key}` },
      capitals,
    };
    entries.set(key, entry);
    return { entry, fresh: true };
  };
  const weigh = (entry: TermEntry, source: TermSource, factor: number): void => {
    for (const channel of ['heading', 'body', 'table'] as const) {
      entry.weights[channel] = Math.max(entry.weights[channel], CHANNEL_WEIGHTS[channel][source] * factor);
    }
  };

  const add = (term: string, concern: string, role: Role | 'none', source: TermSource, factors: Readonly<Record<string, number>> | undefined): void => {
    const raw = term.trim();
    const factor = factors?.[raw] ?? factors?.[raw.toLowerCase()] ?? 1;
    if (raw.endsWith('*')) {
      const prefix = raw.slice(0, -1).toLowerCase();
      if (!/^[\p{L}\p{N}]{3,}$/u.test(prefix)) return;
      const { entry, fresh } = entryFor(`${concern}\u0000${prefix}*`, concern, role);
      weigh(entry, source, factor);
      if (!fresh) return;
      const bucket = prefixMap.get(prefix.slice(0, 3)) ?? new Map<string, PrefixEntry & { entries: TermEntry[] }>();
      prefixMap.set(prefix.slice(0, 3), bucket);
      const found = bucket.get(prefix);
      if (found) found.entries.push(entry);
      else bucket.set(prefix, { prefix, entries: [entry] });
      return;
    }
    const tokens = termTokens(raw);
    if (tokens.length === 0) return;
    const capitals = tokens.length === 1 && inCapitals(raw);
    const { entry, fresh } = entryFor(`${concern}\u0000${tokens.join(' ')}${capitals ? '\u0000capitals' : ''}`, concern, role, capitals);
    weigh(entry, source, factor);
    if (!fresh) return;
    if (tokens.length === 1) {
      const list = words.get(tokens[0]) ?? [];
      words.set(tokens[0], list);
      list.push(entry);
      if (capitals) capitalStems.add(tokens[0]);
      return;
    }
    const bucket = phraseMap.get(tokens[0]) ?? new Map<string, PhraseEntry & { entries: TermEntry[] }>();
    phraseMap.set(tokens[0], bucket);
    const restKey = tokens.slice(1).join(' ');
    const found = bucket.get(restKey);
    if (found) found.entries.push(entry);
    else bucket.set(restKey, { rest: tokens.slice(1), words: tokens, entries: [entry] });
  };

  const addPatterns = (patterns: readonly PatternDef[] | undefined, concern: string, role: Role | 'none'): void => {
    for (const def of patterns ?? []) {
      const source: PatternSource = { def, concern, role };
      if (def.where !== 'heading') bodyPatterns.push(source);
      if (def.where !== 'body') headingPatterns.push(source);
    }
  };

  for (const [name, def] of Object.entries(taxonomy.concerns)) {
    roles.set(name, def.role);
    for (const t of def.headingTerms) add(t, name, def.role, 'heading', def.termWeights);
    for (const t of def.bodyTerms) add(t, name, def.role, 'body', def.termWeights);
    for (const t of def.tableHeaders) add(t, name, def.role, 'table', def.termWeights);
    addPatterns(def.patterns, name, def.role);
    for (const kind of def.structures ?? []) {
      const list = structures.get(kind) ?? [];
      structures.set(kind, list);
      list.push({ concern: name, role: def.role, key: `structure\u0000${name}\u0000${kind}` });
    }
  }
  const neutral = taxonomy.neutral;
  for (const t of neutral.headingTerms) add(t, 'none', 'none', 'heading', neutral.termWeights);
  for (const t of neutral.bodyTerms) add(t, 'none', 'none', 'body', neutral.termWeights);
  for (const t of neutral.tableHeaders ?? []) add(t, 'none', 'none', 'table', neutral.termWeights);
  addPatterns(neutral.patterns, 'none', 'none');

  // Longest phrase first, so "non functional requirement" wins over "non functional".
  const phrases = new Map<string, PhraseEntry[]>();
  for (const [first, bucket] of phraseMap) phrases.set(first, [...bucket.values()].sort((a, b) => b.rest.length - a.rest.length));
  const prefixes = new Map<string, PrefixEntry[]>();
  for (const [key, bucket] of prefixMap) prefixes.set(key, [...bucket.values()]);

  const headingSet = buildPatternSet(headingPatterns);
  const bodySet = buildPatternSet(bodyPatterns);
  const memo = new RecentMemo<WordInfo>(WORD_MEMO_GENERATION);
  // Plain numbers are many and all alike (no term is a number): one shared entry, not memoised.
  // (Numbers that terms spell out, like the 2 of "SOC 2", are looked up as words.)
  const numberInfo: WordInfo = { stem: '', alone: [''], terms: NONE, phrases: undefined, headingStarts: startsAt(headingSet, '0'), bodyStarts: startsAt(bodySet, '0'), interaction: 0, cue: undefined };
  const termNumbers = new Set<string>();
  for (const key of [...words.keys(), ...phraseMap.keys(), ...[...phraseMap.values()].flatMap((b) => [...b.values()].flatMap((p) => p.rest))]) {
    if (ALL_DIGITS.test(key)) termNumbers.add(key);
  }
  const word = (raw: string): WordInfo => {
    const c = raw.charCodeAt(0);
    if (c >= 48 && c <= 57 && ALL_DIGITS.test(raw) && !termNumbers.has(raw)) return numberInfo;
    const remember = raw.length <= WORD_MEMO_LENGTH;
    let info = remember ? memo.get(raw) : undefined;
    if (info) return info;
    // The word is cut from a document: a copy, so that the memo (key and stem) never pins that
    // whole version of the document in memory.
    const own = detach(raw);
    const lower = own === '&' ? 'and' : own.toLowerCase();
    const stemmed = stem(lower);
    let terms: readonly TermEntry[] = words.get(stemmed) ?? NONE;
    if (capitalStems.has(stemmed)) {
      // In capitals, an acronym term gives way to the same concern's plain term (a configuration
      // that adds `sam` to a built-in `SAM`), so the word counts once.
      terms = inCapitals(own) ? terms.filter((t) => !t.capitals || !terms.some((o) => !o.capitals && o.concern === t.concern)) : terms.filter((t) => !t.capitals);
    }
    for (const p of lower.length >= 3 ? prefixes.get(lower.slice(0, 3)) ?? NONE : NONE) {
      if (!lower.startsWith(p.prefix)) continue;
      const fresh = p.entries.filter((e) => !terms.some((t) => t.concern === e.concern));
      if (fresh.length > 0) terms = [...terms, ...fresh];
    }
    info = {
      stem: stemmed,
      alone: [stemmed],
      terms,
      phrases: phrases.get(stemmed),
      headingStarts: startsAt(headingSet, lower),
      bodyStarts: startsAt(bodySet, lower),
      interaction: interactionKind(stemmed),
      cue: undefined,
    };
    if (remember) memo.set(own, info);
    return info;
  };
  // A text repeats a few thousand words: one slot per word, found by a hash of its characters,
  // answers most of them without making a string of the word or hashing one in a map.
  const seen: ({ readonly raw: string; readonly info: WordInfo } | undefined)[] = new Array(SEEN_SLOTS).fill(undefined);
  const wordHashed = (text: string, start: number, end: number, hash: number): WordInfo => {
    const length = end - start;
    if (length > WORD_MEMO_LENGTH) return word(text.slice(start, end));
    const slot = (hash ^ (hash >>> 16)) & (SEEN_SLOTS - 1);
    const found = seen[slot];
    if (found !== undefined && found.raw.length === length && text.startsWith(found.raw, start)) return found.info;
    const raw = detach(text.slice(start, end));
    const info = word(raw);
    seen[slot] = { raw, info };
    return info;
  };
  const wordIn = (text: string, start: number, end: number): WordInfo => {
    let hash = WORD_HASH_SEED;
    for (let i = start; i < end; i++) hash = wordHashStep(hash, text.charCodeAt(i));
    return wordHashed(text, start, end, hash);
  };
  return { words, phrases, prefixes, headingPatterns: headingSet, bodyPatterns: bodySet, structures, roles, word, wordIn, wordHashed };
}

const NUMBER_START = /^\p{N}/u;
const ALL_DIGITS = /^[0-9]+$/;

/** Shared empty list: most words start no pattern and match no term. */
const NONE: readonly never[] = [];

/** The patterns of a set that can start at a word, in taxonomy order. */
function startsAt(set: PatternSet, lower: string): readonly number[] {
  const out = [...(set.byWord.get(lower) ?? NONE)];
  for (const entry of set.byPrefix.get(lower[0]) ?? NONE) if (lower.startsWith(entry.prefix) && !out.includes(entry.index)) out.push(entry.index);
  if (NUMBER_START.test(lower)) for (const i of set.byNumber) if (!out.includes(i)) out.push(i);
  return out.length === 0 ? NONE : out.sort((a, b) => a - b);
}

/** How many capturing groups a (valid) expression holds. */
const groupCount = (source: string): number => (new RegExp(`${source}|`, 'iu').exec('') ?? []).length - 1;

/** Whether an expression refers to its own groups (back-references, named groups): renumbered in an alternation, it would change meaning. */
export const refersToOwnGroups = (source: string): boolean => /\\[1-9]|\\k<|\(\?<[A-Za-z]/.test(source);

/**
 * Joins expressions into one alternation `(a)|(b)|…`, and the wrapping group of each, found by
 * counting the groups the ones before it hold. At one place, the first alternative that matches
 * is the first expression that matches, as when they are tried in turn.
 */
export function joinAlternatives(sources: readonly string[]): { readonly source: string; readonly groups: readonly number[] } {
  const groups: number[] = [];
  let group = 1;
  for (const source of sources) {
    groups.push(group);
    group += groupCount(source) + 1;
  }
  return { source: sources.map((source) => `(${source})`).join('|'), groups };
}

interface PatternSource {
  readonly def: PatternDef;
  readonly concern: string;
  readonly role: Role | 'none';
}

/** One sticky expression per pattern, shared by the heading and body sets (compiled once). */
const stickies = new WeakMap<PatternDef, RegExp>();
function stickyOf(def: PatternDef): RegExp {
  let re = stickies.get(def);
  if (!re) {
    re = new RegExp(def.regex, 'iuy');
    stickies.set(def, re);
  }
  return re;
}

/**
 * Indexes patterns by where they can start, so text is scanned once for words and symbols and a
 * pattern is only tried (as a sticky expression) where it can match. Patterns without start places
 * are joined into one alternation `(a)|(b)|…` scanned over the whole text; the wrapping group of
 * each is found by counting the groups the ones before it hold. Patterns that would change meaning
 * when renumbered (back-references, named groups) run alone. A pattern that does not compile is
 * left out (configuration validation reports it).
 */
function buildPatternSet(sources: readonly PatternSource[]): PatternSet {
  const patterns: CompiledPattern[] = [];
  const byWord = new Map<string, number[]>();
  const byPrefix = new Map<string, { prefix: string; index: number }[]>();
  const byNumber: number[] = [];
  const bySymbol = new Map<number, number[]>();
  /** The patterns joined into the combined expression: their index and expression. */
  const joined: { readonly index: number; readonly source: string }[] = [];
  const alone: [number, RegExp][] = [];
  const push = <K>(map: Map<K, number[]>, key: K, index: number): void => {
    const list = map.get(key) ?? [];
    map.set(key, list);
    if (!list.includes(index)) list.push(index);
  };
  for (const { def, concern, role } of sources) {
    try {
      new RegExp(def.regex, 'iu');
    } catch {
      continue;
    }
    const index = patterns.length;
    const key = `pattern\u0000${concern}\u0000${def.name}`;
    const reach = digitReach(def.regex);
    const keys = { heading: `heading\u0000${key}`, body: `body\u0000${key}` };
    const base = { name: def.name, concern, role, weight: def.weight, keys, digit: reach.needsDigit, stopsBeforeDigit: reach.stopsBeforeDigit };
    if (def.starts && def.starts.length > 0) {
      patterns.push({ ...base, sticky: stickyOf(def), group: -1 });
      for (const start of def.starts) {
        const s = start.trim().toLowerCase();
        if (s === '#') {
          if (!byNumber.includes(index)) byNumber.push(index);
        } else if (/^[\p{L}\p{N}]+\*$/u.test(s)) {
          const prefix = s.slice(0, -1);
          const list = byPrefix.get(prefix[0]) ?? [];
          byPrefix.set(prefix[0], list);
          list.push({ prefix, index });
        } else if (/^[\p{L}\p{N}]+$/u.test(s)) {
          push(byWord, s, index);
        } else if ([...s].length === 1) {
          push(bySymbol, s.codePointAt(0)!, index);
        }
      }
      continue;
    }
    if (refersToOwnGroups(def.regex)) {
      patterns.push({ ...base, sticky: undefined, group: -1 });
      alone.push([index, new RegExp(def.regex, 'giu')]);
      continue;
    }
    patterns.push({ ...base, sticky: undefined, group: -1 });
    joined.push({ index, source: def.regex });
  }
  const combined = joinAlternatives(joined.map((j) => j.source));
  joined.forEach((j, k) => (patterns[j.index] = { ...patterns[j.index], group: combined.groups[k] }));
  const escape = (c: string): string => c.replace(/[\\\]^-]/g, '\\$&');
  return {
    patterns,
    byWord,
    byPrefix,
    byNumber,
    bySymbol,
    symbols: bySymbol.size > 0 ? new RegExp(`[${[...bySymbol.keys()].map((c) => escape(String.fromCodePoint(c))).join('')}]`, 'gu') : undefined,
    combined: joined.length > 0 ? new RegExp(combined.source, 'giu') : undefined,
    alone,
  };
}
