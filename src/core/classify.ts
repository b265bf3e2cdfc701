/**
 * The classifier: reads a section's heading and own body against the taxonomy and says which
 * side owns it, with the evidence. Deterministic; no network, no model.
 *
 * Every signal is a term (heading, body, table header), a structural pattern (a date, an amount,
 * a metric target…), a structure (a checklist, a Gantt chart, a RACI table), the neutral
 * vocabulary, or context (the document title, the parent section, the document kind or, when none
 * is declared, the lean of the document's headings). A term counts with diminishing returns
 * however often it repeats; body evidence is scaled down as the body grows, so the heading keeps
 * its say; each side's total is compared with the other's and with the neutral vocabulary, and a
 * side only wins by a clear margin.
 */
import type { KindDef } from './config/types';
import type { BlockFact, HeadingFact } from './parse/facts';
import type { LineIndex } from './text';
import type { Taxonomy } from './taxonomy/types';
import type { Evidence, InferredRole, Role, Verdict } from './types';
import { compileTaxonomy } from './classify/compile';
import { documentLean, isTitle, topConcern } from './classify/document';
import { scanBlock, scanPatterns, scanTerms, tokenize } from './classify/read';
import { maskProse } from './classify/scan';
import { SCORING } from './classify/scoring';
import { saturate, Signals, type Hit } from './classify/signals';

export { SCORING } from './classify/scoring';
export { saturate } from './classify/signals';

export interface ClassifyInput {
  readonly text: string;
  readonly lines: LineIndex;
  readonly heading: HeadingFact;
  /** The own body's blocks (code, tables, paragraphs), in order. */
  readonly blocks: readonly BlockFact[];
  /**
   * The section's place among the document's sections (0 = the first heading). When given, it
   * says exactly which heading is the document's title; otherwise a line scan finds it.
   */
  readonly index?: number;
}

export interface ClassifyContext {
  readonly taxonomy: Taxonomy;
  /** The document's declared kind, when known. */
  readonly kind: KindDef | undefined;
  /** The verdict of the enclosing section, when there is one. */
  readonly parent: Verdict | undefined;
}

/** The text of the context evidence a title carries (its children read it to skip the title). */
const TITLE_TEXT = 'document title';

/** The parent's lean as shares of its scores; a title passes none on (the document lean does). */
function parentShares(parent: Verdict): { product: number; project: number; none: number; strength: number } {
  const nothing = { product: 0, project: 0, none: 0, strength: 0 };
  if (parent.evidence.some((e) => e.kind === 'context' && e.text === TITLE_TEXT)) return nothing;
  const { product, project, none } = parent.scores;
  const total = product + project + none;
  if (total <= 0) return nothing;
  return { product: product / total, project: project / total, none: none / total, strength: Math.min(1, total / 3) };
}

const round = (x: number): number => Math.round(x * 100) / 100;

/** The `k` strongest signals, strongest first (earlier in the text first on a tie), without sorting them all. */
function strongest(hits: Iterable<Hit>, k: number): Hit[] {
  const top: Hit[] = [];
  const before = (a: Hit, b: Hit): boolean => a.contribution > b.contribution || (a.contribution === b.contribution && a.start < b.start);
  for (const hit of hits) {
    if (top.length === k && !before(hit, top[k - 1])) continue;
    let i = top.length < k ? top.length : k - 1;
    while (i > 0 && before(hit, top[i - 1])) {
      if (i < k) top[i] = top[i - 1];
      i--;
    }
    top[i] = hit;
  }
  return top;
}

/**
 * Classifies one section: its role (`product`, `project`, `mixed` when both sides are strong,
 * `none` when nothing is decisive), its concern, a confidence in 0–1 and the evidence, strongest
 * first. Linear in the section's size; the taxonomy is compiled once per taxonomy object and the
 * document-wide context once per document.
 */
