/**
 * Turns the command line's files, folders and globs into the files to read. Globs are expanded
 * here (quoted `"**\/*.md"` works the same in every shell) with picomatch over a walk of the
 * folder tree that never enters `node_modules` or `.git`, nor what the ignore rules leave out.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { IgnoreRules } from './ignores';

/** One file to read. */
export interface InputFile {
  /** How it is shown: as given, or the walked path under what was given (forward slashes). */
  readonly display: string;
  readonly absolute: string;
  /** Named on the command line itself: always analyzed, plan or not. */
  readonly explicit: boolean;
}

export interface Expansion {
  readonly files: readonly InputFile[];
  /** Arguments that named nothing readable: each an I/O error. */
  readonly problems: readonly string[];
  /** Files and folders the ignore rules left out of folder and glob walks (an ignored folder counts once, unread). */
  readonly ignored: number;
  /** Files named on the command line that the ignore rules leave out, with the folder whose rules did. */
  readonly ignoredExplicit: readonly { readonly display: string; readonly source: string }[];
}

/** Extensions a folder walk picks up. */
const MARKDOWN = /\.(md|markdown)$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * Expands arguments, in order, without duplicates. A file is explicit; a folder yields its
 * Markdown files; a glob yields the files it matches; `!glob` drops matches of walked files.
 * `ignores`, when given, leaves out what `.gitignore`, `.pmlensignore` and `ignores` keys list,
 * named files too (as ESLint and markdownlint-cli2 do): the caller says so.
 */
export function expandInputs(args: readonly string[], cwd: string, ignores?: IgnoreRules): Expansion {
  const problems: string[] = [];
  const ignoredExplicit: { display: string; source: string }[] = [];
  let ignored = 0;
  const skip = (absolute: string, isFolder: boolean): boolean => {
    if (!ignores?.ignoredBy(absolute, isFolder)) return false;
    ignored++;
    return true;
  };
  const byPath = new Map<string, InputFile>();
  const add = (file: InputFile) => {
    const known = byPath.get(file.absolute);
    if (!known) byPath.set(file.absolute, file);
    else if (file.explicit && !known.explicit) byPath.set(file.absolute, { ...known, explicit: true });
  };
  const negations = args.filter((a) => a.startsWith('!') && a.length > 1).map((a) => picomatch(stripDotSlash(a.slice(1)), { dot: true }));
  const excluded = (display: string) => negations.some((isMatch) => isMatch(stripDotSlash(display)));

  for (const arg of args) {
    if (arg.startsWith('!') && arg.length > 1) continue;
    const scan = picomatch.scan(arg);
    if (scan.isGlob) {
      const base = scan.prefix + scan.base;
      const isMatch = picomatch(scan.glob);
      let found = 0;
      const ignoredBefore = ignored;
      for (const rel of walk(path.resolve(cwd, base || '.'), () => true, skip)) {
        if (!isMatch(rel)) continue;
        const display = base ? `${base.replace(/\/+$/, '')}/${rel}` : rel;
        if (excluded(display) || skip(path.resolve(cwd, base || '.', rel), false)) continue;
        add({ display, absolute: path.resolve(cwd, base || '.', rel), explicit: false });
        found++;
      }
      if (found === 0) {
        const why = ignored > ignoredBefore ? ' outside what the ignore rules leave out (--no-ignore reads it all)' : '';
        problems.push(`no files match '${arg}'${why}`);
      }
      continue;
    }
    const absolute = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      problems.push(`cannot read '${arg}': ${describeError(error)}`);
      continue;
    }
    if (stat.isDirectory()) {
      for (const rel of walk(absolute, (name) => MARKDOWN.test(name), skip)) {
        // The working folder itself (`.`, the default) needs no prefix.
        const prefix = arg.replace(/[\\/]+$/, '');
        const display = prefix === '.' ? rel : `${prefix}/${rel}`;
        if (!excluded(display) && !skip(path.join(absolute, rel), false)) add({ display, absolute: path.join(absolute, rel), explicit: false });
      }
    } else {
      const by = ignores?.ignoredBy(absolute, false);
      if (by) ignoredExplicit.push({ display: arg, source: by.source });
      else add({ display: arg, absolute, explicit: true });
    }
  }
  return { files: [...byPath.values()], problems, ignored, ignoredExplicit };
}

/**
 * Files under `root` (relative, forward slashes, sorted by path), skipping node_modules, .git and
 * the folders `skip` leaves out.
 */
function walk(root: string, wanted: (name: string) => boolean, skip: (absolute: string, isFolder: true) => boolean): string[] {
  const found: string[] = [];
  const stack: string[] = [''];
  while (stack.length > 0) {
    const rel = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    const folders: string[] = [];
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      let isFile = entry.isFile();
      // Symlinked files count when they stay inside the folder walked; symlinked folders are not
      // followed (no cycles), nor links that lead out of the folder.
      if (entry.isSymbolicLink()) isFile = linksInside(root, child);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !skip(path.join(root, child), true)) folders.push(child);
      } else if (isFile && wanted(entry.name)) found.push(child);
    }
    stack.push(...folders);
  }
  // Code-unit order, not locale order: the same on every machine.
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Whether the symbolic link `rel` under `root` leads to a regular file inside `root`. */
function linksInside(root: string, rel: string): boolean {
  try {
    const target = fs.realpathSync(path.join(root, rel));
    const inside = path.relative(fs.realpathSync(root), target);
    return !inside.startsWith('..') && !path.isAbsolute(inside) && fs.statSync(target).isFile();
  } catch {
    return false;
  }
}

function stripDotSlash(p: string): string {
  return p.replace(/^\.\//, '');
}

/** A short reason for a failed file operation: `no such file or directory`, not a stack. */
export function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    default:
      return e?.message ?? String(error);
  }
}
