/**
 * The extension's one door to the PM Lens language server (src/server): it starts the
 * `vscode-languageclient` client, which brings diagnostics, hovers, code actions, CodeLens,
 * completion and the outline, and it asks the server what VS Code's own parts show (the status
 * bar, the Ownership Summary panel, the commands). Every analysis, and every document's analysis
 * state, lives in the server; this keeps only each open plan's last status, for the status bar.
 *
 * The desktop entry (main.ts) starts the server in its own Node process, the browser entry
 * (web.ts) in a web worker; both hand a factory to this class.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import type { CodeLens } from 'vscode-languageserver-protocol';
import type { PanelChanges } from '../shared/panelProtocol';
import type { ChangesBaseParams, DocumentStatus, InitializationOptions, SummaryExportParams, SummaryResult, WordsResult } from '../shared/serverProtocol';
import type { Analysis, Summary, SummaryTotal } from '../core/types';
import { CONFIG_FILE_NAME, IGNORED_SCHEMES, MARKDOWN_LANGUAGE } from './constants';
import { guardListener, type Logger } from './log';
import { DiagnosticDeltas } from './diagnosticDeltas';
import { HeldLists } from './heldLists';
import { WorkspaceHandles } from './workspaceHandles';

type Protocol = typeof import('../shared/serverProtocol');
type LanguageClientModule = typeof import('vscode-languageclient');

/**
 * The protocol's code, loaded when the server starts, after activation: the JSON-RPC library
 * costs more to load than the rest of the extension together.
 */
function protocol(): Protocol {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../shared/serverProtocol') as Protocol;
}

function languageClient(): LanguageClientModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('vscode-languageclient') as LanguageClientModule;
}

/** Creates the platform's language client on these options. */
export type ClientFactory = (options: LanguageClientOptions) => BaseLanguageClient;

/** JSON-RPC codes of a request that a newer version of the document overtook: ask again. */
const CONTENT_MODIFIED = -32801;
const REQUEST_CANCELLED = -32800;
const RETRIES = 5;

export class PlanClient implements vscode.Disposable {
  private readonly statusEmitter = new vscode.EventEmitter<DocumentStatus>();
  /** Fires whenever the server says a document's state changed (analysed, skipped, paused, not a plan). */
  readonly onDidChangeStatus: vscode.Event<DocumentStatus> = this.statusEmitter.event;
  private readonly statuses = new Map<string, DocumentStatus>();
  private readonly handles = new WorkspaceHandles();
  /** The handles last sent, so an unchanged list is not sent again. */
  private sentHandles = '[]';
  private readonly disposables: vscode.Disposable[] = [this.statusEmitter, this.handles];
  private client: BaseLanguageClient | undefined;
  /** Open plans' diagnostics, which the server sends this client as deltas in pieces. */
  private diagnostics: DiagnosticDeltas<vscode.Diagnostic> | undefined;
  /** The lenses last sent for each open plan, which the server sends this client as deltas. */
  private lenses: HeldLists<CodeLens, vscode.CodeLens> | undefined;
  private readonly ready: Promise<BaseLanguageClient>;
  private resolveReady!: (client: BaseLanguageClient) => void;
  private rejectReady!: (error: unknown) => void;

  constructor(
    private readonly create: ClientFactory,
    private readonly log: Logger,
  ) {
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    // Commands that come before the server is up wait; a failed start is logged once.
    this.ready.catch(() => undefined);
    this.disposables.push(
      vscode.workspace.onDidCloseTextDocument(
        guardListener(log, 'document closed', (document: vscode.TextDocument) => {
          this.forget(document.uri.toString());
          if (this.client) this.lenses?.forget(this.client.code2ProtocolConverter.asUri(document.uri));
        }),
      ),
      // Granted trust lets the regular expressions and globs of `.pmlens.json` run: start over.
      vscode.workspace.onDidGrantWorkspaceTrust(guardListener(log, 'workspace trust granted', () => this.restart())),
    );
  }

