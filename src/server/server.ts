/**
 * The PM Lens language server on any connection: it owns the open documents, the client's
 * settings and workspace folders, and hands plain text to the core through the analysis runner.
 * The Node and browser entries (node.ts, browser.ts) only choose the transport and the runner.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type CodeLens,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisRequest, AnalyzeRequest, ChangesRequest, CodeLensesRequest, DiagnosticsNotification, ResendDiagnosticsNotification, StatsRequest, StatusNotification, SummaryExportRequest, SummaryRequest, SummaryTotalRequest, WordsRequest, WorkspaceHandlesNotification, type InitializationOptions, type SummaryResult } from '../shared/serverProtocol';
import { DEFAULT_BUDGET_MS, type AnalysisRunner } from './analysis/runner';
import { ConfigStore, type ReadFile } from './config';
import { configProblemDiagnostic, failedDiagnostic, FIX_ALL_KIND, pausedDiagnostic, TAG_ALL_KIND, type EditTarget } from './convert';
import { DocumentAnalyses, type AnalysisResult } from './documents';
import { CONFIG_FILE_NAME, sumSummaries, TAG_TRIGGER_CHARACTERS, type FileStat } from './engine';
import { changesModel } from './changes';
import { analyzeText, exportSummaries, summaryOfText, summaryResult, withAllEvidence } from './summaries';
import type { Analysis, ResolvedConfig } from './engine';
import { codeActions, codeLenses, completionsAt, documentSymbols, hoverAt } from './features';
import { WorkspaceFolders } from './folders';
import { readServerSettings, type ServerSettings } from './settings';
import { clearingPiece, diagnosticsPieces, SentLists, type Sending } from './sentLists';
import { CODE_LENS_DELTAS, DIAGNOSTIC_DELTAS, wholeList } from '../shared/deltas';

export interface ServerOptions {
  /** The runner for a budget in milliseconds (worker threads on Node; web workers or slices in the browser, as the client allows). */
  createRunner(budgetMs: number, onError: (key: string, message: string) => void, init: InitializationOptions): AnalysisRunner;
  /** Reads configuration files; absent without a file system. */
  readonly readFile?: ReadFile;
  /** What is at a URI (file, folder or other, and its size). */
  readonly stat?: (uri: string) => Promise<FileStat | undefined>;
  /** The server thread's used heap after a GC when one can be forced (Node with --expose-gc). */
  heapUsed?(): number;
  /** The longest the server's thread was blocked since the last call, in milliseconds. */
  longestBlockMs?(): number;
}

const SETTINGS_SECTION = 'pmLens';
/** VS Code's command that opens completion again (after `owner: ` the roles come next). */
const VSCODE_SUGGEST = 'editor.action.triggerSuggest';

