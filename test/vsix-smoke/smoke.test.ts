/**
 * The installed VSIX in a real extension host (code-server): it is the one under test (not the
 * repository), it activates on a plan, shows diagnostics with the workspace's configuration and
 * opens the summary panel. The workspace is a copy of test/web/fixtures; PM_LENS_REPO in the
 * host's environment is the repository the VSIX was packed from.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'pm-lens.pm-lens';
const WAIT_MS = 30_000;

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : code === undefined ? undefined : String(code);
}

/** Resolves once `check` passes; it runs now and after every `event`. */
function waitFor<T>(what: string, event: vscode.Event<T>, check: () => boolean): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out after ${WAIT_MS} ms waiting for ${what}`));
    }, WAIT_MS);
    const test = (): void => {
      if (!check()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    };
    const subscription = event(test);
    test();
  });
}

function summaryTabOpen(): boolean {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('pmLens.summary'));
}

describe('the installed VSIX', () => {
  let extension: vscode.Extension<unknown>;

  before(() => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is not installed`);
    extension = found;
  });

  it('is the packaged extension, installed in the extensions folder, not the repository', () => {
    const repo = process.env.PM_LENS_REPO;
    assert.ok(repo, 'PM_LENS_REPO is set');
    const installed = fs.realpathSync(extension.extensionPath);
    assert.ok(!installed.startsWith(fs.realpathSync(repo) + path.sep), `${installed} is inside the repository`);
    assert.equal(path.basename(installed), `${EXTENSION_ID}-${extension.packageJSON.version as string}`);
    assert.ok(fs.existsSync(path.join(installed, 'dist', 'extension.js')), 'the bundle is installed');
    for (const absent of ['src', 'node_modules', 'test']) assert.ok(!fs.existsSync(path.join(installed, absent)), `${absent}/ was installed`);
    assert.equal(extension.extensionKind, vscode.ExtensionKind.Workspace);
  });

  it('activates on a plan and shows its diagnostics, with the workspace configuration', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'trail-finder-prd.md'));
    await vscode.window.showTextDocument(document);
    const mismatches = (): vscode.Diagnostic[] =>
      vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'pm-lens' && codeOf(d) === 'owner-mismatch');
    await waitFor('owner-mismatch on the PRD', vscode.languages.onDidChangeDiagnostics, () => mismatches().length > 0);
    assert.ok(extension.isActive, 'the extension is active');
    // .pmlens.json in the workspace raises owner-mismatch from its default (warning) to error.
    assert.equal(mismatches()[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(mismatches()[0].message, /Delivery costs/);
  });

  it('opens the ownership summary panel', async () => {
    assert.ok(vscode.window.activeTextEditor?.document.uri.path.endsWith('trail-finder-prd.md'), 'the plan is the active editor');
    await vscode.commands.executeCommand('pmLens.openSummary');
    await waitFor('the Ownership Summary tab', vscode.window.tabGroups.onDidChangeTabs, summaryTabOpen);
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview);
    assert.equal(tab?.label, 'Ownership Summary');
  });
});
