/**
 * What PM Lens says about a place in a document, in words: the hover on a heading, the hover on
 * an owner tag or a directive, the CodeLens title, the balance line of the status bar, and the
 * "disable this rule here" fix. Pure text out of an Analysis, so the editor only wraps it.
 */
import { disableNextSectionEdit, insertAt } from './fixes';
import { findComments } from './parse/facts';
import { concernsOf, DIRECTIVE_NAMES, readComment, TAG_ROLES } from './tags';
import { LineIndex } from './text';
import type { Taxonomy } from './taxonomy/types';
import type { Analysis, DirectiveKind, EffectiveRole, Evidence, EvidenceKind, Finding, Fix, Section, TextEdit } from './types';

/** A rule as the explanations need it: its id and one sentence. */
export interface RuleInfo {
  readonly id: string;
  readonly description: string;
}

const ROLE_LABELS: Record<EffectiveRole, string> = {
  product: 'Product',
  project: 'Project',
  shared: 'Shared',
  none: 'None',
  mixed: 'Mixed',
};

const EVIDENCE_KINDS: Record<EvidenceKind, string> = {
  'heading-term': 'heading',
  'body-term': 'term',
  'table-header': 'table header',
  pattern: 'pattern',
  neutral: 'neutral term',
  context: 'context',
};

/** How many pieces of evidence a hover lists. */
const EVIDENCE_SHOWN = 5;
/** How far a hover looks back for the `<!--` of a comment it may stand in. */
const COMMENT_LOOKBEHIND = 4000;

/** `Product`, `Project`, `Shared`, `None`, `Mixed`. */
export function roleLabel(role: EffectiveRole): string {
  return ROLE_LABELS[role];
}

/**
 * Escapes text so Markdown shows it literally: every punctuation character that Markdown, its
 * HTML or its autolinks could read gets a backslash, and line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, (c) => `\\${c}`).replace(/\s*[\r\n]+\s*/g, ' ');
}

/** The CodeLens title of a section: `Product · vision · 0.86`, `Project · budget · tagged`. */
export function lensTitle(section: Section): string {
  const parts = [roleLabel(section.role)];
  if (section.concern !== undefined && (section.role === 'product' || section.role === 'project')) parts.push(section.concern);
  parts.push(section.tagged ? 'tagged' : section.confidence.toFixed(2));
  return parts.join(' · ');
}

/** The section whose heading stands on `line`, if any. */
export function sectionAtHeadingLine(analysis: Analysis, line: number): Section | undefined {
  return analysis.sections.find((s) => s.headingRange.start.line <= line && line <= s.headingRange.end.line);
}

/** The innermost section that contains `offset` (heading or body). */
export function sectionAtOffset(analysis: Analysis, offset: number): Section | undefined {
  let found: Section | undefined;
  for (const s of analysis.sections) {
    if (s.range.start.offset > offset) break;
    if (offset < s.range.end.offset || (offset === s.range.end.offset && s.index === analysis.sections.length - 1)) found = s;
  }
  return found;
}

/**
 * The hover on a heading, as Markdown: effective role and concern, confidence, tagged or
 * inferred (and how the content reads when the tag disagrees), the strongest evidence with the
 * matched words, and what the role owns. Document text is escaped.
 */
export function sectionHover(section: Section, taxonomy: Taxonomy): string {
  const out: string[] = [];
  const concernLabel = (name: string | undefined): string | undefined =>
    name === undefined ? undefined : taxonomy.concerns[name]?.label ?? name;
  const roleAndConcern = (role: EffectiveRole, concern: string | undefined): string => {
    const label = concernLabel(concern);
    return label !== undefined && (role === 'product' || role === 'project') ? `${roleLabel(role)} · ${escapeMarkdown(label)}` : roleLabel(role);
  };

  out.push(`**${roleAndConcern(section.role, section.concern)}** — ${escapeMarkdown(section.heading)}`);
  const inferred = section.inferred;
  if (section.tagged) {
    const tag = section.tags[0];
    const handles = tag.handles.length > 0 ? ` by ${tag.handles.map(escapeMarkdown).join(', ')}` : '';
    out.push(`Tagged${handles}. The content reads as ${roleAndConcern(inferred.role, inferred.concern)} (confidence ${inferred.confidence.toFixed(2)}).`);
    if (disagrees(section.role, inferred.role)) {
      out.push(`The tag says ${roleLabel(section.role)}, the content says ${roleLabel(inferred.role)}.`);
    }
  } else {
    out.push(`Inferred from the content, confidence ${section.confidence.toFixed(2)}. Not tagged: add \`<!-- owner: … -->\` to fix the owner.`);
  }
  // A two-sided reading: how sure it is that one of the two owns the section, beside the
  // confidence of the side it leans to (a mix names no single owner).
  if (inferred.bothSides !== undefined) {
    out.push(`Product and project both read strong here: confidence ${inferred.bothSides.toFixed(2)} that one of them owns it. Split the section, or tag it \`shared\` if both own it on purpose.`);
  }

  const evidence = topEvidence(inferred.evidence, EVIDENCE_SHOWN);
  if (evidence.length > 0) {
    out.push('Why:');
    out.push(
      evidence
        .map((e) => {
          const side = e.role === 'none' ? 'neither side' : taxonomy.concerns[e.concern] ? `${e.role}/${e.concern}` : e.role;
          return `- ${EVIDENCE_KINDS[e.kind]} "${escapeMarkdown(clip(e.text, 60))}" → ${escapeMarkdown(side)} (${formatWeight(e.weight)})`;
        })
        .join('\n'),
    );
  } else {
    out.push('No decisive words or patterns in this section.');
  }

  const owns = ownsText(section.role, taxonomy);
  if (owns) out.push(owns);
  return out.join('\n\n');
}

