/**
 * PM Lens in VS Code for the Web: the `browser` entry (dist/web/extension.js) in the web worker
 * extension host, on a workspace that exists only as a virtual file system
 * (`vscode-test-web://mount/`, served from test/web/fixtures). Its `.pmlens.json` raises
 * owner-mismatch to an error, so the severity proves the configuration was read through
 * `vscode.workspace.fs`.
 */
import * as vscode from 'vscode';
import { equal, match, ok, waitFor } from './check';

const EXTENSION_ID = 'pm-lens.pm-lens';
const PRD = 'trail-finder-prd.md';
const MISMATCH_TAG = '<!-- owner: product -->';

/** The parts of the extension's API (src/extension/activate.ts) the suite uses. */
interface PmLensApiLike {
  readonly plans: { ensure(document: vscode.TextDocument): Promise<unknown> };
}

/** The parts of the panel's test hook (src/extension/summaryPanel.ts) the suite uses. */
interface PanelTestHookLike {
  readonly received: readonly { readonly type: string; readonly status?: string; readonly rows?: number; readonly changes?: { readonly status: string } }[];
  readonly onDidReceive: vscode.Event<unknown>;
  readonly panel: vscode.WebviewPanel | undefined;
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : code === undefined ? undefined : String(code);
}

function mismatches(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pm-lens' && codeOf(d) === 'owner-mismatch');
}

function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri).map((d) => `${d.source}:${codeOf(d)}@${d.range.start.line}`);
  return `[${all.join(', ')}]`;
}

function rangeOf(document: vscode.TextDocument, needle: string): vscode.Range {
  const at = document.getText().indexOf(needle);
  ok(at >= 0, `'${needle}' not found in ${document.uri.toString()}`);
  return new vscode.Range(document.positionAt(at), document.positionAt(at + needle.length));
}

async function openPrd(): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  ok(folder, 'the host has no workspace folder open');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, PRD));
  return vscode.window.showTextDocument(document);
}

/** Waits for the owner-mismatch diagnostic of the PRD and returns it. */
async function mismatchOn(document: vscode.TextDocument): Promise<vscode.Diagnostic> {
  await waitFor('owner-mismatch on the PRD', vscode.languages.onDidChangeDiagnostics, () => mismatches(document.uri).length > 0, () => describeDiagnostics(document.uri));
  return mismatches(document.uri)[0];
}

