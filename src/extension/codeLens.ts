import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import { toRange } from './convert';
import { engine } from './lazy';
import { guard, guardListener, type Logger } from './log';
import { readSettings } from './settings';

/** A lens above every heading: `Product · vision · 0.86`, `Project · budget · tagged`. */
export class PlanCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  readonly provideCodeLenses: (document: vscode.TextDocument, token: vscode.CancellationToken) => Promise<vscode.CodeLens[]>;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: AnalysisService, log: Logger) {
    this.provideCodeLenses = guard(log, 'CodeLens', (document, token) => this.lenses(document, token), []);
    this.subscription = service.onDidAnalyze(guardListener(log, 'CodeLens refresh', () => this.changed.fire()));
  }

  private async lenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!readSettings(document.uri).codeLensEnabled) return [];
    const result = await this.service.ensure(document);
    if (!result || token.isCancellationRequested) return [];
    return result.analysis.sections.map(
      (section) => new vscode.CodeLens(toRange(section.headingRange), { title: engine().lensTitle(section), command: '' }),
    );
  }

  /** Settings changed: ask the editor to fetch lenses again. */
  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
