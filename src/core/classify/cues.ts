/**
 * What the word-sense rules read: the section's own words (heading and prose body, not code),
 * looked up against small lists of cue words, and the one way a rule acts on a signal, moving
 * part of its weight to the side its sense belongs to.
 */
import type { Role } from '../types';
import { termTokens, type CompiledTaxonomy, type WordInfo } from './compile';
import { tokenize, TokenBuffer } from './read';
import type { Hit, Signals } from './signals';

/** A list of cue words and phrases, as stems: one word (`latency`), a phrase (`on time`), a prefix (`adopt*`). */
export interface Cues {
  readonly words: ReadonlySet<string>;
  /** Phrases by their first stem. */
  readonly phrases: ReadonlyMap<string, readonly (readonly string[])[]>;
  readonly prefixes: readonly string[];
  /** Its place among the cue lists made so far (see `ANY_CUE`). */
  readonly index: number;
  /** Every phrase, in one list: a section looks for the few whose first word it holds. */
  readonly phraseList: readonly (readonly string[])[];
}

/** Compiles cue terms written as in the taxonomy (plural-insensitive; a trailing `*` for a prefix). */
export function cues(terms: readonly string[]): Cues {
  const words = new Set<string>();
  const phrases = new Map<string, string[][]>();
  const prefixes = new Set<string>();
  for (const term of terms) {
    if (term.endsWith('*')) prefixes.add(term.slice(0, -1).toLowerCase());
    else {
      const tokens = termTokens(term);
      const same = phrases.get(tokens[0]) ?? [];
      if (tokens.length === 1) words.add(tokens[0]);
      // Each phrase once: a cue counts once however often the list names it.
      else if (tokens.length > 1 && !same.some((p) => p.join(' ') === tokens.join(' '))) phrases.set(tokens[0], [...same, tokens]);
    }
  }
  const index = ANY_CUE.lists++;
  const phraseList = [...phrases.values()].flat();
  for (const word of words) listsOf(ANY_CUE.words, word).push(index);
  for (const phrase of phraseList) for (const word of phrase) listsOf(ANY_CUE.words, word);
  for (const prefix of prefixes) {
    const head = prefix.charCodeAt(0);
    const bucket = ANY_CUE.prefixes.get(head) ?? [];
    ANY_CUE.prefixes.set(head, bucket);
    const found = bucket.find((p) => p.prefix === prefix);
    if (found) found.lists.push(index);
    else bucket.push({ prefix, lists: [index], tally: 0 });
  }
  return { words, phrases, prefixes: [...prefixes], index, phraseList };
}

function listsOf(map: Map<string, number[]>, stem: string): number[] {
  let lists = map.get(stem);
  if (!lists) map.set(stem, (lists = []));
  return lists;
}

/** A prefix of some cue lists, and which lists (by index) name it. */
interface CuePrefix {
  readonly prefix: string;
  readonly lists: number[];
  /** The id of the tally that counted it last (see `Tally`). */
  tally: number;
}

/**
 * Every cue list made so far, by its words (each with the lists that name it as a word; the words of
 * phrases with none) and its prefixes (by first letter): a section's words are tallied against
 * all lists in one pass, and each list's count is then read, not searched for.
 */
const ANY_CUE = { words: new Map<string, number[]>(), prefixes: new Map<number, CuePrefix[]>(), lists: 0 };

/** Which cue lists name a word: as a word (by list index) and by prefix; `made`: how many lists there were then. */
export interface WordCue {
  /** Whether any list names it (a word, a word of a phrase, a prefix). */
  readonly named: boolean;
  readonly lists: readonly number[];
  readonly prefixes: readonly CuePrefix[];
  readonly made: number;
  /** The id of the tally that counted its stem last (see `Tally`); one cue per named stem. */
  tally: number;
}

const NO_LISTS: readonly number[] = [];
const NO_PREFIXES: readonly CuePrefix[] = [];
/** The cue of the many words no list names, for as long as no list is made. */
let unnamed: WordCue = { named: false, lists: NO_LISTS, prefixes: NO_PREFIXES, made: 0, tally: 0 };
/** The cue of each named stem, for as many lists as there were when it was made: words with one stem share it. */
const namedCues = new Map<string, WordCue>();

