/**
 * What the command line leaves unread, as markdownlint-cli2 and remark do: the patterns of every
 * `.gitignore` and `.pmlensignore` from the repository root down to the file, and the `ignores`
 * key of a `.pmlens.json`, which counts as an ignore file in its own folder. All use .gitignore
 * syntax, relative to the folder they stand in; a deeper file's pattern (`!keep.md` too) wins over
 * a shallower one's, as in git.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { ConfigFiles, readSmallFile } from './engine';

/** Files whose lines are ignore patterns. */
export const IGNORE_FILE_NAMES = ['.gitignore', '.pmlensignore'] as const;

/** Why a path is left out: the file whose pattern matched. */
export interface IgnoredBy {
  readonly source: string;
}

/** Answers "is this path ignored?" for paths under one boundary folder, reading each folder's rules once. */
export class IgnoreRules {
  private readonly byFolder = new Map<string, Ignore | undefined>();

  /**
   * @param boundary the folder rules are read up to: the repository root (the nearest folder with
   * `.git` above the working folder) or the working folder itself.
   * @param configFiles the run's configuration files, parsed once for their `ignores` and the rest.
   */
  constructor(
    private readonly boundary: string,
    private readonly configFiles: ConfigFiles = new ConfigFiles(),
  ) {}

  /** The boundary for a run in `cwd`: the repository root above it, else `cwd`. */
  static forWorkingFolder(cwd: string, configFiles?: ConfigFiles): IgnoreRules {
    return new IgnoreRules(repositoryRoot(cwd) ?? cwd, configFiles);
  }

  /**
   * Whether `absolute` (a file, or a folder when `isFolder`) is ignored, and by which file. Only
   * folders from the boundary down count; a path outside the boundary is never ignored.
   */
  ignoredBy(absolute: string, isFolder: boolean): IgnoredBy | undefined {
    const fromBoundary = path.relative(this.boundary, absolute);
    if (fromBoundary === '' || fromBoundary.startsWith('..') || path.isAbsolute(fromBoundary)) return undefined;
    const parts = fromBoundary.split(path.sep);
    // Deepest folder first: its rules win, and the first that decides either way ends the search.
    for (let depth = parts.length - 1; depth >= 0; depth--) {
      const folder = path.join(this.boundary, ...parts.slice(0, depth));
      const rules = this.rulesOf(folder);
      if (!rules) continue;
      const rel = parts.slice(depth).join('/') + (isFolder ? '/' : '');
      const verdict = rules.test(rel);
      if (verdict.ignored) return { source: path.relative(this.boundary, folder) || '.' };
      if (verdict.unignored) return undefined;
    }
    return undefined;
  }

  private rulesOf(folder: string): Ignore | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    const patterns: string[] = [];
    for (const name of IGNORE_FILE_NAMES) {
      // Held to the configuration file's limits: a pattern list, not data.
      const read = readSmallFile(path.join(folder, name));
      if (read && 'text' in read) patterns.push(...read.text.split(/\r?\n/));
    }
    // Only what the schema accepts: a bad `ignores` is reported by the configuration loader.
    patterns.push(...(this.configFiles.settingsIn(folder)?.ignores ?? []));
    const rules = patterns.some((p) => p.trim() !== '' && !p.startsWith('#')) ? ignore({ allowRelativePaths: true }).add(patterns) : undefined;
    this.byFolder.set(folder, rules);
    return rules;
  }
}

/** The nearest folder at or above `folder` that holds `.git`, if any. */
export function repositoryRoot(folder: string): string | undefined {
  let dir = path.resolve(folder);
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
