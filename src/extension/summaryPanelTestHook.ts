/**
 * What the integration tests see of the Ownership Summary panel. The hook command is registered
 * only when the extension runs its tests (summaryPanelHost.ts).
 */
import type * as vscode from 'vscode';
import type { ToHost, ToWebview } from '../shared/panelProtocol';

/** Registered only when the extension runs its tests: returns the {@link PanelTestHook}. */
export const PANEL_TEST_HOOK_COMMAND = 'pmLens._panelTestHook';

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

/** Where a panel reports every message it sends and every valid one it receives. */
export interface PanelRecorder {
  sent(message: ToWebview): void;
  received(message: ToHost): void;
}

