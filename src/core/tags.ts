/**
 * Owner tags and inline directives, read from HTML comments:
 *   <!-- owner: product/vision @dana -->      <!-- pm-lens-disable owner-mismatch -->
 * Anything that is clearly meant as one but is malformed becomes a TagProblem (reported by the
 * `invalid-tag` rule), with the nearest valid value where one is close.
 */
import type { CommentFact } from './parse/facts';
import type { LineIndex } from './text';
import type { Directive, DirectiveKind, OwnerTag, Range, TagRole } from './types';
import type { Taxonomy } from './taxonomy/types';

export const TAG_ROLES: readonly TagRole[] = ['product', 'project', 'shared', 'none'];
const HANDLE = /^@[A-Za-z0-9._-]+$/;
const DIRECTIVE_KINDS: Record<string, DirectiveKind> = {
  'pm-lens-disable': 'disable',
  'pm-lens-enable': 'enable',
  'pm-lens-disable-next-section': 'disable-next-section',
  'pm-lens-disable-line': 'disable-line',
  'pm-lens-disable-next-line': 'disable-next-line',
};
/** Every directive's name, as written in a comment; completion and hovers list them from here. */
export const DIRECTIVE_NAMES: readonly string[] = Object.keys(DIRECTIVE_KINDS);

export interface TagProblem {
  readonly message: string;
  readonly range: Range;
  /** A replacement for `range` that would make it valid, when one is close enough to guess. */
  readonly suggestion?: { readonly title: string; readonly newText: string };
}

export type CommentMeaning =
  | { readonly type: 'owner'; readonly tag: OwnerTag; readonly start: number }
  | { readonly type: 'directive'; readonly directive: Directive; readonly start: number }
  | { readonly type: 'other' };

export interface CommentReading {
  readonly meaning: CommentMeaning;
  readonly problems: readonly TagProblem[];
}

/**
 * Reads one comment. `ruleIds` are the known rule ids (directives naming others are problems).
 */
export function readComment(comment: CommentFact, lines: LineIndex, taxonomy: Taxonomy, ruleIds: ReadonlySet<string>): CommentReading {
  const body = comment.body;
  const trimmed = body.trim();
  const ownerMatch = /^owners?\b\s*(:?)/i.exec(trimmed);
  const directiveMatch = ownerMatch ? null : /^pm-?lens[-\w]*/i.exec(trimmed);
  // Most comments of a plan are neither: they cost no ranges.
  if (!ownerMatch && !directiveMatch) return NOT_A_TAG;

  const range = lines.range(comment.start, comment.end);
  const lead = body.length - body.trimStart().length;
  const at = (start: number, length: number): Range =>
    lines.range(comment.bodyStart + start, comment.bodyStart + start + length);

  if (!comment.closed) {
    return {
      meaning: { type: 'other' },
      problems: [{ message: "Comment is never closed with '-->': everything after it is hidden when rendered", range }],
    };
  }

  if (ownerMatch) return readOwnerTag(body, lead + ownerMatch[0].length, ownerMatch, comment.start, range, at, taxonomy);

  // A directive: its name, then rule ids.
  const words = [...trimmed.matchAll(/[^\s,]+/g)].map((m) => ({ text: m[0], start: lead + (m.index ?? 0) }));
  const name = words[0].text.toLowerCase();
  const kind = DIRECTIVE_KINDS[name];
  if (!kind) {
    const near = nearest(name, DIRECTIVE_NAMES);
    return {
      meaning: { type: 'other' },
      problems: [{
        message: `Unknown directive '${words[0].text}': ${didYouMean(near, `expected ${DIRECTIVE_NAMES.join(', ')}`)}`,
        range: at(words[0].start, words[0].text.length),
        suggestion: changeTo(near),
      }],
    };
  }
  const problems: TagProblem[] = [];
  const rules: string[] = [];
  for (const word of words.slice(1)) {
    const id = word.text.toLowerCase();
    if (ruleIds.has(id)) rules.push(id);
    else {
      const near = nearest(id, [...ruleIds]);
      problems.push({
        message: `Unknown rule '${word.text}' in ${name}: ${didYouMean(near, `expected one of ${[...ruleIds].join(', ')}`)}`,
        range: at(word.start, word.text.length),
        suggestion: changeTo(near),
      });
    }
  }
  // A directive whose every rule is unknown must not silently disable everything.
  if (words.length > 1 && rules.length === 0) return { meaning: { type: 'other' }, problems };
  return { meaning: { type: 'directive', directive: { kind, rules, range }, start: comment.start }, problems };
}

