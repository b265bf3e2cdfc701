/**
 * The engine's entry: text in, Analysis out. parse → sections → tags → classify → rules →
 * directives → summary. Pure: no I/O, no editor.
 */
import { classifySection } from './classify';
import { defaultConfig } from './config/defaults';
import type { ResolvedConfig } from './config/types';
import { readFrontMatter } from './frontmatter';
import { parseFacts, type DocumentFacts } from './parse/facts';
import { rules, ruleIds } from './rules/registry';
import type { Report, RuleContext } from './rules/rule';
import { outlineSections, type Outline } from './sections';
import { buildSummary } from './summary';
import { readComment, type TagProblem } from './tags';
import { countWords, LineIndex } from './text';
import type { Analysis, Directive, Finding, FrontMatter, OwnerTag, Section, Severity, Verdict } from './types';

export interface AnalyzeOptions {
  /** Resolved configuration; the built-in defaults when absent. */
  readonly config?: ResolvedConfig;
  /** Facts already parsed for this exact text (the incremental analyzer passes them). */
  readonly facts?: DocumentFacts;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const config = options.config ?? defaultConfig;
  const lines = new LineIndex(text);
  const facts = options.facts ?? parseFacts(text);
  const outline = outlineSections(facts, text.length);
  const problems: TagProblem[] = [];

  let frontMatter: FrontMatter | undefined;
  if (facts.frontMatter) {
    const read = readFrontMatter(facts.frontMatter, lines);
    frontMatter = read.frontMatter;
    problems.push(...read.problems);
  }
  const kind = frontMatter?.plan;
  const kindDef = kind !== undefined ? config.kinds[kind] : undefined;
  if (kind !== undefined && !kindDef && frontMatter) {
    problems.push({
      message: `Unknown plan kind '${kind}': expected one of ${Object.keys(config.kinds).join(', ')}`,
      range: frontMatter.range,
    });
  }

  const directives: Directive[] = [];
  const tagsOf = (comments: Outline['sections'][number]['comments'], inPreamble: boolean): OwnerTag[] => {
    const tags: OwnerTag[] = [];
    for (const comment of comments) {
      const reading = readComment(comment, lines, config.taxonomy, ruleIds);
      problems.push(...reading.problems);
      if (reading.meaning.type === 'directive') directives.push(reading.meaning.directive);
      else if (reading.meaning.type === 'owner') {
        if (inPreamble) problems.push({ message: 'Owner tag stands before any heading: put it under the heading of the section it tags', range: reading.meaning.tag.range });
        else tags.push(reading.meaning.tag);
      }
    }
    return tags;
  };
  tagsOf(outline.preamble.comments, true);

  const sections: Section[] = [];
  const verdicts: Verdict[] = [];
  for (const s of outline.sections) {
    const tags = tagsOf(s.comments, false);
    const verdict = classifySection(
      { text, lines, heading: s.heading, blocks: s.blocks },
      { taxonomy: config.taxonomy, kind: kindDef, parent: s.parent !== undefined ? verdicts[s.parent] : undefined },
    );
    verdicts.push(verdict);
    const tag = tags[0];
    const words = s.blocks
      .filter((b) => b.kind !== 'code' && b.kind !== 'html')
      .reduce((n, b) => n + countWords(text.slice(b.start, b.end)), 0);
    sections.push({
      index: s.index,
      heading: s.heading.text,
      level: s.heading.level,
      headingRange: lines.range(s.heading.start, s.heading.end),
      range: lines.range(s.heading.start, s.end),
      bodyRange: lines.range(s.bodyStart, s.end),
      parent: s.parent,
      children: s.children,
      wordCount: words,
      tags,
      inferred: verdict,
      role: tag ? tag.role : verdict.role,
      concern: tag ? tag.concern ?? (tag.role === verdict.role ? verdict.concern : undefined) : verdict.concern,
      confidence: tag ? 1 : verdict.confidence,
      tagged: tag !== undefined,
    });
  }

  const context: RuleContext = { text, lines, config, kind, kindDef, frontMatter, sections, problems };
  const findings: Finding[] = [];
  for (const rule of rules) {
    const severity = config.rules[rule.id] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    rule.check(context, (report: Report) => {
      findings.push({
        ruleId: rule.id,
        severity: severity as Severity,
        message: report.message,
        range: report.range,
        section: report.section,
        fixes: report.fixes ?? [],
      });
    });
  }
  const kept = applyDirectives(findings, directives, sections, outline.sections[0]?.heading.start ?? text.length);
  kept.sort((a, b) => a.range.start.offset - b.range.start.offset || a.ruleId.localeCompare(b.ruleId));
  return { kind, frontMatter, sections, findings: kept, summary: buildSummary(kind, sections, kept, frontMatter, config.taxonomy) };
}

/**
 * Drops findings that inline directives switch off, as markdownlint does:
 * `pm-lens-disable [rules]` until `pm-lens-enable [rules]`; `pm-lens-disable-next-section
 * [rules]` for the first section after it. A finding on the whole document (no section) is
 * switched off by a `pm-lens-disable` before the first heading.
 */
function applyDirectives(findings: Finding[], directives: readonly Directive[], sections: readonly Section[], firstHeading: number): Finding[] {
  if (directives.length === 0) return findings;
  const matches = (d: Directive, ruleId: string): boolean => d.rules.length === 0 || d.rules.includes(ruleId);
  const disabledAt = (ruleId: string, offset: number): boolean => {
    let disabled = false;
    for (const d of directives) {
      if (d.range.start.offset > offset) break;
      if (!matches(d, ruleId)) continue;
      if (d.kind === 'disable') disabled = true;
      else if (d.kind === 'enable') disabled = false;
    }
    return disabled;
  };
  const disabledForSection = (ruleId: string, section: number): boolean =>
    directives.some((d) => {
      if (d.kind !== 'disable-next-section' || !matches(d, ruleId)) return false;
      const next = sections.find((s) => s.headingRange.start.offset >= d.range.end.offset);
      return next?.index === section;
    });
  return findings.filter((f) => {
    if (f.section === undefined) {
      return !directives.some((d) => d.kind === 'disable' && matches(d, f.ruleId) && d.range.start.offset < firstHeading);
    }
    return !disabledAt(f.ruleId, f.range.start.offset) && !disabledForSection(f.ruleId, f.section);
  });
}
