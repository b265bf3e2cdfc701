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
exports.PANEL_TEST_HOOK_COMMAND = exports.IS_PLAN_CONTEXT_KEY = void 0;
exports.registerSummaryPanel = registerSummaryPanel;
/**
 * The host of the Ownership Summary webview: opens it beside the editor, follows the active plan
 * editor (or sums every plan of the workspace), sends the summary as it changes, reveals the
 * section a row names, copies and saves the summary, and restores the panel after a reload.
 *
 * Everything it sends is built by `summaryPanelModel.ts`; everything it receives is validated
 * with the schemas of `src/shared/panelProtocol.ts` and ignored when malformed.
 */
const vscode = __importStar(require("vscode"));
const panelProtocol_1 = require("../shared/panelProtocol");
const constants_1 = require("./constants");
const log_1 = require("./log");
const summaryPanelHtml_1 = require("./summaryPanelHtml");
const summaryPanelModel_1 = require("./summaryPanelModel");
/** The context key the editor title button shows on: the active editor holds an analysed plan. */
exports.IS_PLAN_CONTEXT_KEY = 'pmLens.isPlan';
/** Registered only when the extension runs its tests: returns the {@link PanelTestHook}. */
exports.PANEL_TEST_HOOK_COMMAND = 'pmLens._panelTestHook';
const PANEL_TITLE = 'Ownership Summary';
/** File-system events come in bursts (a checkout, a save-all): settle before re-reading. */
const WORKSPACE_SETTLE_MS = 150;
const WORKSPACE_MAX_FILES = 2000;
const WORKSPACE_CONCURRENCY = 8;
const MARKDOWN_GLOB = '**/*.md';
const WORKSPACE_EXCLUDE = '**/{node_modules,.git}/**';
/**
 * Registers `pmLens.openSummary`, the panel serializer and the `pmLens.isPlan` context key. Every
 * disposable goes into `context.subscriptions`.
 */