/** A comment that is neither an owner tag nor a directive. */
const NOT_A_TAG: CommentReading = { meaning: { type: 'other' }, problems: [] };

const concernLists = new WeakMap<Taxonomy, Map<TagRole, readonly string[]>>();

/** The concern names of a role, from the taxonomy (listed once per taxonomy: every tag asks). */
export function concernsOf(role: TagRole, taxonomy: Taxonomy): readonly string[] {
  let byRole = concernLists.get(taxonomy);
  if (!byRole) concernLists.set(taxonomy, (byRole = new Map()));
  let names = byRole.get(role);
  if (!names) {
    names = Object.entries(taxonomy.concerns)
      .filter(([, def]) => def.role === role)
      .map(([name]) => name);
    byRole.set(role, names);
  }
  return names;
}

/**
 * Reads `owner: ROLE[/CONCERN] @handle…` from the text after `owner`. `restStart` is where that
 * text starts in `body`; every range is computed on the original text, so spaces around the
 * slash ("product / vision") keep precise ranges.
 */
function readOwnerTag(
  body: string,
  restStart: number,
  ownerMatch: RegExpExecArray,
  commentStart: number,
  range: Range,
  at: (start: number, length: number) => Range,
  taxonomy: Taxonomy,
): CommentReading {
  const problems: TagProblem[] = [];
  const valuePattern = /(\s*)([^\s/@]*)(?:(\s*\/\s*)([^\s@]*))?/y;
  valuePattern.lastIndex = restStart;
  const value = valuePattern.exec(body) as RegExpExecArray;
  const [, space, roleText, slash, concernText] = value;
  const roleStart = restStart + space.length;
  const roleEnd = roleStart + roleText.length;
  const concernStart = roleEnd + (slash?.length ?? 0);
  // "product/ " with nothing after the slash: the value ends at the slash, not at the spaces.
  const valueEnd = slash === undefined ? roleEnd : concernText === '' ? roleEnd + slash.trimEnd().length : concernStart + concernText.length;
  const roleLower = roleText.toLowerCase();
  const isRole = (TAG_ROLES as readonly string[]).includes(roleLower);
  const nearRole = isRole ? roleLower : nearest(roleLower, TAG_ROLES);

  if (ownerMatch[1] !== ':' || /^owners/i.test(ownerMatch[0])) {
    // "owner product" or "owners: project" is a tag written wrong; "owner to confirm" is prose.
    if (!nearRole) return NOT_A_TAG;
    problems.push({
      message: `Malformed owner tag '${body.trim()}': expected '<!-- owner: ROLE[/CONCERN] @handle -->'`,
      range,
      suggestion: { title: "Write it as 'owner:'", newText: `<!-- owner: ${body.slice(restStart).trim()} -->` },
    });
    return { meaning: { type: 'other' }, problems };
  }
  if (roleText === '') {
    return { meaning: { type: 'other' }, problems: [{ message: 'Owner tag names no role: use product, project, shared or none', range }] };
  }
  if (!isRole) {
    problems.push({
      message: `Unknown role '${roleText}' in owner tag: ${didYouMean(nearRole, 'expected product, project, shared or none')}`,
      range: at(roleStart, roleText.length),
      suggestion: changeTo(nearRole),
    });
    return { meaning: { type: 'other' }, problems };
  }
  const role = roleLower as TagRole;
  const known = concernsOf(role, taxonomy);
  let concern: string | undefined;
  if (slash !== undefined) {
    const concernLower = concernText.toLowerCase();
    if (role === 'shared' || role === 'none') {
      problems.push({
        message: concernText === '' ? `Role '${role}' takes no concern: remove the '/'` : `Role '${role}' takes no concern (found '${concernText}')`,
        range: at(roleEnd, valueEnd - roleEnd),
        suggestion: { title: concernText === '' ? "Remove the '/'" : 'Remove the concern', newText: '' },
      });
    } else if (concernText === '') {
      problems.push({
        message: `Owner tag has '/' but no concern: add one of ${known.join(', ')} or remove the '/'`,
        range: at(roleEnd, valueEnd - roleEnd),
        suggestion: { title: "Remove the '/'", newText: '' },
      });
    } else if (!known.includes(concernLower)) {
      const near = nearest(concernLower, known) ?? concernNamedBy(concernLower, role, taxonomy);
      problems.push({
        message: `Unknown ${role} concern '${concernText}': ${didYouMean(near, `expected one of ${known.join(', ')}`)}`,
        range: at(concernStart, concernText.length),
        suggestion: changeTo(near),
      });
    } else concern = concernLower;
  }

  const handles: string[] = [];
  const afterValue = restStart + value[0].length;
  // The words after the value, read in place (every tag of a plan is read at every analysis).
  const words = /\S+/g;
  words.lastIndex = afterValue;
  for (let m = words.exec(body), first = true; m; m = words.exec(body), first = false) {
    const word = m[0];
    if (HANDLE.test(word)) {
      handles.push(word);
      continue;
    }
    // "product vision": a concern written without its slash.
    const asConcern = first && slash === undefined && !word.startsWith('@') ? nearest(word.toLowerCase(), known) ?? concernNamedBy(word, role, taxonomy) : undefined;
    if (asConcern) {
      problems.push({
        message: `Concern '${word}' must follow the role with a slash: '${role}/${asConcern}'`,
        range: at(roleStart, m.index + word.length - roleStart),
        suggestion: changeTo(`${role}/${asConcern}`),
      });
      continue;
    }
    const fixed = '@' + word.replace(/^@+/, '').replace(/[^A-Za-z0-9._-]/g, '');
    problems.push({
      message: `'${word}' is not a handle: handles look like @name (letters, digits, '.', '_', '-')`,
      range: at(m.index, word.length),
      suggestion: changeTo(fixed.length > 1 ? fixed : undefined),
    });
  }
  const tag: OwnerTag = { role, concern, handles, range, valueRange: at(roleStart, valueEnd - roleStart), raw: `<!--${body}-->` };
  return { meaning: { type: 'owner', tag, start: commentStart }, problems };
}