/** What the hover over a comment says, and where the comment stands. */
export interface CommentHover {
  readonly start: number;
  readonly end: number;
  readonly markdown: string;
}

/**
 * The hover over an owner tag or a directive at `offset`: what it means, or, when it is
 * invalid, what is wrong and what would be valid. Other comments get none. When `analysis` is
 * given, an owner tag that the engine did not read as one (inside code) gets none either.
 */
export function commentHover(
  text: string,
  offset: number,
  taxonomy: Taxonomy,
  rules: readonly RuleInfo[],
  analysis?: Analysis,
): CommentHover | undefined {
  const from = Math.max(0, offset - COMMENT_LOOKBEHIND);
  const open = text.lastIndexOf('<!--', offset);
  if (open < from) return undefined;
  const [comment] = findComments(text, open, Math.min(text.length, offset + COMMENT_LOOKBEHIND));
  if (!comment || comment.start !== open || offset > comment.end || (offset === comment.end && comment.closed)) return undefined;

  // Read the comment on its own: the reading needs no more than its text.
  const local = { ...comment, start: 0, end: comment.end - comment.start, bodyStart: comment.bodyStart - comment.start };
  const ruleIds = new Set(rules.map((r) => r.id));
  const reading = readComment(local, new LineIndex(text.slice(comment.start, comment.end)), taxonomy, ruleIds);
  const isOwner = /^\s*owners?\b/i.test(comment.body);
  const isDirective = /^\s*pm-?lens/i.test(comment.body);
  if (!isOwner && !isDirective) return undefined;
  if (analysis && isOwner && !engineSawComment(analysis, comment.start, comment.end)) return undefined;

  const out: string[] = [];
  const meaning = reading.meaning;
  if (meaning.type === 'owner') {
    const tag = meaning.tag;
    const value = tag.concern ? `${tag.role}/${tag.concern}` : tag.role;
    out.push(`**Owner tag** · \`${value}\``);
    if (tag.role === 'shared') out.push('The section belongs to both sides, on purpose: product and project each count half of its words.');
    else if (tag.role === 'none') out.push('The section belongs to neither side (glossary, references, architecture…); it counts for no one.');
    else {
      const def = tag.concern ? taxonomy.concerns[tag.concern] : undefined;
      out.push(
        def
          ? `The section is owned by **${roleLabel(tag.role)}**, concern **${escapeMarkdown(def.label)}**: ${escapeMarkdown(def.description)}.`
          : `The section is owned by **${roleLabel(tag.role)}**; the concern is inferred from the content.`,
      );
    }
    if (tag.handles.length > 0) out.push(`Named owners: ${tag.handles.map(escapeMarkdown).join(', ')}`);
    const owns = ownsText(tag.role, taxonomy);
    if (owns) out.push(owns);
  } else if (meaning.type === 'directive') {
    const d = meaning.directive;
    const which = d.rules.length === 0 ? 'every rule' : d.rules.map((r) => `\`${r}\``).join(', ');
    out.push(`**Directive** · \`pm-lens-${d.kind}\``, DIRECTIVE_EFFECT[d.kind](which));
    const described = rules.filter((r) => d.rules.includes(r.id));
    if (described.length > 0) out.push(described.map((r) => `- \`${r.id}\`: ${escapeMarkdown(r.description)}`).join('\n'));
  }
  if (reading.problems.length > 0) {
    out.push(meaning.type === 'other' ? (isOwner ? '**Invalid owner tag**' : '**Invalid directive**') : '**Problems**');
    out.push(reading.problems.map((p) => `- ${escapeMarkdown(p.message)}`).join('\n'));
    out.push(isOwner ? validOwnerText(taxonomy) : validDirectiveText(rules));
  }
  return { start: comment.start, end: comment.end, markdown: out.join('\n\n') };
}