/** Wires the server onto `connection` and starts listening. */
export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const folders = new WorkspaceFolders();
  let runner: AnalysisRunner | undefined;
  let canAskConfiguration = false;
  let canWatchFiles = false;
  let canRefreshLenses = false;
  let versionedEdits = false;
  /** The client takes diagnostics of open documents as `pmLens/diagnostics` deltas. */
  let diagnosticDeltas = false;
  let retrigger: string | undefined;
  let trusted = true;
  /** What a client that cannot be asked last pushed with didChangeConfiguration. */
  let pushedSettings: unknown = undefined;
  const settingsByFolder = new Map<string, Promise<ServerSettings>>();
  /** Documents with diagnostics or a status on the client (a change to none is said once), and what they were sent. */
  const published = new SentLists(DIAGNOSTIC_DELTAS);
  /** The lenses each document's last `pmLens/codeLenses` answer gave the client. */
  const sentLenses = new SentLists(CODE_LENS_DELTAS);
  const justOpened = new Set<string>();
  const sendPublish = (uri: string, version: number | undefined, publish: Sending<Diagnostic>): void => {
    if (!diagnosticDeltas) {
      void connection.sendDiagnostics({ uri, version, diagnostics: [...publish.list] });
      return;
    }
    for (const piece of diagnosticsPieces(uri, version, publish)) void connection.sendNotification(DiagnosticsNotification, piece);
  };
  const sendCleared = (uri: string): void => {
    if (diagnosticDeltas) void connection.sendNotification(DiagnosticsNotification, clearingPiece(uri));
    else void connection.sendDiagnostics({ uri, diagnostics: [] });
  };
  /** The version each document's latest CodeLens request asked about, while it waits for its analysis. */
  const lensesAwaiting = new Map<string, number>();
  /** Handles of the workspace's files that are not open, as the client last sent them. */
  let workspaceHandles: readonly string[] = [];
  /** Each open plan's committed version as last analysed, kept while its text and configuration stay. */
  const committed = new Map<string, { readonly text: string; readonly config: ResolvedConfig; readonly analysis: Analysis | undefined }>();

  const log = {
    info: (message: string) => connection.console.info(message),
    warn: (message: string) => connection.console.warn(message),
    error: (message: string, error?: unknown) => connection.console.error(error === undefined ? message : `${message}: ${String((error as Error)?.stack ?? error)}`),
  };

  const reportSetting = (message: string): void => log.warn(`Settings: ${message}`);
  const settingsFor = (uri: string): Promise<ServerSettings> => {
    const scope = folders.folderOf(uri)?.uri ?? '';
    let settings = settingsByFolder.get(scope);
    if (!settings) {
      settings = canAskConfiguration
        ? connection.workspace.getConfiguration({ scopeUri: scope || uri, section: SETTINGS_SECTION }).then((section: unknown) => readServerSettings(section, reportSetting), (error: unknown) => {
            log.error('Reading the pmLens settings', error);
            return readServerSettings(undefined);
          })
        : Promise.resolve(readServerSettings(pushedSettings, reportSetting));
      settingsByFolder.set(scope, settings);
    }
    return settings;
  };

  const configs = new ConfigStore({
    readFile: options.readFile,
    stat: options.stat,
    get trusted() {
      return trusted;
    },
    folders,
    settingsFor,
    publishProblems: (uri, problems) => {
      if (problems.length > 0) log.warn(`${uri}: ${problems.length} configuration problem${problems.length === 1 ? '' : 's'}; the rest of the file applies`);
      void connection.sendDiagnostics({ uri, diagnostics: problems.map(configProblemDiagnostic) });
    },
    warn: log.warn,
  });

  const analyses = new DocumentAnalyses({
    document: (uri) => documents.get(uri),
    openDocuments: () => documents.all(),
    settingsFor,
    configs,
    folders,
    get runner(): AnalysisRunner {
      if (!runner) throw new Error('the server is not initialized');
      return runner;
    },
    onState: (uri, version, state, result) => {
      let diagnostics: Diagnostic[] = [];
      if (result) diagnostics = result.diagnostics;
      else if (state.state === 'paused') diagnostics = [pausedDiagnostic(state.budgetMs)];
      else if (state.state === 'failed') diagnostics = [failedDiagnostic(state.reason)];
      const visible = diagnostics.length > 0 || state.state === 'analysed' || state.state === 'too-large';
      if (!visible && !published.has(uri)) return;
      if (visible) {
        const publish = published.next(uri, diagnostics);
        if (publish.changed) sendPublish(uri, version, publish);
      } else if (published.forget(uri)) sendCleared(uri);
      void connection.sendNotification(StatusNotification, { uri, version, ...state });
      // A lens request waiting for this very version is answered from this state: asking the
      // client to refresh would only fetch every lens of the document a second time.
      if (canRefreshLenses && lensesAwaiting.get(uri) !== version) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    },
    error: log.error,
  });

  /**
   * The analysis of the version a request was made on. A request overtaken by a newer version
   * fails with ContentModified, a cancelled one with RequestCancelled, so the client asks again.
   */
  const analysed = async (uri: string, token: CancellationToken): Promise<{ document: TextDocument; result: AnalysisResult } | undefined> => {
    const document = documents.get(uri);
    if (!document) return undefined;
    // The document object is updated in place by later changes: keep the version asked about.
    const version = document.version;
    const stillWanted = (): void => {
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      if (documents.get(uri)?.version !== version) throw new ResponseError(LSPErrorCodes.ContentModified, 'the document changed');
    };
    // Twice at most: a result whose analysis can no longer be fetched is analysed again, once.
    for (let attempt = 0; attempt < 2; attempt++) {
      const settled = await analyses.ensure(uri, version);
      stillWanted();
      if (!settled) return undefined;
      const result = await settled.load();
      stillWanted();
      if (result) return { document, result };
      analyses.unload(uri, settled);
    }
    throw new ResponseError(LSPErrorCodes.ContentModified, 'the analysis of this version is not at hand');
  };

  /** A handler that reports its own failures and answers `fallback`, never an internal error. */
  const guarded =
    <P, R>(name: string, fallback: R, handler: (params: P, token: CancellationToken) => Promise<R> | R) =>
    async (params: P, token: CancellationToken): Promise<R> => {
      try {
        return await handler(params, token);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        log.error(`PM Lens ${name} failed`, error);
        return fallback;
      }
    };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    canAskConfiguration = caps.workspace?.configuration === true;
    canWatchFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canRefreshLenses = caps.workspace?.codeLens?.refreshSupport === true;
    versionedEdits = caps.workspace?.workspaceEdit?.documentChanges === true;
    retrigger = /visual studio code|code - oss|vscodium|code-server/i.test(params.clientInfo?.name ?? '') ? VSCODE_SUGGEST : undefined;
    if (params.workspaceFolders) folders.set(params.workspaceFolders);
    else if (params.rootUri) folders.set([{ uri: params.rootUri, name: params.rootUri.slice(params.rootUri.lastIndexOf('/') + 1) }]);
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    trusted = init.trusted !== false;
    diagnosticDeltas = init.diagnosticDeltas === true;
    const budget = typeof init.analysisBudgetMs === 'number' && init.analysisBudgetMs > 0 ? init.analysisBudgetMs : DEFAULT_BUDGET_MS;
    runner = options.createRunner(budget, (key, message) => log.error(`Analysis worker for ${key}`, message), init);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, TAG_ALL_KIND, FIX_ALL_KIND] },
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: [...TAG_TRIGGER_CHARACTERS] },
        documentSymbolProvider: { label: 'PM Lens' },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'pm-lens' },
    };
  });

  connection.onInitialized(() => {
    if (canAskConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    if (canWatchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] }).catch(() => undefined);
    const workspaceFolders = connection.workspace;
    try {
      workspaceFolders.onDidChangeWorkspaceFolders((event) => {
        folders.change(event.added, event.removed);
        settingsByFolder.clear();
        configs.invalidate();
        analyses.reanalyzeAll();
      });
    } catch {
      // The client has no workspace folders: the root from initialize stands.
    }
  });

  connection.onDidChangeConfiguration((params) => {
    const settings = (params.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    if (settings !== undefined) pushedSettings = settings;
    settingsByFolder.clear();
    configs.invalidate();
    analyses.reanalyzeAll();
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    const configChanges = params.changes.filter((c) => c.uri.endsWith(`/${CONFIG_FILE_NAME}`));
    if (configChanges.length === 0) return;
    try {
      for (const change of configChanges) await configs.fileChanged(change.uri, change.type !== FileChangeType.Deleted);
    } catch (error) {
      log.error(`Reading ${CONFIG_FILE_NAME}`, error);
    }
    analyses.reanalyzeAll();
  });

  documents.onDidOpen((event) => {
    justOpened.add(event.document.uri);
    analyses.opened(event.document);
  });
  documents.onDidChangeContent((event) => {
    // TextDocuments reports an open as a change too: the open was handled above.
    if (justOpened.delete(event.document.uri)) return;
    void analyses.changed(event.document);
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    justOpened.delete(uri);
    analyses.closed(uri);
    committed.delete(uri);
    sentLenses.forget(uri);
    if (published.forget(uri)) sendCleared(uri);
  });

  const target = (document: TextDocument): EditTarget => ({ uri: document.uri, version: document.version, versioned: versionedEdits });

  connection.onHover(
    guarded('hover', null, async (params, token) => {
      const at = await analysed(params.textDocument.uri, token);
      return at ? hoverAt(at.document, at.result, params.position) : null;
    }),
  );
  connection.onCodeAction(
    guarded('code actions', [], async (params, token) => {
      const at = await analysed(params.textDocument.uri, token);
      return at ? codeActions(at.document, at.result, params, target(at.document)) : [];
    }),
  );
  /** The lenses of a document's current version, once it is analysed. */
  const lensesOf = async (uri: string, token: CancellationToken): Promise<CodeLens[]> => {
    if (!(await settingsFor(uri)).codeLensEnabled) return [];
    const version = documents.get(uri)?.version;
    if (version !== undefined) lensesAwaiting.set(uri, version);
    try {
      const at = await analysed(uri, token);
      return at ? codeLenses(at.result) : [];
    } finally {
      if (lensesAwaiting.get(uri) === version) lensesAwaiting.delete(uri);
    }
  };
  connection.onCodeLens(guarded('CodeLens', [], (params, token) => lensesOf(params.textDocument.uri, token)));
  connection.onRequest(
    CodeLensesRequest,
    guarded('CodeLens', { list: 0, base: 0, ...wholeList<CodeLens>([]) }, async (params, token) => {
      const lenses = await lensesOf(params.uri, token);
      const { delta, publish, base } = sentLenses.next(params.uri, lenses, params.base);
      return { list: publish, base, ...delta };
    }),
  );
  connection.onDocumentSymbol(
    guarded('document symbols', [], async (params, token) => {
      const at = await analysed(params.textDocument.uri, token);
      return at ? documentSymbols(at.result) : [];
    }),
  );
  connection.onCompletion(
    guarded('completion', null, async (params, token) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const config = await configs.configFor(document.uri);
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      const openTexts = (): string[] => documents.all().filter((d) => d.languageId === 'markdown' || d.uri.endsWith('.md')).map((d) => d.getText());
      return completionsAt(document, params.position, config, openTexts, workspaceHandles, retrigger);
    }),
  );

  connection.onRequest(
    SummaryRequest,
    guarded('summary', null, async (params, token): Promise<SummaryResult | null> => {
      if (!documents.get(params.uri) && params.text !== undefined) {
        return runner ? summaryOfText({ uri: params.uri, text: params.text, settingsFor, configs, folders, runner }) : null;
      }
      const at = await analysed(params.uri, token);
      return at ? summaryResult(params.uri, at.result.version, at.result.analysis, at.result.config) : null;
    }),
  );
  connection.onNotification(WorkspaceHandlesNotification, (params) => {
    workspaceHandles = Array.isArray(params?.handles) ? params.handles.filter((h): h is string => typeof h === 'string') : [];
  });
  connection.onNotification(ResendDiagnosticsNotification, (params) => {
    const last = typeof params?.uri === 'string' ? published.last(params.uri) : undefined;
    if (last) sendPublish(params.uri, documents.get(params.uri)?.version, published.whole(params.uri, last));
  });
  connection.onRequest(
    WordsRequest,
    guarded('words', null, async (params, token) => {
      const at = await analysed(params.uri, token);
      return at ? { uri: params.uri, version: at.result.version, words: at.result.analysis.summary.words } : null;
    }),
  );
  connection.onRequest(
    ChangesRequest,
    guarded('changes', null, async (params, token) => {
      const at = await analysed(params.uri, token);
      if (!at) return null;
      const base = params.base;
      if (base.status !== 'ready') return changesModel(base, at.result.analysis);
      const after = await withAllEvidence(at.result.analysis, at.result.evidence);
      let before: Analysis | undefined;
      if (base.text !== undefined && runner) {
        const known = committed.get(params.uri);
        if (known && known.text === base.text && known.config === at.result.config) before = known.analysis;
        else {
          before = (await analyzeText({ uri: params.uri, text: base.text, settingsFor, configs, folders, runner }, true))?.analysis;
          committed.set(params.uri, { text: base.text, config: at.result.config, analysis: before });
        }
      }
      return changesModel({ status: 'ready', base: base.base, before, isNew: base.isNew }, after);
    }),
  );
  connection.onRequest(SummaryTotalRequest, (params) => sumSummaries(params.summaries));
  connection.onRequest(SummaryExportRequest, (params) => exportSummaries(params));
  connection.onRequest(
    AnalysisRequest,
    guarded('analysis', null, async (params, token) => {
      const at = await analysed(params.uri, token);
      return at ? { uri: params.uri, version: at.result.version, analysis: at.result.analysis } : null;
    }),
  );
  connection.onRequest(AnalyzeRequest, async (params) => {
    const state = (await analyses.optIn(params.uri)) ?? { state: 'not-plan' as const };
    return { uri: params.uri, ...state };
  });
  connection.onRequest(StatsRequest, async () => ({
    serverHeap: options.heapUsed?.() ?? 0,
    workerHeaps: runner ? await runner.heaps() : {},
    workerDocuments: runner ? runner.documentsByWorker() : {},
    documents: documents.all().length,
    longestBlockMs: options.longestBlockMs?.() ?? 0,
  }));

  connection.onShutdown(() => runner?.dispose());
  documents.listen(connection);
  connection.listen();
}
