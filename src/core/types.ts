/**
 * The shapes every part of PM Lens shares: the core produces them, the CLI prints them, the
 * extension maps them to editor objects. Nothing here depends on an editor.
 */

/** A place in a document: 0-based line and UTF-16 character (VS Code's), plus the string offset. */
export interface Position {
  readonly line: number;
  readonly character: number;
  readonly offset: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** The two sides of planning work. */
export type Role = 'product' | 'project';
/** What an owner tag may say: a role, both on purpose, or neither. */
export type TagRole = Role | 'shared' | 'none';
/** What the content says. */
export type InferredRole = Role | 'mixed' | 'none';
/** A role a section ends up with: from its tag when it has one, else inferred. */
export type EffectiveRole = TagRole | 'mixed';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export type EvidenceKind = 'heading-term' | 'body-term' | 'table-header' | 'pattern' | 'neutral' | 'context';

/** One signal that moved a score, kept so every verdict can say why. */
export interface Evidence {
  readonly kind: EvidenceKind;
  /** The matched text, as it stands in the document (or a short description for context). */
  readonly text: string;
  readonly range: Range;
  /** The concern it speaks for; `none` for the neutral vocabulary. */
  readonly concern: string;
  readonly role: Role | 'none';
  readonly weight: number;
}

/** What the content of a section says, with its reasons. */
export interface Verdict {
  readonly role: InferredRole;
  /** The strongest concern of the winning role (for `mixed`, of the stronger side). */
  readonly concern: string | undefined;
  /**
   * 0–1: the fitted model's calibrated probability of the verdict (for `mixed`, of the side it
   * leans to); the README's reliability table shows what it is worth.
   */
  readonly confidence: number;
  readonly scores: { readonly product: number; readonly project: number; readonly none: number };
  /**
   * Strongest first, each with its fitted push. The classifier's verdicts make the quotes and
   * ranges on the first read (a getter; the same list at every read, in copies and in JSON).
   */
  readonly evidence: readonly Evidence[];
  /**
   * Set when both sides read strong on their own: how probable it is that either side owns the
   * section. The role is `mixed`, or the dominant side when the model is sure of one (a section
   * that mixes both belongs to its dominant side). `mixed-concerns` warns on it either way.
   */
  readonly bothSides?: number;
}

/** `<!-- owner: ROLE[/CONCERN] @handle… -->`, parsed. */
export interface OwnerTag {
  readonly role: TagRole;
  readonly concern: string | undefined;
  readonly handles: readonly string[];
  /** The whole comment. */
  readonly range: Range;
  /** Where the role (and concern) words stand, for precise fixes. */
  readonly valueRange: Range;
  readonly raw: string;
}

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-section' | 'disable-line' | 'disable-next-line';

/** `<!-- pm-lens-disable rule-a rule-b -->` and kin. An empty rule list means every rule. */
export interface Directive {
  readonly kind: DirectiveKind;
  readonly rules: readonly string[];
  readonly range: Range;
}

export interface Section {
  /** Index in `Analysis.sections`, in document order. */
  readonly index: number;
  readonly heading: string;
  readonly level: number;
  /** The heading's own lines (both lines of a setext heading). */
  readonly headingRange: Range;
  /** Heading plus its own body: up to the next heading of any level. */
  readonly range: Range;
  /** The own body only (may be empty). */
  readonly bodyRange: Range;
  readonly parent: number | undefined;
  readonly children: readonly number[];
  /** Words of the own body, tags and code excluded. */
  readonly wordCount: number;
  /** Every well-formed owner tag in the own body, in order; the first one counts. */
  readonly tags: readonly OwnerTag[];
  readonly inferred: Verdict;
  /** The role that counts: the tag's when tagged, otherwise the inferred one. */
  readonly role: EffectiveRole;
  readonly concern: string | undefined;
  readonly confidence: number;
  readonly tagged: boolean;
}

/** A plain text replacement; edits of one fix never overlap. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The one best fix of a finding, applied by "auto fix". */
  readonly preferred?: boolean;
  /**
   * Safe to apply without reading it: it corrects how a tag, directive or front matter is
   * written (a misspelt value, an extra tag that never counted), never what the document says
   * or who owns it. *Fix all* and `pm-lens check --fix` apply these fixes only.
   */
  readonly unattended?: boolean;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  /** The section it is about, when it is about one. */
  readonly section: number | undefined;
  readonly fixes: readonly Fix[];
}

