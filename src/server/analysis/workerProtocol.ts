/** Messages between the runner (workerRunner.ts) and its analysis workers (serve.ts, on a Node worker thread or a web worker). */
import type { Evidence, ResolvedConfig } from '../engine';
import type { DiagnosticsUpdate } from './diagnosticsUpdate';

/**
 * How long a worker analyses before it yields. Slices there only let the worker answer evidence
 * and heap questions: a newer version stops the job through the shared cell, and no editor waits
 * on that thread. Longer slices, fewer yields.
 */
export const WORKER_SLICE_MS = 40;

export type ToWorker =
  /** A configuration, sent once and named by `id` afterwards (the analyzer caches per object). */
  | { readonly type: 'config'; readonly id: number; readonly config: ResolvedConfig }
  /**
   * Analyse one version of the document `key` (a worker serves several documents, one job at a
   * time); `base` names the job whose diagnostics the server holds for it, to send only changes.
   */
  | { readonly type: 'analyze'; readonly key: string; readonly job: number; readonly text: string; readonly configId: number; readonly detectPath?: string; readonly base?: number }
  /**
   * The job the runner wants now; anything else stops the running job between slices (`-1`:
   * none). Where the runner and the worker share memory (Node), the shared cell says it instead.
   */
  | { readonly type: 'want'; readonly job: number }
  /** The document `key` closed (or moved to another worker): drop everything kept for it. */
  | { readonly type: 'forget'; readonly key: string }
  | { readonly type: 'heap' }
  /** One section's evidence in the analysis of `job` of the document `key`. */
  | { readonly type: 'evidence'; readonly request: number; readonly key: string; readonly job: number; readonly section: number }
  /** The analysis of `job` of the document `key`, light (without evidence), as JSON. */
  | { readonly type: 'analysis'; readonly request: number; readonly key: string; readonly job: number };

export type FromWorker =
  /** The worker has loaded and serves: a job's budget runs from here (a fresh worker first loads the engine). */
  | { readonly type: 'ready' }
  | {
      readonly type: 'done';
      readonly key: string;
      readonly job: number;
      /** The analysis is kept in the worker until asked for (`analysis`); its diagnostics come now. */
      readonly analysed?: { readonly sections: number; readonly findings: number; readonly diagnostics: DiagnosticsUpdate };
      readonly notPlan?: boolean;
      readonly stopped?: boolean;
    }
  | { readonly type: 'failed'; readonly job: number; readonly message: string }
  /** `used`: bytes, or -1 where the platform does not tell. */
  | { readonly type: 'heap'; readonly used: number }
  | { readonly type: 'evidence'; readonly request: number; readonly evidence: readonly Evidence[] | undefined }
  /** Undefined when the worker no longer holds that analysis (a newer one of the document replaced it). */
  | { readonly type: 'analysis'; readonly request: number; readonly json: string | undefined };

/** Data handed to the worker at start: the cell it reads to know which job is still wanted. */
export interface WorkerData {
  /** Int32Array over a SharedArrayBuffer: [0] is the job wanted now; anything else stops the running one. */
  readonly wanted: SharedArrayBuffer;
}
