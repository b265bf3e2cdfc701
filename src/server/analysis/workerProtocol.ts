/** Messages between the Node runner (workerRunner.ts) and its analysis worker (worker.ts). */
import type { Evidence, ResolvedConfig } from '../engine';
import type { DeliveredData } from './runner';

export type ToWorker =
  /** A configuration, sent once and named by `id` afterwards (the analyzer caches per object). */
  | { readonly type: 'config'; readonly id: number; readonly config: ResolvedConfig }
  | { readonly type: 'analyze'; readonly job: number; readonly text: string; readonly configId: number; readonly detectPath?: string }
  | { readonly type: 'heap' }
  /** One section's evidence in the analysis of `job`. */
  | { readonly type: 'evidence'; readonly request: number; readonly job: number; readonly section: number };

export type FromWorker =
  | {
      readonly type: 'done';
      readonly job: number;
      readonly analysis?: DeliveredData;
      /** The worker's used heap after the analysis (garbage included), in bytes. */
      readonly heap?: number;
      readonly notPlan?: boolean;
      readonly stopped?: boolean;
    }
  | { readonly type: 'failed'; readonly job: number; readonly message: string }
  | { readonly type: 'heap'; readonly used: number }
  | { readonly type: 'evidence'; readonly request: number; readonly evidence: readonly Evidence[] | undefined };

/** Data handed to the worker at start: the cell it reads to know which job is still wanted. */
export interface WorkerData {
  /** Int32Array over a SharedArrayBuffer: [0] is the newest wanted job; anything else stops. */
  readonly wanted: SharedArrayBuffer;
}