export function classifySection(input: ClassifyInput, context: ClassifyContext): Verdict {
  const compiled = compileTaxonomy(context.taxonomy);
  const { text, heading, lines } = input;
  const signals = new Signals();

  const headingMasked = maskProse(text.slice(heading.start, heading.end));
  const headingTokens = tokenize(compiled, headingMasked);
  scanTerms(text, headingTokens, heading.start, 'heading', signals);
  scanPatterns(compiled.headingPatterns, headingMasked, headingTokens, heading.start, SCORING.headingPattern, false, signals);
  let words = 0;
  for (const block of input.blocks) words += scanBlock(compiled, text, lines, block, signals);

  // Body evidence is scaled by length, then as a whole so that it approaches `bodyCap` however
  // long and wordy the body is (the heading keeps its say); the sides keep their shares.
  const norm = 1 / Math.sqrt(Math.max(1, words / SCORING.normWords));
  let headingTotal = 0;
  let bodyRaw = 0;
  for (const hit of signals.hits.values()) {
    hit.contribution = hit.base * saturate(hit.count) * (hit.scaled ? norm : 1);
    if (hit.scaled) bodyRaw += hit.contribution;
    else headingTotal += hit.contribution;
  }
  const bodyScale = bodyRaw > 0 ? (SCORING.bodyCap * (1 - Math.exp(-bodyRaw / SCORING.bodyCap))) / bodyRaw : 1;
  const byConcern = new Map<string, number>();
  const side = { product: 0, project: 0, none: 0 };
  for (const hit of signals.hits.values()) {
    if (hit.scaled) hit.contribution *= bodyScale;
    side[hit.role] += hit.contribution;
    if (hit.role !== 'none') byConcern.set(hit.concern, (byConcern.get(hit.concern) ?? 0) + hit.contribution);
  }

  // Context: weak priors, each kept as evidence.
  const headingRange = lines.range(heading.start, heading.end);
  const contextEvidence: Evidence[] = [];
  const contextual = (what: string, role: Role | 'none', weight: number, concern: string | undefined): void => {
    if (weight <= 0.01) return;
    side[role] += weight;
    contextEvidence.push({ kind: 'context', text: what, range: headingRange, concern: concern ?? 'none', role, weight: round(weight) });
  };
  // A title's own words name the whole document (its kind, its subject), not one concern of it.
  if (isTitle(lines, heading.level, heading.start, input.index)) contextual(TITLE_TEXT, 'none', SCORING.title + headingTotal, undefined);
  if (context.parent) {
    const lean = parentShares(context.parent);
    const k = SCORING.parent * lean.strength;
    const parentConcern = (role: Role): string | undefined => (context.parent?.role === role ? context.parent.concern : undefined) ?? topConcern(compiled, byConcern, role);
    contextual('parent section leans product', 'product', k * lean.product, parentConcern('product'));
    contextual('parent section leans project', 'project', k * lean.project, parentConcern('project'));
    contextual('parent section is on neither side', 'none', k * lean.none, undefined);
  }
  if (context.kind) {
    const role = context.kind.role;
    if (role !== 'mixed') {
      const concern = topConcern(compiled, byConcern, role) ?? context.kind.required.find((c) => compiled.roles.get(c) === role);
      contextual(`document kind is ${role}`, role, SCORING.kind, concern);
    }
  } else {
    const lean = documentLean(compiled, lines);
    const own = lean.byLine.get(headingRange.start.line) ?? [0, 0];
    const p = Math.max(0, lean.product - own[0]);
    const j = Math.max(0, lean.project - own[1]);
    const total = p + j;
    if (total > 0 && p !== j) {
      // Only a one-sided document leans: the prior grows with the margin between the sides.
      const k = SCORING.document * Math.min(1, total / SCORING.leanFull) * (Math.abs(p - j) / total) ** SCORING.leanPower;
      const role: Role = p > j ? 'product' : 'project';
      contextual(`the document leans ${role}`, role, k, topConcern(compiled, byConcern, role) ?? lean.concerns[role]);
    }
  }

  const top: Role = side.product >= side.project ? 'product' : 'project';
  const strong = side[top];
  const weak = side[top === 'product' ? 'project' : 'product'];
  let role: InferredRole;
  let confidence: number;
  if (strong < SCORING.minSignal || side.none >= strong) {
    role = 'none';
    confidence =
      side.none >= strong && side.none >= SCORING.minSignal
        ? ((side.none - strong) / side.none) * (1 - Math.exp(-side.none / 2))
        : 0.5 * (1 - Math.min(1, strong / SCORING.minSignal));
  } else if (weak >= SCORING.mixStrong && weak >= SCORING.mixRatio * strong) {
    role = 'mixed';
    confidence = (weak / strong) * (1 - Math.exp(-weak / 3));
  } else {
    const rival = Math.max(weak, side.none);
    const margin = ((strong - rival) / strong) * (1 - Math.exp(-strong / 2));
    if (margin >= SCORING.decisive) {
      role = top;
      confidence = margin;
    } else {
      // A lean, but too close to call: say so rather than guess a side.
      role = 'none';
      confidence = 0.5 * (1 - margin / SCORING.decisive);
    }
  }
  const concernSide: Role | undefined = role === 'product' || role === 'project' ? role : role === 'mixed' ? top : undefined;
  const concern = concernSide ? topConcern(compiled, byConcern, concernSide) : undefined;

  const evidence: Evidence[] = [...contextEvidence];
  for (const hit of strongest(signals.hits.values(), SCORING.maxEvidence)) {
    evidence.push({
      kind: hit.kind,
      text: text.slice(hit.start, hit.end),
      range: lines.range(hit.start, hit.end),
      concern: hit.concern,
      role: hit.role,
      weight: round(hit.contribution),
    });
  }
  evidence.sort((a, b) => b.weight - a.weight);
  return {
    role,
    concern,
    confidence: round(Math.min(1, Math.max(0, confidence))),
    scores: { product: round(side.product), project: round(side.project), none: round(side.none) },
    evidence: evidence.slice(0, SCORING.maxEvidence),
  };
}