function registerSummaryPanel(context, service, log) {
    const host = new SummaryPanelHost(context.extensionUri, service, log);
    context.subscriptions.push(host, new PlanContextKey(service, log), vscode.commands.registerCommand(constants_1.Commands.openSummary, (0, log_1.guard)(log, constants_1.Commands.openSummary, (uri) => host.open(uri instanceof vscode.Uri ? uri : undefined), undefined)), vscode.window.registerWebviewPanelSerializer(panelProtocol_1.SUMMARY_VIEW_TYPE, {
        deserializeWebviewPanel: (0, log_1.guard)(log, 'restoring the summary panel', (panel, state) => host.restore(panel, state), undefined),
    }));
    if (context.extensionMode === vscode.ExtensionMode.Test) {
        context.subscriptions.push(vscode.commands.registerCommand(exports.PANEL_TEST_HOOK_COMMAND, () => host.testHook));
    }
}
/** Keeps at most one panel and hands commands and restores to it. */
class SummaryPanelHost {
    extensionUri;
    service;
    log;
    panel;
    sent = [];
    received = [];
    sendEmitter = new vscode.EventEmitter();
    receiveEmitter = new vscode.EventEmitter();
    constructor(extensionUri, service, log) {
        this.extensionUri = extensionUri;
        this.service = service;
        this.log = log;
    }
    /** Opens the panel beside the editor (or brings it forward) on a document or the active editor. */
    open(uri) {
        const target = uri ?? followableEditor(this.service)?.document.uri;
        if (this.panel) {
            // A document named by the caller (the editor title button) is what the person wants to see.
            if (target)
                this.panel.follow(target, uri !== undefined);
            this.panel.panel.reveal(this.panel.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
            return;
        }
        const panel = vscode.window.createWebviewPanel(panelProtocol_1.SUMMARY_VIEW_TYPE, PANEL_TITLE, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(this.extensionUri));
        this.attach(panel, 'document', target);
    }
    /** A panel VS Code kept across a reload: same scope as before, following the active editor. */
    restore(panel, state) {
        const { scope } = (0, panelProtocol_1.parseViewState)(state);
        panel.webview.options = webviewOptions(this.extensionUri);
        this.panel?.panel.dispose();
        this.attach(panel, scope, followableEditor(this.service)?.document.uri);
    }
    attach(panel, scope, target) {
        const summary = new SummaryPanel(panel, this.extensionUri, this.service, this.log, scope, target, {
            sent: (m) => {
                this.sent.push(m);
                this.sendEmitter.fire(m);
            },
            received: (m) => {
                this.received.push(m);
                this.receiveEmitter.fire(m);
            },
        });
        this.panel = summary;
        panel.onDidDispose(() => {
            if (this.panel === summary)
                this.panel = undefined;
        });
    }
    get testHook() {
        const self = this;
        return {
            sent: this.sent,
            received: this.received,
            onDidSend: this.sendEmitter.event,
            onDidReceive: this.receiveEmitter.event,
            get panel() {
                return self.panel?.panel;
            },
            receive: async (message) => {
                await self.panel?.handle(message);
            },
            restore: (state) => {
                const panel = vscode.window.createWebviewPanel(panelProtocol_1.SUMMARY_VIEW_TYPE, PANEL_TITLE, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {});
                self.restore(panel, state);
                return panel;
            },
        };
    }
    dispose() {
        this.panel?.panel.dispose();
        this.sendEmitter.dispose();
        this.receiveEmitter.dispose();
    }
}
/** One open panel: its webview, what it follows, and what it last showed. */
class SummaryPanel {
    panel;
    service;
    log;
    recorder;
    scope;
    /** The document the "this document" scope shows. */
    followed;
    workspace;
    /** What the panel shows now: exports and reveals work on exactly this. */
    shown;
    lastPosted;
    disposed = false;
    /** Bumped by every refresh; a slower, older refresh never overwrites a newer one. */
    generation = 0;
    disposables = [];
    constructor(panel, extensionUri, service, log, scope, followed, recorder) {
        this.panel = panel;
        this.service = service;
        this.log = log;
        this.recorder = recorder;
        this.scope = scope;
        this.followed = followed;
        const webview = panel.webview;
        webview.html = (0, summaryPanelHtml_1.panelHtml)({
            cspSource: webview.cspSource,
            nonce: (0, summaryPanelHtml_1.makeNonce)(),
            scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString(),
            styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'summary.css')).toString(),
        });
        this.disposables.push(webview.onDidReceiveMessage((0, log_1.guardListener)(log, 'summary panel message', (m) => this.handle(m))), vscode.window.onDidChangeActiveTextEditor((0, log_1.guardListener)(log, 'summary panel', (e) => this.didChangeActiveTextEditor(e))), service.onDidAnalyze((0, log_1.guardListener)(log, 'summary panel', (e) => this.didAnalyze(e.uri, e.result))), vscode.workspace.onDidCloseTextDocument((0, log_1.guardListener)(log, 'summary panel', (d) => {
            if (this.scope === 'document' && d.uri.toString() === this.followed?.toString())
                void this.refresh();
        })));
        panel.onDidDispose(() => this.dispose());
        if (scope === 'workspace')
            this.startWorkspace();
        void this.refresh();
    }
    /** Follows another document; `show` also switches the scope to it. */
    follow(uri, show) {
        this.followed = uri;
        if (show)
            this.scope = 'document';
        if (this.scope === 'document')
            void this.refresh();
    }
    /** Handles a message from the webview; anything malformed or unknown is dropped. */
    async handle(data) {
        const message = (0, panelProtocol_1.parseToHost)(data);
        if (!message)
            return;
        this.recorder.received(message);
        switch (message.type) {
            case 'ready':
                // A fresh page (first load, shown again, reloaded) has nothing yet: always send.
                this.lastPosted = undefined;
                if (this.shown)
                    this.post({ type: 'update', model: this.shown.model });
                else
                    await this.refresh();
                return;
            case 'reveal':
                return this.reveal(message.uri, message.range);
            case 'scope':
                if (message.scope === this.scope)
                    return;
                this.scope = message.scope;
                if (this.scope === 'workspace')
                    this.startWorkspace();
                return this.refresh();
            case 'copyMarkdown':
                return this.copyMarkdown();
            case 'saveJson':
                return this.saveJson();
            case 'rendered':
                return;
        }
    }
    didChangeActiveTextEditor(editor) {
        // Focus moving into the panel itself leaves no active editor: keep what is shown.
        if (!editor || !this.service.isCandidate(editor.document))
            return;
        if (editor.document.uri.toString() === this.followed?.toString())
            return;
        this.followed = editor.document.uri;
        if (this.scope === 'document')
            void this.refresh();
    }
    didAnalyze(uri, result) {
        if (this.scope === 'document' && uri.toString() === this.followed?.toString())
            void this.refresh(result);
    }
    /** Builds the model for the current scope and sends it when it changed. */
    async refresh(result) {
        const generation = ++this.generation;
        const shown = this.scope === 'workspace' ? this.workspaceModel() : await this.documentModel(result);
        if (generation !== this.generation || this.disposed)
            return;
        this.shown = shown;
        this.post({ type: 'update', model: shown.model });
    }
    async documentModel(given) {
        const uri = this.followed;
        const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (!uri || !document || document.isClosed)
            return { model: (0, summaryPanelModel_1.emptyModel)('document', 'no-editor', ''), files: [] };
        const title = baseName(uri);
        // An event's result is the newest there is; otherwise ask for the current version's.
        let result = given ?? this.service.get(uri);
        if (!result || (!given && result.version !== document.version))
            result = await this.service.ensure(document);
        if (!result) {
            const status = this.service.skipped(uri) ? 'too-large' : 'not-plan';
            return { model: (0, summaryPanelModel_1.emptyModel)('document', status, title), files: [] };
        }
        if (result.analysis.sections.length === 0)
            return { model: (0, summaryPanelModel_1.emptyModel)('document', 'no-sections', title), files: [] };
        const files = [panelFile(result)];
        return { model: (0, summaryPanelModel_1.readyModel)('document', title, files), files };
    }
    workspaceModel() {
        const title = vscode.workspace.name ?? 'Workspace';
        const plans = this.workspace;
        if (!plans || !plans.loaded)
            return { model: (0, summaryPanelModel_1.emptyModel)('workspace', 'loading', title), files: [] };
        const files = plans.results().map(panelFile);
        if (files.length === 0)
            return { model: (0, summaryPanelModel_1.emptyModel)('workspace', 'no-plans', title), files: [] };
        const label = `${title} · ${files.length} plan ${files.length === 1 ? 'document' : 'documents'}`;
        return { model: (0, summaryPanelModel_1.readyModel)('workspace', label, files), files };
    }
    startWorkspace() {
        if (this.workspace)
            return;
        this.workspace = new WorkspacePlans(this.service, this.log);
        this.workspace.onDidChange(() => {
            if (this.scope === 'workspace')
                void this.refresh();
        });
    }
    post(message) {
        if (message.type === 'update') {
            // Typing often changes nothing the panel shows: send only real changes.
            const json = JSON.stringify(message.model);
            if (json === this.lastPosted)
                return;
            this.lastPosted = json;
        }
        this.recorder.sent(message);
        void this.panel.webview.postMessage(message);
    }
    /** Reveals and selects a section, in the editor that shows its document (or beside the panel). */
    async reveal(uriText, range) {
        // Only documents the panel shows: the webview cannot make the host open anything else.
        const file = this.shown?.files.find((f) => f.uri === uriText);
        if (!file)
            return;
        const uri = vscode.Uri.parse(file.uri);
        const document = await vscode.workspace.openTextDocument(uri);
        const target = document.validateRange(new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character));
        const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uriText);
        const column = visible?.viewColumn ?? otherColumn(this.panel.viewColumn);
        const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: true });
        // The cursor at the heading, the selection to the section's end.
        editor.selection = new vscode.Selection(target.end, target.start);
        editor.revealRange(target, vscode.TextEditorRevealType.AtTop);
    }
    async copyMarkdown() {
        const files = this.shown?.files ?? [];
        if (files.length === 0)
            return;
        await vscode.env.clipboard.writeText((0, summaryPanelModel_1.summaryMarkdown)(files));
        this.post({ type: 'notice', text: 'Copied the summary as a Markdown table.' });
    }
    async saveJson() {
        const files = this.shown?.files ?? [];
        if (files.length === 0)
            return;
        const text = (0, summaryPanelModel_1.summaryJson)(files);
        const first = vscode.Uri.parse(files[0].uri);
        const folder = vscode.workspace.getWorkspaceFolder(first)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
        const name = this.scope === 'workspace' ? 'ownership-summary.json' : `${baseName(first).replace(/\.md$/i, '')}.summary.json`;
        const target = await vscode.window.showSaveDialog({
            title: 'Save Ownership Summary as JSON',
            defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
            filters: { JSON: ['json'] },
            saveLabel: 'Save',
        });
        if (!target)
            return;
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
        this.post({ type: 'notice', text: `Saved the summary to ${vscode.workspace.asRelativePath(target)}.` });
    }
    dispose() {
        this.disposed = true;
        this.workspace?.dispose();
        this.workspace = undefined;
        for (const d of this.disposables.splice(0))
            d.dispose();
    }
}
/**
 * Every plan document of the workspace, found with `findFiles` and the same detection and
 * configuration as diagnostics (`AnalysisService.analyzeUri`), kept current by a file watcher
 * and by the analyses of open documents.
 */
