/**
 * The little of git `pm-lens diff` needs, run with execFile (never a shell), each argument checked
 * before it reaches git, outputs and run time bounded.
 */
import { execFile } from 'node:child_process';

/** What git said when it failed, as a message for the user. */
export class GitError extends Error {}

/** Longest output read from one git command. */
const MAX_OUTPUT = 64 * 1024 * 1024;
/** A git command that takes longer is stopped. */
const TIMEOUT_MS = 60_000;

/**
 * A revision as a user may give one: a branch, tag, commit, `HEAD~2`, `origin/main`,
 * `main@{1}`. Not an option, no spaces or control characters, no `:` (a path), no `..` (a range).
 */
export function isRevisionSyntax(revision: string): boolean {
  return revision.length > 0 && revision.length <= 256 && !revision.startsWith('-') && !revision.includes('..') && /^[A-Za-z0-9._/@{}~^+-]+$/.test(revision);
}

/** Runs git with `args` in `cwd`; resolves to stdout, rejects with a GitError. */
export function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, maxBuffer: MAX_OUTPUT, timeout: TIMEOUT_MS, encoding: 'utf8', windowsHide: true }, (error, stdout, stderr) => {
      if (error) {
        const said = String(stderr).trim().split('\n')[0];
        reject(new GitError((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed or not on the PATH' : said || error.message));
      } else resolve(String(stdout));
    });
  });
}

/** The repository's top folder, or a GitError when `cwd` is not in one. */
export async function repositoryRoot(cwd: string): Promise<string> {
  return (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
}

/** The commit a revision names, or a GitError that says it names none. */
export async function resolveCommit(cwd: string, revision: string): Promise<string> {
  if (!isRevisionSyntax(revision)) throw new GitError(`'${revision}' is not a revision`);
  try {
    return (await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`])).trim();
  } catch {
    throw new GitError(`unknown revision '${revision}'`);
  }
}

/**
 * Markdown files that differ between `base` and `head` (a commit, or the working tree when
 * undefined, untracked files included), relative to the repository's top folder.
 */
export async function changedMarkdown(root: string, base: string, head: string | undefined): Promise<string[]> {
  const spec = ['*.md', '*.markdown', '*.MD'];
  const diffed = await git(root, ['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', base, ...(head ? [head] : []), '--', ...spec]);
  const files = new Set(diffed.split('\0').filter(Boolean));
  if (!head) for (const f of (await git(root, ['ls-files', '--others', '--exclude-standard', '-z', '--', ...spec])).split('\0')) if (f) files.add(f);
  return [...files].sort();
}

/** A file's text at a commit, or undefined when it does not exist there. */
export async function fileAt(root: string, commit: string, file: string): Promise<string | undefined> {
  try {
    return await git(root, ['cat-file', 'blob', `${commit}:${file}`]);
  } catch {
    return undefined;
  }
}
