/**
 * "Changes since last commit" in a real extension host, with VS Code's own Git extension: a git
 * repository the test builds in a folder of the workspace (where the Git extension finds
 * repositories by itself; removed afterwards), a committed plan opened and edited, and what the
 * panel sends and its page draws.
 * The host runner starts with `git.enabled: false`; the first test sees that state, then the
 * tests turn Git on and restore the setting at the end.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PanelTestHook } from '../../src/extension/summaryPanelTestHook';
import type { PanelChanges, PanelModel } from '../../src/shared/panelProtocol';
import { analysed, pmLens, revertAndCloseAll, WAIT_MS, waitFor, type PmLensApiLike } from './helpers';

const OPEN_SUMMARY = 'pmLens.openSummary';
const TEST_HOOK = 'pmLens._panelTestHook';
/** The fixtures of the unit tests: out/test/integration → the repository's test/fixtures. */
const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'changes');
const COMMITTED = fs.readFileSync(path.join(FIXTURES, 'tea-club-plan.committed.md'), 'utf8');
const EDITED = fs.readFileSync(path.join(FIXTURES, 'tea-club-plan.edited.md'), 'utf8');
const PLAN = 'tea-club-plan.md';

/** Runs git in `cwd` with arguments (no shell), as a person would have. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' });
}

/** The few members of the Git extension's API the test commits with, as the Source Control view does. */
interface GitApiLike {
  getRepository(uri: vscode.Uri): { commit(message: string, options: { all: boolean }): Promise<void> } | null;
}

