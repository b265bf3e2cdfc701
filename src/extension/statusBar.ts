import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import { formatBytes } from '../shared/size';
import { Commands } from './constants';
import { engine } from './lazy';
import { guardListener, type Logger } from './log';

/**
 * One status-bar item for the active editor: the balance of product and project words of a
 * plan, or a note that a plan was skipped for its size. Hidden for anything else.
 */
export class BalanceStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];

  /** `openSummary`: whether clicking may run the summary command (it exists). */
  constructor(private readonly service: AnalysisService, log: Logger, private readonly openSummary: boolean) {
    this.item = vscode.window.createStatusBarItem('pmLens.balance', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'PM Lens Balance';
    this.disposables.push(
      this.item,
      service.onDidAnalyze(guardListener(log, 'status bar', (e: { uri: vscode.Uri }) => {
        if (e.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      })),
      vscode.window.onDidChangeActiveTextEditor(guardListener(log, 'status bar', () => this.update())),
    );
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) return this.item.hide();
    const skipped = this.service.skipped(document.uri);
    if (skipped) {
      this.item.text = '$(warning) PM Lens: skipped';
      this.item.tooltip = `PM Lens skipped this document: ${formatBytes(skipped.size)} is above pmLens.maxFileSize (${formatBytes(skipped.limit)}).`;
      this.item.command = undefined;
      return this.item.show();
    }
    const result = this.service.get(document.uri);
    if (!result) return this.item.hide();
    const balance = engine().balanceOf(result.analysis.summary);
    this.item.text = `$(graph) ${balance.text}`;
    this.item.tooltip = `PM Lens: ${balance.tooltip}${this.openSummary ? '. Click for the ownership summary.' : ''}`;
    this.item.command = this.openSummary ? Commands.openSummary : undefined;
    this.item.show();
  }

  /** The text on the item now (tests read it). */
  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
