/**
 * What the word-sense rules read: the section's own words (heading and prose body, not code),
 * looked up against small lists of cue words, and the one way a rule acts on a signal, moving
 * part of its weight to the side its sense belongs to.
 */
import type { Role } from '../types';
import { termTokens, type CompiledTaxonomy } from './compile';
import { tokenize } from './read';
import type { Hit, Signals } from './signals';

/** A list of cue words and phrases, as stems: one word (`latency`), a phrase (`on time`), a prefix (`adopt*`). */
export interface Cues {
  readonly words: ReadonlySet<string>;
  /** Phrases by their first stem. */
  readonly phrases: ReadonlyMap<string, readonly (readonly string[])[]>;
  readonly prefixes: readonly string[];
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
  for (const word of words) ANY_CUE.words.add(word);
  for (const first of phrases.keys()) ANY_CUE.words.add(first);
  for (const prefix of prefixes) {
    const head = prefix.charCodeAt(0);
    ANY_CUE.prefixes.set(head, [...(ANY_CUE.prefixes.get(head) ?? []), prefix]);
  }
  ANY_CUE.version++;
  return { words, phrases, prefixes: [...prefixes] };
}

/**
 * Every word, phrase opener and prefix of every cue list made so far: a section's words are
 * sifted through it once, and each list is then looked up in the few that are left.
 */
const ANY_CUE = { words: new Set<string>(), prefixes: new Map<number, string[]>(), version: 0 };

/** The distinct stems of `stems` that some cue list names (a word, a phrase's first word, a prefix). */
function cueStems(stems: readonly string[], found = new Set<string>()): Set<string> {
  for (const s of stems) {
    if (ANY_CUE.words.has(s)) found.add(s);
    else {
      const prefixes = ANY_CUE.prefixes.get(s.charCodeAt(0));
      if (prefixes) {
        for (const p of prefixes) {
          if (s.startsWith(p)) {
            found.add(s);
            break;
          }
        }
      }
    }
  }
  return found;
}

/** The stems of a section's heading and prose (as the section's reading collected them), counted against cue lists when a sense rule asks. */
export class SectionWords {
  private stems: string[] | undefined;
  // The distinct stems some cue list names, sifted on the first count: each list is then looked
  // up in them, not the other way round. Sifted again if a cue list was made since.
  private allSet: Set<string> | undefined;
  private headingSet: Set<string> | undefined;
  private version = -1;

  /** `headingWords` and `bodyWords`: stems in order, code, identifiers and numbers left out (see `proseStems`). */
  constructor(
    readonly headingWords: readonly string[],
    private readonly bodyWords: readonly string[],
  ) {}

  /** The heading's and the prose body's stems, in order. */
  get all(): readonly string[] {
    return (this.stems ??= [...this.headingWords, ...this.bodyWords]);
  }

  /** How many different cues of the list the section's words (or its heading's only) hold. */
  count(list: Cues, where: 'all' | 'heading' = 'all'): number {
    if (this.version !== ANY_CUE.version) {
      this.allSet = this.headingSet = undefined;
      this.version = ANY_CUE.version;
    }
    if (where === 'heading') return countIn(() => this.headingWords, (this.headingSet ??= cueStems(this.headingWords)), list);
    // Sifted part by part: the words are joined only when a phrase has to be looked for.
    return countIn(() => this.all, (this.allSet ??= cueStems(this.bodyWords, cueStems(this.headingWords))), list);
  }
}

/** How many different cues of `list` occur in `stems`. */
export function countCues(stems: readonly string[], list: Cues): number {
  return countIn(() => stems, new Set(stems), list);
}

/**
 * `countCues` with the distinct stems at hand: the cost follows the list, not the section (a
 * section asks several lists; most of its words are in none of them).
 */
function countIn(stems: () => readonly string[], distinct: ReadonlySet<string>, list: Cues): number {
  let count = 0;
  // The words both hold, read from the smaller side.
  if (distinct.size < list.words.size) {
    for (const s of distinct) if (list.words.has(s)) count++;
  } else for (const word of list.words) if (distinct.has(word)) count++;
  for (const prefix of list.prefixes) {
    for (const s of distinct) {
      if (s.startsWith(prefix)) {
        count++;
        break;
      }
    }
  }
  for (const [first, phrases] of list.phrases) {
    if (!distinct.has(first)) continue;
    for (const phrase of phrases) if (phraseAt(stems(), phrase)) count++;
  }
  return count;
}

/** Whether `phrase` occurs in `stems`. */
function phraseAt(stems: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= stems.length; i++) {
    if (stems[i] !== phrase[0]) continue;
    let k = 1;
    while (k < phrase.length && stems[i + k] === phrase[k]) k++;
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
  const next: Hit = { kind, concern, role, scaled: hit.scaled, quoted: hit.quoted, base: hit.base, count: hit.count, start: hit.start, end: hit.end, contribution: moved };
  signals.hits.set(newKey, next);
  return next;
}

/**
 * Whether a signal's matched words name one of `stems` (with `all`, whether every word does):
 * a sense rule reads only the words whose sense it knows, not every term of a concern.
 */
export function hitNames(compiled: CompiledTaxonomy, text: string, hit: Hit, stems: ReadonlySet<string>, all = false): boolean {
  const infos = tokenize(compiled, text.slice(hit.start, hit.end)).infos;
  return all ? infos.length > 0 && infos.every((i) => stems.has(i.stem)) : infos.some((i) => stems.has(i.stem));
}
