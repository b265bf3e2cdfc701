/**
 * The classifier: reads a section's heading and own body against the taxonomy and says which
 * side owns it, with the evidence. Deterministic; no network, no model.
 *
 * Every signal is a term (heading, body, table header), a structural pattern (a date, an amount,
 * a metric target…), a structure (a checklist, a Gantt chart, a RACI table) or context (the
 * document title, the parent section, the document kind). A term counts with diminishing returns
 * however often it repeats; body evidence is scaled down as the body grows, so the heading keeps
 * its say; each side's total is compared with the other's and with the neutral vocabulary.
 */
import type { KindDef } from './config/types';
import type { BlockFact, HeadingFact } from './parse/facts';
import type { LineIndex } from './text';
import type { Taxonomy } from './taxonomy/types';
import type { Evidence, EvidenceKind, InferredRole, Role, Verdict } from './types';
import { compileTaxonomy, type Channel, type CompiledTaxonomy, type PatternSet, type TermEntry, type WordInfo } from './classify/compile';
import { headingOutline, maskProse, readLinks } from './classify/scan';

export interface ClassifyInput {
  readonly text: string;
  readonly lines: LineIndex;
  readonly heading: HeadingFact;
  /** The own body's blocks (code, tables, paragraphs), in order. */
  readonly blocks: readonly BlockFact[];
  /**
   * The section's place among the document's sections (0 = the first heading). When given, it
   * says exactly which heading is the document's title; otherwise the title is found by a scan.
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

/** The knobs of the scoring, in one place. */
export const SCORING = {
  /** Extra factor for a pattern found in the heading. */
  headingPattern: 1.5,
  /** A fenced code block (other than a timeline) speaks for technical detail: neither side. */
  codeBlock: 0.9,
  /** A link to another section of the document (a table of contents entry), each. */
  contentsLink: 1.5,
  /** A paragraph that is nothing but links (a list of links), each. */
  linkList: 0.8,
  /** The first heading of a level-1 title names the whole document, not one concern. */
  title: 5,
  /** Neutral words of the body weigh this much of their listed weight (technical prose is common everywhere). */
  neutralBody: 0.6,
  /** The parent section's lean, at most. */
  parent: 1.2,
  /** A declared document kind's side. */
  kind: 0.8,
  /** The lean of the document's headings, when no kind is declared, at most. */
  document: 2,
  /** One heading's most say in the document lean. */
  leanVoteCap: 3,
  /** Heading evidence (summed over the document) at which the lean has its full say. */
  leanFull: 12,
  /** Body words at which body evidence starts to be scaled down (by the square root). */
  normWords: 150,
  /** What all body evidence together approaches, at most. */
  bodyCap: 8,
  /** Below this, neither side has said anything decisive. */
  minSignal: 1.2,
  /** Both sides at least this strong, and the weaker at least `mixRatio` of the stronger: mixed. */
  mixStrong: 5,
  mixRatio: 0.75,
  /** Below this margin (0–1) between the leading side and its rival, the verdict is `none`. */
  decisive: 0.25,
  /** Evidence kept per verdict. */
  maxEvidence: 12,
} as const;

const TITLE_TEXT = 'document title';

/** Diminishing returns: 1, 1.5, 1.75, … never more than 2 for one term however often it repeats. */
export function saturate(count: number): number {
  return 2 - 2 ** (1 - count);
}

interface Hit {
  readonly kind: EvidenceKind;
  readonly concern: string;
  readonly role: Role | 'none';
  readonly scaled: boolean;
  base: number;
  count: number;
  start: number;
  end: number;
  contribution: number;
}

/** Collects signals, one per (channel, concern, term), counting repeats. */
class Signals {
  readonly hits = new Map<string, Hit>();

