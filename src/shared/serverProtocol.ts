/**
 * What the PM Lens language server says beyond LSP, in one place: the server and every client
 * (the VS Code extension, the tests) import these types, so both sides agree on each message.
 */
import { NotificationType, RequestType, RequestType0, type CodeLens, type Diagnostic } from 'vscode-languageserver-protocol';
import type { ListDelta } from './deltas';
import type { FileStat } from '../core/config/types';
import type { ChangesStatus, PanelChanges } from './panelProtocol';
import type { Analysis, Summary, SummaryTotal } from '../core/types';

/** A document named by its URI. */
export interface DocumentParams {
  readonly uri: string;
}

/** A document to summarise: an open one by its URI, or a file the client read (`text`). */
export interface SummaryParams extends DocumentParams {
  /**
   * The file's text when the document is not open (the workspace view): analysed once with the
   * same settings, configuration and plan detection as an open document, and not kept.
   */
  readonly text?: string;
}

/** A plan's summary, for the Ownership Summary panel and the status bar. */
export interface SummaryResult {
  readonly uri: string;
  /** The document version the summary belongs to (0 for a file that is not open). */
  readonly version: number;
  readonly kind: string | undefined;
  readonly summary: Summary;
  /** Display names of the concerns that occur (`user-needs` → `User needs`), from the document's taxonomy. */
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * `pmLens/summary`: the summary of an open document's current version, or of a file's text;
 * null when it is not an analysed plan.
 */
export const SummaryRequest = new RequestType<SummaryParams, SummaryResult | null, void>('pmLens/summary');

/** An open plan's words per side (the status bar's balance), for its current version. */
export interface WordsResult {
  readonly uri: string;
  readonly version: number;
  readonly words: { readonly product: number; readonly project: number; readonly neither: number };
}

/** `pmLens/words`: the words per side of an open document's current version; null when it is not an analysed plan. */
export const WordsRequest = new RequestType<DocumentParams, WordsResult | null, void>('pmLens/words');

/** `pmLens/summaryTotal`: many summaries added up (the workspace view of the panel). */
export const SummaryTotalRequest = new RequestType<{ readonly summaries: readonly Summary[] }, SummaryTotal, void>('pmLens/summaryTotal');

/** Plans to export, named by the path to print. */
export interface SummaryExportParams {
  readonly files: readonly { readonly path: string; readonly summary: Summary; readonly labels: Readonly<Record<string, string>> }[];
  readonly format: 'markdown' | 'json';
}

/**
 * `pmLens/summaryExport`: the panel's *Copy as Markdown* and *Save as JSON*: exactly what
 * `pm-lens summary --format markdown|json` prints for the same files.
 */
export const SummaryExportRequest = new RequestType<SummaryExportParams, string, void>('pmLens/summaryExport');

/** The committed side of "Changes since last commit", as the client read it from Git. */
export type ChangesBaseParams =
  | { readonly status: Exclude<ChangesStatus, 'ready'>; readonly detail?: string }
  | {
      readonly status: 'ready';
      /** `HEAD (1a2b3c4)`. */
      readonly base: string;
      /** The committed text; absent when the file is not in the last commit. */
      readonly text?: string;
      readonly isNew: boolean;
    };

/**
 * `pmLens/changes`: an open plan's changes since its committed version (the panel's "Changes
 * since last commit"), by the same ownership diff as `pm-lens diff`; null when it is not an
 * analysed plan.
 */
export const ChangesRequest = new RequestType<{ readonly uri: string; readonly base: ChangesBaseParams }, PanelChanges | null, void>('pmLens/changes');

/** An open plan's analysis (sections come without their evidence). */
export interface AnalysisResult {
  readonly uri: string;
  readonly version: number;
  readonly analysis: Analysis;
}

/**
 * `pmLens/analysis`: the analysis of an open document's current version, for other extensions
 * and the editor tests; null when it is not an analysed plan.
 */
export const AnalysisRequest = new RequestType<DocumentParams, AnalysisResult | null, void>('pmLens/analysis');

/**
 * `pmLens/analyze`: *Analyze This Document*. Treats the document as a plan for this session
 * (whatever its name), resumes it if its analysis was paused, and answers once it is analysed.
 */
export const AnalyzeRequest = new RequestType<DocumentParams, DocumentStatus, void>('pmLens/analyze');

/** Why a document has, or has no, analysis. */
export type DocumentState =
  | { readonly state: 'analysed'; readonly version: number; readonly sections: number; readonly findings: number }
  | { readonly state: 'not-plan' }
  | { readonly state: 'disabled' }
  | { readonly state: 'too-large'; readonly size: number; readonly limit: number }
  | { readonly state: 'paused'; readonly budgetMs: number }
  /** The analysis itself failed (a fault of PM Lens or its install, not of the document); `reason` is the error's first line. */
  | { readonly state: 'failed'; readonly reason: string };

export type DocumentStatus = DocumentParams & DocumentState;

/**
 * `pmLens/status`: sent whenever a document's state changes (the status bar shows it), after its
 * diagnostics, with the version it describes. Diagnostics equal to the last ones sent are not
 * sent again, so this is how a client knows a version's diagnostics are current.
 */
export const StatusNotification = new NotificationType<StatusParams>('pmLens/status');

/** A document's status as `pmLens/status` sends it: with the version of the document it describes. */
export type StatusParams = DocumentStatus & { readonly version: number };

/**
 * One piece of a document's new diagnostics, for a client that asked for them this way
 * (`InitializationOptions.diagnosticDeltas`): the change to the list it holds from publish `base`
 * (0: from an empty list), its items split over pieces small enough to parse in well under a
 * millisecond. The client applies the publish once its last piece came. Other clients get
 * `textDocument/publishDiagnostics`.
 */
export interface DiagnosticsPieceParams extends ListDelta<Diagnostic> {
  readonly uri: string;
  readonly version?: number;
  /** This publish's number for the document, counting up from 1. */
  readonly publish: number;
  /** The publish whose list the delta changes; 0 for a list sent whole. */
  readonly base: number;
  /** Whether this piece is the publish's last. */
  readonly last: boolean;
}

/** `pmLens/diagnostics`: a piece of a document's diagnostics (see DiagnosticsPieceParams). */
export const DiagnosticsNotification = new NotificationType<DiagnosticsPieceParams>('pmLens/diagnostics');

/**
 * `pmLens/resendDiagnostics`, client to server: the client lost track of a document's
 * diagnostics (a piece arrived for a publish it does not hold); the server sends them whole.
 */
export const ResendDiagnosticsNotification = new NotificationType<DocumentParams>('pmLens/resendDiagnostics');

/** A document's lenses asked for by a client that holds list `base` of them (0: none). */
export interface CodeLensesParams extends DocumentParams {
  readonly base: number;
}

/** The lenses as the change to the list the client holds (`base`; 0 when sent whole), numbered `list`. */
export interface CodeLensesResult extends ListDelta<CodeLens> {
  readonly list: number;
  readonly base: number;
}

/**
 * `pmLens/codeLenses`: `textDocument/codeLens` as a delta, for a client that keeps the lenses it
 * was sent (the VS Code extension): typing changes few of a large plan's thousands of lenses.
 * Answered, like the standard request, once the document's current version is analysed.
 */
export const CodeLensesRequest = new RequestType<CodeLensesParams, CodeLensesResult, void>('pmLens/codeLenses');

/**
 * `pmLens/workspaceHandles`: the handles (`@name`) named in the workspace's Markdown files that are
 * not open, which completion offers beside those of the open documents. A client that can read
 * the workspace sends them (the VS Code extension does, before a completion request).
 */
export const WorkspaceHandlesNotification = new NotificationType<{ readonly handles: readonly string[] }>('pmLens/workspaceHandles');

/**
 * `pmLens/readFile`, server to client: a configuration file's text (`.pmlens.json` only, at most
 * 1 MB), for a server without a file system of its own (the browser build); null when missing.
 */
export const ReadFileRequest = new RequestType<DocumentParams, string | null, void>('pmLens/readFile');

/** `pmLens/stat`, server to client: what is at a URI; null when nothing is. */
export const StatRequest = new RequestType<DocumentParams, FileStat | null, void>('pmLens/stat');

/** Heap figures of the server and its analysis workers, in bytes. */
export interface ServerStats {
  /** The server's own thread. */
  readonly serverHeap: number;
  /** Each analysis worker's heap, by worker name (empty in the browser build). */
  readonly workerHeaps: Readonly<Record<string, number>>;
  /** The documents each analysis thread keeps state for (URIs), by worker name. */
  readonly workerDocuments: Readonly<Record<string, readonly string[]>>;
  /** Documents the server keeps state for. */
  readonly documents: number;
  /**
   * The longest the server's thread was blocked since the last stats request, in milliseconds
   * (event-loop delay, 10 ms resolution; 0 where it cannot be measured).
   */
  readonly longestBlockMs: number;
}

/**
 * `pmLens/stats`: heap figures after a garbage collection when the server runs with
 * `--expose-gc` (for the benchmark and the memory tests).
 */
export const StatsRequest = new RequestType0<ServerStats, void>('pmLens/stats');

/** Options a client may pass in `initialize`'s `initializationOptions`. */
export interface InitializationOptions {
  /** Longest analysis of one version of one document, in milliseconds (default 10,000). */
  readonly analysisBudgetMs?: number;
  /**
   * Whether the user trusts the workspace (default true): untrusted, the regular expressions
   * and globs of its `.pmlens.json` files are left out.
   */
  readonly trusted?: boolean;
  /**
   * Whether the client takes an open document's diagnostics as `pmLens/diagnostics` deltas in
   * pieces instead of `textDocument/publishDiagnostics` (default false). The VS Code extension
   * does: its thread parses and converts only what changed, in slices.
   */
  readonly diagnosticDeltas?: boolean;
  /**
   * Browser only: whether the client starts analysis workers when the server asks
   * (`pmLens/startAnalysisWorker`), so that a slow parse can be stopped at the budget (default
   * false: the server analyses in slices on its own worker, between which alone it can stop).
   */
  readonly analysisWorkers?: boolean;
}

/**
 * `pmLens/startAnalysisWorker`, server to client (browser, with `analysisWorkers`): start a web
 * worker of the server's own bundle and connect it to the server with a `MessageChannel`.
 * The client posts the worker `SERVE_MESSAGE` with one port and the server's worker
 * `analysisPortMessage(id)` with the other (a worker that an extension starts may not start
 * workers of its own, so the client does it).
 */
export const StartAnalysisWorkerRequest = new RequestType<{ readonly id: number }, void, void>('pmLens/startAnalysisWorker');

/** What the client posts a new analysis worker with its port: it serves the server on that port. */
export const SERVE_MESSAGE = { pmLensServe: true } as const;

/** What the client posts the server's worker with the other port, for analysis worker `id`. */
export const analysisPortMessage = (id: number): { readonly pmLensAnalysisPort: number } => ({ pmLensAnalysisPort: id });

/** Whether a message to a worker is `SERVE_MESSAGE`. */
export const isServeMessage = (data: unknown): boolean => (data as { pmLensServe?: unknown } | null)?.pmLensServe === true;

/** The analysis worker a message to the server's worker brings the port of (`analysisPortMessage`), if it is one. */
export function analysisPortOf(data: unknown): number | undefined {
  const id = (data as { pmLensAnalysisPort?: unknown } | null)?.pmLensAnalysisPort;
  return typeof id === 'number' ? id : undefined;
}

/** `pmLens/stopAnalysisWorker`, server to client: end the analysis worker `id` (past the budget, or no longer needed). */
export const StopAnalysisWorkerNotification = new NotificationType<{ readonly id: number }>('pmLens/stopAnalysisWorker');

/** `pmLens/analysisWorkerFailed`, client to server: the analysis worker `id` failed (it will not answer). */
export const AnalysisWorkerFailedNotification = new NotificationType<{ readonly id: number; readonly message: string }>('pmLens/analysisWorkerFailed');

export type { Analysis };
