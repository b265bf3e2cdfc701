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
import { CONFIG_FILE_NAME } from '../core/config/defaults';
import { parseConfigText } from '../core/config/parse';

/** Files whose lines are ignore patterns. */
export const IGNORE_FILE_NAMES = ['.gitignore', '.pmlensignore'] as const;

/** An ignore file larger than this is not read (a pattern list, not data). */
const MAX_IGNORE_FILE_BYTES = 1024 * 1024;

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
   */
  constructor(private readonly boundary: string) {}

  /** The boundary for a run in `cwd`: the repository root above it, else `cwd`. */
  static forWorkingFolder(cwd: string): IgnoreRules {
    return new IgnoreRules(repositoryRoot(cwd) ?? cwd);
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
      const text = readSmallFile(path.join(folder, name));
      if (text !== undefined) patterns.push(...text.split(/\r?\n/));
    }
    const config = readSmallFile(path.join(folder, CONFIG_FILE_NAME));
    // Only what the schema accepts: a bad `ignores` is reported by the configuration loader.
    if (config !== undefined) patterns.push(...(parseConfigText(config, CONFIG_FILE_NAME).settings.ignores ?? []));
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

/** A regular file's text when it is small enough; nothing for a folder, a FIFO or a device. */
function readSmallFile(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > MAX_IGNORE_FILE_BYTES) return undefined;
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