  /** Starts the client and the server. Called once, after activation returned. */
  async start(): Promise<void> {
    try {
      const client = this.create(clientOptions(this.log, () => this.sendHandles(), () => this.client && this.lenses && { client: this.client, lenses: this.lenses }));
      this.lenses = new HeldLists<CodeLens, vscode.CodeLens>((lens) => client.protocol2CodeConverter.asCodeLens(lens), movedLens);
      this.client = client;
      const { DiagnosticsNotification, ReadFileRequest, ResendDiagnosticsNotification, StatRequest, StatusNotification } = protocol();
      const diagnostics = new DiagnosticDeltas<vscode.Diagnostic>({
        // The language client's own converter and collection: the same diagnostics, code actions and Problems entries as its standard path.
        convert: (diagnostic) => client.protocol2CodeConverter.asDiagnostic(diagnostic),
        move: movedDiagnostic,
        show: (uri, list) => client.diagnostics?.set(client.protocol2CodeConverter.asUri(uri), list),
        lost: (uri) => void client.sendNotification(ResendDiagnosticsNotification, { uri }).catch((error: unknown) => this.log.error('Asking for diagnostics again', error)),
        error: (what, error) => this.log.error(what, error),
      });
      this.diagnostics = diagnostics;
      client.onNotification(DiagnosticsNotification, (piece) => diagnostics.receive(piece));
      // A status says its version's diagnostics are current: it waits until they are shown.
      client.onNotification(StatusNotification, (status) => void diagnostics.after(status.uri, () => this.didChangeStatus(status)));
      // The browser server has no file system: it reads configuration files through VS Code.
      client.onRequest(ReadFileRequest, (params) => readConfigFile(params.uri));
      client.onRequest(StatRequest, (params) => statUri(params.uri));
      await client.start();
      this.resolveReady(client);
      await this.reportConfigFiles(client);
    } catch (error) {
      this.log.error('Starting the PM Lens language server', error);
      this.rejectReady(error);
    }
  }

  /** Whether PM Lens reads this kind of document at all (Markdown, not a view of something else). */
  isCandidate(document: vscode.TextDocument): boolean {
    return isCandidate(document);
  }

  /** The last status the server sent for a document, if any. */
  status(uri: vscode.Uri): DocumentStatus | undefined {
    return this.statuses.get(uri.toString());
  }

  /**
   * The summary of an open document's current version, or of a file's `text` when it is not
   * open; undefined when it is not an analysed plan.
   */
  async summary(uri: vscode.Uri, text?: string): Promise<SummaryResult | undefined> {
    return (await this.request((client) => client.sendRequest(protocol().SummaryRequest, { uri: uri.toString(), text }))) ?? undefined;
  }

  /** An open plan's changes since its committed version (`base`, read from Git); undefined when it is not an analysed plan. */
  async changes(uri: vscode.Uri, base: ChangesBaseParams): Promise<PanelChanges | undefined> {
    return (await this.request((client) => client.sendRequest(protocol().ChangesRequest, { uri: uri.toString(), base }))) ?? undefined;
  }

  /** The words per side of an open document's current version (small, for the status bar). */
  async words(uri: vscode.Uri): Promise<WordsResult | undefined> {
    return (await this.request((client) => client.sendRequest(protocol().WordsRequest, { uri: uri.toString() }))) ?? undefined;
  }

  /** Summaries added up, ordered by the taxonomy (the panel's workspace view). */
  total(summaries: readonly Summary[]): Promise<SummaryTotal> {
    return this.request((client) => client.sendRequest(protocol().SummaryTotalRequest, { summaries }));
  }

  /** The text of `pm-lens summary --format markdown|json` for these plans. */
  exportSummaries(params: SummaryExportParams): Promise<string> {
    return this.request((client) => client.sendRequest(protocol().SummaryExportRequest, params));
  }

  /** The analysis of the document's current version; undefined when it is not an analysed plan. */
  async ensure(document: vscode.TextDocument): Promise<{ readonly version: number; readonly analysis: Analysis } | undefined> {
    if (!isCandidate(document) || document.isClosed) return undefined;
    return (await this.request((client) => client.sendRequest(protocol().AnalysisRequest, { uri: document.uri.toString() }))) ?? undefined;
  }

  /** *Analyze This Document*: a plan for this session whatever its name; its status once analysed. */
  async optIn(document: vscode.TextDocument): Promise<DocumentStatus | undefined> {
    if (!isCandidate(document) || document.isClosed) return undefined;
    return this.request((client) => client.sendRequest(protocol().AnalyzeRequest, { uri: document.uri.toString() }));
  }

