/**
 * The classifier's second stage: a section is read again beside what the first stage made of
 * its neighbours. Its own probabilities, those of its parent, the mean of its subsections (a
 * section with no body of its own takes its role from them), of its siblings, of the section
 * before it and of the whole document become the features of a second small logistic
 * regression (fitted on out-of-fold first-stage probabilities, so it learns how far to trust
 * each). Two passes over the sections, linear in their number; deterministic.
 */
import type { Evidence, InferredRole, Range, Role, Verdict } from '../types';
import { bothStrong, decide } from './decide';
import { predict, pushToward, type LoadedModel, type LoadedStage } from './model';

/** Where a section stands among the document's sections. */
export interface StackNode {
  readonly parent: number | undefined;
  readonly children: readonly number[];
  /** No body of its own: only subsections follow. */
  readonly empty: boolean;
  readonly title: boolean;
  /** Where context evidence points to (the heading). */
  readonly headingRange?: Range;
}

type Triple = readonly [number, number, number];
const SIDES = ['product', 'project', 'none'] as const;

/** Sums over the document, computed once so that each section's features cost O(1) plus its children. */
export interface StackContext {
  readonly nodes: readonly StackNode[];
  readonly p: readonly Triple[];
  /** Each section's place among its siblings (children of one parent; top-level sections together). */
  readonly place: readonly number[];
  /** Each section's siblings, itself included: ordered indexes and summed probabilities. */
  readonly group: readonly { readonly members: readonly number[]; readonly sum: Triple }[];
  readonly groupOf: readonly number[];
  readonly documentMean: Triple;
}

/** Reads the document's structure and first-stage probabilities `p` for `stackFeatures`. */
export function stackContext(nodes: readonly StackNode[], p: readonly Triple[]): StackContext {
  const groups = new Map<number, { members: number[]; sum: [number, number, number] }>();
  const groupOf: number[] = [];
  const place: number[] = [];
  const total: [number, number, number] = [0, 0, 0];
  let counted = 0;
  nodes.forEach((node, i) => {
    const key = node.parent ?? -1;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { members: [], sum: [0, 0, 0] }));
    place.push(g.members.length);
    g.members.push(i);
    groupOf.push(key);
    if (node.title) return;
    for (let c = 0; c < 3; c++) {
      g.sum[c] += p[i][c];
      total[c] += p[i][c];
    }
    counted++;
  });
  const keys = [...groups.keys()];
  const index = new Map(keys.map((k, n) => [k, n]));
  const n = Math.max(1, counted);
  return {
    nodes,
    p,
    place,
    group: keys.map((k) => groups.get(k)!),
    groupOf: groupOf.map((k) => index.get(k)!),
    documentMean: [total[0] / n, total[1] / n, total[2] / n],
  };
}

/** The second stage's features of section `i`. */
export function stackFeatures(ctx: StackContext, i: number): Map<string, number> {
  const { nodes, p } = ctx;
  const out = new Map<string, number>();
  const node = nodes[i];
  // How unsure the section is on its own: context, scaled by it, breaks ties without outvoting.
  const unsure = 1 - Math.max(p[i][0], p[i][1], p[i][2]);
  const put = (prefix: string, v: Triple): void => {
    for (let c = 0; c < 3; c++) {
      out.set(`${prefix}:${SIDES[c]}`, v[c]);
      out.set(`${prefix}-tie:${SIDES[c]}`, v[c] * unsure);
    }
  };
  // Log-probabilities: the first stage's own verdict passes through at its strength.
  for (let c = 0; c < 3; c++) out.set(`self:${SIDES[c]}`, Math.log(Math.max(1e-4, p[i][c])));
  if (node.title) {
    out.set('title', 1);
    return out;
  }
  if (node.empty) out.set('empty', 1);
  if (node.parent !== undefined && !nodes[node.parent].title) put('parent', p[node.parent]);
  if (node.children.length > 0) put(node.empty ? 'kids-empty' : 'kids', mean(node.children.map((c) => p[c])));
  const group = ctx.group[ctx.groupOf[i]];
  const titled = group.members.filter((k) => nodes[k].title).length;
  const others = group.members.length - 1 - titled;
  if (others > 0) put('siblings', [0, 1, 2].map((c) => (group.sum[c] - p[i][c]) / others) as unknown as Triple);
  const before = group.members[ctx.place[i] - 1];
  if (before !== undefined && !nodes[before].title) put('previous', p[before]);
  put('document', ctx.documentMean);
  return out;
}

function mean(list: readonly Triple[]): Triple {
  const s = [0, 0, 0];
  for (const v of list) for (let c = 0; c < 3; c++) s[c] += v[c];
  const n = Math.max(1, list.length);
  return [s[0] / n, s[1] / n, s[2] / n];
}