  add(key: string, kind: EvidenceKind, concern: string, role: Role | 'none', weight: number, start: number, end: number, scaled: boolean): void {
    if (weight <= 0) return;
    const hit = this.hits.get(key);
    if (!hit) {
      this.hits.set(key, { kind, concern, role, scaled, base: weight, count: 1, start, end, contribution: 0 });
      return;
    }
    hit.count++;
    if (weight > hit.base) {
      hit.base = weight;
      hit.start = start;
      hit.end = end;
    }
  }
}

const TERM_KIND: Record<Channel, EvidenceKind> = { heading: 'heading-term', body: 'body-term', table: 'table-header' };

/** Phrase tokens may be joined by spaces, hyphens, slashes and emphasis, nothing else. */
const PHRASE_GAP = /^[\s\-–—/*_]{0,4}$/;

/** The words of a prose slice, with their places in it. */
interface Tokens {
  readonly infos: WordInfo[];
  readonly starts: number[];
  readonly ends: number[];
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Splits prose into words (letters and digits; `&` stands for "and") in one pass. */
function tokenize(compiled: CompiledTaxonomy, masked: string): Tokens {
  const tokens: Tokens = { infos: [], starts: [], ends: [] };
  const n = masked.length;
  let i = 0;
  while (i < n) {
    const c = masked.charCodeAt(i);
    const word = c < 128 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : WORD_CHAR.test(masked[i]);
    if (!word) {
      if (c === 38 /* & */) {
        tokens.infos.push(compiled.word('&'));
        tokens.starts.push(i);
        tokens.ends.push(i + 1);
      }
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = masked.charCodeAt(j);
      if (d < 128 ? !((d >= 48 && d <= 57) || (d >= 65 && d <= 90) || (d >= 97 && d <= 122)) : !WORD_CHAR.test(masked[j])) break;
      j++;
    }
    tokens.infos.push(compiled.word(masked.slice(i, j)));
    tokens.starts.push(i);
    tokens.ends.push(j);
    i = j;
  }
  return tokens;
}

/**
 * Matches the terms of the taxonomy in a prose slice of the document (its tokens, the slice
 * starting at `offset`).
 */
function scanTerms(text: string, tokens: Tokens, offset: number, channel: Channel, signals: Signals): void {
  const { infos, starts, ends } = tokens;
  const n = infos.length;
  const scaled = channel !== 'heading';
  const record = (entries: readonly TermEntry[], from: number, to: number): void => {
    for (const e of entries) {
      const neutral = e.role === 'none';
      const weight = e.weights[channel] * (neutral && scaled ? SCORING.neutralBody : 1);
      signals.add(e.keys[channel], neutral ? 'neutral' : TERM_KIND[channel], e.concern, e.role, weight, offset + from, offset + to, scaled);
    }
  };
  for (let i = 0; i < n; i++) {
    const info = infos[i];
    if (info.phrases) {
      let used = 0;
      for (const phrase of info.phrases) {
        const len = phrase.rest.length;
        if (i + len >= n) continue;
        let ok = true;
        for (let k = 0; k < len && ok; k++) {
          ok = infos[i + 1 + k].stem === phrase.rest[k] && PHRASE_GAP.test(text.slice(offset + ends[i + k], offset + starts[i + 1 + k]));
        }
        if (ok) {
          record(phrase.entries, starts[i], ends[i + len]);
          used = len;
          break;
        }
      }
      if (used > 0) {
        i += used;
        continue;
      }
    }
    if (info.terms.length > 0) record(info.terms, starts[i], ends[i]);
  }
}

/**
 * Runs the structural patterns over a prose slice (`masked`, its tokens, starting at `offset` in
 * the document). A pattern with start places is tried only at the words, numbers and symbols it
 * can start with; where several can match, the one listed first wins and matches do not overlap.
 */
function scanPatterns(set: PatternSet, masked: string, tokens: Tokens, offset: number, factor: number, scaled: boolean, signals: Signals): void {
  const note = (index: number, start: number, end: number): void => {
    const p = set.patterns[index];
    signals.add(scaled ? p.keys.body : p.keys.heading, p.role === 'none' ? 'neutral' : 'pattern', p.concern, p.role, p.weight * factor, offset + start, offset + end, scaled);
  };
  const tryAt = (candidates: readonly number[], at: number): number => {
    for (const i of candidates) {
      const re = set.patterns[i].sticky;
      if (!re) continue;
      re.lastIndex = at;
      const m = re.exec(masked);
      if (m && m[0].length > 0) {
        note(i, at, at + m[0].length);
        return at + m[0].length;
      }
    }
    return at;
  };

  // Symbol start places, in order, merged with the word places.
  const symbolAt: number[] = [];
  const symbolChar: string[] = [];
  if (set.symbols) {
    const re = set.symbols;
    re.lastIndex = 0;
    for (let m = re.exec(masked); m; m = re.exec(masked)) {
      symbolAt.push(m.index);
      symbolChar.push(m[0]);
    }
  }
  const { infos, starts } = tokens;
  const wordStarts = scaled ? 'bodyStarts' : 'headingStarts';
  let cursor = 0;
  let t = 0;
  let y = 0;
  while (t < infos.length || y < symbolAt.length) {
    if (y < symbolAt.length && (t >= infos.length || symbolAt[y] < starts[t])) {
      const at = symbolAt[y];
      const candidates = set.bySymbol.get(symbolChar[y]);
      y++;
      if (at >= cursor && candidates) cursor = tryAt(candidates, at);
    } else {
      const at = starts[t];
      const candidates = infos[t][wordStarts];
      t++;
      if (at >= cursor && candidates.length > 0) cursor = tryAt(candidates, at);
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
          note(i, m.index, m.index + m[0].length);
          break;
        }
      }
    }
  }
  set.patterns.forEach((p, i) => {
    if (!p.alone) return;
    p.alone.lastIndex = 0;
    for (let m = p.alone.exec(masked); m; m = p.alone.exec(masked)) {
      if (m[0].length === 0) p.alone.lastIndex++;
      else note(i, m.index, m.index + m[0].length);
    }
  });
}

const RACI_CELL = /^(?:r|a|c|i|responsible|accountable|consulted|informed|raci)$/i;
const OUTLINE_ITEM = /^[\s|*_>]*(?:[A-Z]{1,3}-?)?\d{1,2}(?:\.\d{1,2}){1,3}\.?[\s|*_]+\p{L}/u;
const TIMELINE_CODE = /^\s*(?:gantt|timeline)\b|@startgantt/im;

function structure(compiled: CompiledTaxonomy, kind: 'task-list' | 'gantt' | 'raci' | 'work-breakdown', weight: number, start: number, end: number, signals: Signals): void {
  for (const target of compiled.structures.get(kind) ?? []) {
    signals.add(target.key, 'pattern', target.concern, target.role, weight, start, end, true);
  }
}

/** Reads one body block into `signals`; returns the words of prose it holds. */
function scanBlock(compiled: CompiledTaxonomy, input: ClassifyInput, block: BlockFact, signals: Signals): number {
  const { text } = input;
  if (block.kind === 'html' || block.end <= block.start) return 0;
  const source = text.slice(block.start, block.end);
  if (block.kind === 'code') {
    const timeline = block.lang === 'gantt' || ((block.lang === 'mermaid' || block.lang === 'plantuml' || block.lang === 'puml') && TIMELINE_CODE.test(source));
    if (timeline) {
      const m = /gantt|timeline/i.exec(source);
      const at = m ? block.start + m.index : block.start;
      structure(compiled, 'gantt', 4, at, at + (m ? m[0].length : Math.min(source.length, 3)), signals);
      scanPatterns(compiled.bodyPatterns, source, tokenize(compiled, source), block.start, 1, true, signals);
      return 0;
    }
    const firstLine = /^[^\r\n]*/.exec(source)?.[0].trimEnd() ?? '';
    const shown = firstLine.length > 0 ? firstLine : source.slice(0, 3);
    signals.add('body\u0000code', 'neutral', 'none', 'none', SCORING.codeBlock, block.start, block.start + shown.length, true);
    return 0;
  }
  const links = readLinks(source, maskProse(source));
  const masked = links.masked;
  if (links.anchors > 0) {
    signals.add('body\u0000contents', 'neutral', 'none', 'none', SCORING.contentsLink, block.start + links.first, block.start + links.firstEnd, true);
  } else if (links.onlyLinks) {
    signals.add('body\u0000links', 'neutral', 'none', 'none', SCORING.linkList, block.start + links.first, block.start + links.firstEnd, true);
  }
  if (block.kind === 'table-row' && block.header && block.cells) {
    let raci = 0;
    for (const [s, e] of block.cells) {
      if (e <= s) continue;
      const cell = masked.slice(s - block.start, e - block.start);
      scanTerms(text, tokenize(compiled, cell), s, 'table', signals);
      if (RACI_CELL.test(cell.replace(/[*_\s]/g, ''))) raci++;
    }
    if (raci >= 3) structure(compiled, 'raci', 3, block.start, block.end, signals);
    return 0;
  }
  if (block.checked !== null) {
    // The checkbox stands just before the item's paragraph: `- [ ] text`.
    const lineStart = input.lines.lineStart(input.lines.positionAt(block.start).line);
    const before = text.slice(lineStart, block.start);
    const box = /\[[ xX]\]\s*$/.exec(before);
    if (box) structure(compiled, 'task-list', 1, lineStart + box.index, lineStart + box.index + 3, signals);
    else structure(compiled, 'task-list', 1, block.start, block.start + Math.min(source.length, 20), signals);
  }
  const outline = OUTLINE_ITEM.exec(masked);
  if (outline) structure(compiled, 'work-breakdown', 0.8, block.start, block.start + outline[0].length - 1, signals);
  const tokens = tokenize(compiled, masked);
  scanPatterns(compiled.bodyPatterns, masked, tokens, block.start, 1, true, signals);
  scanTerms(text, tokens, block.start, 'body', signals);
  return tokens.infos.length;
}

function isTitle(input: ClassifyInput): boolean {
  if (input.heading.level !== 1) return false;
  if (input.index !== undefined) return input.index === 0;
  return input.lines.positionAt(input.heading.start).line === headingOutline(input.lines).first;
}

interface DocumentLean {
  readonly product: number;
  readonly project: number;
  /** Each heading's own scores by line, so a section can leave itself out. */
  readonly byLine: ReadonlyMap<number, readonly [number, number]>;
}

const leanCache = new WeakMap<LineIndex, WeakMap<CompiledTaxonomy, DocumentLean>>();

/**
 * What the document as a whole is about, read from all its headings (a document whose headings
 * say Week 1, Budget, Risks is a project plan): the inferred kind when none is declared. Each
 * heading's vote is capped so a single heading cannot swing it. Computed once per document.
 */
function documentLean(compiled: CompiledTaxonomy, lines: LineIndex): DocumentLean {
  let perTaxonomy = leanCache.get(lines);
  if (!perTaxonomy) {
    perTaxonomy = new WeakMap();
    leanCache.set(lines, perTaxonomy);
  }
  const cached = perTaxonomy.get(compiled);
  if (cached) return cached;
  let product = 0;
  let project = 0;
  const byLine = new Map<number, readonly [number, number]>();
  for (const [line, start, end] of headingOutline(lines).headings) {
    const signals = new Signals();
    const masked = maskProse(lines.text.slice(start, end));
    const tokens = tokenize(compiled, masked);
    scanTerms(lines.text, tokens, start, 'heading', signals);
    scanPatterns(compiled.headingPatterns, masked, tokens, start, SCORING.headingPattern, false, signals);
    const own = { product: 0, project: 0, none: 0 };
    for (const hit of signals.hits.values()) own[hit.role] += hit.base * saturate(hit.count);
    const total = own.product + own.project + own.none;
    const scale = total > SCORING.leanVoteCap ? SCORING.leanVoteCap / total : 1;
    const vote = [own.product * scale, own.project * scale] as const;
    byLine.set(line, vote);
    product += vote[0];
    project += vote[1];
  }
  const lean = { product, project, byLine };
  perTaxonomy.set(compiled, lean);
  return lean;
}

/** The parent's lean: its scores as shares, with the title's own weight left out of `none`. */
function parentShares(parent: Verdict): { product: number; project: number; none: number; strength: number } {
  // The title speaks for the whole document (the document lean), not as a parent.
  if (parent.evidence.some((e) => e.kind === 'context' && e.text === TITLE_TEXT)) return { product: 0, project: 0, none: 0, strength: 0 };
  const none = parent.scores.none;
  const total = parent.scores.product + parent.scores.project + none;
  if (total <= 0) return { product: 0, project: 0, none: 0, strength: 0 };
  return { product: parent.scores.product / total, project: parent.scores.project / total, none: none / total, strength: Math.min(1, total / 3) };
}

const round = (x: number): number => Math.round(x * 100) / 100;

/**
 * Classifies one section. Linear in the section's size; the taxonomy is compiled once per
 * taxonomy object.
 */
export function classifySection(input: ClassifyInput, context: ClassifyContext): Verdict {
  const compiled = compileTaxonomy(context.taxonomy);
  const { text, heading, lines } = input;
  const signals = new Signals();

  const headingSource = text.slice(heading.start, heading.end);
  const headingMasked = maskProse(headingSource);
  const headingTokens = tokenize(compiled, headingMasked);
  scanTerms(text, headingTokens, heading.start, 'heading', signals);
  scanPatterns(compiled.headingPatterns, headingMasked, headingTokens, heading.start, SCORING.headingPattern, false, signals);

  let words = 0;
  for (const block of input.blocks) words += scanBlock(compiled, input, block, signals);

  let headingTotal = 0;
  // Body evidence: raw contributions, then scaled down as a whole so that it approaches
  // `bodyCap` however long and wordy the body is (the heading keeps its say); the sides keep
  // their shares.
  const norm = 1 / Math.sqrt(Math.max(1, words / SCORING.normWords));
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
    if (hit.role === 'none') side.none += hit.contribution;
    else {
      side[hit.role] += hit.contribution;
      byConcern.set(hit.concern, (byConcern.get(hit.concern) ?? 0) + hit.contribution);
    }
  }