  /**
   * Tells the server about every configuration file of the workspace, so that a broken one is
   * reported on the file before any plan next to it is opened. The server watches them from then on.
   */
  private async reportConfigFiles(client: BaseLanguageClient): Promise<void> {
    const files = await vscode.workspace.findFiles(`**/${CONFIG_FILE_NAME}`, '**/node_modules/**', 200);
    if (files.length === 0) return;
    const { DidChangeWatchedFilesNotification, FileChangeType } = languageClient();
    const changes = files.map((uri) => ({ uri: uri.toString(), type: FileChangeType.Created }));
    await client.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Sends the workspace's handles when they changed; before completion, so the server has them. */
  private async sendHandles(): Promise<void> {
    const client = await this.ready;
    const handles = await this.handles.all();
    const json = JSON.stringify(handles);
    if (json === this.sentHandles) return;
    this.sentHandles = json;
    await client.sendNotification(protocol().WorkspaceHandlesNotification, { handles });
  }

  /** Stops the server and starts it again (the workspace became trusted). */
  private async restart(): Promise<void> {
    const client = await this.ready;
    this.log.info('Workspace trusted: the regular expressions and globs of configuration files now apply');
    for (const uri of [...this.statuses.keys()]) this.forget(uri);
    this.sentHandles = '[]';
    this.diagnostics?.reset();
    this.lenses?.clear();
    await client.stop();
    await client.start();
  }

  /** Sends a request; one overtaken by an edit is asked again for the newer version. */
  private async request<R>(send: (client: BaseLanguageClient) => Promise<R>): Promise<R> {
    const client = await this.ready;
    for (let attempt = 1; ; attempt++) {
      try {
        return await send(client);
      } catch (error) {
        const code = (error as { code?: unknown })?.code;
        if (attempt >= RETRIES || (code !== CONTENT_MODIFIED && code !== REQUEST_CANCELLED)) throw error;
      }
    }
  }

  private didChangeStatus(status: DocumentStatus): void {
    this.statuses.set(status.uri, status);
    this.statusEmitter.fire(status);
  }

  private forget(uri: string): void {
    if (!this.statuses.delete(uri)) return;
    this.statusEmitter.fire({ uri, state: 'not-plan' });
  }

  async dispose(): Promise<void> {
    for (const d of this.disposables) d.dispose();
    await this.client?.dispose().catch(() => undefined);
  }
}

/** Configuration files are a few KB; a larger one is not read. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** A `.pmlens.json` through VS Code's file system (any scheme); null when it is missing, too large or another file. */
async function readConfigFile(uriText: string): Promise<string | null> {
  const uri = vscode.Uri.parse(uriText);
  if (!uri.path.endsWith(`/${CONFIG_FILE_NAME}`)) return null;
  const stat = await statUri(uriText);
  if (stat?.type !== 'file' || stat.size > MAX_CONFIG_BYTES) return null;
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return null;
  }
}

/** What is at a URI: file, folder or other, and its size; null when nothing is. */
async function statUri(uriText: string): Promise<{ type: 'file' | 'directory' | 'other'; size: number } | null> {
  try {
    const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(uriText));
    // A symbolic link reports its target's type with the SymbolicLink bit added.
    const type = stat.type & vscode.FileType.File ? 'file' : stat.type & vscode.FileType.Directory ? 'directory' : 'other';
    return { type, size: stat.size };
  } catch {
    return null;
  }
}

function isCandidate(document: vscode.TextDocument): boolean {
  return document.languageId === MARKDOWN_LANGUAGE && !IGNORED_SCHEMES.has(document.uri.scheme);
}

/**
 * The lenses of a document as the change to those held (`pmLens/codeLenses`), converted in
 * slices: a large plan has a lens per heading, thousands of them, of which typing changes few.
 * The request is not cancelled on the way: a list the server answered is applied, so that the
 * next answer, a delta from it, applies too.
 */
