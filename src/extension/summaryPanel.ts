/**
 * The host of the Ownership Summary webview: opens it beside the editor, follows the active plan
 * editor (or sums every plan of the workspace), sends the summary as it changes, reveals the
 * section a row names, copies and saves the summary, and restores the panel after a reload.
 *
 * Everything it sends is built by `summaryPanelModel.ts`; everything it receives is validated
 * with the schemas of `src/shared/panelProtocol.ts` and ignored when malformed.
 */
import * as vscode from 'vscode';
import {
  parseToHost,
  parseViewState,
  SUMMARY_VIEW_TYPE,
  type PanelModel,
  type PlainRange,
  type Scope,
  type ToHost,
  type ToWebview,
} from '../shared/panelProtocol';
import type { AnalysisResult, AnalysisService } from './analysisService';
import { Commands } from './constants';
import { guard, guardListener, type Logger } from './log';
import { ChangesSinceCommit } from './summaryPanelChanges';
import { makeNonce, panelHtml } from './summaryPanelHtml';
import { emptyModel, readyModel, summaryJson, summaryMarkdown, type PanelFile } from './summaryPanelModel';

/** The context key the editor title button shows on: the active editor holds an analysed plan. */
export const IS_PLAN_CONTEXT_KEY = 'pmLens.isPlan';
/** Registered only when the extension runs its tests: returns the {@link PanelTestHook}. */
export const PANEL_TEST_HOOK_COMMAND = 'pmLens._panelTestHook';

const PANEL_TITLE = 'Ownership Summary';
/** File-system events come in bursts (a checkout, a save-all): settle before re-reading. */
const WORKSPACE_SETTLE_MS = 150;
const WORKSPACE_MAX_FILES = 2000;
const WORKSPACE_CONCURRENCY = 8;
const MARKDOWN_GLOB = '**/*.md';
const WORKSPACE_EXCLUDE = '**/{node_modules,.git}/**';

/** What the integration tests see of the panel: every message both ways, and a way to send one. */
export interface PanelTestHook {
  /** Messages posted to the webview, oldest first. */
  readonly sent: ToWebview[];
  /** Valid messages that came from the webview, oldest first. */
  readonly received: ToHost[];
  readonly onDidSend: vscode.Event<ToWebview>;
  readonly onDidReceive: vscode.Event<ToHost>;
  /** The open panel, if any. */
  readonly panel: vscode.WebviewPanel | undefined;
  /** Handles a message as if the webview had sent it (validated the same way). */
  receive(message: unknown): Promise<void>;
  /** Does what the serializer does after a reload: a new panel restored from saved state. */
  restore(state: unknown): vscode.WebviewPanel;
}

/**
 * Registers `pmLens.openSummary`, the panel serializer and the `pmLens.isPlan` context key. Every
 * disposable goes into `context.subscriptions`.
 */
export function registerSummaryPanel(context: vscode.ExtensionContext, service: AnalysisService, log: Logger): void {
  const host = new SummaryPanelHost(context.extensionUri, service, log);
  context.subscriptions.push(
    host,
    new PlanContextKey(service, log),
    vscode.commands.registerCommand(Commands.openSummary, guard(log, Commands.openSummary, (uri?: unknown) => host.open(uri instanceof vscode.Uri ? uri : undefined), undefined)),
    vscode.window.registerWebviewPanelSerializer(SUMMARY_VIEW_TYPE, {
      deserializeWebviewPanel: guard(log, 'restoring the summary panel', (panel: vscode.WebviewPanel, state: unknown) => host.restore(panel, state), undefined),
    }),
  );
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    context.subscriptions.push(vscode.commands.registerCommand(PANEL_TEST_HOOK_COMMAND, () => host.testHook));
  }
}