/** The cue lists that name a word, worked out once per word (again if a list was made since). */
function cueOf(info: WordInfo): WordCue {
  const known = info.cue;
  if (known !== undefined && known.made === ANY_CUE.lists) return known;
  const s = info.stem;
  let cue = namedCues.get(s);
  if (cue === undefined || cue.made !== ANY_CUE.lists) {
    const lists = ANY_CUE.words.get(s);
    const prefixes = (ANY_CUE.prefixes.get(s.charCodeAt(0)) ?? NO_PREFIXES).filter((p) => s.startsWith(p.prefix));
    if (lists || prefixes.length > 0) namedCues.set(s, (cue = { named: true, lists: lists ?? NO_LISTS, prefixes, made: ANY_CUE.lists, tally: 0 }));
    else cue = unnamed.made === ANY_CUE.lists ? unnamed : (unnamed = { named: false, lists: NO_LISTS, prefixes: NO_PREFIXES, made: ANY_CUE.lists, tally: 0 });
  }
  info.cue = cue;
  return cue;
}

/** Ids of tallies (0: none), and the id of the tally whose marks the cues hold now. */
let lastTally = 0;
let markedBy = 0;

const NO_WORDS: readonly WordInfo[] = [];

/**
 * What some words hold of every cue list: per list, its different words and prefixes found. A
 * cue (one per named stem) and a prefix are marked with the id of the tally that holds them, so
 * that a word met again is a comparison, not a set lookup; a tally marks its cues again when
 * another one marked them since.
 */
class Tally {
  /** Per list (by index), how many of its words and prefixes occur. */
  readonly counts: number[] = new Array<number>(ANY_CUE.lists).fill(0);
  private readonly id = ++lastTally;
  /** The distinct named stems' cues and the prefixes found, in order. */
  private readonly cues: WordCue[] = [];
  private readonly prefixes: CuePrefix[] = [];

  /** `first` then `second`: all the words tallied, in order, should a phrase be looked for. */
  constructor(
    private readonly first: readonly WordInfo[],
    private readonly second: readonly WordInfo[] = NO_WORDS,
  ) {}

  /** Tallies `words` in. */
  add(words: readonly WordInfo[]): this {
    this.mark();
    const id = this.id;
    // Indexed: this loop runs over every word of every section.
    for (let i = 0; i < words.length; i++) {
      const cue = cueOf(words[i]);
      if (!cue.named || cue.tally === id) continue;
      cue.tally = id;
      this.cues.push(cue);
      for (const l of cue.lists) this.counts[l]++;
      for (const p of cue.prefixes) {
        // A prefix counts once, however many words it starts.
        if (p.tally === id) continue;
        p.tally = id;
        this.prefixes.push(p);
        for (const l of p.lists) this.counts[l]++;
      }
    }
    return this;
  }

  /** How many different cues of `list` occur. */
  count(list: Cues): number {
    let count = this.counts[list.index];
    if (list.phraseList.length === 0) return count;
    this.mark();
    // A phrase is looked for in order only where all its words occur (`on` alone is everywhere).
    for (const phrase of list.phraseList) if (this.holdsAll(phrase) && phraseIn(this.first, this.second, phrase)) count++;
    return count;
  }

  /** Whether every stem of `phrase` occurs (a loop: it is asked for every phrase of every list counted). */
  private holdsAll(phrase: readonly string[]): boolean {
    for (const w of phrase) if (namedCues.get(w)?.tally !== this.id) return false;
    return true;
  }

  /** Marks this tally's cues and prefixes as its own again, if another tally marked them since. */
  private mark(): void {
    if (markedBy === this.id) return;
    for (const cue of this.cues) cue.tally = this.id;
    for (const p of this.prefixes) p.tally = this.id;
    markedBy = this.id;
  }
}

const stemsOf = (words: readonly WordInfo[]): string[] => words.map((w) => w.stem);

/** The words of a section's heading and prose (as the section's reading collected them), counted against cue lists when a sense rule asks. */
export class SectionWords {
  private stems: string[] | undefined;
  // Tallied on the first count, again if a cue list was made since.
  private allTally: Tally | undefined;
  private headingTally: Tally | undefined;

  /** `headingWords` and `bodyWords`: in order, code, identifiers and numbers left out (see `proseWords`). */
  constructor(
    readonly headingWords: readonly WordInfo[],
    private readonly bodyWords: readonly WordInfo[],
  ) {}

