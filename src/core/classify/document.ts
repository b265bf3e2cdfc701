/**
 * Document-wide context: which heading is the title, and which way the document as a whole leans
 * (read from all its headings), computed once per document and cached on its LineIndex.
 */
import type { LineIndex } from '../text';
import type { Role } from '../types';
import type { CompiledTaxonomy } from './compile';
import { scanPatterns, scanTerms, tokenize } from './read';
import { headingOutline, headingOutlineSteps, maskProse } from './scan';
import { SCORING } from './scoring';
import { finish, type Steps } from '../steps';
import { RecentMemo } from '../memo';
import { detach } from '../parse/collect';
import { saturate, Signals } from './signals';
import { concernName, concernNumber, FeatureVector } from './features';

/**
 * Whether a heading is the document's title: the first heading, at level 1. `index` (the
 * section's place in the document), when known, says exactly; otherwise a line scan finds it.
 */
export function isTitle(lines: LineIndex, level: number, start: number, index: number | undefined): boolean {
  if (level !== 1) return false;
  if (index !== undefined) return index === 0;
  return lines.positionAt(start).line === headingOutline(lines).first;
}

/** The concern each side speaks most for. */
export type SideConcerns = Readonly<Record<Role, string | undefined>>;

export interface DocumentLean {
  readonly product: number;
  readonly project: number;
  /** The concern each side speaks most for, over the headings. */
  readonly concerns: SideConcerns;
  /** Each heading's own scores by line, so a section can leave itself out. */
  readonly byLine: ReadonlyMap<number, readonly [number, number]>;
}

const leanCache = new WeakMap<LineIndex, WeakMap<CompiledTaxonomy, DocumentLean>>();

/** How many headings to read between two pauses of `documentLeanSteps`. */
const HEADINGS_PER_STEP = 128;

/**
 * What the document as a whole is about, read from all its headings (a document whose headings
 * say Week 1, Budget, Risks is a project plan): the inferred kind when none is declared. Each
 * heading's vote is capped so a single heading cannot swing it. Computed once per document.
 */
export function documentLean(compiled: CompiledTaxonomy, lines: LineIndex): DocumentLean {
  return finish(documentLeanSteps(compiled, lines));
}

/** `documentLean`, pausing every few headings (a long plan has thousands). */
export function* documentLeanSteps(compiled: CompiledTaxonomy, lines: LineIndex): Steps<DocumentLean> {
  let perTaxonomy = leanCache.get(lines);
  if (!perTaxonomy) {
    perTaxonomy = new WeakMap();
    leanCache.set(lines, perTaxonomy);
  }
  const cached = perTaxonomy.get(compiled);
  if (cached) return cached;
  const headings = (yield* headingOutlineSteps(lines)).headings;
  let product = 0;
  let project = 0;
  const byConcern = new FeatureVector();
  const byLine = new Map<number, readonly [number, number]>();
  for (let i = 0; i < headings.length; i++) {
    if (i % HEADINGS_PER_STEP === HEADINGS_PER_STEP - 1) yield;
    const [line, start, end] = headings[i];
    const own = headingVote(compiled, lines.text.slice(start, end));
    for (const [concern, weight] of own.concerns) byConcern.add(concernNumber(concern), weight);
    byLine.set(line, own.vote);
    product += own.vote[0];
    project += own.vote[1];
  }
  const lean = { product, project, concerns: topConcerns(compiled, byConcern), byLine };
  perTaxonomy.set(compiled, lean);
  return lean;
}

/** One heading's capped vote [product, project], and what it says for each concern. */
interface HeadingVote {
  readonly vote: readonly [number, number];
  readonly concerns: readonly (readonly [string, number])[];
}

/**
 * Votes by heading text, per taxonomy. A heading's vote depends on its text alone, and an edit
 * leaves nearly all headings as they were, so each version of a document reads only new ones.
 */
const voteCache = new WeakMap<CompiledTaxonomy, RecentMemo<HeadingVote>>();
/** Headings per generation of the vote memo (see `RecentMemo`): a 5 MB plan has about 15,000. */
const VOTE_MEMO_GENERATION = 20_000;

function headingVote(compiled: CompiledTaxonomy, line: string): HeadingVote {
  let votes = voteCache.get(compiled);
  if (!votes) voteCache.set(compiled, (votes = new RecentMemo(VOTE_MEMO_GENERATION)));
  const known = votes.get(line);
  if (known) return known;
  const signals = new Signals();
  const masked = maskProse(line);
  const tokens = tokenize(compiled, masked);
  scanTerms(line, tokens, 0, 'heading', signals);
  scanPatterns(compiled.headingPatterns, masked, tokens, 0, SCORING.headingPattern, false, signals);
  const own = { product: 0, project: 0, none: 0 };
  const concerns: [string, number][] = [];
  for (const hit of signals.hits.values()) {
    const weight = hit.base * saturate(hit.count);
    own[hit.role] += weight;
    if (hit.role !== 'none') concerns.push([hit.concern, weight]);
  }
  const total = own.product + own.project + own.none;
  const scale = total > SCORING.leanVoteCap ? SCORING.leanVoteCap / total : 1;
  const vote: HeadingVote = { vote: [own.product * scale, own.project * scale], concerns };
  // A copy of the key, so the cache never holds a whole document alive through a slice.
  votes.set(detach(line), vote);
  return vote;
}

/** The concern each side scores highest, if any (read in one pass over the scores, by concern number). */
export function topConcerns(compiled: CompiledTaxonomy, scores: FeatureVector): SideConcerns {
  let product = 0;
  let project = 0;
  const top: { product: string | undefined; project: string | undefined } = { product: undefined, project: undefined };
  for (let i = 0; i < scores.size; i++) {
    const name = concernName(scores.idAt(i));
    const score = scores.valueAt(i);
    const role = compiled.roles.get(name);
    if (role === 'product' && score > product) {
      product = score;
      top.product = name;
    } else if (role === 'project' && score > project) {
      project = score;
      top.project = name;
    }
  }
  return top;
}
