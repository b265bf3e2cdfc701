/** Where the classifier collects what it found, one entry per term or pattern, counting repeats. */
import type { EvidenceKind, Role } from '../types';
import type { WordInfo } from './compile';

/** Diminishing returns: 1, 1.5, 1.75, … never more than 2 for one term however often it repeats. */
export function saturate(count: number): number {
  return SATURATED[count] ?? saturation(count);
}

function saturation(count: number): number {
  return 2 - 2 ** (1 - count);
}

/** `saturate` of the counts most signals have, worked out once: it is asked for every signal. */
const SATURATED: readonly (number | undefined)[] = Array.from({ length: 64 }, (_, count) => saturation(count));

/** One signal: a term or pattern of one concern, however often it was found. */
export interface Hit {
  readonly kind: EvidenceKind;
  readonly concern: string;
  readonly role: Role | 'none';
  readonly scaled: boolean;
  /** Whether the evidence may quote its text; code, identifiers and URLs move the verdict unquoted. */
  readonly quoted: boolean;
  base: number;
  count: number;
  start: number;
  end: number;
  contribution: number;
  /**
   * The model's features this signal feeds, by id (set when the section is weighed). Made
   * undefined with the signal, so that setting it later finds a slot instead of growing the object.
   */
  features: readonly number[] | undefined;
  /**
   * The stems of the words at its place, when the reading that found it knew them (a term's);
   * otherwise read from the text the first time a sense rule asks (see `hitWords`).
   */
  words: readonly string[] | undefined;
}

/** Collects signals, one per (channel, concern, term), counting repeats. */
export class Signals {
  readonly hits = new Map<string, Hit>();
  /** Counts of the body's stemmed words the model keeps, when it keeps any. */
  readonly words: Map<string, number> | undefined;
  /** Marks of technical reference in the body (code spans, bare URLs, identifiers), counted. */
  technical = 0;
  /** Words of the body that name the product (see ./named). */
  named = 0;
  /** Body blocks that are only links or bare URLs, and body blocks of anything else. */
  linkBlocks = 0;
  otherBlocks = 0;

  /** The body is nothing but links: a list of references (profiles, repositories, sites). */
  get onlyLinks(): boolean {
    return this.linkBlocks > 0 && this.otherBlocks === 0;
  }
  /** The words of the body's prose, in order (code, identifiers and numbers left out): what the word-sense rules read. */
  readonly prose: WordInfo[] = [];

  constructor(private readonly vocabulary?: { has(stem: string): boolean }) {
    this.words = vocabulary ? new Map() : undefined;
  }

  /** Counts a body word when the vocabulary keeps it. */
  word(stem: string): void {
    if (this.words && this.vocabulary?.has(stem)) this.words.set(stem, (this.words.get(stem) ?? 0) + 1);
  }

  /** Counts one finding of a signal at [start, end) of the text; `words`: the stems of its words, when known. */
  add(key: string, kind: EvidenceKind, concern: string, role: Role | 'none', weight: number, start: number, end: number, scaled: boolean, quoted = true, words?: readonly string[]): void {
    if (weight <= 0) return;
    const hit = this.hits.get(key);
    if (!hit) {
      this.hits.set(key, { kind, concern, role, scaled, quoted, base: weight, count: 1, start, end, contribution: 0, features: undefined, words });
      return;
    }
    hit.count++;
    if (weight > hit.base) {
      hit.base = weight;
      hit.start = start;
      hit.end = end;
      hit.words = words;
    }
  }
}

