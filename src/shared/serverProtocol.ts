/**
 * What the PM Lens language server says beyond LSP, in one place: the server and every client
 * (the VS Code extension, the tests) import these types, so both sides agree on each message.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Analysis, Summary } from '../core/types';

/** A document named by its URI. */
export interface DocumentParams {
  readonly uri: string;
}

/** The newest analysis of an open plan, for the Ownership Summary panel. */
export interface SummaryResult {
  readonly uri: string;
  /** The document version the summary belongs to. */
  readonly version: number;
  readonly kind: string | undefined;
  readonly summary: Summary;
}

/** `pmLens/summary`: the summary of an open document's current version; null when it is not an analysed plan. */
export const SummaryRequest = new RequestType<DocumentParams, SummaryResult | null, void>('pmLens/summary');

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
  | { readonly state: 'paused'; readonly budgetMs: number };

export type DocumentStatus = DocumentParams & DocumentState;

/** `pmLens/status`: sent whenever a document's state changes (the status bar shows it). */
export const StatusNotification = new NotificationType<DocumentStatus>('pmLens/status');

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
   * The client serves files with `pmLens/readFile` (default false). The server in a web worker
   * has no file system: it then reads `.pmlens.json` files through the client.
   */
  readonly readFiles?: boolean;
}

/** `pmLens/readFile` parameters: the file's URI (a `.pmlens.json` in the document's workspace folder or below). */
export interface ReadFileParams {
  readonly uri: string;
}

/**
 * `pmLens/readFile`, from the server to a client that set `readFiles`: the text of a file, or
 * null when it is missing, not a regular file, unreadable or larger than 4 MB. Asked only by the
 * server without a file system of its own (the web worker build), only for `.pmlens.json` files
 * from a document's folder up to its workspace folder, and the model file one names.
 */
export const ReadFileRequest = new RequestType<ReadFileParams, string | null, void>('pmLens/readFile');

export type { Analysis };
