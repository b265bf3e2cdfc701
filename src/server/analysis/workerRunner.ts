/**
 * The Node runner: every open plan gets a worker thread of its own (worker.ts), holding that
 * document's incremental analyzer. Why threads and not slices on the server's thread: a slice
 * cannot be shorter than one parse of one piece, and some Markdown keeps the parser busy for
 * a minute in a single piece; only a thread can be stopped in the middle of that. A job past the
 * budget terminates its worker (the document's caches go with it) and reports `over-budget`;
 * the other documents' workers, and the server's thread, never wait on it.
 *
 * Closing a document terminates its worker, so everything it held is freed. A worker whose heap
 * has grown well past what it held after its first analysis is replaced before its next job
 * (the core keeps a little of every version it analyses; a fresh worker starts from scratch,
 * at the cost of one whole analysis). At most
 * `maxWorkers` idle workers are kept; beyond that the least recently used one is stopped and
 * its document starts from scratch on its next edit.
 */
import { Worker } from 'node:worker_threads';
import type { Evidence, ResolvedConfig } from '../engine';
import { unpackAnalysis, type AnalysisJob, type AnalysisRunner, type EvidenceOf, type JobOutcome } from './runner';
import type { FromWorker, ToWorker, WorkerData } from './workerProtocol';

export interface WorkerRunnerOptions {
  /** The bundled worker script (dist/analysisWorker.js). */
  readonly script: string;
  readonly budgetMs: number;
  readonly maxWorkers?: number;
  /** Told when a worker fails for a reason other than the budget. */
  readonly onError?: (key: string, message: string) => void;
}

interface Handle {
  readonly worker: Worker;
  readonly wanted: Int32Array;
  /** Jobs of this document, one after another. */
  chain: Promise<unknown>;
  /** Jobs with an id up to this one are cancelled. */
  cancelledUpTo: number;
  /** The job running in the worker now, and how to settle it. */
  running: { readonly job: number; readonly settle: (outcome: JobOutcome | Error) => void } | undefined;
  queued: number;
  sentConfig: number | undefined;
  lastUsed: number;
  heapReply: ((used: number) => void) | undefined;
  /** The used heap after the first analysis; undefined until then. */
  firstHeap: number | undefined;
  /** Grown past the bound: replace it before the next job. */
  worn: boolean;
  /** Evidence requests waiting for the worker, by request id. */
  readonly evidenceReplies: Map<number, (evidence: readonly Evidence[] | undefined) => void>;
  gone: boolean;
}

const HEAP_REPLY_MS = 2000;
/** A worker is replaced once its heap after an analysis passes twice its first, plus this. */
const HEAP_GROWTH_SLACK = 32 * 1024 * 1024;
let nextJob = 0;
let nextRequest = 0;
let nextConfig = 0;
const configIds = new WeakMap<ResolvedConfig, number>();

export class WorkerRunner implements AnalysisRunner {
  private readonly handles = new Map<string, Handle>();
  private readonly maxWorkers: number;

  constructor(private readonly options: WorkerRunnerOptions) {
    this.maxWorkers = options.maxWorkers ?? 8;
  }

  run(job: AnalysisJob): Promise<JobOutcome> {
    const id = ++nextJob;
    const handle = this.handleFor(job.key);
    handle.queued++;
    const outcome = handle.chain.then(() => this.execute(job, id));
    handle.chain = outcome.catch(() => undefined).finally(() => handle.queued--);
    return outcome;
  }

  cancel(key: string): void {
    const handle = this.handles.get(key);
    if (!handle) return;
    handle.cancelledUpTo = nextJob;
    Atomics.store(handle.wanted, 0, -1);
  }

  forget(key: string): void {
    const handle = this.handles.get(key);
    if (!handle) return;
    this.cancel(key);
    this.stop(key, handle);
    handle.running?.settle({ type: 'cancelled' });
  }

  async heaps(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    await Promise.all(
      [...this.handles].map(async ([key, handle]) => {
        const used = await new Promise<number | undefined>((resolve) => {
          const timer = setTimeout(() => resolve(undefined), HEAP_REPLY_MS);
          handle.heapReply = (n) => {
            clearTimeout(timer);
            resolve(n);
          };
          post(handle, { type: 'heap' });
        });
        if (used !== undefined) out[key] = used;
      }),
    );
    return out;
  }

  dispose(): void {
    for (const key of [...this.handles.keys()]) this.forget(key);
  }

