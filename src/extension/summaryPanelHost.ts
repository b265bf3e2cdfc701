/**
 * The Ownership Summary's entry points: `pmLens.openSummary`, the serializer that restores the
 * panel after a reload, the `pmLens.isPlan` context key, and (in tests) the test hook. At most
 * one panel is open; the host hands commands and restores to it.
 */
import * as vscode from 'vscode';
import { parseViewState, SUMMARY_VIEW_TYPE, type Scope, type ToHost, type ToWebview } from '../shared/panelProtocol';
import { Commands } from './constants';
import { guard, type Logger } from './log';
import { PlanContextKey } from './planContextKey';
import type { PlanClient } from './planClient';
import { SummaryPanel } from './summaryPanel';
import { ChangesSinceCommit } from './summaryPanelChanges';
import { PANEL_TEST_HOOK_COMMAND, type PanelTestHook } from './summaryPanelTestHook';

const PANEL_TITLE = 'Ownership Summary';

/**
 * Registers `pmLens.openSummary`, the panel serializer and the `pmLens.isPlan` context key. Every
 * disposable goes into `context.subscriptions`.
 */
export function registerSummaryPanel(context: vscode.ExtensionContext, plans: PlanClient, log: Logger): void {
  const host = new SummaryPanelHost(context.extensionUri, plans, log);
  context.subscriptions.push(
    host,
    new PlanContextKey(plans, log),
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
export class SummaryPanelHost implements vscode.Disposable {
  private panel: SummaryPanel | undefined;
  private readonly sent: ToWebview[] = [];
  private readonly received: ToHost[] = [];
  private readonly sendEmitter = new vscode.EventEmitter<ToWebview>();
  private readonly receiveEmitter = new vscode.EventEmitter<ToHost>();
  /** Shared by the panels that come and go: the Git access stays set up. */
  private readonly changes: ChangesSinceCommit;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly plans: PlanClient,
    private readonly log: Logger,
  ) {
    this.changes = new ChangesSinceCommit(plans);
  }

  /** Opens the panel beside the editor (or brings it forward) on a document or the active editor. */
  open(uri: vscode.Uri | undefined): void {
    const target = uri ?? followableEditor(this.plans)?.document.uri;
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
    this.attach(panel, scope, followableEditor(this.plans)?.document.uri);
  }

  private attach(panel: vscode.WebviewPanel, scope: Scope, target: vscode.Uri | undefined): void {
    const summary = new SummaryPanel(panel, this.extensionUri, this.plans, this.changes, this.log, scope, target, {
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

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** The editor to follow at first: the active one, else a visible Markdown editor. */
function followableEditor(plans: PlanClient): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (active && plans.isCandidate(active.document)) return active;
  return vscode.window.visibleTextEditors.find((e) => plans.isCandidate(e.document));
}