  /** The heading's and the prose body's stems, in order. */
  get all(): readonly string[] {
    return (this.stems ??= [...stemsOf(this.headingWords), ...stemsOf(this.bodyWords)]);
  }

  /** How many different cues of the list the section's words (or its heading's only) hold. */
  count(list: Cues, where: 'all' | 'heading' = 'all'): number {
    if (where === 'heading') {
      if (!this.headingTally || this.headingTally.counts.length !== ANY_CUE.lists) this.headingTally = new Tally(this.headingWords).add(this.headingWords);
      return this.headingTally.count(list);
    }
    // Tallied part by part, and phrases looked for across both: the words are never joined.
    if (!this.allTally || this.allTally.counts.length !== ANY_CUE.lists) this.allTally = new Tally(this.headingWords, this.bodyWords).add(this.headingWords).add(this.bodyWords);
    return this.allTally.count(list);
  }
}

/** How many different cues of `list` occur in `words`. */
export function countCues(words: readonly WordInfo[], list: Cues): number {
  return new Tally(words).add(words).count(list);
}

/** Whether `phrase` occurs in the stems of `first` followed by `second` (read in place, not joined). */
function phraseIn(first: readonly WordInfo[], second: readonly WordInfo[], phrase: readonly string[]): boolean {
  const split = first.length;
  const n = split + second.length;
  for (let i = 0; i + phrase.length <= n; i++) {
    if ((i < split ? first[i] : second[i - split]).stem !== phrase[0]) continue;
    let k = 1;
    while (k < phrase.length && (i + k < split ? first[i + k] : second[i + k - split]).stem === phrase[k]) k++;
    if (k === phrase.length) return true;
  }
  return false;
}

/** The different cues of `list` that occur in `stems`. */
export function foundCues(stems: readonly string[], list: Cues): ReadonlySet<string> {
  const found = new Set<string>();
  for (let i = 0; i < stems.length; i++) {
    const s = stems[i];
    if (list.words.has(s)) found.add(s);
    for (const p of list.prefixes) if (s.startsWith(p)) found.add(`${p}*`);
    const phrases = list.phrases.get(s);
    if (!phrases) continue;
    for (const phrase of phrases) {
      if (i + phrase.length <= stems.length && phrase.every((w, k) => stems[i + k] === w)) found.add(phrase.join(' '));
    }
  }
  return found;
}

/**
 * Moves all but `keep` of a signal's weight to the side its sense belongs to: a new signal at the
 * same place, so the evidence shows the word for the side it now speaks for. Returns the new one.
 */
export function moveHit(signals: Signals, key: string, hit: Hit, keep: number, role: Role | 'none', concern: string, sense: string): Hit {
  const moved = hit.contribution * (1 - keep);
  hit.contribution *= keep;
  const newKey = `${key}\u0000sense\u0000${sense}`;
  const found = signals.hits.get(newKey);
  if (found) {
    found.contribution += moved;
    return found;
  }
  const kind = role === 'none' ? 'neutral' : hit.kind === 'neutral' ? 'body-term' : hit.kind;
  const next: Hit = { kind, concern, role, scaled: hit.scaled, quoted: hit.quoted, base: hit.base, count: hit.count, start: hit.start, end: hit.end, contribution: moved, features: undefined, words: hit.words };
  signals.hits.set(newKey, next);
  return next;
}

/**
 * Whether a signal's matched words name one of `stems` (with `all`, whether every word does):
 * a sense rule reads only the words whose sense it knows, not every term of a concern.
 */
export function hitNames(compiled: CompiledTaxonomy, text: string, hit: Hit, stems: ReadonlySet<string>, all = false): boolean {
  const words = hitWords(compiled, text, hit);
  return all ? words.length > 0 && words.every((w) => stems.has(w)) : words.some((w) => stems.has(w));
}

/** Where the words of a signal without them are read (one slice at a time). */
const sliceTokens = new TokenBuffer();

/**
 * The stems of a signal's words, in order: as the term's reading recorded them, or read once from
 * its place in `text` (a pattern's) and kept on the signal.
 */
export function hitWords(compiled: CompiledTaxonomy, text: string, hit: Hit): readonly string[] {
  if (hit.words) return hit.words;
  const tokens = tokenize(compiled, text.slice(hit.start, hit.end), sliceTokens);
  const words: string[] = [];
  for (let i = 0; i < tokens.count; i++) words.push(tokens.infos[i].stem);
  return (hit.words = words);
}
