"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.isPlanDocument = isPlanDocument;
exports.matchingGlob = matchingGlob;
/**
 * Which Markdown files are plan documents (the design's section 1), decided in the core so the
 * editor and the command line agree. Cheap for files that are not plans: the document is only
 * parsed when a quick look finds front matter or something like an owner tag.
 */
const posix_1 = __importDefault(require("picomatch/posix"));
const frontmatter_1 = require("./frontmatter");
const facts_1 = require("./parse/facts");
const text_1 = require("./text");
/** Files that are never analyzed unasked, whatever their name matches. */
const NEVER_UNASKED = /^(readme|changelog)(\.[^/]*)?$/i;
const MARKDOWN = /\.(md|markdown|mdown|mkdn|mkd|mdx)$/i;
/** Cheap looks before any parsing. */
const MAY_HAVE_FRONT_MATTER = /^\uFEFF?---[ \t]*(\r\n|\n|\r)/;
const MAY_HAVE_OWNER_TAG = /<!--\s*owners?\s*:/i;
const OWNER_TAG_BODY = /^\s*owners?\s*:/i;
/** Decides whether a file is a plan document, and says why. */
function isPlanDocument(query) {
    if (query.explicitlyRequested)
        return { isPlan: true, reason: 'asked for explicitly' };
    const { text, config } = query;
    let facts = query.facts;
    const frontMatter = query.frontMatter ?? (text !== undefined ? frontMatterOf(text, facts) : undefined);
    if (frontMatter && (frontMatter.plan !== undefined || (frontMatter.data !== undefined && 'plan' in frontMatter.data))) {
        return { isPlan: true, reason: `front matter says plan: ${frontMatter.plan ?? String(frontMatter.data?.plan)}`, facts };
    }
    if (text !== undefined && MAY_HAVE_OWNER_TAG.test(text)) {
        // The look may have matched inside a code block (documentation about tags): parse to be sure.
        facts ??= (0, facts_1.parseFacts)(text);
        if (facts.comments.some((c) => OWNER_TAG_BODY.test(c.body)))
            return { isPlan: true, reason: 'has owner tags', facts };
    }
    else if (facts?.comments.some((c) => OWNER_TAG_BODY.test(c.body))) {
        return { isPlan: true, reason: 'has owner tags', facts };
    }
    const path = normalizePath(query.path);
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (NEVER_UNASKED.test(name))
        return { isPlan: false, reason: `${name} is analyzed only when asked for or tagged`, facts };
    const glob = matchingGlob(path, config.documents);
    if (glob !== undefined)
        return { isPlan: true, reason: `path matches ${glob}`, facts };
    if (config.analyzeAllMarkdown && MARKDOWN.test(name))
        return { isPlan: true, reason: 'analyzeAllMarkdown is on', facts };
    return { isPlan: false, reason: 'no plan key, owner tag or matching path', facts };
}
/** The first of `globs` that `path` matches, case-insensitively; a glob without `/` matches the file name. */
function matchingGlob(path, globs) {
    const normalized = normalizePath(path);
    const name = normalized.slice(normalized.lastIndexOf('/') + 1);
    for (const glob of globs) {
        const matcher = compiled(glob);
        if (matcher(glob.includes('/') ? normalized : name))
            return glob;
    }
    return undefined;
}
const matchers = new Map();
function compiled(glob) {
    let matcher = matchers.get(glob);
    if (!matcher) {
        try {
            matcher = (0, posix_1.default)(glob, { nocase: true, dot: true });
        }
        catch {
            // A glob picomatch cannot read matches nothing rather than breaking detection.
            matcher = () => false;
        }
        matchers.set(glob, matcher);
    }
    return matcher;
}
/** Forward slashes, no `./` or drive prefix, no leading slash. */
function normalizePath(path) {
    return path.replace(/\\/g, '/').replace(/^[A-Za-z]:(?=\/)/, '').replace(/^(\.\/)+/, '').replace(/^\/+/, '');
}
/** Reads only the front matter block, without parsing the rest of the document. */
function frontMatterOf(text, facts) {
    if (facts)
        return facts.frontMatter ? (0, frontmatter_1.readFrontMatter)(facts.frontMatter, new text_1.LineIndex(text)).frontMatter : undefined;
    if (!MAY_HAVE_FRONT_MATTER.test(text))
        return undefined;
    const close = /(\r\n|\n|\r)(---|\.\.\.)[ \t]*(?=\r\n|\n|\r|$)/.exec(text.slice(3));
    if (!close)
        return undefined;
    const head = text.slice(0, 3 + close.index + close[0].length);
    const fact = (0, facts_1.parseFacts)(head).frontMatter;
    return fact ? (0, frontmatter_1.readFrontMatter)(fact, new text_1.LineIndex(head)).frontMatter : undefined;
}
//# sourceMappingURL=detect.js.map