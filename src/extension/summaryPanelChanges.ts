/**
 * "Changes since last commit" for the Ownership Summary: the committed version from Git
 * (gitBaseline.ts, VS Code's own Git extension), handed to the language server, which analyses it
 * as the file would be and compares it with the current analysis by the core's ownership diff
 * (`pmLens/changes`, the same diff as `pm-lens diff HEAD`).
 */
import * as vscode from 'vscode';
import type { PanelChanges } from '../shared/panelProtocol';
import type { ChangesBaseParams } from '../shared/serverProtocol';
import { SETTINGS_SECTION } from './constants';
import { baseLabel, GitBaseline, type Baseline } from './gitBaseline';
import type { PlanClient } from './planClient';

/** `pmLens.maxFileSize`'s default: a committed version larger than the setting is not read. */
const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export class ChangesSinceCommit implements vscode.Disposable {
  private readonly git = new GitBaseline();
  /** Fires when the committed side may have changed (a commit, Git turned on, a repository found). */
  readonly onDidChange: vscode.Event<void> = this.git.onDidChange;

  constructor(private readonly plans: PlanClient) {}

  /** The changes of an open plan's current version since the last commit. */
  async of(uri: vscode.Uri): Promise<PanelChanges | undefined> {
    let base: ChangesBaseParams;
    try {
      base = toParams(await this.git.read(uri, maxFileSize(uri)));
    } catch (error) {
      // The summary itself must still show: the changes say what went wrong instead.
      base = { status: 'error', detail: error instanceof Error ? error.message : String(error) };
    }
    return this.plans.changes(uri, base);
  }

  dispose(): void {
    this.git.dispose();
  }
}

function toParams(baseline: Baseline): ChangesBaseParams {
  switch (baseline.status) {
    case 'not-committed':
      return { status: 'ready', base: baseLabel(baseline.commit), isNew: true };
    case 'committed':
      return { status: 'ready', base: baseLabel(baseline.commit), text: baseline.text, isNew: false };
    default:
      return { status: baseline.status, detail: baseline.detail };
  }
}

function maxFileSize(uri: vscode.Uri): number {
  const value = vscode.workspace.getConfiguration(SETTINGS_SECTION, uri).get<unknown>('maxFileSize');
  return typeof value === 'number' && value >= 0 ? value : DEFAULT_MAX_FILE_SIZE;
}