/** What a second-stage source says, as a line of evidence for the side it pushes toward. */
const SAY: Record<string, (side: Role | 'none') => string> = {
  parent: (side) => (side === 'none' ? 'parent section is on neither side' : `parent section leans ${side}`),
  'kids-empty': (side) => (side === 'none' ? 'its subsections are on neither side' : `its subsections are ${side}`),
  kids: (side) => (side === 'none' ? 'its subsections are on neither side' : `its subsections are ${side}`),
  siblings: (side) => (side === 'none' ? 'the sections beside it are on neither side' : `the sections beside it are ${side}`),
  previous: (side) => (side === 'none' ? 'the section before is on neither side' : `the section before is ${side}`),
  document: (side) => (side === 'none' ? 'the document leans to neither side' : `the document leans ${side}`),
};

/** Second-stage context below this push is left out of the explanation. */
const SHOWN = 0.1;

/**
 * The final verdicts: each first-stage verdict read again beside its neighbours with the
 * model's second stage (unchanged when the model has none). Context that pushed the verdict
 * joins its evidence, once, with its fitted contribution.
 */
export function restack(nodes: readonly StackNode[], verdicts: readonly Verdict[], loaded: LoadedModel, maxEvidence: number): Verdict[] {
  const stage = loaded.stack;
  if (!stage) return [...verdicts];
  const ctx = stackContext(nodes, verdicts.map(probabilitiesOf));
  return verdicts.map((verdict, i) => {
    const features = stackFeatures(ctx, i);
    const q = predict(stage, features).p;
    const node = nodes[i];
    const scores = node.empty && node.children.length > 0 ? withChildren(verdict.scores, node.children.map((c) => verdicts[c].scores)) : verdict.scores;
    const { role, confidence } = decide(bothStrong(scores), q, loaded.model);
    const cls = role === 'product' ? 0 : role === 'project' ? 1 : 2;
    const evidence = contextEvidence(stage, features, cls, verdict, role, node.headingRange);
    const concern = role === verdict.role ? verdict.concern : role === 'product' || role === 'project' ? (verdict.evidence.find((e) => e.role === role && e.kind !== 'context')?.concern ?? childConcern(node, verdicts, role)) : undefined;
    return { ...verdict, role, concern, scores, probabilities: { product: q[0], project: q[1], none: q[2] }, confidence: Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100, evidence: evidence.slice(0, maxEvidence) };
  });
}

/** The first stage's probabilities of a verdict (for one made without them: its role, at its confidence). */
function probabilitiesOf(v: Verdict): Triple {
  if (v.probabilities) return [v.probabilities.product, v.probabilities.project, v.probabilities.none];
  const c = v.role === 'product' ? 0 : v.role === 'project' ? 1 : 2;
  const rest = (1 - v.confidence) / 2;
  return [c === 0 ? v.confidence : rest, c === 1 ? v.confidence : rest, c === 2 ? v.confidence : rest];
}

/** A section with no body of its own: its scores and the mean of its subsections'. */
function withChildren(own: Verdict['scores'], children: readonly Verdict['scores'][]): Verdict['scores'] {
  const n = children.length;
  const sum = (side: 'product' | 'project' | 'none'): number => Math.round((own[side] + children.reduce((k, c) => k + c[side], 0) / n) * 100) / 100;
  return { product: sum('product'), project: sum('project'), none: sum('none') };
}

/** The concern its subsections speak for most, for a section whose side comes from them. */
function childConcern(node: StackNode, verdicts: readonly Verdict[], role: Role): string | undefined {
  const count = new Map<string, number>();
  for (const c of node.children) {
    const v = verdicts[c];
    if (v.role === role && v.concern) count.set(v.concern, (count.get(v.concern) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [concern, n] of count) if (best === undefined || n > (count.get(best) ?? 0)) best = concern;
  return best;
}

/**
 * The verdict's evidence with the second stage's context lines that pushed toward it. The first
 * stage's lines for the same source, and any context line for another side, give way: a hover
 * never says both "leans product" and "leans project".
 */
function contextEvidence(stage: LoadedStage, features: ReadonlyMap<string, number>, cls: number, verdict: Verdict, role: InferredRole, headingRange: Range | undefined): Evidence[] {
  const bySource = new Map<string, number>();
  for (const [name, x] of features) {
    const source = name.slice(0, name.indexOf(':')).replace(/-tie$/, '');
    if (!(source in SAY)) continue;
    bySource.set(source, (bySource.get(source) ?? 0) + pushToward(stage, name, x, cls));
  }
  const side: Role | 'none' = cls === 0 ? 'product' : cls === 1 ? 'project' : 'none';
  const range = headingRange ?? verdict.evidence.find((e) => e.kind === 'context')?.range;
  const added: Evidence[] = [];
  const texts = new Set<string>();
  for (const [source, push] of bySource) {
    const text = SAY[source](side);
    if (push < SHOWN || texts.has(text) || !range) continue;
    texts.add(text);
    added.push({ kind: 'context', text, range, concern: verdict.concern ?? 'none', role: side, weight: Math.round(push * 100) / 100 });
  }
  const wanted = role === 'mixed' ? undefined : side;
  const kept = verdict.evidence.filter((e) => e.kind !== 'context' || ((wanted === undefined || e.role === wanted) && !texts.has(e.text)));
  return [...kept, ...added].sort((a, b) => b.weight - a.weight);
}
