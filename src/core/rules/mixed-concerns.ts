import { insertAt, ownerTagText, setTagEdit } from '../fixes';
import type { LineIndex } from '../text';
import type { Evidence, Fix, Role, Section } from '../types';
import { evidenceFor, quote, sectionName } from './helpers';
import type { Rule, RuleContext } from './rule';

/** Distinct pieces of evidence each side needs before a section counts as strongly mixed. */
export const MIXED_MIN_EVIDENCE = 2;
/** The weaker side's score must reach this share of the stronger side's. */
export const MIXED_MIN_BALANCE = 0.35;

/**
 * How probable it must be that the section belongs to one of the two sides (the verdict's
 * confidence for `mixed`) before two owners are worth a warning.
 */
export const MIXED_MIN_CONFIDENCE = 0.7;

/** A section with strong product and strong project signals: two owners in one place. */
export const mixedConcerns: Rule = {
  id: 'mixed-concerns',
  defaultSeverity: 'warning',
  description: 'A section with strong product and strong project signals',
  checkSection(section, context, report) {
    const verdict = section.inferred;
    if (verdict.role !== 'mixed' || verdict.confidence < MIXED_MIN_CONFIDENCE || section.tags[0]?.role === 'shared') return;
    const product = evidenceFor(verdict, 'product');
    const project = evidenceFor(verdict, 'project');
    if (product.length < MIXED_MIN_EVIDENCE || project.length < MIXED_MIN_EVIDENCE) return;
    const { product: p, project: q } = verdict.scores;
    if (Math.min(p, q) < MIXED_MIN_BALANCE * Math.max(p, q)) return;
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

/**
 * Splits the section where the side that does not open it first speaks: a heading of the same
 * level, tagged, goes in before that paragraph. No fix when both sides share every paragraph.
 */
function splitFix(section: Section, product: readonly Evidence[], project: readonly Evidence[], context: RuleContext): Fix | undefined {
  const body = section.bodyRange;
  const inBody = (e: Evidence): boolean => e.range.start.offset >= body.start.offset && e.range.end.offset <= body.end.offset;
  const first = (list: readonly Evidence[]): number => Math.min(...list.filter(inBody).map((e) => e.range.start.offset));
  const firstProduct = first(product);
  const firstProject = first(project);
  if (!Number.isFinite(firstProduct) || !Number.isFinite(firstProject)) return undefined;
  const later: Role = firstProduct < firstProject ? 'project' : 'product';
  const at = paragraphStart(context.lines, Math.max(firstProduct, firstProject), body.start.offset);
  // The split point must leave some of the first side above it.
  if (at <= Math.min(firstProduct, firstProject)) return undefined;
  const laterEvidence = later === 'product' ? product : project;
  const concern = laterEvidence.find(inBody)?.concern;
  const label = (concern && context.config.taxonomy.concerns[concern]?.label) || (later === 'product' ? 'Product' : 'Project');
  const eol = context.lines.eol;
  const heading = `${'#'.repeat(Math.min(section.level, 6))} ${label}`;
  return {
    title: `Split: start a ${later} section '${label}' here`,
    edits: [insertAt(context.lines, at, `${heading}${eol}${ownerTagText(later, concern)}${eol}${eol}`)],
  };
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