/**
 * A fix that turns a finding's rule off where it stands: for an item of a section's body (a dated
 * item, a metric row), a `pm-lens-disable-line` comment at the end of the line it is reported on;
 * for a section, a `pm-lens-disable-next-section` comment on the line above its heading; either
 * merged into one that is already there. For a whole-document finding, a `pm-lens-disable`
 * before the first heading. `lines` may be passed when the caller has an index of `text` already.
 */
export function disableRuleFix(text: string, analysis: Analysis, finding: Finding, lines: LineIndex = new LineIndex(text)): Fix | undefined {
  const eol = lines.eol;
  const section = finding.section !== undefined ? analysis.sections[finding.section] : undefined;
  const line = finding.range.start.line;
  // A line of the body, not a heading, tag or directive (those are the section's own), and not
  // inside a comment, where another comment would end it early.
  const onBodyLine = section !== undefined && line > section.headingRange.end.line && !/^\s*<!--/.test(text.slice(lines.lineStart(line), lines.lineEnd(line)));
  if (onBodyLine && !insideComment(text, finding.range.start.offset)) {
    return { title: `Disable ${finding.ruleId} for this line`, edits: [disableLineEdit(text, lines, line, finding.ruleId)] };
  }
  if (section) {
    const headingStart = section.headingRange.start;
    // A directive already on the line above: add the rule to it.
    if (headingStart.line > 0) {
      const prevStart = lines.lineStart(headingStart.line - 1);
      const prev = text.slice(prevStart, lines.lineEnd(headingStart.line - 1));
      const m = /^(\s*<!--\s*pm-lens-disable-next-section)((?:\s+[\w-]+)+)(\s*-->\s*)$/i.exec(prev);
      if (m) {
        const insertAt = lines.positionAt(prevStart + m[1].length + m[2].length);
        return {
          title: `Disable ${finding.ruleId} for this section`,
          edits: [{ range: { start: insertAt, end: insertAt }, newText: ` ${finding.ruleId}` }],
        };
      }
    }
    return { title: `Disable ${finding.ruleId} for this section`, edits: [disableNextSectionEdit(section, [finding.ruleId], lines)] };
  }
  if (finding.section !== undefined) return undefined;
  // Before the first heading, after the front matter.
  const clamped = analysis.frontMatter ? lines.lineStart(analysis.frontMatter.range.end.line + 1) : 0;
  const pos = lines.positionAt(clamped);
  const needsBreakBefore = clamped > 0 && clamped === text.length && !/[\r\n]$/.test(text);
  return {
    title: `Disable ${finding.ruleId} for this document`,
    edits: [{ range: { start: pos, end: pos }, newText: `${needsBreakBefore ? eol : ''}<!-- pm-lens-disable ${finding.ruleId} -->${eol}` }],
  };
}

/** Whether `offset` stands inside an HTML comment (one left open counts): the last one opened before it has not closed. */
function insideComment(text: string, offset: number): boolean {
  const open = text.lastIndexOf('<!--', offset);
  if (open < 0) return false;
  const close = text.indexOf('-->', open + 4);
  return close < 0 || close + 3 > offset;
}

/** `<!-- pm-lens-disable-line RULE -->` at the end of `line` (before trailing spaces, which may be a hard break), or `RULE` added to one there. */
function disableLineEdit(text: string, lines: LineIndex, line: number, ruleId: string): TextEdit {
  const start = lines.lineStart(line);
  const content = text.slice(start, lines.lineEnd(line)).trimEnd();
  const there = /(<!--\s*pm-lens-disable-line(?:\s+[\w-]+)+)(\s*-->)$/i.exec(content);
  if (there) return insertAt(lines, start + there.index + there[1].length, ` ${ruleId}`);
  return insertAt(lines, start + content.length, ` <!-- pm-lens-disable-line ${ruleId} -->`);
}

function disagrees(tagged: EffectiveRole, inferred: EffectiveRole): boolean {
  return (tagged === 'product' && inferred === 'project') || (tagged === 'project' && inferred === 'product');
}

/**
 * Evidence strongest first, one line per word (however many concerns list it, it speaks once,
 * for the concern it pushes most) and one per context source (never both "parent section leans
 * product" and "parent section leans project").
 */
