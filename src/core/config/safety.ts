/**
 * Limits on what configuration makes the engine run: user regular expressions and `documents`
 * globs come from files anyone can commit to a repository, so each is checked before it is used,
 * and refused (with a problem on its key) when it could take more than linear-ish time.
 */
import safeRegex from 'safe-regex2';

/** Longer sources are refused outright: no taxonomy pattern needs more. */
export const MAX_REGEX_LENGTH = 2000;
/** Longer globs are refused: they name files, not documents. */
export const MAX_GLOB_LENGTH = 256;
/**
 * Wildcards (`*`, `?`) allowed in one part of a glob (between slashes, `**` aside). picomatch turns
 * each into a lazy `[^/]*?`, and k of them cost about n^k steps on a name of length n: 3 keep a
 * 255-character name in the milliseconds, 8 took minutes (`**\/*a*a*a*a*a*a*a*a*c.md`).
 */
export const MAX_GLOB_WILDCARDS = 3;
/** Paths longer than this are never matched against globs (no file system makes them). */
export const MAX_MATCHED_PATH_LENGTH = 4096;

/**
 * Why a user regular expression is refused, or undefined when it may run. Uses `safe-regex2`
 * (star height: a repetition inside a repetition, such as `(a+)+`, can backtrack exponentially).
 * The check is conservative: a bounded inner repetition (`(\d{3})+`) is refused too.
 */
export function unsafeRegexReason(source: string): string | undefined {
  if (source.length > MAX_REGEX_LENGTH) return `is ${source.length} characters long; at most ${MAX_REGEX_LENGTH} are allowed`;
  if (!safeRegex(source)) {
    return 'could take exponential time on some lines: it repeats a group that itself repeats (such as (a+)+ or (\\w+\\s?)*). Rewrite it without a repetition inside a repetition';
  }
  return undefined;
}

/** Why a `documents` glob is refused, or undefined when it may run. */
export function unsafeGlobReason(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `is ${glob.length} characters long; at most ${MAX_GLOB_LENGTH} are allowed`;
  for (const part of glob.split('/')) {
    if (part === '**') continue;
    const wildcards = (part.match(/[*?]/g) ?? []).length;
    if (wildcards > MAX_GLOB_WILDCARDS) return `has ${wildcards} wildcards in '${part}'; at most ${MAX_GLOB_WILDCARDS} in one part of a path keep matching fast`;
  }
  return undefined;
}
