"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.viewStateSchema = exports.toHostSchema = exports.toWebviewSchema = exports.panelModelSchema = exports.panelStatusSchema = exports.scopeSchema = exports.totalFromCore = exports.summaryFromCore = exports.summaryTotalSchema = exports.summarySchema = exports.SUMMARY_VIEW_TYPE = void 0;
exports.parseToWebview = parseToWebview;
exports.parseToHost = parseToHost;
exports.parseViewState = parseViewState;
/**
 * The messages of the Ownership Summary panel, both ways, as unions keyed on `type`. Each side
 * validates what arrives with these schemas and ignores anything unknown or malformed, because a
 * webview is a separate page and a message is just data.
 *
 * No DOM and no Node here: the extension host (desktop and web) and the webview both import it.
 */
// zod/mini: the same validation as zod at a twentieth of the size in the webview bundle.
const z = __importStar(require("zod/mini"));
/** The webview panel's view type: the serializer and the `onWebviewPanel:` activation use it. */
exports.SUMMARY_VIEW_TYPE = 'pmLens.summary';
const count = z.int().check(z.nonnegative());
const amount = z.number().check(z.nonnegative());
const list = (item) => z.readonly(z.array(item));
const text = z.string().check(z.minLength(1));
const position = z.object({ line: count, character: count, offset: count });
const range = z.object({ start: position, end: position });
const summaryRow = z.object({
    section: count,
    heading: z.string(),
    level: z.int().check(z.minimum(1), z.maximum(6)),
    line: count,
    range,
    role: z.enum(['product', 'project', 'shared', 'none', 'mixed']),
    concern: z.optional(z.string()),
    words: count,
    confidence: z.number().check(z.minimum(0), z.maximum(1)),
    tagged: z.boolean(),
    handles: list(z.string()),
    findings: list(z.string()),
});
const concernGroup = z.object({ concern: z.string(), words: amount, rows: list(summaryRow) });
/** The core `Summary`, as it travels to the webview. */
exports.summarySchema = z.object({
    kind: z.optional(z.string()),
    words: z.object({ product: amount, project: amount, neither: amount }),
    product: list(concernGroup),
    project: list(concernGroup),
    neither: list(summaryRow),
    tray: z.object({ untagged: list(count), mixed: list(count), mismatched: list(count) }),
    owners: z.object({ product: list(z.string()), project: list(z.string()) }),
});
const concernTotal = z.object({ concern: z.string(), words: amount, sections: count });
/** The core `SummaryTotal`: many documents added up (`sumSummaries`). */
exports.summaryTotalSchema = z.object({
    documents: count,
    words: z.object({ product: amount, project: amount, neither: amount }),
    product: list(concernTotal),
    project: list(concernTotal),
    neither: count,
    tray: z.object({ untagged: count, mixed: count, mismatched: count }),
    owners: z.object({ product: list(z.string()), project: list(z.string()) }),
});
// These fail to compile when the core's shapes drift from what the panel can carry.
const summaryFromCore = (summary) => summary;
exports.summaryFromCore = summaryFromCore;
const totalFromCore = (total) => total;
exports.totalFromCore = totalFromCore;
exports.scopeSchema = z.enum(['document', 'workspace']);
/**
 * Why the panel has nothing to draw, or `ready` when it has: the webview shows a sentence for
 * each empty state instead of blank columns.
 */
exports.panelStatusSchema = z.enum(['ready', 'loading', 'no-editor', 'not-plan', 'too-large', 'no-sections', 'no-plans']);
const panelDocument = z.object({
    /** The document's URI, as `Uri.toString()` writes it; `reveal` sends it back. */
    uri: text,
    /** A short name: the workspace-relative path. */
    label: z.string(),
    summary: exports.summarySchema,
});
/** Everything the webview draws, sent whole on every change (the webview updates in place). */
exports.panelModelSchema = z.object({
    scope: exports.scopeSchema,
    status: exports.panelStatusSchema,
    /** What the header names: the document's file name, or the workspace. */
    title: z.string(),
    documents: list(panelDocument),
    /** All documents added up (for one document, just its own numbers). */
    total: exports.summaryTotalSchema,
    /** Display names of the concerns that occur (`user-needs` → `User needs`), from the taxonomy. */
    labels: z.record(z.string(), z.string()),
});
const lineCharacter = z.object({ line: count, character: count });
const plainRange = z.object({ start: lineCharacter, end: lineCharacter });
/** Host → webview. */
exports.toWebviewSchema = z.discriminatedUnion('type', [
    z.object({ type: z.literal('update'), model: exports.panelModelSchema }),
    /** A short confirmation ("Copied…"), announced politely to screen readers. */
    z.object({ type: z.literal('notice'), text: z.string() }),
]);
/** Webview → host. */
exports.toHostSchema = z.discriminatedUnion('type', [
    /** The page has loaded and listens; the host answers with an `update`. */
    z.object({ type: z.literal('ready'), scope: exports.scopeSchema }),
    /** Reveal and select a section in its editor. */
    z.object({ type: z.literal('reveal'), uri: text, range: plainRange }),
    z.object({ type: z.literal('scope'), scope: exports.scopeSchema }),
    z.object({ type: z.literal('copyMarkdown') }),
    z.object({ type: z.literal('saveJson') }),
    /** The page drew a model: what it shows now (the host's tests read it). */
    z.object({ type: z.literal('rendered'), status: exports.panelStatusSchema, rows: count }),
]);
/** The webview's saved view state (`getState`/`setState`), also what the serializer restores. */
exports.viewStateSchema = z.object({
    scope: z._default(exports.scopeSchema, 'document'),
    filter: z._default(z.string(), ''),
    scrollTop: z._default(amount, 0),
    /** The last model drawn, so a restored panel shows something before the host answers. */
    model: z.optional(exports.panelModelSchema),
});
/** Parses a message for the webview; `undefined` when it is not one. */
function parseToWebview(data) {
    const result = exports.toWebviewSchema.safeParse(data);
    return result.success ? result.data : undefined;
}
/** Parses a message for the host; `undefined` when it is not one. */
function parseToHost(data) {
    const result = exports.toHostSchema.safeParse(data);
    return result.success ? result.data : undefined;
}
/** Parses saved view state, falling back to defaults for anything missing or malformed. */
function parseViewState(data) {
    const whole = exports.viewStateSchema.safeParse(data);
    if (whole.success)
        return whole.data;
    // A stale or damaged model must not cost the person their scope and filter.
    const record = typeof data === 'object' && data !== null ? data : {};
    const withoutModel = exports.viewStateSchema.safeParse({ ...record, model: undefined });
    return withoutModel.success ? withoutModel.data : exports.viewStateSchema.parse({});
}
//# sourceMappingURL=panelProtocol.js.map