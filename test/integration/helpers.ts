/**
 * What the integration tests share: the fixture workspace, the running extension, and waiting on
 * editor events with a time limit (never a fixed sleep). A limit that runs out fails the test
 * with what it was waiting for.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The extension's id: `<publisher>.<name>` of package.json. */
export const EXTENSION_ID = 'pm-lens.pm-lens';
/** How long any single wait may take before the test fails. */
export const WAIT_MS = 20_000;

/** What the extension's `activate()` returns (see src/extension/activate.ts). */
export interface PmLensApiLike {
  readonly plans: {
    /** The analysis of the document's current version, from the language server. */
    ensure(document: vscode.TextDocument): Promise<{ readonly version: number; readonly analysis: AnalysisLike } | undefined>;
    /** The last status the server sent for a document: it comes after that version's diagnostics are shown. */
    status(uri: vscode.Uri): { readonly state: string; readonly version?: number } | undefined;
    readonly onDidChangeStatus: vscode.Event<unknown>;
  };
  readonly statusBar: { readonly text: string; readonly onDidChange: vscode.Event<string> };
}

/** The parts of the core's Analysis the tests read. */
export interface AnalysisLike {
  readonly sections: readonly {
    readonly heading: string;
    readonly tagged: boolean;
    readonly wordCount: number;
    readonly role: string;
    readonly concern: string | undefined;
    readonly inferred: { readonly role: string };
  }[];
  readonly findings: readonly { readonly ruleId: string }[];
}

/** Activates the extension (if the host has not yet) and returns its API. */
export async function pmLens(): Promise<PmLensApiLike> {
  const extension = vscode.extensions.getExtension<PmLensApiLike>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in the host`);
  return extension.activate();
}

/** A URI in the fixture workspace (test/fixtures/workspace). */
export function fixture(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the host has no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

/** Opens a fixture in an editor and returns it. */
export async function openFixture(...parts: string[]): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixture(...parts));
  return vscode.window.showTextDocument(document);
}

/**
 * Resolves with the first event value that passes `accept`, or rejects after `ms`. `check` runs
 * first and after each event, so a state already reached needs no event.
 */
export function waitFor<T>(
  what: string,
  event: vscode.Event<T>,
  check: () => boolean,
  ms = WAIT_MS,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let done = false;
    const finish = (error?: Error): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      subscription.dispose();
      if (error) reject(error);
      else resolve();
    };
    const subscription = event(() => {
      try {
        if (check()) finish();
      } catch (error) {
        finish(error as Error);
      }
    });
    const timer = setTimeout(() => finish(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
    try {
      if (check()) finish();
    } catch (error) {
      finish(error as Error);
    }
  });
}

/** An event that fires whenever any of `events` fires. */
export function anyOf(...events: vscode.Event<unknown>[]): vscode.Event<void> {
  return (listener, thisArgs, disposables) => {
    const subscriptions = events.map((event) => event(() => listener.call(thisArgs)));
    const all = vscode.Disposable.from(...subscriptions);
    disposables?.push(all);
    return all;
  };
}

/** PM Lens diagnostics of a document now. */
export function pmDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pm-lens');
}

/** The rule id of a diagnostic (its `code.value`). */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : code === undefined ? undefined : String(code);
}

/** Waits until the document's PM Lens diagnostics pass `accept`, and returns them. */
export async function diagnosticsWhere(
  uri: vscode.Uri,
  what: string,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  ms = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  await waitFor(`${what} on ${vscode.workspace.asRelativePath(uri)}`, vscode.languages.onDidChangeDiagnostics, () => accept(pmDiagnostics(uri)), ms).catch((error: Error) => {
    const now = pmDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`);
    throw new Error(`${error.message}; diagnostics now: [${now.join(', ')}]`);
  });
  return pmDiagnostics(uri);
}

/** Waits until the status of the document's current version says it is analysed: its diagnostics are shown by then. */
export async function settled(api: PmLensApiLike, document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  const done = (): boolean => {
    const status = api.plans.status(document.uri);
    return status?.state === 'analysed' && status.version === document.version;
  };
  if (!done()) await waitFor(`the status of ${vscode.workspace.asRelativePath(document.uri)} v${document.version}`, api.plans.onDidChangeStatus, done);
  return pmDiagnostics(document.uri);
}

/** Waits until the document has been analysed at its current version, and returns the analysis. */
export async function analysed(api: PmLensApiLike, document: vscode.TextDocument): Promise<AnalysisLike> {
  const result = await api.plans.ensure(document);
  assert.ok(result, `${vscode.workspace.asRelativePath(document.uri)} is not analysed as a plan`);
  return result.analysis;
}

/** The range of the `occurrence`-th match of `needle` in the document. */
export function rangeOf(document: vscode.TextDocument, needle: string, occurrence = 1): vscode.Range {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `'${needle}' (#${occurrence}) not found in ${vscode.workspace.asRelativePath(document.uri)}`);
  }
  return new vscode.Range(document.positionAt(at), document.positionAt(at + needle.length));
}

/** Replaces `needle` in the document with `replacement` through a WorkspaceEdit. */
export async function replaceText(document: vscode.TextDocument, needle: string, replacement: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, rangeOf(document, needle), replacement);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
}

/** Hover texts at a position, joined. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

/**
 * Undoes every unsaved change of the open documents and closes all editors, so the next test
 * starts from the files on disk and no "save changes?" dialog can appear.
 */
export async function revertAndCloseAll(): Promise<void> {
  // Only the tests' own documents: the editor keeps others (the settings file it writes) to itself.
  const ours = (d: vscode.TextDocument): boolean => d.uri.scheme === 'untitled' || vscode.workspace.getWorkspaceFolder(d.uri) !== undefined;
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty || document.isClosed || !ours(document)) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Sets a `pmLens.*` user setting (undefined removes it); tests then wait for its effect. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('pmLens').update(key, value, vscode.ConfigurationTarget.Global);
}
