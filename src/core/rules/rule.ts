import type { KindDef, ResolvedConfig } from '../config/types';
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

/** A rule: a small named object with a pure check. Its id is its file name and config key. */
export interface Rule {
  readonly id: string;
  readonly defaultSeverity: SeveritySetting;
  /** One sentence: what it reports. */
  readonly description: string;
  check(context: RuleContext, report: (report: Report) => void): void;
}

/** Where a rule's documentation lives; diagnostic codes link here. */
export function ruleDocUrl(id: string): string {
  return `https://github.com/pm-lens/pm-lens/blob/main/docs/rules/${id}.md`;
}