/** Keeps at most one panel and hands commands and restores to it. */
class SummaryPanelHost implements vscode.Disposable {
  private panel: SummaryPanel | undefined;
  private readonly sent: ToWebview[] = [];
  private readonly received: ToHost[] = [];
  private readonly sendEmitter = new vscode.EventEmitter<ToWebview>();
  private readonly receiveEmitter = new vscode.EventEmitter<ToHost>();
  /** Shared by the panels that come and go: the committed versions read stay read. */
  private readonly changes: ChangesSinceCommit;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: AnalysisService,
    private readonly log: Logger,
  ) {
    this.changes = new ChangesSinceCommit(service);
  }

  /** Opens the panel beside the editor (or brings it forward) on a document or the active editor. */
  open(uri: vscode.Uri | undefined): void {
    const target = uri ?? followableEditor(this.service)?.document.uri;
    if (this.panel) {
      // A document named by the caller (the editor title button) is what the person wants to see.
      if (target) this.panel.follow(target, uri !== undefined);
      this.panel.panel.reveal(this.panel.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      SUMMARY_VIEW_TYPE,
      PANEL_TITLE,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(this.extensionUri),
    );
    this.attach(panel, 'document', target);
  }

  /** A panel VS Code kept across a reload: same scope as before, following the active editor. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const { scope } = parseViewState(state);
    panel.webview.options = webviewOptions(this.extensionUri);
    this.panel?.panel.dispose();
    this.attach(panel, scope, followableEditor(this.service)?.document.uri);
  }

  private attach(panel: vscode.WebviewPanel, scope: Scope, target: vscode.Uri | undefined): void {
    const summary = new SummaryPanel(panel, this.extensionUri, this.service, this.changes, this.log, scope, target, {
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
      if (this.panel === summary) this.panel = undefined;
    });
  }

  get testHook(): PanelTestHook {
    const self = this;
    return {
      sent: this.sent,
      received: this.received,
      onDidSend: this.sendEmitter.event,
      onDidReceive: this.receiveEmitter.event,
      get panel() {
        return self.panel?.panel;
      },
      receive: async (message: unknown) => {
        await self.panel?.handle(message);
      },
      restore: (state: unknown) => {
        const panel = vscode.window.createWebviewPanel(SUMMARY_VIEW_TYPE, PANEL_TITLE, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {});
        self.restore(panel, state);
        return panel;
      },
    };
  }

  dispose(): void {
    this.panel?.panel.dispose();
    this.changes.dispose();
    this.sendEmitter.dispose();
    this.receiveEmitter.dispose();
  }
}

interface Recorder {
  sent(message: ToWebview): void;
  received(message: ToHost): void;
}

/** One open panel: its webview, what it follows, and what it last showed. */
class SummaryPanel {
  private scope: Scope;
  /** The document the "this document" scope shows. */
  private followed: vscode.Uri | undefined;
  private workspace: WorkspacePlans | undefined;
  /** What the panel shows now: exports and reveals work on exactly this. */
  private shown: { model: PanelModel; files: readonly PanelFile[] } | undefined;
  private lastPosted: string | undefined;
  private disposed = false;
  /** Bumped by every refresh; a slower, older refresh never overwrites a newer one. */
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly service: AnalysisService,
    private readonly changes: ChangesSinceCommit,
    private readonly log: Logger,
    scope: Scope,
    followed: vscode.Uri | undefined,
    private readonly recorder: Recorder,
  ) {
    this.scope = scope;
    this.followed = followed;
    const webview = panel.webview;
    webview.html = panelHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'summary.css')).toString(),
    });
    this.disposables.push(
      webview.onDidReceiveMessage(guardListener(log, 'summary panel message', (m: unknown) => this.handle(m))),
      vscode.window.onDidChangeActiveTextEditor(guardListener(log, 'summary panel', (e: vscode.TextEditor | undefined) => this.didChangeActiveTextEditor(e))),
      service.onDidAnalyze(guardListener(log, 'summary panel', (e: { uri: vscode.Uri; result: AnalysisResult | undefined }) => this.didAnalyze(e.uri, e.result))),
      vscode.workspace.onDidCloseTextDocument(guardListener(log, 'summary panel', (d: vscode.TextDocument) => {
        changes.forget(d.uri);
        if (this.scope === 'document' && d.uri.toString() === this.followed?.toString()) void this.refresh();
      })),
      // A commit, Git turned on, a repository found: the committed side may differ now.
      changes.onDidChange(guardListener(log, 'summary panel changes', () => {
        if (this.scope === 'document') void this.refresh();
      })),
    );
    panel.onDidDispose(() => this.dispose());
    if (scope === 'workspace') this.startWorkspace();
    void this.refresh();
  }

  /** Follows another document; `show` also switches the scope to it. */
  follow(uri: vscode.Uri, show: boolean): void {
    this.followed = uri;
    if (show) this.scope = 'document';
    if (this.scope === 'document') void this.refresh();
  }

  /** Handles a message from the webview; anything malformed or unknown is dropped. */
  async handle(data: unknown): Promise<void> {
    const message = parseToHost(data);
    if (!message) return;
    this.recorder.received(message);
    switch (message.type) {
      case 'ready':
        // A fresh page (first load, shown again, reloaded) has nothing yet: always send.
        this.lastPosted = undefined;
        if (this.shown) this.post({ type: 'update', model: this.shown.model });
        else await this.refresh();
        return;
      case 'reveal':
        return this.reveal(message.uri, message.range);
      case 'scope':
        if (message.scope === this.scope) return;
        this.scope = message.scope;
        if (this.scope === 'workspace') this.startWorkspace();
        return this.refresh();
      case 'copyMarkdown':
        return this.copyMarkdown();
      case 'saveJson':
        return this.saveJson();
      case 'rendered':
        return;
    }
  }

  private didChangeActiveTextEditor(editor: vscode.TextEditor | undefined): void {
    // Focus moving into the panel itself leaves no active editor: keep what is shown.
    if (!editor || !this.service.isCandidate(editor.document)) return;
    if (editor.document.uri.toString() === this.followed?.toString()) return;
    this.followed = editor.document.uri;
    if (this.scope === 'document') void this.refresh();
  }

  private didAnalyze(uri: vscode.Uri, result: AnalysisResult | undefined): void {
    if (this.scope === 'document' && uri.toString() === this.followed?.toString()) void this.refresh(result);
  }

  /** Builds the model for the current scope and sends it when it changed. */
  private async refresh(result?: AnalysisResult): Promise<void> {
    const generation = ++this.generation;
    const shown = this.scope === 'workspace' ? this.workspaceModel() : await this.documentModel(result);
    if (generation !== this.generation || this.disposed) return;
    this.shown = shown;
    this.post({ type: 'update', model: shown.model });
  }

  private async documentModel(given: AnalysisResult | undefined): Promise<{ model: PanelModel; files: readonly PanelFile[] }> {
    const uri = this.followed;
    const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!uri || !document || document.isClosed) return { model: emptyModel('document', 'no-editor', ''), files: [] };
    const title = baseName(uri);
    // An event's result is the newest there is; otherwise ask for the current version's.
    let result = given ?? this.service.get(uri);
    if (!result || (!given && result.version !== document.version)) result = await this.service.ensure(document);
    if (!result) {
      const status = this.service.skipped(uri) ? 'too-large' : 'not-plan';
      return { model: emptyModel('document', status, title), files: [] };
    }
    if (result.analysis.sections.length === 0) return { model: emptyModel('document', 'no-sections', title), files: [] };
    const files = [panelFile(result)];
    const changes = await this.changes.of(result);
    return { model: { ...readyModel('document', title, files), changes }, files };
  }

  private workspaceModel(): { model: PanelModel; files: readonly PanelFile[] } {
    const title = vscode.workspace.name ?? 'Workspace';
    const plans = this.workspace;
    if (!plans || !plans.loaded) return { model: emptyModel('workspace', 'loading', title), files: [] };
    const files = plans.results().map(panelFile);
    if (files.length === 0) return { model: emptyModel('workspace', 'no-plans', title), files: [] };
    const label = `${title} · ${files.length} plan ${files.length === 1 ? 'document' : 'documents'}`;
    return { model: readyModel('workspace', label, files), files };
  }

  private startWorkspace(): void {
    if (this.workspace) return;
    this.workspace = new WorkspacePlans(this.service, this.log);
    this.workspace.onDidChange(() => {
      if (this.scope === 'workspace') void this.refresh();
    });
  }

  private post(message: ToWebview): void {
    if (message.type === 'update') {
      // Typing often changes nothing the panel shows: send only real changes.
      const json = JSON.stringify(message.model);
      if (json === this.lastPosted) return;
      this.lastPosted = json;
    }
    this.recorder.sent(message);
    void this.panel.webview.postMessage(message);
  }

  /** Reveals and selects a section, in the editor that shows its document (or beside the panel). */
  private async reveal(uriText: string, range: PlainRange): Promise<void> {
    // Only documents the panel shows: the webview cannot make the host open anything else.
    const file = this.shown?.files.find((f) => f.uri === uriText);
    if (!file) return;
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

  private async copyMarkdown(): Promise<void> {
    const files = this.shown?.files ?? [];
    if (files.length === 0) return;
    await vscode.env.clipboard.writeText(summaryMarkdown(files));
    this.post({ type: 'notice', text: 'Copied the summary as a Markdown table.' });
  }

  private async saveJson(): Promise<void> {
    const files = this.shown?.files ?? [];
    if (files.length === 0) return;
    const text = summaryJson(files);
    const first = vscode.Uri.parse(files[0].uri);
    const folder = vscode.workspace.getWorkspaceFolder(first)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = this.scope === 'workspace' ? 'ownership-summary.json' : `${baseName(first).replace(/\.md$/i, '')}.summary.json`;
    const target = await vscode.window.showSaveDialog({
      title: 'Save Ownership Summary as JSON',
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: { JSON: ['json'] },
      saveLabel: 'Save',
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    this.post({ type: 'notice', text: `Saved the summary to ${vscode.workspace.asRelativePath(target)}.` });
  }

  private dispose(): void {
    this.disposed = true;
    this.workspace?.dispose();
    this.workspace = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/**
 * Every plan document of the workspace, found with `findFiles` and the same detection and
 * configuration as diagnostics (`AnalysisService.analyzeUri`), kept current by a file watcher
 * and by the analyses of open documents.
 */
class WorkspacePlans implements vscode.Disposable {
  loaded = false;
  private readonly plans = new Map<string, AnalysisResult>();
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private scanGeneration = 0;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(
    private readonly service: AnalysisService,
    private readonly log: Logger,
  ) {
    const files = vscode.workspace.createFileSystemWatcher(MARKDOWN_GLOB);
    const configs = vscode.workspace.createFileSystemWatcher('**/.pmlens.json');
    const queue = guardListener(log, 'workspace plans', (uri: vscode.Uri) => this.queue(uri));
    const rescan = guardListener(log, 'workspace plans', () => this.scan());
    this.disposables.push(
      files,
      configs,
      files.onDidCreate(queue),
      files.onDidChange(queue),
      files.onDidDelete(queue),
      configs.onDidCreate(rescan),
      configs.onDidChange(rescan),
      configs.onDidDelete(rescan),
      vscode.workspace.onDidChangeConfiguration(guardListener(log, 'workspace plans', (e: vscode.ConfigurationChangeEvent) => {
        if (e.affectsConfiguration('pmLens')) void this.scan();
      })),
      vscode.workspace.onDidChangeWorkspaceFolders(rescan),
      service.onDidAnalyze(guardListener(log, 'workspace plans', (e: { uri: vscode.Uri; result: AnalysisResult | undefined }) => this.didAnalyze(e.uri, e.result))),
    );
    void this.scan();
  }

  /** The plans, by workspace-relative path. */
  results(): AnalysisResult[] {
    return [...this.plans.values()].sort((a, b) => compare(vscode.workspace.asRelativePath(a.uri), vscode.workspace.asRelativePath(b.uri)));
  }

  /** Finds and analyses every Markdown file again. */
  async scan(): Promise<void> {
    const generation = ++this.scanGeneration;
    const uris = await vscode.workspace.findFiles(MARKDOWN_GLOB, WORKSPACE_EXCLUDE, WORKSPACE_MAX_FILES);
    const results = await mapLimited(uris, WORKSPACE_CONCURRENCY, (uri) => this.analyze(uri));
    if (generation !== this.scanGeneration) return;
    this.plans.clear();
    for (const result of results) if (result) this.plans.set(result.uri.toString(), result);
    this.loaded = true;
    this.emitter.fire();
  }

  private didAnalyze(uri: vscode.Uri, result: AnalysisResult | undefined): void {
    if (!inWorkspace(uri)) return;
    if (result) {
      this.plans.set(uri.toString(), result);
      if (this.loaded) this.emitter.fire();
    } else {
      // Closed, or no longer a plan as typed: the file on disk decides.
      this.queue(uri);
    }
  }

  private queue(uri: vscode.Uri): void {
    if (!inWorkspace(uri)) return;
    this.pending.add(uri.toString());
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(guardListener(this.log, 'workspace plans', () => this.flush()), WORKSPACE_SETTLE_MS);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const uris = [...this.pending].map((u) => vscode.Uri.parse(u));
    this.pending.clear();
    const results = await mapLimited(uris, WORKSPACE_CONCURRENCY, (uri) => this.analyze(uri));
    uris.forEach((uri, i) => {
      const result = results[i];
      if (result) this.plans.set(uri.toString(), result);
      else this.plans.delete(uri.toString());
    });
    if (this.loaded) this.emitter.fire();
  }

  private async analyze(uri: vscode.Uri): Promise<AnalysisResult | undefined> {
    try {
      return await this.service.analyzeUri(uri);
    } catch (error) {
      this.log.error(`Analysing ${uri.toString(true)} for the workspace summary`, error);
      return undefined;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.scanGeneration++;
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * Sets `pmLens.isPlan` while the active editor holds an analysed plan: the editor title button and
 * the command palette entry show on it. Focus in a panel (no active editor) keeps the last value.
 */
class PlanContextKey implements vscode.Disposable {
  private value: boolean | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly service: AnalysisService, log: Logger) {
    this.disposables = [
      vscode.window.onDidChangeActiveTextEditor(guardListener(log, 'plan context key', () => this.update())),
      service.onDidAnalyze(guardListener(log, 'plan context key', (e: { uri: vscode.Uri }) => {
        if (e.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      })),
    ];
    this.update();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const value = this.service.get(editor.document.uri) !== undefined;
    if (value === this.value) return;
    this.value = value;
    void vscode.commands.executeCommand('setContext', IS_PLAN_CONTEXT_KEY, value);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** The editor to follow at first: the active one, else a visible Markdown editor. */
function followableEditor(service: AnalysisService): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (active && service.isCandidate(active.document)) return active;
  return vscode.window.visibleTextEditors.find((e) => service.isCandidate(e.document));
}

function panelFile(result: AnalysisResult): PanelFile {
  return {
    uri: result.uri.toString(),
    path: vscode.workspace.asRelativePath(result.uri),
    analysis: result.analysis,
    taxonomy: result.config.taxonomy,
  };
}

/** A column for an editor that is not the panel's. */
function otherColumn(panelColumn: vscode.ViewColumn | undefined): vscode.ViewColumn {
  return panelColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
}

function inWorkspace(uri: vscode.Uri): boolean {
  return /\.md$/i.test(uri.path) && vscode.workspace.getWorkspaceFolder(uri) !== undefined && !/\/(node_modules|\.git)\//.test(uri.path);
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Maps with at most `limit` calls in flight, keeping the order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