/** The document's YAML front matter, as far as PM Lens reads it. */
export interface FrontMatter {
  readonly range: Range;
  /** `plan:` as written (lower-cased), if present. */
  readonly plan: string | undefined;
  /** Where the value of `plan:` is written, when there is one. */
  readonly planRange?: Range;
  /** `owners: { product: "@dana", project: "@lee" }`. */
  readonly owners: { readonly product?: readonly string[]; readonly project?: readonly string[] };
  /** The whole parsed mapping, when it is one. */
  readonly data: Readonly<Record<string, unknown>> | undefined;
}

/** One section as the summary (panel, CLI) shows it. */
export interface SummaryRow {
  readonly section: number;
  readonly heading: string;
  readonly level: number;
  /** 0-based line of the heading. */
  readonly line: number;
  readonly range: Range;
  readonly role: EffectiveRole;
  readonly concern: string | undefined;
  readonly words: number;
  readonly confidence: number;
  readonly tagged: boolean;
  readonly handles: readonly string[];
  /** Rule ids of the findings on this section. */
  readonly findings: readonly string[];
}

export interface ConcernGroup {
  readonly concern: string;
  readonly words: number;
  readonly rows: readonly SummaryRow[];
}

/** The ownership split of one document: what the panel draws and `pm-lens summary` prints. */
export interface Summary {
  readonly kind: string | undefined;
  /** Words on each side; `shared` counts half to each, mixed and none count as neither. */
  readonly words: { readonly product: number; readonly project: number; readonly neither: number };
  readonly product: readonly ConcernGroup[];
  readonly project: readonly ConcernGroup[];
  /** Sections on neither side (tagged `none`, inferred `none` or `mixed`, or `shared`). */
  readonly neither: readonly SummaryRow[];
  readonly tray: {
    readonly untagged: readonly number[];
    readonly mixed: readonly number[];
    readonly mismatched: readonly number[];
  };
  /** Handles named per side, from tags and front matter. */
  readonly owners: { readonly product: readonly string[]; readonly project: readonly string[] };
}

/** One concern's words and sections across many documents. */
export interface ConcernTotal {
  readonly concern: string;
  readonly words: number;
  readonly sections: number;
}

/** Many documents' summaries added up: the workspace scope of the panel, the CLI's total. */
/** Sections on neither side of one kind, added up over many documents. */
export interface NeitherTotal {
  readonly role: 'shared' | 'mixed' | 'none';
  readonly words: number;
  readonly sections: number;
}

export interface SummaryTotal {
  readonly documents: number;
  readonly words: { readonly product: number; readonly project: number; readonly neither: number };
  readonly product: readonly ConcernTotal[];
  readonly project: readonly ConcernTotal[];
  /** Sections on neither side, by why: shared, mixed or none (in that order, only those present). */
  readonly neither: readonly NeitherTotal[];
  /** How many sections wait in each tray. */
  readonly tray: { readonly untagged: number; readonly mixed: number; readonly mismatched: number };
  readonly owners: { readonly product: readonly string[]; readonly project: readonly string[] };
}

/** Everything PM Lens knows about one document. */
export interface Analysis {
  /** The document kind from front matter (`prd`, `project-plan`, …) or inferred, if any. */
  readonly kind: string | undefined;
  readonly frontMatter: FrontMatter | undefined;
  readonly sections: readonly Section[];
  readonly findings: readonly Finding[];
  readonly summary: Summary;
}
