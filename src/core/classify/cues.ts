/**
 * What the word-sense rules read: the section's own words (heading and prose body, not code),
 * looked up against small lists of cue words, and the one way a rule acts on a signal, moving
 * part of its weight to the side its sense belongs to.
 */
import type { BlockFact } from '../parse/facts';
import type { Role } from '../types';
import { termTokens, type CompiledTaxonomy } from './compile';
import { tokenize } from './read';
import { maskProse } from './scan';
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
  const prefixes: string[] = [];
  for (const term of terms) {
    if (term.endsWith('*')) prefixes.push(term.slice(0, -1).toLowerCase());
    else {
      const tokens = termTokens(term);
      if (tokens.length === 1) words.add(tokens[0]);
      else if (tokens.length > 1) phrases.set(tokens[0], [...(phrases.get(tokens[0]) ?? []), tokens]);
    }
  }
  return { words, phrases, prefixes };
}

/** The stems of a section's heading and prose, read once and only when a sense rule asks. */
export class SectionWords {
  private stems: string[] | undefined;
  private headingStems: string[] | undefined;

  constructor(
    private readonly compiled: CompiledTaxonomy,
    private readonly text: string,
    private readonly heading: { readonly start: number; readonly end: number },
    private readonly blocks: readonly BlockFact[],
  ) {}

  /** The heading's stems. */
  get headingWords(): readonly string[] {
    return (this.headingStems ??= this.read(this.heading.start, this.heading.end));
  }

  /** The heading's and the prose body's stems, in order (code and HTML left out). */
  get all(): readonly string[] {
    if (!this.stems) {
      const stems = [...this.headingWords];
      for (const block of this.blocks) if (block.kind === 'paragraph' || block.kind === 'table-row') stems.push(...this.read(block.start, block.end));
      this.stems = stems;
    }
    return this.stems;
  }

  /** How many different cues of the list the section's words (or its heading's only) hold. */
  count(list: Cues, where: 'all' | 'heading' = 'all'): number {
    return countCues(where === 'heading' ? this.headingWords : this.all, list);
  }

  private read(start: number, end: number): string[] {
    const tokens = tokenize(this.compiled, maskProse(this.text.slice(start, end)));
    const out: string[] = [];
    tokens.infos.forEach((info, i) => {
      // Words inside an identifier (`RISK-12`, `budget_id`) and plain numbers say nothing.
      if (info.stem !== '' && !tokens.identifiers.has(i)) out.push(info.stem);
    });
    return out;
  }
}

/** How many different cues of `list` occur in `stems`. */
export function countCues(stems: readonly string[], list: Cues): number {
  return foundCues(stems, list).size;
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