function topEvidence(evidence: readonly Evidence[], limit: number): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const e of [...evidence].sort((a, b) => b.weight - a.weight)) {
    const key = e.kind === 'context' ? contextSource(e.text) : evidenceKey(e.text);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(e);
    if (out.length === limit) break;
  }
  return out;
}

/** What a context line is about, without the side it names: `parent section`, `the document`. */
function contextSource(text: string): string {
  return `context:${text.replace(/\s+(?:leans|is|are)\b.*$/, '')}`;
}

/** Two pieces of evidence with the same key say the same words. */
export function evidenceKey(text: string): string {
  return plainText(text).toLowerCase();
}

function formatWeight(weight: number): string {
  const rounded = Math.round(weight * 100) / 100;
  return `${rounded >= 0 ? '+' : ''}${rounded}`;
}

/**
 * Document text as a person reads it: a link or an image by its text, emphasis, code, strike and
 * escape marks, HTML tags, autolinks, heading and quote marks taken out, on one line.
 */
export function plainText(text: string): string {
  // Most evidence is a word or two: nothing to take out, and the rules ask at every keystroke.
  if (!MARKS_OR_ODD_SPACE.test(text)) return text;
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[a-z][a-z0-9+.-]*:[^>\s]*>/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
    .replace(/[*_`~]+/g, ' ')
    .replace(/^\s*(?:#{1,6}|>)\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What `plainText` could change: a mark it takes out, white space other than single inner spaces. */
const MARKS_OR_ODD_SPACE = /[[\]<>\\*_`~#]|[^\S ]| {2}|^ | $/;

function clip(text: string, max: number): string {
  const flat = plainText(text);
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** "Product owns:" and a line per concern, from the taxonomy, for the role(s) a section or tag speaks for. */
function ownsText(role: EffectiveRole, taxonomy: Taxonomy): string | undefined {
  const sides: ('product' | 'project')[] =
    role === 'product' || role === 'project' ? [role] : role === 'shared' || role === 'mixed' ? ['product', 'project'] : [];
  if (sides.length === 0) return 'Neither side owns it: reference material such as a glossary, references or architecture.';
  return sides
    .map((side) => {
      const items = concernsOf(side, taxonomy).map((name) => {
        const def = taxonomy.concerns[name];
        return `- **${escapeMarkdown(def.label)}**: ${escapeMarkdown(lowerFirst(def.description))}`;
      });
      return `${roleLabel(side)} owns:\n${items.join('\n')}`;
    })
    .join('\n\n');
}

function validOwnerText(taxonomy: Taxonomy): string {
  const product = concernsOf('product', taxonomy).join(', ');
  const project = concernsOf('project', taxonomy).join(', ');
  return [
    'Valid: `<!-- owner: ROLE[/CONCERN] @handle… -->`',
    `- roles: ${TAG_ROLES.join(', ')}`,
    `- product concerns: ${escapeMarkdown(product)}`,
    `- project concerns: ${escapeMarkdown(project)}`,
    '- handles: `@` then letters, digits, `.`, `_` or `-`',
  ].join('\n');
}

/** What each kind of directive does to `which` rules, as its hover says. */
const DIRECTIVE_EFFECT: Record<DirectiveKind, (which: string) => string> = {
  disable: (which) => `Turns off ${which} from here until a matching \`pm-lens-enable\`.`,
  enable: (which) => `Turns ${which} back on from here.`,
  'disable-next-section': (which) => `Turns off ${which} for the next section only.`,
  'disable-line': (which) => `Turns off ${which} for the findings on this line.`,
  'disable-next-line': (which) => `Turns off ${which} for the findings on the next line.`,
};

function validDirectiveText(rules: readonly RuleInfo[]): string {
  return [
    `Valid: ${DIRECTIVE_NAMES.map((name) => `\`<!-- ${name} [rule…] -->\``).join(', ')}`,
    `- rules: ${rules.map((r) => `\`${r.id}\``).join(', ')}`,
  ].join('\n');
}

function lowerFirst(text: string): string {
  return text.length > 0 ? text[0].toLowerCase() + text.slice(1) : text;
}

/** Whether the engine read the comment at [start, end) as a tag, or reported it as invalid. */
function engineSawComment(analysis: Analysis, start: number, end: number): boolean {
  return (
    analysis.sections.some((s) => s.tags.some((t) => t.range.start.offset === start)) ||
    analysis.findings.some((f) => f.ruleId === 'invalid-tag' && f.range.start.offset >= start && f.range.end.offset <= end)
  );
}
