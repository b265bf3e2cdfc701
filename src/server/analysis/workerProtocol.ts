/** Messages between the Node runner (workerRunner.ts) and its analysis workers (worker.ts). */
import type { Evidence, ResolvedConfig } from '../engine';
import type { DeliveredData } from './runner';

/**
 * How long a worker analyses before it yields. Slices there only let the worker answer evidence
 * and heap questions: a newer version stops the job through the shared cell, and no editor waits
 * on that thread. Longer slices, fewer yields.
 */
export const WORKER_SLICE_MS = 40;

export type ToWorker =
  /** A configuration, sent once and named by `id` afterwards (the analyzer caches per object). */
  | { readonly type: 'config'; readonly id: number; readonly config: ResolvedConfig }
  /** Analyse one version of the document `key` (a worker serves several documents, one job at a time). */
  | { readonly type: 'analyze'; readonly key: string; readonly job: number; readonly text: string; readonly configId: number; readonly detectPath?: string }
  /** The document `key` closed (or moved to another worker): drop everything kept for it. */
  | { readonly type: 'forget'; readonly key: string }
  | { readonly type: 'heap' }
  /** One section's evidence in the analysis of `job` of the document `key`. */
  | { readonly type: 'evidence'; readonly request: number; readonly key: string; readonly job: number; readonly section: number };

export type FromWorker =
  | {
      readonly type: 'done';
      readonly job: number;
      readonly analysis?: DeliveredData;
      readonly notPlan?: boolean;
      readonly stopped?: boolean;
    }
  | { readonly type: 'failed'; readonly job: number; readonly message: string }
  | { readonly type: 'heap'; readonly used: number }
  | { readonly type: 'evidence'; readonly request: number; readonly evidence: readonly Evidence[] | undefined };

/** Data handed to the worker at start: the cell it reads to know which job is still wanted. */
export interface WorkerData {
  /** Int32Array over a SharedArrayBuffer: [0] is the job wanted now; anything else stops the running one. */
  readonly wanted: SharedArrayBuffer;
}