class WorkspacePlans {
    service;
    log;
    loaded = false;
    plans = new Map();
    pending = new Set();
    timer;
    scanGeneration = 0;
    emitter = new vscode.EventEmitter();
    onDidChange = this.emitter.event;
    disposables = [this.emitter];
    constructor(service, log) {
        this.service = service;
        this.log = log;
        const files = vscode.workspace.createFileSystemWatcher(MARKDOWN_GLOB);
        const configs = vscode.workspace.createFileSystemWatcher('**/.pmlens.json');
        const queue = (0, log_1.guardListener)(log, 'workspace plans', (uri) => this.queue(uri));
        const rescan = (0, log_1.guardListener)(log, 'workspace plans', () => this.scan());
        this.disposables.push(files, configs, files.onDidCreate(queue), files.onDidChange(queue), files.onDidDelete(queue), configs.onDidCreate(rescan), configs.onDidChange(rescan), configs.onDidDelete(rescan), vscode.workspace.onDidChangeConfiguration((0, log_1.guardListener)(log, 'workspace plans', (e) => {
            if (e.affectsConfiguration('pmLens'))
                void this.scan();
        })), vscode.workspace.onDidChangeWorkspaceFolders(rescan), service.onDidAnalyze((0, log_1.guardListener)(log, 'workspace plans', (e) => this.didAnalyze(e.uri, e.result))));
        void this.scan();
    }
    /** The plans, by workspace-relative path. */
    results() {
        return [...this.plans.values()].sort((a, b) => compare(vscode.workspace.asRelativePath(a.uri), vscode.workspace.asRelativePath(b.uri)));
    }
    /** Finds and analyses every Markdown file again. */
    async scan() {
        const generation = ++this.scanGeneration;
        const uris = await vscode.workspace.findFiles(MARKDOWN_GLOB, WORKSPACE_EXCLUDE, WORKSPACE_MAX_FILES);
        const results = await mapLimited(uris, WORKSPACE_CONCURRENCY, (uri) => this.analyze(uri));
        if (generation !== this.scanGeneration)
            return;
        this.plans.clear();
        for (const result of results)
            if (result)
                this.plans.set(result.uri.toString(), result);
        this.loaded = true;
        this.emitter.fire();
    }
    didAnalyze(uri, result) {
        if (!inWorkspace(uri))
            return;
        if (result) {
            this.plans.set(uri.toString(), result);
            if (this.loaded)
                this.emitter.fire();
        }
        else {
            // Closed, or no longer a plan as typed: the file on disk decides.
            this.queue(uri);
        }
    }
    queue(uri) {
        if (!inWorkspace(uri))
            return;
        this.pending.add(uri.toString());
        if (this.timer)
            clearTimeout(this.timer);
        this.timer = setTimeout((0, log_1.guardListener)(this.log, 'workspace plans', () => this.flush()), WORKSPACE_SETTLE_MS);
    }
    async flush() {
        this.timer = undefined;
        const uris = [...this.pending].map((u) => vscode.Uri.parse(u));
        this.pending.clear();
        const results = await mapLimited(uris, WORKSPACE_CONCURRENCY, (uri) => this.analyze(uri));
        uris.forEach((uri, i) => {
            const result = results[i];
            if (result)
                this.plans.set(uri.toString(), result);
            else
                this.plans.delete(uri.toString());
        });
        if (this.loaded)
            this.emitter.fire();
    }
    async analyze(uri) {
        try {
            return await this.service.analyzeUri(uri);
        }
        catch (error) {
            this.log.error(`Analysing ${uri.toString(true)} for the workspace summary`, error);
            return undefined;
        }
    }
    dispose() {
        if (this.timer)
            clearTimeout(this.timer);
        this.scanGeneration++;
        for (const d of this.disposables)
            d.dispose();
    }
}
/**
 * Sets `pmLens.isPlan` while the active editor holds an analysed plan: the editor title button and
 * the command palette entry show on it. Focus in a panel (no active editor) keeps the last value.
 */
