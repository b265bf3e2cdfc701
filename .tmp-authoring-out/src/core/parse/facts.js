"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseFacts = parseFacts;
exports.collectFacts = collectFacts;
exports.findComments = findComments;
/**
 * The parse layer: runs unified + remark-parse (with GFM and front matter) and keeps only the
 * facts PM Lens needs — headings, HTML comments, content blocks and front matter — as string
 * offsets. Syntax trees are dropped at once, so memory stays proportional to the facts.
 */
const unified_1 = require("unified");
const remark_parse_1 = __importDefault(require("remark-parse"));
const remark_gfm_1 = __importDefault(require("remark-gfm"));
const remark_frontmatter_1 = __importDefault(require("remark-frontmatter"));
const processor = (0, unified_1.unified)().use(remark_parse_1.default).use(remark_gfm_1.default).use(remark_frontmatter_1.default, ['yaml']);
/**
 * Parses `text` and returns its facts with offsets into `text`. A leading BOM is skipped before
 * parsing (the parser would drop it from its offsets) and accounted for after.
 */
function parseFacts(text) {
    const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const facts = collectFacts(text, base, text.length, true);
    return facts;
}
/**
 * Parses `text.slice(start, end)` on its own and returns facts with offsets into `text`.
 * `atDocumentStart` allows front matter (only the first chunk may have it).
 */
function collectFacts(text, start, end, atDocumentStart) {
    const source = text.slice(start, end);
    const tree = processor.parse(source);
    const headings = [];
    const comments = [];
    const blocks = [];
    let frontMatter;
    const offsets = (n) => [
        start + (n.position?.start.offset ?? 0),
        start + (n.position?.end.offset ?? 0),
    ];
    const visit = (node, inList, checked, atRoot) => {
        switch (node.type) {
            case 'yaml': {
                if (!atDocumentStart)
                    return;
                const [s, e] = offsets(node);
                const raw = text.slice(s, e);
                const firstBreak = raw.search(/\r?\n|\r/);
                const valueStart = firstBreak < 0 ? e : s + firstBreak + (raw.startsWith('\r\n', firstBreak) ? 2 : 1);
                frontMatter = { start: s, end: e, value: node.value ?? '', valueStart };
                return;
            }
            case 'heading': {
                const [s, e] = offsets(node);
                if (atRoot)
                    headings.push({ level: node.depth ?? 1, text: plainText(node).trim(), start: s, end: e });
                else
                    blocks.push({ kind: 'paragraph', start: s, end: e, inList, checked });
                collectInlineComments(node, text, offsets, comments);
                return;
            }
            case 'paragraph': {
                const [s, e] = offsets(node);
                blocks.push({ kind: 'paragraph', start: s, end: e, inList, checked });
                collectInlineComments(node, text, offsets, comments);
                return;
            }
            case 'html': {
                const [s, e] = offsets(node);
                const found = findComments(text, s, e);
                comments.push(...found);
                if (found.length === 0)
                    blocks.push({ kind: 'html', start: s, end: e, inList, checked });
                return;
            }
            case 'code': {
                const [s, e] = offsets(node);
                blocks.push({ kind: 'code', start: s, end: e, inList, checked, lang: (node.lang ?? '').toLowerCase() });
                return;
            }
            case 'table': {
                (node.children ?? []).forEach((row, i) => {
                    const [s, e] = offsets(row);
                    const cells = (row.children ?? []).map((cell) => offsets(cell));
                    blocks.push({ kind: 'table-row', start: s, end: e, inList, checked, header: i === 0, cells });
                    for (const cell of row.children ?? [])
                        collectInlineComments(cell, text, offsets, comments);
                });
                return;
            }
            case 'listItem': {
                const itemChecked = typeof node.checked === 'boolean' ? node.checked : null;
                for (const child of node.children ?? [])
                    visit(child, true, itemChecked, false);
                return;
            }
            default:
                for (const child of node.children ?? [])
                    visit(child, inList, checked, false);
        }
    };
    for (const child of tree.children ?? [])
        visit(child, false, null, true);
    return { frontMatter, headings, comments, blocks };
}
/** Plain text of an inline tree (text, inline code, and the children of everything else). */
function plainText(node) {
    if (node.type === 'text' || node.type === 'inlineCode')
        return node.value ?? '';
    if (node.type === 'html')
        return '';
    return (node.children ?? []).map(plainText).join('');
}
function collectInlineComments(node, text, offsets, out) {
    for (const child of node.children ?? []) {
        if (child.type === 'html') {
            const [s, e] = offsets(child);
            out.push(...findComments(text, s, e));
        }
        else if (child.children)
            collectInlineComments(child, text, offsets, out);
    }
}
/** Every `<!-- … -->` in `text[start, end)`; a trailing `<!--` with no end is kept as unclosed. */
function findComments(text, start, end) {
    const out = [];
    let at = text.indexOf('<!--', start);
    while (at >= 0 && at < end) {
        const close = text.indexOf('-->', at + 4);
        const closed = close >= 0 && close + 3 <= end;
        const stop = closed ? close + 3 : end;
        out.push({ start: at, end: stop, body: text.slice(at + 4, closed ? close : end), bodyStart: at + 4, closed });
        at = text.indexOf('<!--', stop);
    }
    return out;
}
//# sourceMappingURL=facts.js.map