/**
 * "Changes since last commit" for the Ownership Summary: the committed version from Git
 * (gitBaseline.ts), analysed as the file would be, compared with the current analysis by the
 * core's ownership diff (summaryPanelModel.ts `changesModel`, the same diff as `pm-lens diff HEAD`).
 */
import * as vscode from 'vscode';
import type { PanelChanges } from '../shared/panelProtocol';
import type { AnalysisResult, AnalysisService } from './analysisService';
import { baseLabel, GitBaseline, type Baseline } from './gitBaseline';
import { readSettings } from './settings';
import { changesModel, type ChangesBase } from './summaryPanelModel';

/** The committed version's analysis, kept while the commit and the configuration stay. */
interface AnalysedBaseline {
  readonly commit: string;
  readonly config: AnalysisResult['config'];
  readonly before: AnalysisResult | undefined;
}

export class ChangesSinceCommit implements vscode.Disposable {
  private readonly git = new GitBaseline();
  private readonly analysed = new Map<string, AnalysedBaseline>();
  /** Fires when the committed side may have changed (a commit, Git turned on, a repository found). */
  readonly onDidChange: vscode.Event<void> = this.git.onDidChange;

  constructor(private readonly service: AnalysisService) {}

  /** The changes of a document's current analysis since the last commit. */
  async of(result: AnalysisResult): Promise<PanelChanges> {
    try {
      const baseline = await this.git.read(result.uri, readSettings(result.uri).maxFileSize);
      return changesModel(await this.base(result, baseline), result.analysis);
    } catch (error) {
      // The summary itself must still show: the changes say what went wrong instead.
      return changesModel({ status: 'error', detail: error instanceof Error ? error.message : String(error) }, result.analysis);
    }
  }

  private async base(result: AnalysisResult, baseline: Baseline): Promise<ChangesBase> {
    switch (baseline.status) {
      case 'not-committed':
        return { status: 'ready', base: baseLabel(baseline.commit), before: undefined, isNew: true };
      case 'committed': {
        const key = result.uri.toString();
        let entry = this.analysed.get(key);
        if (!entry || entry.commit !== baseline.commit || entry.config !== result.config) {
          entry = { commit: baseline.commit, config: result.config, before: await this.service.analyzeText(result.uri, baseline.text) };
          this.analysed.set(key, entry);
        }
        return { status: 'ready', base: baseLabel(baseline.commit), before: entry.before?.analysis, isNew: false };
      }
      default:
        return { status: baseline.status, detail: baseline.detail };
    }
  }

  /** A document closed: its committed analysis is not needed any more. */
  forget(uri: vscode.Uri): void {
    this.analysed.delete(uri.toString());
  }

  dispose(): void {
    this.analysed.clear();
    this.git.dispose();
  }
}
