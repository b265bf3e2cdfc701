import { insertAt, ownerTagText, setTagEdit } from '../fixes';
import type { BlockFact } from '../parse/facts';
import type { LineIndex } from '../text';
import type { Evidence, Fix, Role, Section } from '../types';
import { evidenceFor, quote, sectionName } from './helpers';
import type { Rule, RuleContext } from './rule';

/** Distinct pieces of evidence each side needs in the body before a section counts as strongly mixed. */
export const MIXED_MIN_EVIDENCE = 3;
/**
 * What each side's body evidence must add up to (fitted pushes): a side is strong on its own only
 * when the body says it, not a heading word or the context.
 */
export const MIXED_MIN_BODY_PUSH = 0.3;
/** The project concerns a heading names when the section is a phase, a milestone or a period. */
const PHASE_CONCERNS: ReadonlySet<string> = new Set(['schedule', 'deliverables']);
/** The weaker side's score must reach this share of the stronger side's. */
export const MIXED_MIN_BALANCE = 0.35;

/**
 * How probable it must be that the section belongs to one of the two sides (the verdict's
 * `bothSides`) before two owners are worth a warning.
 */
export const MIXED_MIN_CONFIDENCE = 0.7;

/**
 * A section with strong product and strong project signals: two owners in one place. Both sides
 * must be strong in the section's own body, and balanced; a phase or milestone that lists its
 * scope (a heading that names the period, a body that is a list) is project work, not a mix.
 */
export const mixedConcerns: Rule = {
  id: 'mixed-concerns',
  defaultSeverity: 'warning',
  description: 'A section with strong product and strong project signals',
  local: {},
  checkSection(section, context, report) {
    const verdict = section.inferred;
    const both = verdict.bothSides;
    if (both === undefined || both < MIXED_MIN_CONFIDENCE || section.tags[0]?.role === 'shared') return;
    // The scores first: the evidence is read only for sections they leave in doubt.
    const { product: p, project: q } = verdict.scores;
    if (Math.min(p, q) < MIXED_MIN_BALANCE * Math.max(p, q)) return;
    const product = evidenceFor(verdict, 'product');
    const project = evidenceFor(verdict, 'project');
    if (!strongInBody(section, product) || !strongInBody(section, project)) return;
    if (isPhaseListingScope(section, project, context.blocks[section.index] ?? [])) return;
    const fixes: Fix[] = [{ title: 'Tag as shared (owned by both on purpose)', edits: [setTagEdit(section, 'shared', undefined, context.lines)] }];
    const split = splitFix(section, product, project, context);
    if (split) fixes.push(split);
    report({
      section: section.index,
      range: section.headingRange,
      message: `Section ${sectionName(section)} mixes product ${quote(product)} and project ${quote(project)} concerns: split it or tag it shared`,
      fixes,
    });
  },
};

/** Whether a side's evidence in the body (not the heading) is enough on its own. */
function strongInBody(section: Section, evidence: readonly Evidence[]): boolean {
  const bodyStart = section.bodyRange.start.offset;
  let count = 0;
  let push = 0;
  for (const e of evidence) {
    if (e.range.start.offset < bodyStart) continue;
    count++;
    push += e.weight;
  }
  return count >= MIXED_MIN_EVIDENCE && push >= MIXED_MIN_BODY_PUSH;
}

/**
 * A phase, milestone or period that lists its scope: the heading names the period (project
 * schedule or deliverables evidence in the heading) and the body is a list. The features it
 * lists are what the phase delivers.
 */
function isPhaseListingScope(section: Section, project: readonly Evidence[], blocks: readonly BlockFact[]): boolean {
  const headingEnd = section.headingRange.end.offset;
  const namesPeriod = project.some((e) => e.range.end.offset <= headingEnd && PHASE_CONCERNS.has(e.concern));
  if (!namesPeriod) return false;
  const prose = blocks.filter((b) => b.kind !== 'code' && b.kind !== 'html');
  return prose.length > 0 && prose.every((b) => b.inList);
}

/**
 * Splits the section where the side that does not open it first speaks: a heading of the same
 * level, tagged, goes in before that paragraph. No fix when both sides share every paragraph.
 */
function splitFix(section: Section, product: readonly Evidence[], project: readonly Evidence[], context: RuleContext): Fix | undefined {
  const body = section.bodyRange;
  const inBody = (e: Evidence): boolean => e.range.start.offset >= body.start.offset && e.range.end.offset <= body.end.offset;
  const first = (list: readonly Evidence[]): number => {
    let at = Infinity;
    for (const e of list) if (inBody(e) && e.range.start.offset < at) at = e.range.start.offset;
    return at;
  };
  const firstProduct = first(product);
  const firstProject = first(project);
  if (!Number.isFinite(firstProduct) || !Number.isFinite(firstProject)) return undefined;
  const later: Role = firstProduct < firstProject ? 'project' : 'product';
  const at = paragraphStart(context.lines, Math.max(firstProduct, firstProject), body.start.offset);
  // The split point must leave some of the first side above it.
  if (at <= Math.min(firstProduct, firstProject)) return undefined;
  const laterEvidence = later === 'product' ? product : project;
  const concern = weightiestConcern(laterEvidence.filter((e) => inBody(e) && e.range.start.offset >= at));
  const label = (concern && context.config.taxonomy.concerns[concern]?.label) || (later === 'product' ? 'Product' : 'Project');
  const eol = context.lines.eol;
  const heading = `${'#'.repeat(Math.min(section.level, 6))} ${label}`;
  return {
    title: `Split: start a ${later} section '${label}' here`,
    edits: [insertAt(context.lines, at, `${heading}${eol}${ownerTagText(later, concern)}${eol}${eol}`)],
  };
}

/**
 * The concern that `evidence` weighs most in total (the first to reach it on a tie): the new
 * section is named by what it says most, not by its single strongest word.
 */
export function weightiestConcern(evidence: readonly Evidence[]): string | undefined {
  const totals = new Map<string, number>();
  let best: string | undefined;
  for (const e of evidence) {
    const total = (totals.get(e.concern) ?? 0) + e.weight;
    totals.set(e.concern, total);
    if (best === undefined || total > totals.get(best)!) best = e.concern;
  }
  return best;
}

/** The start of the paragraph (block of non-blank lines) holding `offset`, not before `floor`. */
function paragraphStart(lines: LineIndex, offset: number, floor: number): number {
  let line = lines.positionAt(offset).line;
  while (line > 0) {
    const previous = line - 1;
    if (lines.lineStart(previous) < floor) break;
    if (lines.text.slice(lines.lineStart(previous), lines.lineEnd(previous)).trim() === '') break;
    line = previous;
  }
  return Math.max(lines.lineStart(line), floor);
}
