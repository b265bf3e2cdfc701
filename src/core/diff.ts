/**
 * The ownership diff of one plan between two versions, for review: sections added and removed,
 * sections whose role or concern changed (by tag or by content, with the evidence that moved
 * them), tags and owners changed, and the product/project balance before and after. Pure: the
 * command line reads the versions (git or files) and hands in their analyses.
 */
import { evidenceFor } from './rules/helpers';
import { tagValue } from './fixes';
import type { Analysis, EffectiveRole, Section, Summary } from './types';

/** How many pieces of evidence a change quotes per side. */
const QUOTED = 3;

/** A section as the diff shows it. */
export interface SectionState {
  readonly heading: string;
  /** The headings of its ancestors, outermost first. */
  readonly path: readonly string[];
  /** 1-based line of the heading. */
  readonly line: number;
  readonly role: EffectiveRole;
  readonly concern: string | undefined;
  /** The owner tag's value (`product/vision`), when tagged. */
  readonly tag: string | undefined;
  readonly handles: readonly string[];
  readonly words: number;
  /** What its content says, strongest evidence first, for its inferred side. */
  readonly evidence: readonly string[];
}

export type SectionChange =
  | { readonly type: 'added'; readonly after: SectionState }
  | { readonly type: 'removed'; readonly before: SectionState }
  | {
      readonly type: 'changed';
      readonly before: SectionState;
      readonly after: SectionState;
      /** It changed sides: product to project or back. */
      readonly moved: boolean;
      readonly roleChanged: boolean;
      readonly concernChanged: boolean;
      readonly tagChanged: boolean;
      readonly ownersChanged: boolean;
      /** What decided the new role: the tag, or the content's evidence that came and went. */
      readonly because: { readonly by: 'tag' | 'content'; readonly gained: readonly string[]; readonly lost: readonly string[] };
    };

export interface Balance {
  readonly product: number;
  readonly project: number;
  readonly neither: number;
}

/** One plan's diff. `before` or `after` is undefined when the plan was added or removed. */
export interface PlanDiff {
  readonly kind: { readonly before: string | undefined; readonly after: string | undefined };
  readonly balance: { readonly before: Balance | undefined; readonly after: Balance | undefined };
  readonly owners: { readonly before: Summary['owners'] | undefined; readonly after: Summary['owners'] | undefined };
  /** Only sections that changed: added and changed ones in the newer version's order, then removed ones. */
  readonly changes: readonly SectionChange[];
  /** How many sections changed sides. */
  readonly moved: number;
}

/** Compares two versions of a plan (either may be absent: a plan added or removed). */
export function diffPlans(before: Analysis | undefined, after: Analysis | undefined): PlanDiff {
  const old = before ? states(before) : [];
  const now = after ? states(after) : [];
  const pairs = matchSections(old, now);
  const changes: SectionChange[] = [];
  const matchedOld = new Set<number>();
  for (let i = 0; i < now.length; i++) {
    const j = pairs.get(i);
    if (j === undefined) {
      changes.push({ type: 'added', after: now[i] });
      continue;
    }
    matchedOld.add(j);
    const change = compare(old[j], now[i]);
    if (change) changes.push(change);
  }
  old.forEach((state, j) => {
    if (!matchedOld.has(j)) changes.push({ type: 'removed', before: state });
  });
  return {
    kind: { before: before?.kind, after: after?.kind },
    balance: { before: before?.summary.words, after: after?.summary.words },
    owners: { before: before?.summary.owners, after: after?.summary.owners },
    changes,
    moved: changes.filter((c) => c.type === 'changed' && c.moved).length,
  };
}

function states(analysis: Analysis): SectionState[] {
  const { sections } = analysis;
  const pathOf = (section: Section): string[] => {
    const path: string[] = [];
    for (let p = section.parent; p !== undefined; p = sections[p].parent) path.unshift(sections[p].heading);
    return path;
  };
  return sections.map((s) => {
    const tag = s.tags[0];
    const side = s.inferred.role === 'product' || s.inferred.role === 'project' ? s.inferred.role : undefined;
    return {
      heading: s.heading,
      path: pathOf(s),
      line: s.headingRange.start.line + 1,
      role: s.role,
      concern: s.concern,
      tag: tag ? tagValue(tag.role, tag.concern) : undefined,
      handles: tag ? tag.handles : [],
      words: s.wordCount,
      evidence: side ? evidenceFor(s.inferred, side).slice(0, QUOTED * 2).map((e) => e.text.replace(/\s+/g, ' ').trim()) : [],
    };
  });
}

const norm = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Pairs new sections with old ones: first by heading and ancestors, then by heading alone (a
 * section moved under another parent); equal keys pair in order. New index → old index.
 */
function matchSections(old: readonly SectionState[], now: readonly SectionState[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  for (const key of [(s: SectionState) => [...s.path, s.heading].map(norm).join('\u0000'), (s: SectionState) => norm(s.heading)]) {
    const waiting = new Map<string, number[]>();
    old.forEach((s, j) => {
      if (taken.has(j)) return;
      const k = key(s);
      const list = waiting.get(k);
      if (list) list.push(j);
      else waiting.set(k, [j]);
    });
    now.forEach((s, i) => {
      if (pairs.has(i)) return;
      const j = waiting.get(key(s))?.shift();
      if (j === undefined) return;
      pairs.set(i, j);
      taken.add(j);
    });
  }
  return pairs;
}

const isSide = (role: EffectiveRole): boolean => role === 'product' || role === 'project';

function compare(before: SectionState, after: SectionState): SectionChange | undefined {
  const roleChanged = before.role !== after.role;
  const concernChanged = before.concern !== after.concern;
  const tagChanged = before.tag !== after.tag;
  const ownersChanged = before.handles.join(' ') !== after.handles.join(' ');
  if (!roleChanged && !concernChanged && !tagChanged && !ownersChanged) return undefined;
  const moved = roleChanged && isSide(before.role) && isSide(after.role);
  const by = after.tag !== undefined && (tagChanged || before.tag !== undefined) ? 'tag' : 'content';
  const had = new Set(before.evidence.map(norm));
  const has = new Set(after.evidence.map(norm));
  return {
    type: 'changed',
    before,
    after,
    moved,
    roleChanged,
    concernChanged,
    tagChanged,
    ownersChanged,
    because: {
      by,
      gained: after.evidence.filter((e) => !had.has(norm(e))).slice(0, QUOTED),
      lost: before.evidence.filter((e) => !has.has(norm(e))).slice(0, QUOTED),
    },
  };
}