describe('Ownership Summary: changes since last commit', function () {
  // Git starts its model and finds the repository once it is turned on: allow it a few waits.
  this.timeout(4 * WAIT_MS);
  let api: PmLensApiLike;
  let hook: PanelTestHook;
  let repo: string;
  let outside: string;
  let gitEnabledBefore: unknown;

  before(async () => {
    api = await pmLens();
    const found = await vscode.commands.executeCommand<PanelTestHook | undefined>(TEST_HOOK);
    assert.ok(found, `${TEST_HOOK} is registered in test mode`);
    hook = found;
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the host has a workspace folder open');
    repo = fs.realpathSync(fs.mkdtempSync(path.join(folder.uri.fsPath, 'changes-repo-')));
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'config', 'user.name', 'Tea Club');
    git(repo, 'config', 'user.email', 'club@example.test');
    git(repo, 'config', 'commit.gpgsign', 'false');
    fs.writeFileSync(path.join(repo, PLAN), COMMITTED);
    git(repo, 'add', PLAN);
    git(repo, 'commit', '-q', '-m', 'Tea club plan');
    // Outside the workspace and any repository.
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-no-repo-')));
    fs.writeFileSync(path.join(outside, PLAN), COMMITTED);
    gitEnabledBefore = vscode.workspace.getConfiguration('git').inspect('enabled')?.globalValue;
  });

  afterEach(async () => {
    hook.panel?.dispose();
    await revertAndCloseAll();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('git').update('enabled', gitEnabledBefore, vscode.ConfigurationTarget.Global);
    for (const dir of [repo, outside]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const updatesSince = (from: number): PanelModel[] => hook.sent.slice(from).flatMap((m) => (m.type === 'update' ? [m.model] : []));

  /** Waits for a model whose changes pass `accept`, and returns them. */
  async function changesWhere(what: string, from: number, accept: (changes: PanelChanges) => boolean): Promise<PanelChanges> {
    let found: PanelChanges | undefined;
    await waitFor(what, hook.onDidSend, () => (found = updatesSince(from).find((m) => m.changes !== undefined && accept(m.changes))?.changes) !== undefined, 3 * WAIT_MS).catch(
      (error: Error) => {
        const last = updatesSince(from).at(-1)?.changes;
        throw new Error(`${error.message}; last changes: ${last ? `${last.status} '${last.detail}' ${last.rows.map((r) => r.kind).join(',')}` : 'none'}`);
      },
    );
    return found!;
  }

  async function openPlan(file: string): Promise<vscode.TextEditor> {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(file)));
    await analysed(api, editor.document);
    return editor;
  }

  it('says Git is turned off while it is, and still shows the summary', async () => {
    assert.equal(vscode.workspace.getConfiguration('git').get('enabled'), false, 'the host runner starts with git.enabled: false (scripts/run-host-tests.mjs)');
    await openPlan(path.join(repo, PLAN));
    const from = hook.sent.length;
    await vscode.commands.executeCommand(OPEN_SUMMARY);
    const changes = await changesWhere('the git-disabled state', from, (c) => c.status === 'git-disabled');
    assert.equal(changes.rows.length, 0);
    const model = updatesSince(from).find((m) => m.changes?.status === 'git-disabled')!;
    assert.equal(model.status, 'ready', 'the summary itself is there');
  });

  it('compares the plan as edited with its committed version, and the page draws it', async () => {
    await vscode.workspace.getConfiguration('git').update('enabled', true, vscode.ConfigurationTarget.Global);
    const editor = await openPlan(path.join(repo, PLAN));
    const receivedFrom = hook.received.length;
    let from = hook.sent.length;
    await vscode.commands.executeCommand(OPEN_SUMMARY);
    // The first reading can come while the Git extension is still settling on the repository the
    // test just made (it was seen once to read the file as not committed); the panel reads again
    // as the repository's state changes, and what it settles on must be no change.
    const clean = await changesWhere('the committed version to be read, with no change', from, (c) => c.status === 'ready' && c.rows.length === 0);
    assert.match(clean.base, /^HEAD \([0-9a-f]{7}\)$/);
    assert.equal(clean.base, `HEAD (${git(repo, 'rev-parse', '--short=7', 'HEAD').trim()})`);
    assert.deepEqual(clean.rows, [], 'nothing changed yet');
    assert.equal(clean.isNew, false);

    // Rewrite the plan as a person would: one edit, not saved.
    from = hook.sent.length;
    const edit = new vscode.WorkspaceEdit();
    const document = editor.document;
    edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), EDITED);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const changed = await changesWhere('the edits to show', from, (c) => c.status === 'ready' && c.rows.length === 4);
    assert.deepEqual(
      changed.rows.map((r) => [r.kind, r.heading]),
      [
        ['retagged', 'Vision'],
        ['moved', 'Success metrics'],
        ['added', 'Timeline'],
        ['removed', 'Glossary'],
      ],
    );
    assert.equal(changed.moved, 1);
    const moved = changed.rows[1];
    assert.equal(moved.before, 'product/metrics (inferred)');
    assert.equal(moved.after, 'project/schedule (inferred)');
    assert.ok(moved.details.some((d) => d.startsWith('now reads as project:')), JSON.stringify(moved.details));
    assert.deepEqual(changed.rows[0].details, ['owners @dana → @kim']);
    assert.ok(changed.balance.before && changed.balance.after);
    assert.equal(changed.balance.before.project, 0);
    assert.ok(changed.balance.after.project > 0);

    // The real page drew the changed sections.
    await waitFor(
      'the page to draw the changes',
      hook.onDidReceive,
      () => hook.received.slice(receivedFrom).some((m) => m.type === 'rendered' && m.changes?.status === 'ready' && m.changes.rows === 4),
      3 * WAIT_MS,
    );

    // A changed section reveals like any row.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    assert.ok(moved.range);
    await hook.receive({ type: 'reveal', uri: document.uri.toString(), range: { start: moved.range.start, end: moved.range.end } });
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString());
    assert.ok(shown, 'the plan is visible');
    assert.equal(shown.document.lineAt(shown.selection.active.line).text, '## Success metrics', 'the cursor sits on the moved heading');

    // Committing the edit from the editor (as the Source Control view does) makes it the new base.
    from = hook.sent.length;
    assert.ok(await document.save(), 'the plan is saved');
    const gitApi = vscode.extensions.getExtension<{ getAPI(version: 1): GitApiLike }>('vscode.git')?.exports.getAPI(1);
    const repository = gitApi?.getRepository(document.uri);
    assert.ok(repository, 'the Git extension has the repository open');
    await repository.commit('Rewrite the success metrics', { all: true });
    const after = await changesWhere('the new commit to become the base', from, (c) => c.status === 'ready' && c.rows.length === 0);
    assert.equal(after.base, `HEAD (${git(repo, 'rev-parse', '--short=7', 'HEAD').trim()})`);
  });

  it('shows every section of a file that is not in the last commit as added', async () => {
    await vscode.workspace.getConfiguration('git').update('enabled', true, vscode.ConfigurationTarget.Global);
    const fresh = path.join(repo, 'second-plan.md');
    fs.writeFileSync(fresh, EDITED);
    const editor = await openPlan(fresh);
    const from = hook.sent.length;
    await vscode.commands.executeCommand(OPEN_SUMMARY);
    const changes = await changesWhere('an untracked plan to count as new', from, (c) => c.status === 'ready');
    assert.equal(changes.isNew, true);
    const analysis = await analysed(api, editor.document);
    assert.equal(changes.rows.length, analysis.sections.length);
    assert.ok(changes.rows.every((r) => r.kind === 'added'));
  });

  it('says so for a file in no repository and for an unsaved document', async () => {
    await vscode.workspace.getConfiguration('git').update('enabled', true, vscode.ConfigurationTarget.Global);
    await openPlan(path.join(outside, PLAN));
    let from = hook.sent.length;
    await vscode.commands.executeCommand(OPEN_SUMMARY);
    await changesWhere('the no-repository state', from, (c) => c.status === 'no-repository');

    hook.panel?.dispose();
    const untitled = await vscode.workspace.openTextDocument({ language: 'markdown', content: COMMITTED });
    await vscode.window.showTextDocument(untitled);
    await analysed(api, untitled);
    from = hook.sent.length;
    await vscode.commands.executeCommand(OPEN_SUMMARY);
    await changesWhere('the unsaved state', from, (c) => c.status === 'unsaved');
  });
});
