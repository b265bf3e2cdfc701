/**
 * Document-wide context: which heading is the title, and which way the document as a whole leans
 * (read from all its headings), computed once per document and cached on its LineIndex.
 */
import type { LineIndex } from '../text';
import type { Role } from '../types';
import type { CompiledTaxonomy } from './compile';
import { scanPatterns, scanTerms, tokenize } from './read';
import { headingOutline, maskProse } from './scan';
import { SCORING } from './scoring';
import { saturate, Signals } from './signals';

/**
 * Whether a heading is the document's title: the first heading, at level 1. `index` (the
 * section's place in the document), when known, says exactly; otherwise a line scan finds it.
 */
export function isTitle(lines: LineIndex, level: number, start: number, index: number | undefined): boolean {
  if (level !== 1) return false;
  if (index !== undefined) return index === 0;
  return lines.positionAt(start).line === headingOutline(lines).first;
}

export interface DocumentLean {
  readonly product: number;
  readonly project: number;
  /** The concern each side speaks most for, over the headings. */
  readonly concerns: { readonly product: string | undefined; readonly project: string | undefined };
  /** Each heading's own scores by line, so a section can leave itself out. */
  readonly byLine: ReadonlyMap<number, readonly [number, number]>;
}

const leanCache = new WeakMap<LineIndex, WeakMap<CompiledTaxonomy, DocumentLean>>();

/**
 * What the document as a whole is about, read from all its headings (a document whose headings
 * say Week 1, Budget, Risks is a project plan): the inferred kind when none is declared. Each
 * heading's vote is capped so a single heading cannot swing it. Computed once per document.
 */
export function documentLean(compiled: CompiledTaxonomy, lines: LineIndex): DocumentLean {
  let perTaxonomy = leanCache.get(lines);
  if (!perTaxonomy) {
    perTaxonomy = new WeakMap();
    leanCache.set(lines, perTaxonomy);
  }
  const cached = perTaxonomy.get(compiled);
  if (cached) return cached;
  let product = 0;
  let project = 0;
  const byConcern = new Map<string, number>();
  const byLine = new Map<number, readonly [number, number]>();
  for (const [line, start, end] of headingOutline(lines).headings) {
    const signals = new Signals();
    const masked = maskProse(lines.text.slice(start, end));
    const tokens = tokenize(compiled, masked);
    scanTerms(lines.text, tokens, start, 'heading', signals);
    scanPatterns(compiled.headingPatterns, masked, tokens, start, SCORING.headingPattern, false, signals);
    const own = { product: 0, project: 0, none: 0 };
    for (const hit of signals.hits.values()) {
      const weight = hit.base * saturate(hit.count);
      own[hit.role] += weight;
      if (hit.role !== 'none') byConcern.set(hit.concern, (byConcern.get(hit.concern) ?? 0) + weight);
    }
    const total = own.product + own.project + own.none;
    const scale = total > SCORING.leanVoteCap ? SCORING.leanVoteCap / total : 1;
    const vote = [own.product * scale, own.project * scale] as const;
    byLine.set(line, vote);
    product += vote[0];
    project += vote[1];
  }
  const lean = { product, project, concerns: { product: topConcern(compiled, byConcern, 'product'), project: topConcern(compiled, byConcern, 'project') }, byLine };
  perTaxonomy.set(compiled, lean);
  return lean;
}

/** The concern of a side with the highest score, if any. */
export function topConcern(compiled: CompiledTaxonomy, scores: ReadonlyMap<string, number>, side: Role): string | undefined {
  let best = 0;
  let concern: string | undefined;
  for (const [name, score] of scores) {
    if (compiled.roles.get(name) === side && score > best) {
      best = score;
      concern = name;
    }
  }
  return concern;
}