/**
 * The concern of `role` whose heading terms include `word` ("personas" → user-needs), for
 * people who tag with the word they would use as a heading.
 */
function concernNamedBy(word: string, role: TagRole, taxonomy: Taxonomy): string | undefined {
  const norm = (t: string): string => t.toLowerCase().replace(/[-_\s]+/g, ' ').replace(/\*$/, '').replace(/s$/, '');
  const wanted = norm(word);
  if (wanted.length < 3) return undefined;
  for (const [name, def] of Object.entries(taxonomy.concerns)) {
    if (def.role === role && def.headingTerms.some((t) => norm(t) === wanted)) return name;
  }
  return undefined;
}

/**
 * How a message about an unknown value ends: the valid value it is near, as the quick fix offers
 * it (the command line and code scanning show only the message), or else what is `expected`.
 */
export function didYouMean(near: string | undefined, expected: string): string {
  return near !== undefined ? `did you mean '${near}'?` : expected;
}

/** The suggestion that replaces a wrong value with `value`, when there is one. */
export function changeTo(value: string | undefined): TagProblem['suggestion'] {
  return value !== undefined ? { title: `Change to '${value}'`, newText: value } : undefined;
}

/** The candidate closest to `word` by edit distance, if it is close enough to be a typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = candidate.startsWith(word) && word.length >= 3 ? 0.5 : editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
