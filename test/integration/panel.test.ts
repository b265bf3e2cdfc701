/**
 * The Ownership Summary panel in a real extension host, with its real webview: what it sends,
 * what it does with what the page sends back, and screenshots in light, dark and high-contrast
 * themes (saved when the host runner has a --shot-dir). Every wait is on an event with a time
 * limit.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PanelTestHook } from '../../src/extension/summaryPanelTestHook';
import type { PanelModel, PanelRow, PlainRange } from '../../src/shared/panelProtocol';
import { analysed, fixture, openFixture, pmLens, replaceText, WAIT_MS, waitFor, type PmLensApiLike } from './helpers';

const OPEN_SUMMARY = 'pmLens.openSummary';
const TEST_HOOK = 'pmLens._panelTestHook';
const FIXTURE = 'panel-tea-plan.md';

describe('Ownership Summary panel', () => {
  let api: PmLensApiLike;
  let hook: PanelTestHook;

  before(async () => {
    api = await pmLens();
    const found = await vscode.commands.executeCommand<PanelTestHook | undefined>(TEST_HOOK);
    assert.ok(found, `${TEST_HOOK} is registered in test mode`);
    hook = found;
  });

  afterEach(async () => {
    hook.panel?.dispose();
    // Only the plans these tests edit: the workbench may hold its own settings.json open.
    for (const document of vscode.workspace.textDocuments) {
      if (!document.isDirty || document.languageId !== 'markdown') continue;
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** The models sent since `from`, oldest first. */
  const updatesSince = (from: number): PanelModel[] =>
    hook.sent.slice(from).flatMap((m) => (m.type === 'update' ? [m.model] : []));

  async function nextModel(what: string, from: number, accept: (model: PanelModel) => boolean): Promise<PanelModel> {
    let found: PanelModel | undefined;
    await waitFor(what, hook.onDidSend, () => (found = updatesSince(from).find(accept)) !== undefined).catch((error: Error) => {
      const last = updatesSince(from).at(-1);
      throw new Error(`${error.message}; last model: ${last ? `${last.scope}/${last.status} '${last.title}'` : 'none'}`);
    });
    return found!;
  }

  /**
   * Waits until the real page reports it drew a model that passes `accept`. The first webview of a
   * fresh workbench loads its frame, service worker and bundle: allow it more than one event.
   */
  async function drawn(from: number, accept: (m: { status: string; rows: number }) => boolean): Promise<void> {
    const since = () => hook.received.slice(from).flatMap((m) => (m.type === 'rendered' ? [m] : []));
    await waitFor('the page to draw the model', hook.onDidReceive, () => since().some(accept), 3 * WAIT_MS);
  }

  async function openPanelOn(name: string): Promise<{ editor: vscode.TextEditor; model: PanelModel }> {
    const editor = await openFixture(name);
    await analysed(api, editor.document);
    const from = hook.sent.length;
    await vscode.commands.executeCommand(OPEN_SUMMARY);
    const model = await nextModel(`the summary of ${name}`, from, (m) => m.status === 'ready');
    return { editor, model };
  }

  const rowsOf = (model: PanelModel): PanelRow[] => {
    const summary = model.documents[0].summary;
    return [...summary.product.flatMap((g) => g.rows), ...summary.project.flatMap((g) => g.rows), ...summary.neither];
  };
  const rowNamed = (model: PanelModel, heading: string): PanelRow => {
    const row = rowsOf(model).find((r) => r.heading === heading);
    assert.ok(row, `a row for '${heading}'`);
    return row;
  };
  const plain = (row: PanelRow): PlainRange => ({
    start: { line: row.range.start.line, character: row.range.start.character },
    end: { line: row.range.end.line, character: row.range.end.character },
  });

  it('opens beside the editor, and its first message carries the summary of the plan', async () => {
    const editor = await openFixture(FIXTURE);
    const analysis = (await api.plans.ensure(editor.document))?.analysis as { summary: unknown } | undefined;
    assert.ok(analysis, 'the fixture is a plan');
    const sentFrom = hook.sent.length;
    const receivedFrom = hook.received.length;
    await vscode.commands.executeCommand(OPEN_SUMMARY);
    await waitFor('a first message', hook.onDidSend, () => hook.sent.length > sentFrom);

    const first = hook.sent[sentFrom];
    assert.equal(first.type, 'update');
    const model = first.model;
    assert.equal(model.scope, 'document');
    assert.equal(model.status, 'ready');
    assert.equal(model.title, FIXTURE);
    assert.equal(model.documents.length, 1);
    assert.equal(model.documents[0].uri, editor.document.uri.toString());
    assert.deepEqual(JSON.parse(JSON.stringify(model.documents[0].summary)), JSON.parse(JSON.stringify(analysis.summary)));

    // What the fixture's tags say, independently of the engine's wording.
    const summary = model.documents[0].summary;
    assert.equal(summary.kind, 'prd');
    assert.deepEqual(summary.product.map((g) => [g.concern, g.rows.map((r) => r.heading)]), [
      ['vision', ['Vision']],
      ['user-needs', ['Who we build for']],
      ['', ['Launch budget']],
    ]);
    assert.deepEqual(summary.project.map((g) => [g.concern, g.rows.map((r) => r.heading)]), [['schedule', ['Timeline']]]);
    assert.deepEqual(rowNamed(model, 'Timeline').handles, ['@lee']);
    assert.deepEqual(summary.owners, { product: ['@dana'], project: ['@lee'] });
    assert.deepEqual(summary.tray.mismatched, [rowNamed(model, 'Launch budget').section]);
    assert.ok(rowNamed(model, 'Launch budget').findings.includes('owner-mismatch'));
    assert.deepEqual(model.total.words, summary.words);
    assert.equal(model.labels['user-needs'], 'User needs');

    // Beside the editor, which keeps the focus.
    assert.ok(hook.panel, 'the panel is open');
    assert.equal(hook.panel.viewType, 'pmLens.summary');
    assert.equal(hook.panel.title, 'Ownership Summary');
    const panel = hook.panel;
    await waitFor('the panel in the second column', panel.onDidChangeViewState, () => panel.viewColumn === vscode.ViewColumn.Two);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());

    // The real page loaded under the CSP, accepted the message and drew every section.
    await drawn(receivedFrom, (m) => m.status === 'ready' && m.rows === rowsOf(model).length);
    assert.deepEqual(hook.received.slice(receivedFrom)[0], { type: 'ready', scope: 'document' });
  });

  it('serves a locked-down page: strict CSP with a nonce, local resources only', async () => {
    await openPanelOn(FIXTURE);
    const webview = hook.panel!.webview;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(webview.html)?.[1];
    assert.ok(csp, 'the page has a CSP');
    const nonce = /script-src 'nonce-([0-9a-f]{32})'/.exec(csp)?.[1];
    assert.ok(nonce, `a 128-bit nonce in ${csp}`);
    assert.ok(csp.startsWith(`default-src 'none'; `));
    assert.ok(!/unsafe-inline|unsafe-eval|https?:/.test(csp.replace(webview.cspSource, '')), csp);
    assert.match(webview.html, new RegExp(`<script nonce="${nonce}" src="[^"]+/dist/webview\\.js"></script>`));
    assert.deepEqual(
      (webview.options.localResourceRoots ?? []).map((u) => u.path.split('/').pop()).sort(),
      ['dist', 'media'],
    );
    assert.equal(webview.options.enableScripts, true);
  });

  it('reveals and selects a section when the page asks, and ignores what it should not do', async () => {
    const { editor, model } = await openPanelOn(FIXTURE);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const timeline = rowNamed(model, 'Timeline');

    await hook.receive({ type: 'reveal', uri: model.documents[0].uri, range: plain(timeline) });
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === editor.document.uri.toString());
    assert.ok(shown);
    const selection = shown.selection;
    assert.ok(selection.isEqual(new vscode.Range(timeline.range.start.line, timeline.range.start.character, timeline.range.end.line, timeline.range.end.character)), `selection ${JSON.stringify(selection)}`);
    assert.equal(shown.document.lineAt(selection.active.line).text, '## Timeline', 'the cursor sits on the heading');
    assert.ok(shown.document.getText(selection).includes('2025-09-01'), 'the whole section is selected');

    // A document the panel does not show, and a malformed message, do nothing.
    const before = hook.received.length;
    await hook.receive({ type: 'reveal', uri: fixture('README.md').toString(), range: plain(timeline) });
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.path.endsWith('/README.md')));
    await hook.receive({ type: 'reveal', uri: 42, range: 'everything' });
    await hook.receive({ type: 'format-disk' });
    assert.equal(hook.received.length, before + 1, 'only the well-formed message was taken');
    assert.ok(shown.selection.isEqual(selection));
  });

  it('sends an update as the document is edited', async () => {
    const { editor, model } = await openPanelOn(FIXTURE);
    assert.equal(rowNamed(model, 'Glossary').words, 6);
    const from = hook.sent.length;
    await replaceText(editor.document, 'A box is one monthly delivery.', 'A box is one monthly delivery of three teas.');
    const edited = await nextModel('the Glossary with 9 words', from, (m) => m.status === 'ready' && rowsOf(m).some((r) => r.heading === 'Glossary' && r.words === 9));
    assert.equal(edited.documents[0].summary.words.neither, model.documents[0].summary.words.neither + 3);

    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, end, '\n\n## Risks\n<!-- owner: project/risks -->\n\nA supplier delay could push the launch by a month.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const added = await nextModel('a Risks row', from, (m) => m.status === 'ready' && rowsOf(m).some((r) => r.heading === 'Risks'));
    assert.deepEqual(added.documents[0].summary.project.map((g) => g.concern), ['schedule', 'risks']);
  });

  it('follows the active editor and says when it is not a plan', async () => {
    const { model } = await openPanelOn(FIXTURE);
    assert.equal(model.title, FIXTURE);
    let from = hook.sent.length;
    await openFixture('checkout-prd.md');
    const checkout = await nextModel('the checkout PRD', from, (m) => m.title === 'checkout-prd.md' && m.status === 'ready');
    assert.ok(rowsOf(checkout).some((r) => r.heading === 'Launch budget'));
    from = hook.sent.length;
    await openFixture('README.md');
    await nextModel('not a plan', from, (m) => m.title === 'README.md' && m.status === 'not-plan' && m.documents.length === 0);
  });

  it('sums every plan of the workspace and follows files as they come and go', async () => {
    await openPanelOn(FIXTURE);
    const from = hook.sent.length;
    await hook.receive({ type: 'scope', scope: 'workspace' });
    const model = await nextModel('the workspace', from, (m) => m.scope === 'workspace' && m.status === 'ready');
    const labels = model.documents.map((d) => d.label);
    for (const plan of ['checkout-prd.md', FIXTURE, 'warehouse-project-plan.md']) assert.ok(labels.includes(plan), `${plan} in ${labels.join(', ')}`);
    assert.ok(!labels.includes('README.md'), 'README is not a plan');
    assert.deepEqual([...labels].sort(), labels, 'sorted by path');
    const sum = (side: 'product' | 'project' | 'neither') => model.documents.reduce((n, d) => n + d.summary.words[side], 0);
    assert.deepEqual(model.total.words, { product: sum('product'), project: sum('project'), neither: sum('neither') });
    assert.equal(model.total.documents, model.documents.length);

    const scratch = fixture('panel-scratch-plan.md');
    try {
      const created = hook.sent.length;
      await vscode.workspace.fs.writeFile(scratch, new TextEncoder().encode('# Rollout\n<!-- owner: project/schedule -->\n\nWeek 1: pilot stores.\n'));
      await nextModel('the new plan', created, (m) => m.scope === 'workspace' && m.documents.some((d) => d.label === 'panel-scratch-plan.md'));
    } finally {
      const deleted = hook.sent.length;
      await vscode.workspace.fs.delete(scratch);
      await nextModel('the plan gone', deleted, (m) => m.scope === 'workspace' && m.status === 'ready' && !m.documents.some((d) => d.label === 'panel-scratch-plan.md'));
    }

    // The export covers what is shown: every plan, in the CLI's Markdown form.
    await hook.receive({ type: 'copyMarkdown' });
    const notice = hook.sent.at(-1);
    assert.deepEqual(notice, { type: 'notice', text: 'Copied the summary as a Markdown table.' });
    const copied = await vscode.env.clipboard.readText();
    assert.ok(copied.startsWith('## Ownership summary\n'), copied.slice(0, 80));
    for (const plan of ['checkout-prd.md', FIXTURE]) assert.ok(copied.includes(`### ${plan.replace(/[_*]/g, (c) => `\\${c}`)}`), `${plan} in the copy`);
    assert.ok(copied.includes('### Total'));
  });

  it('comes back after a reload with the scope it had', async () => {
    await openFixture(FIXTURE);
    const from = hook.sent.length;
    const panel = hook.restore({ scope: 'workspace', filter: 'budget', scrollTop: 0 });
    assert.equal(hook.panel, panel);
    await nextModel('the restored workspace', from, (m) => m.scope === 'workspace' && m.status === 'ready');
    assert.equal(panel.webview.options.enableScripts, true);
    assert.ok(panel.webview.html.includes('dist/webview.js'));
    // Malformed saved state falls back to this document.
    panel.dispose();
    const again = hook.sent.length;
    hook.restore({ scope: 'everywhere', filter: 7 });
    await nextModel('this document', again, (m) => m.scope === 'document' && m.title === FIXTURE);
  });

  it('looks native in light, dark and high-contrast themes (screenshots)', async function () {
    this.timeout(120_000);
    const workbench = vscode.workspace.getConfiguration('workbench');
    const original = workbench.inspect<string>('colorTheme')?.globalValue;
    // A clean picture: the editor and the panel only (layout commands are best effort).
    for (const command of ['workbench.action.closeSidebar', 'workbench.action.closePanel', 'workbench.action.closeAuxiliaryBar']) {
      await vscode.commands.executeCommand(command).then(undefined, () => undefined);
    }
    const receivedFrom = hook.received.length;
    const { editor } = await openPanelOn('panel-launch-plan.md');
    await drawn(receivedFrom, (m) => m.status === 'ready' && m.rows > 0);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    try {
      for (const [name, theme, kind] of [
        ['panel-light', 'Default Light Modern', vscode.ColorThemeKind.Light],
        ['panel-dark', 'Default Dark Modern', vscode.ColorThemeKind.Dark],
        ['panel-high-contrast', 'Default High Contrast', vscode.ColorThemeKind.HighContrast],
      ] as const) {
        await workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        await waitFor(`the ${theme} theme`, vscode.window.onDidChangeActiveColorTheme, () => vscode.window.activeColorTheme.kind === kind);
        // The webview repaints with the new colours on its own; the runner's screenshot is
        // fire-and-forget. Both are outside the extension host, so only time can tell.
        await pause(1500);
        console.log(`@@screenshot ${name}`);
        await pause(1500);
      }
    } finally {
      await workbench.update('colorTheme', original, vscode.ConfigurationTarget.Global);
    }
  });
});

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
