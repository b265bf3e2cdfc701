import * as vscode from 'vscode';
import { guardListener, type Logger } from './log';
import type { PlanClient } from './planClient';

/** The context key the editor title button shows on: the active editor holds an analysed plan. */
export const IS_PLAN_CONTEXT_KEY = 'pmLens.isPlan';

/**
 * Sets `pmLens.isPlan` while the active editor holds an analysed plan: the editor title button and
 * the command palette entry show on it. Focus in a panel (no active editor) keeps the last value.
 */
export class PlanContextKey implements vscode.Disposable {
  private value: boolean | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly plans: PlanClient, log: Logger) {
    this.disposables = [
      vscode.window.onDidChangeActiveTextEditor(guardListener(log, 'plan context key', () => this.update())),
      plans.onDidChangeStatus(guardListener(log, 'plan context key', (status: { uri: string }) => {
        if (status.uri === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      })),
    ];
    this.update();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const value = this.plans.status(editor.document.uri)?.state === 'analysed';
    if (value === this.value) return;
    this.value = value;
    void vscode.commands.executeCommand('setContext', IS_PLAN_CONTEXT_KEY, value);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

