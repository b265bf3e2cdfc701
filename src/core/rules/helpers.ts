/**
 * What several rules share: how they name sections and quote evidence, and when evidence for a
 * role counts as strong. Not a rule itself.
 */
import { evidenceKey, plainText } from '../explain';
import type { RuleContext } from './rule';
import type { Evidence, Range, Role, Section, Verdict } from '../types';

/** How many pieces of evidence a message quotes. */
const QUOTED_EVIDENCE = 3;
/** Longer evidence is cut in messages. */
const QUOTE_LENGTH = 40;

/** `'Launch budget'`, or a placeholder for an empty heading. */
export function sectionName(section: Section): string {
  const heading = section.heading.trim();
  return heading === '' ? `(untitled, line ${section.headingRange.start.line + 1})` : `'${clip(heading)}'`;
}

/** `project/budget`, or just the role when no concern stands out. */
export function describe(role: string, concern: string | undefined): string {
  return concern ? `${role}/${concern}` : role;
}

/**
 * The distinct pieces of evidence that speak for `role`, strongest first, the first `limit` of
 * them. Context evidence (the document kind, the parent) is left out: it is not in the section's
 * own words.
 */
export function evidenceFor(verdict: Verdict, role: Role, limit = Infinity): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const e of verdict.evidence) {
    if (out.length === limit) break;
    if (e.role !== role || e.kind === 'context' || e.weight <= 0) continue;
    const key = evidenceKey(e.text);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

/** `('$48,000', 'cost')`: the first few pieces of evidence, quoted as plain text. */
export function quote(evidence: readonly Evidence[]): string {
  if (evidence.length === 0) return '';
  return `(${evidence.slice(0, QUOTED_EVIDENCE).map((e) => `'${clip(plainText(e.text))}'`).join(', ')})`;
}

function clip(text: string): string {
  return text.length > QUOTE_LENGTH ? text.slice(0, QUOTE_LENGTH - 1) + '…' : text;
}

/** What decides that a verdict strongly says `role`. */
export interface Strength {
  /** The verdict's confidence must reach this. */
  readonly minConfidence: number;
  /** Distinct pieces of evidence for the role. */
  readonly minEvidence: number;
  /** The role's score must be at least this many times the other role's. */
  readonly dominance: number;
}

/**
 * When the content says `role` decisively enough for a rule to contradict a person: the evidence
 * for it, as much as decides that and a message quotes; otherwise undefined. The evidence is read
 * only when the verdict's role, confidence and scores already say so.
 */
export function strongEvidence(verdict: Verdict, role: Role, strength: Strength): Evidence[] | undefined {
  if (verdict.role !== role || verdict.confidence < strength.minConfidence) return undefined;
  const other = verdict.scores[role === 'product' ? 'project' : 'product'];
  if (verdict.scores[role] < strength.dominance * other) return undefined;
  const evidence = evidenceFor(verdict, role, Math.max(strength.minEvidence, QUOTED_EVIDENCE));
  return evidence.length >= strength.minEvidence ? evidence : undefined;
}

/** The other side. */
export function otherRole(role: Role): Role {
  return role === 'product' ? 'project' : 'product';
}

/** The index of the section that holds `offset`, if any (the preamble holds none). */
export function sectionAt(sections: readonly Section[], offset: number): number | undefined {
  let lo = 0;
  let hi = sections.length - 1;
  let found: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid].range.start.offset <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Where a finding about the whole document stands: the `plan:` line of the front matter when
 * there is one, else the first line.
 */
export function documentAnchor(context: RuleContext): Range {
  const { lines, text, frontMatter } = context;
  if (frontMatter) {
    const start = frontMatter.range.start.offset;
    const block = text.slice(start, frontMatter.range.end.offset);
    const plan = /^[ \t]*plan[ \t]*:/m.exec(block);
    if (plan) {
      const at = start + plan.index;
      const line = lines.positionAt(at).line;
      return lines.range(at + (plan[0].length - plan[0].trimStart().length), lines.lineEnd(line));
    }
    return lines.range(start, lines.lineEnd(frontMatter.range.start.line));
  }
  return lines.range(lines.lineStart(0), lines.lineEnd(0));
}
