/**
 * One open Ownership Summary panel: its webview, what it follows (the active plan editor, or
 * every plan of the workspace), what it last showed, and what its buttons do: reveal the section
 * a row names, copy the summary as Markdown, save it as JSON. Its data are the language server's
 * summaries (`pmLens/summary`).
 *
 * Everything it sends is built by `summaryPanelModel.ts`; everything it receives is validated
 * with the schemas of `src/shared/panelProtocol.ts` and ignored when malformed.
 */
import * as vscode from 'vscode';
import { parseToHost, type PanelModel, type PlainRange, type Scope, type ToWebview } from '../shared/panelProtocol';
import { guardListener, type Logger } from './log';
import type { PlanClient } from './planClient';
import type { ChangesSinceCommit } from './summaryPanelChanges';
import { makeNonce, panelHtml } from './summaryPanelHtml';
import { emptyModel, readyModel, type PanelFile } from './summaryPanelModel';
import type { PanelRecorder } from './summaryPanelTestHook';
import { panelFile, WorkspacePlans } from './workspacePlans';

/** One open panel: its webview, what it follows, and what it last showed. */
export class SummaryPanel {
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
    private readonly plans: PlanClient,
    private readonly changes: ChangesSinceCommit,
    private readonly log: Logger,
    scope: Scope,
    followed: vscode.Uri | undefined,
    private readonly recorder: PanelRecorder,
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
      plans.onDidChangeStatus(guardListener(log, 'summary panel', (status: { uri: string }) => this.didChangeStatus(status.uri))),
      vscode.workspace.onDidCloseTextDocument(guardListener(log, 'summary panel', (d: vscode.TextDocument) => {
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
    if (!editor || !this.plans.isCandidate(editor.document)) return;
    if (editor.document.uri.toString() === this.followed?.toString()) return;
    this.followed = editor.document.uri;
    if (this.scope === 'document') void this.refresh();
  }

  private didChangeStatus(uri: string): void {
    if (this.scope === 'document' && uri === this.followed?.toString()) void this.refresh();
  }

  /** Builds the model for the current scope and sends it when it changed. */
  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    const shown = this.scope === 'workspace' ? await this.workspaceModel() : await this.documentModel();
    if (generation !== this.generation || this.disposed) return;
    this.shown = shown;
    this.post({ type: 'update', model: shown.model });
  }

  private async documentModel(): Promise<{ model: PanelModel; files: readonly PanelFile[] }> {
    const uri = this.followed;
    const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!uri || !document || document.isClosed) return { model: emptyModel('document', 'no-editor', ''), files: [] };
    const title = baseName(uri);
    const result = await this.plans.summary(uri);
    if (!result) {
      const state = this.plans.status(uri)?.state;
      const status = state === 'too-large' || state === 'paused' || state === 'failed' ? state : 'not-plan';
      return { model: emptyModel('document', status, title), files: [] };
    }
    if (result.summary.neither.length + result.summary.product.length + result.summary.project.length === 0) return { model: emptyModel('document', 'no-sections', title), files: [] };
    const files = [panelFile(result)];
    const changes = await this.changes.of(uri);
    return { model: { ...readyModel('document', title, files, await this.plans.total([result.summary])), changes }, files };
  }

  private async workspaceModel(): Promise<{ model: PanelModel; files: readonly PanelFile[] }> {
    const title = vscode.workspace.name ?? 'Workspace';
    const plans = this.workspace;
    if (!plans || !plans.loaded) return { model: emptyModel('workspace', 'loading', title), files: [] };
    const files = plans.results();
    if (files.length === 0) return { model: emptyModel('workspace', 'no-plans', title), files: [] };
    const label = `${title} · ${files.length} plan ${files.length === 1 ? 'document' : 'documents'}`;
    return { model: readyModel('workspace', label, files, await this.plans.total(files.map((f) => f.summary))), files };
  }

  private startWorkspace(): void {
    if (this.workspace) return;
    this.workspace = new WorkspacePlans(this.plans, this.log);
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
    await vscode.env.clipboard.writeText(await this.plans.exportSummaries({ files, format: 'markdown' }));
    this.post({ type: 'notice', text: 'Copied the summary as a Markdown table.' });
  }

  private async saveJson(): Promise<void> {
    const files = this.shown?.files ?? [];
    if (files.length === 0) return;
    const text = await this.plans.exportSummaries({ files, format: 'json' });
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


/** A column for an editor that is not the panel's. */
function otherColumn(panelColumn: vscode.ViewColumn | undefined): vscode.ViewColumn {
  return panelColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
