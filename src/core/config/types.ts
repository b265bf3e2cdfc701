import type { Role, SeveritySetting } from '../types';
import type { Taxonomy } from '../taxonomy/types';

/** A document kind (`plan:` in front matter): which side it belongs to and what it must cover. */
export interface KindDef {
  /** The side the document speaks for; `mixed` documents belong to both. */
  readonly role: Role | 'mixed';
  /** Concerns that must each have a section (`missing-concern`). */
  readonly required: readonly string[];
}

/** Configuration after every source has been merged and validated: what the engine runs on. */
export interface ResolvedConfig {
  /** Severity of every known rule. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** Globs that make a Markdown file a plan by its path (matched case-insensitively). */
  readonly documents: readonly string[];
  readonly kinds: Readonly<Record<string, KindDef>>;
  readonly taxonomy: Taxonomy;
}