  const headingRange = lines.range(heading.start, heading.end);
  const contextEvidence: Evidence[] = [];
  const contextual = (text: string, role: Role | 'none', weight: number): void => {
    if (weight <= 0.01) return;
    side[role] += weight;
    contextEvidence.push({ kind: 'context', text, range: headingRange, concern: role === 'none' ? 'none' : '', role, weight: round(weight) });
  };
  // A title's own words name the whole document (its kind, its subject), so they do not decide
  // the title section itself; they stay in the scores as the lean its children inherit.
  if (isTitle(input)) contextual(TITLE_TEXT, 'none', SCORING.title + headingTotal);
  if (context.parent) {
    const lean = parentShares(context.parent);
    const k = SCORING.parent * lean.strength;
    contextual('parent section leans product', 'product', k * lean.product);
    contextual('parent section leans project', 'project', k * lean.project);
    contextual('parent section is on neither side', 'none', k * lean.none);
  }
  if (context.kind) {
    if (context.kind.role !== 'mixed') contextual(`document kind is ${context.kind.role}`, context.kind.role, SCORING.kind);
  } else {
    const lean = documentLean(compiled, lines);
    const own = lean.byLine.get(headingRange.start.line) ?? [0, 0];
    const p = Math.max(0, lean.product - own[0]);
    const j = Math.max(0, lean.project - own[1]);
    const total = p + j;
    if (total > 0) {
      // Only a one-sided document leans: the prior grows with the margin between the sides.
      const k = SCORING.document * Math.min(1, total / SCORING.leanFull) * (Math.abs(p - j) / total);
      if (p > j) contextual('the document leans product', 'product', k);
      else contextual('the document leans project', 'project', k);
    }
  }