async function heldCodeLenses(client: BaseLanguageClient, lenses: HeldLists<CodeLens, vscode.CodeLens>, document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[] | null> {
  const { CodeLensesRequest } = protocol();
  const uri = client.code2ProtocolConverter.asUri(document.uri);
  try {
    // Twice at most: an answer that another overtook applies to a list no longer held; the next is sent whole.
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await client.sendRequest(CodeLensesRequest, { uri, base: lenses.number(uri) });
      const converted = await lenses.after(uri, () => lenses.apply(uri, answer.list, answer.base, answer));
      if (token.isCancellationRequested) return null;
      if (converted) return [...converted];
    }
    return null;
  } catch (error) {
    return client.handleFailedRequest(languageClient().CodeLensRequest.type, token, error, null);
  }
}

/** `range` moved down by `lines` (up when negative). */
function movedRange(range: vscode.Range, lines: number): vscode.Range {
  return new vscode.Range(range.start.line + lines, range.start.character, range.end.line + lines, range.end.character);
}

/**
 * A copy of a converted item (of the language client's own class, with all it carries) whose
 * range moved: a new line moves thousands of a large plan's diagnostics and lenses, and copying
 * allocates half of what converting them again would.
 */
function movedCopy<T extends { range: vscode.Range }>(item: T, lines: number): T {
  const moved = Object.assign(Object.create(Object.getPrototypeOf(item) as object) as T, item);
  moved.range = movedRange(item.range, lines);
  return moved;
}

const movedDiagnostic: (diagnostic: vscode.Diagnostic, lines: number) => vscode.Diagnostic = movedCopy;
const movedLens: (lens: vscode.CodeLens, lines: number) => vscode.CodeLens = movedCopy;

/** URIs parsed, kept while there are few: mostly the rule pages each diagnostic's code links to. */
const MAX_PARSED_URIS = 256;

/**
 * `Uri.parse`, remembered: every diagnostic's code links to its rule's page, and a publish of a
 * large plan would parse the same few addresses thousands of times and keep each copy alive.
 * A `vscode.Uri` never changes, so one can be shared.
 */
function parsedUris(): (value: string) => vscode.Uri {
  const parsed = new Map<string, vscode.Uri>();
  return (value) => {
    let uri = parsed.get(value);
    if (!uri) {
      if (parsed.size >= MAX_PARSED_URIS) parsed.clear();
      uri = vscode.Uri.parse(value);
      parsed.set(value, uri);
    }
    return uri;
  };
}

/** What both platforms' clients are started with; `current` is the client once it exists. */
function clientOptions(
  log: Logger,
  beforeCompletion: () => Promise<void>,
  current: () => { readonly client: BaseLanguageClient; readonly lenses: HeldLists<CodeLens, vscode.CodeLens> } | undefined,
): LanguageClientOptions {
  // Views of something else (diffs, notebooks, chat) are never sent to the server.
  const skip = (document: vscode.TextDocument): boolean => !isCandidate(document);
  return {
    documentSelector: [{ language: MARKDOWN_LANGUAGE }],
    outputChannel: log.channel,
    // As the client converts URIs by default (`toString()`, `Uri.parse`), each address parsed once.
    uriConverters: { code2Protocol: (uri) => uri.toString(), protocol2Code: parsedUris() },
    // Asked again on every start, so that a restart after trust was granted carries it.
    initializationOptions: (): InitializationOptions => ({ trusted: vscode.workspace.isTrusted, diagnosticDeltas: true }),
    middleware: {
      didOpen: (document, next) => (skip(document) ? Promise.resolve() : next(document)),
      didChange: (event, next) => (skip(event.document) ? Promise.resolve() : next(event)),
      didClose: (document, next) => (skip(document) ? Promise.resolve() : next(document)),
      provideCodeLenses: (document, token, next) => {
        const started = current();
        return started ? heldCodeLenses(started.client, started.lenses, document, token) : next(document, token);
      },
      provideCompletionItem: async (document, position, context, token, next) => {
        // Inside an HTML comment (a tag or directive) handles may complete; a failed index still completes the rest.
        if (/<!--(?:(?!-->).)*$/.test(document.lineAt(position.line).text.slice(0, position.character))) {
          await beforeCompletion().catch((error: unknown) => log.error('Indexing the workspace handles', error));
        }
        return next(document, position, context, token);
      },
    },
  };
}
