import type { Range, Role, Severity, SeveritySetting } from '../types';
import type { Taxonomy } from '../taxonomy/types';
import type { LoadedModel } from '../classify/model';

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
  /** Every Markdown file is a plan (README and CHANGELOG still only when asked); false when absent. */
  readonly analyzeAllMarkdown?: boolean;
  /** Today for `stale-date`, `YYYY-MM-DD` (`--as-of` on the command line); the clock's date when absent. */
  readonly asOf?: string;
  /** The classifier's model named by a configuration file's `model` key; the built-in one when absent. */
  readonly model?: LoadedModel;
}

/** Something wrong in a configuration file, where it stands in that file. */
export interface ConfigProblem {
  readonly message: string;
  /** In the configuration file's text: the failing key (or value). */
  readonly range: Range;
  readonly severity: Severity;
  /** The JSON path of the failing part (`['rules', 'owner-mismach']`); empty for the whole file. */
  readonly path: readonly (string | number)[];
}

/**
 * How the core reads configuration files without touching a file system itself: the CLI passes
 * one built on `fs`, the extension one built on `vscode.workspace.fs`.
 */
export interface ConfigHost {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(path: string): Promise<string | undefined>;
  /**
   * What is at `path` (following symbolic links), or undefined when nothing is. With it,
   * configuration files that are not regular files or are too large are refused before they are
   * opened, and the lookup stops at repository roots; hosts should provide it.
   */
  stat?(path: string): Promise<FileStat | undefined>;
  dirname(path: string): string;
  join(...parts: string[]): string;
}

/** What a host says is at a path. */
export interface FileStat {
  /** `other`: a FIFO, socket, device or anything else that is neither a file nor a folder. */
  readonly type: 'file' | 'directory' | 'other';
  /** In bytes. */
  readonly size: number;
}