  const top: Role = side.product >= side.project ? 'product' : 'project';
  const other: Role = top === 'product' ? 'project' : 'product';
  const strong = side[top];
  const weak = side[other];
  let role: InferredRole;
  let confidence: number;
  if (strong < SCORING.minSignal || side.none >= strong) {
    role = 'none';
    const against = Math.max(strong, 0);
    confidence = side.none >= strong && side.none > 0
      ? ((side.none - against) / side.none) * (1 - Math.exp(-side.none / 2))
      : 1 - strong / SCORING.minSignal;
    if (side.none < SCORING.minSignal && strong < SCORING.minSignal) confidence = Math.max(confidence, 0.5 * (1 - strong / SCORING.minSignal));
  } else if (weak >= SCORING.mixStrong && weak >= SCORING.mixRatio * strong) {
    role = 'mixed';
    confidence = (weak / strong) * (1 - Math.exp(-weak / 3));
  } else {
    const rival = Math.max(weak, side.none);
    const decisiveness = ((strong - rival) / strong) * (1 - Math.exp(-strong / 2));
    if (decisiveness >= SCORING.decisive) {
      role = top;
      confidence = decisiveness;
    } else {
      // Some lean, but too close to call: say so rather than guess a side.
      role = 'none';
      confidence = 1 - decisiveness / SCORING.decisive;
      confidence *= 0.5;
    }
  }

  const concernSide: Role | undefined = role === 'product' || role === 'project' ? role : role === 'mixed' ? top : undefined;
  let concern: string | undefined;
  if (concernSide) {
    let best = 0;
    for (const [name, score] of byConcern) {
      if (compiled.roles.get(name) === concernSide && score > best) {
        best = score;
        concern = name;
      }
    }
  }

  // Context entries carry no concern of their own: name the winning one when they back it.
  const evidence: Evidence[] = contextEvidence.map((e) => (e.role !== 'none' ? { ...e, concern: e.role === concernSide ? concern ?? e.role : e.role } : e));
  const hits = [...signals.hits.values()].sort((a, b) => b.contribution - a.contribution || a.start - b.start);
  for (const hit of hits.slice(0, SCORING.maxEvidence)) {
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
