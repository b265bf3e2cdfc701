import type { KindDef, ResolvedConfig } from '../config/types';
import type { BlockFact } from '../parse/facts';
import type { LineIndex } from '../text';
import type { TagProblem } from '../tags';
import type { Fix, FrontMatter, Range, Section, SeveritySetting } from '../types';

/** What a rule sees: the analysed document before findings. */
export interface RuleContext {
  readonly text: string;
  readonly lines: LineIndex;
  readonly config: ResolvedConfig;
  readonly kind: string | undefined;
  /** The definition of `kind`, when the kind is known. */
  readonly kindDef: KindDef | undefined;
  readonly frontMatter: FrontMatter | undefined;
  readonly sections: readonly Section[];
  /** Each section's content blocks, by section index (for rules that read items: list items, rows). */
  readonly blocks: readonly (readonly BlockFact[])[];
  /** Malformed tags, directives and front matter, found while reading the document. */
  readonly problems: readonly TagProblem[];
}

/** What a rule reports; the engine adds the rule id and the configured severity. */
export interface Report {
  readonly range: Range;
  readonly message: string;
  readonly section?: number;
  readonly fixes?: readonly Fix[];
}

/** What every rule has: its id is its file name and config key. */
interface RuleInfo {
  readonly id: string;
  readonly defaultSeverity: SeveritySetting;
  /** One sentence: what it reports. */
  readonly description: string;
}

/**
 * A rule that judges each section on its own, as most do. The engine runs it a few sections at a
 * time, so that analysing a long document can pause between them.
 */
export interface SectionRule extends RuleInfo {
  checkSection(section: Section, context: RuleContext, report: (report: Report) => void): void;
  /** What the rule checks once for the whole document besides its sections, if anything. */
  check?(context: RuleContext, report: (report: Report) => void): void;
  /**
   * Set when the findings for a section depend on nothing but the section, its blocks, its own
   * text, the document's configuration, kind and line breaks, and what `reads` returns: then,
   * while the document is edited elsewhere, the engine keeps the findings of a section that did
   * not change instead of checking it again. Leave it unset for a rule that reads other sections.
   */
  readonly local?: { readonly reads?: (context: RuleContext) => string };
}

/** A rule that needs the whole document at once (document-wide counts, the list of problems). */
export interface DocumentRule extends RuleInfo {
  check(context: RuleContext, report: (report: Report) => void): void;
  readonly checkSection?: never;
  readonly local?: never;
}

/** A rule: a small named object with a pure check. */
export type Rule = SectionRule | DocumentRule;

/** Runs a rule over a whole document. */
export function runRule(rule: Rule, context: RuleContext, report: (report: Report) => void): void {
  if (rule.checkSection) for (const section of context.sections) rule.checkSection(section, context, report);
  rule.check?.(context, report);
}

/** Where a rule's documentation lives; diagnostic codes link here. */
export function ruleDocUrl(id: string): string {
  return `https://github.com/pm-lens/pm-lens/blob/main/docs/rules/${id}.md`;
}
