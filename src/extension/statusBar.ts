import * as vscode from 'vscode';
import { balanceOf, balanceText } from '../shared/balance';
import { formatBytes } from '../shared/size';
import { Commands } from './constants';
import { guardListener, type Logger } from './log';
import type { PlanClient } from './planClient';

/**
 * One status-bar item for the active editor: the balance of product, project and other words of
 * a plan (the same figure as the Ownership Summary panel), or a note that a plan was skipped for
 * its size, paused or failed. Hidden for anything else. Its numbers come from the server (`pmLens/words`).
 */
export class BalanceStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the new text whenever the item changed (tests wait on it). */
  readonly onDidChange: vscode.Event<string> = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** Bumped by every update; an older summary that arrives late is dropped. */
  private generation = 0;

  constructor(private readonly plans: PlanClient, log: Logger) {
    this.item = vscode.window.createStatusBarItem('pmLens.balance', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'PM Lens Balance';
    this.disposables.push(
      this.item,
      this.changed,
      plans.onDidChangeStatus(guardListener(log, 'status bar', (status: { uri: string }) => {
        if (status.uri === vscode.window.activeTextEditor?.document.uri.toString()) return this.update();
      })),
      vscode.window.onDidChangeActiveTextEditor(guardListener(log, 'status bar', () => this.update())),
    );
  }

  async update(): Promise<void> {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    const status = document && this.plans.status(document.uri);
    if (!document || !status) return this.hide();
    switch (status.state) {
      case 'too-large':
        this.item.tooltip = `PM Lens skipped this document: ${formatBytes(status.size)} is above pmLens.maxFileSize (${formatBytes(status.limit)}).`;
        return this.show('$(warning) PM Lens: skipped', undefined);
      case 'paused':
        this.item.tooltip = `PM Lens paused this document: analysing it took longer than ${status.budgetMs / 1000} s. Run PM Lens: Analyze This Document to try again.`;
        return this.show('$(warning) PM Lens: paused', Commands.analyzeDocument);
      case 'failed':
        this.item.tooltip = `PM Lens could not analyse this document: ${status.reason}. Click for the PM Lens output.`;
        return this.show('$(error) PM Lens: failed', Commands.showOutput);
      case 'analysed': {
        const result = await this.plans.words(document.uri);
        if (generation !== this.generation) return;
        if (!result) return this.hide();
        const balance = balanceText(balanceOf(result.words));
        this.item.tooltip = `PM Lens: ${balance.tooltip}. Click for the ownership summary.`;
        return this.show(`$(graph) ${balance.text}`, Commands.openSummary);
      }
      default:
        return this.hide();
    }
  }

  /** The text on the item now (tests read it). */
  get text(): string {
    return this.item.text;
  }

  private show(text: string, command: string | undefined): void {
    this.item.text = text;
    this.item.command = command;
    this.item.show();
    this.changed.fire(text);
  }

  private hide(): void {
    this.item.text = '';
    this.item.hide();
    this.changed.fire('');
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
