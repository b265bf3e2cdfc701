/**
 * Which Markdown files are plan documents (the design's section 1), decided in the core so the
 * editor and the command line agree. Cheap for files that are not plans: the document is only
 * parsed when a quick look finds front matter or something like an owner tag.
 */
import picomatch from 'picomatch/posix';
import { MAX_MATCHED_PATH_LENGTH, unsafeGlobReason } from './config/safety';
import type { ResolvedConfig } from './config/types';
import { readFrontMatter } from './frontmatter';
import { parseFacts, type DocumentFacts } from './parse/facts';
import { LineIndex } from './text';
import type { FrontMatter } from './types';

/** What `isPlanDocument` looks at. */
export interface PlanQuery {
  /**
   * The document's path, best relative to the workspace folder (globs such as `docs/*.md` are
   * matched against it as given); `/` or `\` separators.
   */
  readonly path: string;
  /** The document's text; without it only the path (and `frontMatter`/`facts`) decide. */
  readonly text?: string;
  /** Facts already parsed from `text`. */
  readonly facts?: DocumentFacts;
  /** Front matter already read from `text`. */
  readonly frontMatter?: FrontMatter;
  readonly config: ResolvedConfig;
  /** The user named this file (on the command line, or *Analyze This Document*). */
  readonly explicitlyRequested?: boolean;
}

/** Whether a file is a plan, and why. */
export interface PlanDecision {
  readonly isPlan: boolean;
  /** Why, in a few words, for logs and the status bar. */
  readonly reason: string;
  /** Facts parsed along the way from the whole text, for the analysis to reuse. */
  readonly facts?: DocumentFacts;
}

/** Files that are never analyzed unasked, whatever their name matches. */
const NEVER_UNASKED = /^(readme|changelog)(\.[^/]*)?$/i;
const MARKDOWN = /\.(md|markdown|mdown|mkdn|mkd|mdx)$/i;
/** Cheap looks before any parsing. */
const MAY_HAVE_FRONT_MATTER = /^\uFEFF?---[ \t]*(\r\n|\n|\r)/;
const MAY_HAVE_OWNER_TAG = /<!--\s*owners?\s*:/i;
const OWNER_TAG_BODY = /^\s*owners?\s*:/i;

/** Decides whether a file is a plan document, and says why. */
export function isPlanDocument(query: PlanQuery): PlanDecision {
  if (query.explicitlyRequested) return { isPlan: true, reason: 'asked for explicitly' };
  const { text, config } = query;
  let facts = query.facts;

  const frontMatter = query.frontMatter ?? (text !== undefined ? frontMatterOf(text, facts) : undefined);
  if (frontMatter && (frontMatter.plan !== undefined || (frontMatter.data !== undefined && 'plan' in frontMatter.data))) {
    return { isPlan: true, reason: `front matter says plan: ${frontMatter.plan ?? String(frontMatter.data?.plan)}`, facts };
  }

  if (text !== undefined && MAY_HAVE_OWNER_TAG.test(text)) {
    // The look may have matched inside a code block (documentation about tags): parse to be sure.
    facts ??= parseFacts(text);
    if (facts.comments.some((c) => OWNER_TAG_BODY.test(c.body))) return { isPlan: true, reason: 'has owner tags', facts };
  } else if (facts?.comments.some((c) => OWNER_TAG_BODY.test(c.body))) {
    return { isPlan: true, reason: 'has owner tags', facts };
  }

  const path = normalizePath(query.path);
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (NEVER_UNASKED.test(name)) return { isPlan: false, reason: `${name} is analyzed only when asked for or tagged`, facts };
  const glob = matchingGlob(path, config.documents);
  if (glob !== undefined) return { isPlan: true, reason: `path matches ${glob}`, facts };
  if (config.analyzeAllMarkdown && MARKDOWN.test(name)) return { isPlan: true, reason: 'analyzeAllMarkdown is on', facts };
  return { isPlan: false, reason: 'no plan key, owner tag or matching path', facts };
}

/** The first of `globs` that `path` matches, case-insensitively; a glob without `/` matches the file name. */
export function matchingGlob(path: string, globs: readonly string[]): string | undefined {
  // Bounded input for bounded cost: no real file has a longer path.
  if (path.length > MAX_MATCHED_PATH_LENGTH) return undefined;
  const normalized = normalizePath(path);
  const name = normalized.slice(normalized.lastIndexOf('/') + 1);
  for (const glob of globs) {
    const matcher = compiled(glob);
    if (matcher(glob.includes('/') ? normalized : name)) return glob;
  }
  return undefined;
}

const matchers = new Map<string, (path: string) => boolean>();

function compiled(glob: string): (path: string) => boolean {
  let matcher = matchers.get(glob);
  if (!matcher) {
    try {
      // No extglobs (`+(a|+(b))` nests repetitions); configuration refuses costly globs already.
      matcher = unsafeGlobReason(glob) ? () => false : picomatch(glob, { nocase: true, dot: true, noextglob: true });
    } catch {
      // A glob picomatch cannot read matches nothing rather than breaking detection.
      matcher = () => false;
    }
    matchers.set(glob, matcher);
  }
  return matcher;
}

/** Forward slashes, no `./` or drive prefix, no leading slash. */
function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^[A-Za-z]:(?=\/)/, '').replace(/^(\.\/)+/, '').replace(/^\/+/, '');
}

/** Reads only the front matter block, without parsing the rest of the document. */
function frontMatterOf(text: string, facts: DocumentFacts | undefined): FrontMatter | undefined {
  if (facts) return facts.frontMatter ? readFrontMatter(facts.frontMatter, new LineIndex(text)).frontMatter : undefined;
  if (!MAY_HAVE_FRONT_MATTER.test(text)) return undefined;
  const close = /(\r\n|\n|\r)(---|\.\.\.)[ \t]*(?=\r\n|\n|\r|$)/.exec(text.slice(3));
  if (!close) return undefined;
  const head = text.slice(0, 3 + close.index + close[0].length);
  const fact = parseFacts(head).frontMatter;
  return fact ? readFrontMatter(fact, new LineIndex(head)).frontMatter : undefined;
}