describe('PM Lens in the web extension host', () => {
  let extension: vscode.Extension<PmLensApiLike>;
  let api: PmLensApiLike;

  before(async () => {
    const found = vscode.extensions.getExtension<PmLensApiLike>(EXTENSION_ID);
    ok(found, `${EXTENSION_ID} is not loaded in the web host`);
    extension = found;
    api = await extension.activate();
  });

  let logShown = false;
  afterEach(async function () {
    // A web worker has no log files to look at afterwards: on the first failure, print what the
    // extension wrote to its output channel.
    if (this.currentTest?.state === 'failed' && !logShown) {
      logShown = true;
      const find = (): vscode.TextDocument | undefined => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && d.uri.path.includes('PM'));
      await vscode.commands.executeCommand('pmLens.showOutput');
      await waitFor('the output channel', vscode.workspace.onDidOpenTextDocument, () => find() !== undefined, undefined, 10_000).catch(() => undefined);
      const channel = find();
      console.log(`--- PM Lens output channel ---\n${channel?.getText() ?? '(not available)'}\n---`);
    }
    for (const document of vscode.workspace.textDocuments) {
      if (!document.isDirty) continue;
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('activates from its browser entry in a web worker, on a virtual workspace', () => {
    equal(vscode.env.uiKind, vscode.UIKind.Web, 'vscode.env.uiKind');
    // code-server's Node host has a remote name; the browser's own worker host has none.
    equal(vscode.env.remoteName, undefined, 'vscode.env.remoteName');
    equal(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'typeof importScripts (a web worker)');
    equal(extension.packageJSON.browser, './dist/web/extension.js', 'package.json browser');
    ok(extension.isActive, 'the extension is active');
    ok(typeof api.plans.ensure === 'function', 'activate() returned the PM Lens API');
    equal(vscode.workspace.workspaceFolders?.[0].uri.scheme, 'vscode-test-web', 'workspace folder scheme');
  });

  it('shows diagnostics on a plan, with the severity from .pmlens.json', async () => {
    const { document } = await openPrd();
    const mismatch = await mismatchOn(document);
    equal(mismatch.severity, vscode.DiagnosticSeverity.Error, 'owner-mismatch severity (error in .pmlens.json, warning by default)');
    match(mismatch.message, /Delivery costs.*project\/budget.*tagged product/, 'owner-mismatch message');
    ok(mismatch.range.isEqual(rangeOf(document, MISMATCH_TAG)), `owner-mismatch range ${JSON.stringify(mismatch.range)} is the tag`);
    const target = (mismatch.code as { target?: vscode.Uri }).target;
    ok(target?.toString().endsWith('/owner-mismatch.md'), `the code links to the rule's page: ${String(target)}`);
  });

  it('explains a heading in a hover', async () => {
    const { document } = await openPrd();
    await mismatchOn(document);
    const at = rangeOf(document, '## Delivery costs').start.translate(0, 4);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n---\n');
    match(text, /\*\*Product\*\*/, 'hover: the tagged role');
    match(text, /Why:/, 'hover: the evidence');
    match(text, /budget/i, 'hover: the inferred concern');
  });

  it('fixes the mismatch with a code action', async () => {
    const { document } = await openPrd();
    const mismatch = await mismatchOn(document);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, mismatch.range);
    const retag = actions.find((a) => a.isPreferred && /^Retag as project/.test(a.title));
    ok(retag?.edit, `a preferred retag action; actions: ${actions.map((a) => a.title).join(', ')}`);
    ok(await vscode.workspace.applyEdit(retag.edit), 'the retag edit was applied');
    match(document.getText(), /## Delivery costs\n<!-- owner: project\/budget -->/, 'the retagged section');
    await waitFor('owner-mismatch to go', vscode.languages.onDidChangeDiagnostics, () => mismatches(document.uri).length === 0, () => describeDiagnostics(document.uri));
  });

  it('stops a plan built to be slow to parse at the budget, in an analysis worker, while another plan is analysed', async function () {
    this.timeout(180_000);
    // One paragraph of `*_` pairs: the parser's time grows with the square of its length, so
    // 100 KB takes minutes in one piece. Only a worker that can be ended stops it at the budget
    // (10 s); slices on the server's own worker would hold every plan until the parse ends.
    const slow = await vscode.workspace.openTextDocument({ language: 'markdown', content: `---\nplan: prd\n---\n# Checkout\n\n${'*_'.repeat(50_000)}\n` });
    await vscode.window.showTextDocument(slow);
    const opened = Date.now();
    const other = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: `---\nplan: project-plan\n---\n# Warehouse move\n\n## Moving costs\n${MISMATCH_TAG}\n\nThe budget is $48,000: movers, shelving, and two weeks of overtime for the night shift.\n`,
    });
    await vscode.window.showTextDocument(other, { preview: false });
    const paused = (): boolean => vscode.languages.getDiagnostics(slow.uri).some((d) => codeOf(d) === 'analysis-paused');
    await waitFor('owner-mismatch on the other plan', vscode.languages.onDidChangeDiagnostics, () => mismatches(other.uri).length > 0, () => describeDiagnostics(other.uri), 60_000);
    ok(!paused(), 'the other plan was analysed while the slow one still was');
    await waitFor('the slow plan paused', vscode.languages.onDidChangeDiagnostics, paused, () => describeDiagnostics(slow.uri), 60_000);
    const seconds = (Date.now() - opened) / 1000;
    ok(seconds < 40, `the slow plan was paused after ${seconds.toFixed(1)} s, against a budget of 10 s`);
  });

  it('opens the ownership summary panel and its page draws the plan', async () => {
    await openPrd();
    await vscode.commands.executeCommand('pmLens.openSummary');
    const hook = await vscode.commands.executeCommand<PanelTestHookLike>('pmLens._panelTestHook');
    ok(hook?.panel, 'the summary panel is open');
    equal(hook.panel.title, 'Ownership Summary', 'panel title');
    // The page runs dist/webview.js in the browser and reports what it drew.
    await waitFor(
      'the panel page to draw the sections',
      hook.onDidReceive,
      () => hook.received.some((m) => m.type === 'rendered' && m.status === 'ready' && (m.rows ?? 0) >= 5),
      () => JSON.stringify(hook.received),
    );
    // No Git extension in the browser: "Changes since last commit" says so, and nothing breaks.
    await waitFor(
      'the page to say Git is not available',
      hook.onDidReceive,
      () => hook.received.some((m) => m.type === 'rendered' && m.changes?.status === 'no-git'),
      () => JSON.stringify(hook.received),
    );
  });
});