class PlanContextKey {
    service;
    value;
    disposables;
    constructor(service, log) {
        this.service = service;
        this.disposables = [
            vscode.window.onDidChangeActiveTextEditor((0, log_1.guardListener)(log, 'plan context key', () => this.update())),
            service.onDidAnalyze((0, log_1.guardListener)(log, 'plan context key', (e) => {
                if (e.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString())
                    this.update();
            })),
        ];
        this.update();
    }
    update() {
        const editor = vscode.window.activeTextEditor;
        if (!editor)
            return;
        const value = this.service.get(editor.document.uri) !== undefined;
        if (value === this.value)
            return;
        this.value = value;
        void vscode.commands.executeCommand('setContext', exports.IS_PLAN_CONTEXT_KEY, value);
    }
    dispose() {
        for (const d of this.disposables)
            d.dispose();
    }
}
function webviewOptions(extensionUri) {
    return {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
    };
}
/** The editor to follow at first: the active one, else a visible Markdown editor. */
function followableEditor(service) {
    const active = vscode.window.activeTextEditor;
    if (active && service.isCandidate(active.document))
        return active;
    return vscode.window.visibleTextEditors.find((e) => service.isCandidate(e.document));
}
function panelFile(result) {
    return {
        uri: result.uri.toString(),
        path: vscode.workspace.asRelativePath(result.uri),
        analysis: result.analysis,
        taxonomy: result.config.taxonomy,
    };
}
/** A column for an editor that is not the panel's. */
function otherColumn(panelColumn) {
    return panelColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
}
function inWorkspace(uri) {
    return /\.md$/i.test(uri.path) && vscode.workspace.getWorkspaceFolder(uri) !== undefined && !/\/(node_modules|\.git)\//.test(uri.path);
}
function baseName(uri) {
    return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Maps with at most `limit` calls in flight, keeping the order. */
async function mapLimited(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return out;
}
//# sourceMappingURL=summaryPanel.js.map