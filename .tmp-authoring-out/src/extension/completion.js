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
exports.WorkspaceHandles = exports.TagCompletionProvider = void 0;
exports.registerCompletion = registerCompletion;
/**
 * Completion inside owner tags and directives: roles after `owner:`, the role's concerns after
 * `role/`, the handles already used in the workspace's plans after the role, rule ids in a
 * directive. What to offer is the core's (src/core/completion.ts); this file feeds it the
 * document's configuration and the workspace's handles.
 */
const vscode = __importStar(require("vscode"));
const completion_1 = require("../core/completion");
const constants_1 = require("./constants");
const lazy_1 = require("./lazy");
/** At most this many Markdown files are read for handles, and none larger than this. */
const MAX_FILES = 2000;
const MAX_FILE_BYTES = 1024 * 1024;
/** Files read at once while indexing. */
const READ_BATCH = 32;
const MARKDOWN_GLOB = '**/*.{md,markdown}';
const EXCLUDE_GLOB = '**/{node_modules,.git}/**';
/** Registers the completion provider for Markdown; everything it owns is disposed with the extension. */
function registerCompletion(context, configs) {
    const handles = new WorkspaceHandles();
    context.subscriptions.push(handles, vscode.languages.registerCompletionItemProvider({ language: constants_1.MARKDOWN_LANGUAGE }, new TagCompletionProvider(configs, handles), ...completion_1.TAG_TRIGGER_CHARACTERS));
}
class TagCompletionProvider {
    configs;
    handles;
    constructor(configs, handles) {
        this.configs = configs;
        this.handles = handles;
    }
    async provideCompletionItems(document, position, token) {
        const line = document.lineAt(position.line).text;
        const context = (0, completion_1.tagCompletionContext)(line, position.character);
        if (!context || insideFencedCode(document, position.line))
            return undefined;
        const config = await this.configs.configFor(document.uri);
        const handles = context.type === 'handle' ? await this.handles.all() : [];
        if (token.isCancellationRequested)
            return undefined;
        const items = (0, completion_1.tagCompletions)(context, { taxonomy: config.taxonomy, rules: (0, lazy_1.engine)().rules, handles });
        return new vscode.CompletionList(items.map((item) => toCompletionItem(item, position.line)), false);
    }
}
exports.TagCompletionProvider = TagCompletionProvider;
const KINDS = {
    keyword: vscode.CompletionItemKind.Keyword,
    role: vscode.CompletionItemKind.EnumMember,
    concern: vscode.CompletionItemKind.Enum,
    handle: vscode.CompletionItemKind.User,
    rule: vscode.CompletionItemKind.Reference,
};
function toCompletionItem(item, line) {
    const result = new vscode.CompletionItem(item.label, KINDS[item.kind]);
    result.detail = item.detail;
    if (item.documentation)
        result.documentation = item.documentation;
    result.insertText = item.insertText;
    result.range = new vscode.Range(line, item.replace.start, line, item.replace.end);
    result.sortText = item.sortText;
    // The editor filters on the replaced text; a leading space in the insert text must not hide the item.
    result.filterText = item.insertText.trim();
    if (item.retrigger)
        result.command = { command: 'editor.action.triggerSuggest', title: 'Suggest' };
    return result;
}
/** Whether a line sits inside a fenced code block (tags there are examples, not tags). */
function insideFencedCode(document, line) {
    let fence;
    for (let i = 0; i < line; i++) {
        const text = document.lineAt(i).text;
        const m = /^ {0,3}(`{3,}|~{3,})/.exec(text);
        if (!m)
            continue;
        if (!fence)
            fence = m[1];
        else if (m[1][0] === fence[0] && m[1].length >= fence.length && text.trim() === m[1])
            fence = undefined;
    }
    return fence !== undefined;
}
/**
 * The handles named in the workspace's Markdown files (owner tags and front-matter owners),
 * indexed on first use, kept current by a file watcher, and overlaid with the live text of open
 * documents. Capped in file count and size so a huge repository cannot stall completion.
 */
class WorkspaceHandles {
    byFile = new Map();
    stale = new Map();
    indexed;
    disposables = [];
    constructor() {
        const watcher = vscode.workspace.createFileSystemWatcher(MARKDOWN_GLOB);
        const changed = (uri) => {
            this.stale.set(uri.toString(), uri);
        };
        this.disposables.push(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete((uri) => {
            this.byFile.delete(uri.toString());
            this.stale.delete(uri.toString());
        }));
    }
    /** Every handle known now, sorted. */
    async all() {
        this.indexed ??= this.index().catch(() => {
            // No folder, or the search failed: try again next time.
            this.indexed = undefined;
        });
        await this.indexed;
        if (this.stale.size > 0) {
            const uris = [...this.stale.values()];
            this.stale.clear();
            await this.readAll(uris);
        }
        const found = new Set();
        const open = new Set();
        for (const document of vscode.workspace.textDocuments) {
            if (document.languageId !== constants_1.MARKDOWN_LANGUAGE)
                continue;
            open.add(document.uri.toString());
            for (const handle of (0, completion_1.collectHandles)(document.getText()))
                found.add(handle);
        }
        for (const [uri, handles] of this.byFile)
            if (!open.has(uri))
                for (const handle of handles)
                    found.add(handle);
        return [...found].sort((a, b) => a.localeCompare(b));
    }
    async index() {
        const uris = await vscode.workspace.findFiles(MARKDOWN_GLOB, EXCLUDE_GLOB, MAX_FILES);
        await this.readAll(uris);
    }
    async readAll(uris) {
        for (let i = 0; i < uris.length; i += READ_BATCH) {
            await Promise.all(uris.slice(i, i + READ_BATCH).map((uri) => this.read(uri)));
        }
    }
    async read(uri) {
        try {
            const bytes = await vscode.workspace.fs.readFile(uri);
            if (bytes.byteLength > MAX_FILE_BYTES)
                return;
            const handles = (0, completion_1.collectHandles)(new TextDecoder('utf-8').decode(bytes));
            if (handles.length > 0)
                this.byFile.set(uri.toString(), handles);
            else
                this.byFile.delete(uri.toString());
        }
        catch {
            // Gone or unreadable: it names nobody.
            this.byFile.delete(uri.toString());
        }
    }
    dispose() {
        for (const d of this.disposables)
            d.dispose();
    }
}
exports.WorkspaceHandles = WorkspaceHandles;
//# sourceMappingURL=completion.js.map