  private execute(job: AnalysisJob, id: number): Promise<JobOutcome> {
    let handle = this.handles.get(job.key);
    if (handle && id <= handle.cancelledUpTo) return Promise.resolve({ type: 'cancelled' });
    if (handle?.worn) {
      this.stop(job.key, handle);
      handle = undefined;
    }
    // The worker was stopped (budget, eviction) since the job was queued: start a fresh one.
    handle ??= this.handleFor(job.key);
    const h = handle;
    h.lastUsed = Date.now();
    return new Promise<JobOutcome>((resolve, reject) => {
      const timer = setTimeout(() => {
        // Past the budget: the only way to stop a parse that never yields is to end its thread.
        this.stop(job.key, h);
        settle({ type: 'over-budget', budgetMs: this.options.budgetMs });
      }, this.options.budgetMs);
      const settle = (outcome: JobOutcome | Error): void => {
        clearTimeout(timer);
        if (h.running?.job === id) h.running = undefined;
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      h.running = { job: id, settle };
      Atomics.store(h.wanted, 0, id);
      let configId = configIds.get(job.config);
      if (configId === undefined) configIds.set(job.config, (configId = ++nextConfig));
      if (h.sentConfig !== configId) {
        post(h, { type: 'config', id: configId, config: job.config });
        h.sentConfig = configId;
      }
      post(h, { type: 'analyze', job: id, text: job.text, configId, detectPath: job.detectByContent?.path });
    });
  }

  private handleFor(key: string): Handle {
    const existing = this.handles.get(key);
    if (existing) return existing;
    this.evictIdle();
    const wanted = new Int32Array(new SharedArrayBuffer(4));
    const data: WorkerData = { wanted: wanted.buffer as SharedArrayBuffer };
    const worker = new Worker(this.options.script, { workerData: data });
    const handle: Handle = { worker, wanted, chain: Promise.resolve(), cancelledUpTo: 0, running: undefined, queued: 0, sentConfig: undefined, lastUsed: Date.now(), heapReply: undefined, firstHeap: undefined, worn: false, evidenceReplies: new Map(), gone: false };
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'heap') {
        handle.heapReply?.(message.used);
        handle.heapReply = undefined;
        return;
      }
      if (message.type === 'evidence') {
        handle.evidenceReplies.get(message.request)?.(message.evidence);
        handle.evidenceReplies.delete(message.request);
        return;
      }
      const running = handle.running;
      if (!running || running.job !== message.job) return;
      if (message.type === 'failed') running.settle(new Error(message.message));
      else if (message.stopped) running.settle({ type: 'cancelled' });
      else if (message.notPlan) running.settle({ type: 'not-plan' });
      else if (message.analysis) {
        if (message.heap !== undefined) {
          handle.firstHeap ??= message.heap;
          if (message.heap > 2 * handle.firstHeap + HEAP_GROWTH_SLACK) handle.worn = true;
        }
        running.settle({ type: 'analysis', delivered: unpackAnalysis(message.analysis), evidence: evidenceOf(handle, message.job) });
      }
    });
    const failed = (message: string): void => {
      if (handle.gone) return;
      this.options.onError?.(key, message);
      this.stop(key, handle);
      handle.running?.settle(new Error(message));
    };
    worker.on('error', (error) => failed(String(error?.stack ?? error)));
    worker.on('exit', (code) => failed(`analysis worker exited with code ${code}`));
    // An idle worker must not keep the process alive once the connection is gone.
    worker.unref();
    this.handles.set(key, handle);
    return handle;
  }

  /** Ends a document's worker (its caches go with it). */
  private stop(key: string, handle: Handle): void {
    if (handle.gone) return;
    handle.gone = true;
    if (this.handles.get(key) === handle) this.handles.delete(key);
    void handle.worker.terminate();
  }

  private evictIdle(): void {
    if (this.handles.size < this.maxWorkers) return;
    let oldest: [string, Handle] | undefined;
    for (const entry of this.handles) {
      if (entry[1].running || entry[1].queued > 0) continue;
      if (!oldest || entry[1].lastUsed < oldest[1].lastUsed) oldest = entry;
    }
    if (oldest) this.stop(oldest[0], oldest[1]);
  }
}

/** Asks the worker for a section's evidence in the analysis of `job`. */
function evidenceOf(handle: Handle, job: number): EvidenceOf {
  return (section) =>
    new Promise((resolve) => {
      if (handle.gone) return resolve(undefined);
      const request = ++nextRequest;
      const timer = setTimeout(() => {
        handle.evidenceReplies.delete(request);
        resolve(undefined);
      }, HEAP_REPLY_MS);
      handle.evidenceReplies.set(request, (evidence) => {
        clearTimeout(timer);
        resolve(evidence);
      });
      post(handle, { type: 'evidence', request, job, section });
    });
}

function post(handle: Handle, message: ToWorker): void {
  if (!handle.gone) handle.worker.postMessage(message);
}
