/**
 * The runner of the server: a small pool of analysis workers (serve.ts) serves every open plan,
 * however many are open. Why workers and not slices on the server's thread: a slice cannot be
 * shorter than one parse of one piece, and some Markdown keeps the parser busy for a minute in a
 * single piece; only a worker can be stopped in the middle of that. The workers are Node worker
 * threads (nodeWorkers.ts) or, in the browser, web workers the client starts (portWorkers.ts).
 *
 * Each document is given to one worker of the pool (the one serving the fewest documents) and
 * stays with it, so that worker keeps the document's incremental analyzer between versions. A
 * worker runs one job at a time; the jobs of all its documents wait in one queue, in order. A
 * job past the budget terminates its worker and reports `over-budget`; a fresh worker takes the
 * place in the pool, and the other documents it served start from scratch on their next job (no
 * document loses its worker). The budget is the analysis's own: on a fresh worker its clock starts
 * once the worker says it has loaded, and a worker that does not load in time fails. Closing a
 * document tells its worker to drop what it kept for it.
 *
 * A finished job brings back only its diagnostics, as changes to the list of the document's
 * previous job (which this runner keeps per worker); the analysis stays in the worker until a
 * request asks for it (`Delivered.load`).
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { Analysis, ResolvedConfig } from '../engine';
import { applyDiagnosticsUpdate } from './diagnosticsUpdate';
import type { AnalysisJob, AnalysisRunner, Delivered, EvidenceOf, JobOutcome } from './runner';
import type { FromWorker, ToWorker } from './workerProtocol';

/** What the runner hears from one of its workers. */
export interface WorkerEvents {
  message(message: FromWorker): void;
  /** The worker failed or ended of its own accord (it will not answer again). */
  failed(why: string): void;
}

/** One analysis worker as the runner drives it, whatever the platform's kind of worker. */
export interface AnalysisWorker {
  post(message: ToWorker): void;
  /** Tells the worker which job is wanted now; anything else stops the running one (`-1`: none). */
  want(job: number): void;
  /** Ends the worker, whatever it is doing. */
  terminate(): void;
}

/** Starts one analysis worker (the pool starts them on demand, and again after one is stopped). */
export type StartWorker = (events: WorkerEvents) => AnalysisWorker;

export interface WorkerRunnerOptions {
  readonly start: StartWorker;
  readonly budgetMs: number;
  /** Workers in the pool (default 2). */
  readonly poolSize?: number;
  /** How long a fresh worker may take to load before it counts as failed (default 30 s). */
  readonly loadLimitMs?: number;
  /** Told when a worker fails for a reason other than the budget. */
  readonly onError?: (key: string, message: string) => void;
}

/** A running worker of the pool. */
interface Thread {
  readonly worker: AnalysisWorker;
  /** The job running in the worker now, how to settle it, and how to start its budget's clock. */
  running: { readonly job: number; readonly key: string; readonly settle: (outcome: JobOutcome | Error) => void; readonly startClock: () => void } | undefined;
  /**
   * Until the worker says it serves (loading the engine is not a job's time): the timer that fails
   * it if it never does. Undefined once it has loaded.
   */
  loading: ReturnType<typeof setTimeout> | undefined;
  sentConfig: number | undefined;
  heapReply: ((used: number) => void) | undefined;
  /** Evidence and analysis requests waiting for the worker, by request id (undefined: no answer). */
  readonly replies: Map<number, (reply: Extract<FromWorker, { type: 'evidence' | 'analysis' }> | undefined) => void>;
  /** Per document, the diagnostics of the last job the worker finished: what its next job's are built on. */
  readonly diagnostics: Map<string, { readonly job: number; readonly diagnostics: Diagnostic[] }>;
  gone: boolean;
}

/** A place in the pool: its worker (started on demand, replaced when stopped) and its queue. */
interface Slot {
  readonly index: number;
  thread: Thread | undefined;
  /** Jobs of this slot's documents, one after another. */
  chain: Promise<unknown>;
  /** Documents given to this slot. */
  readonly documents: Set<string>;
}

const HEAP_REPLY_MS = 2000;
/** How long a fresh worker may take to load when the caller names no limit: far past any machine's load of the engine. */
const DEFAULT_LOAD_LIMIT_MS = 30_000;
/** Workers in the pool when the caller names no number: one per core of a typical laptop's spare share. */
const DEFAULT_POOL_SIZE = 2;
let nextJob = 0;
let nextRequest = 0;
let nextConfig = 0;
const configIds = new WeakMap<ResolvedConfig, number>();

export class WorkerRunner implements AnalysisRunner {
  private readonly slots: Slot[];
  private readonly slotOf = new Map<string, Slot>();
  /** Per document: jobs with an id up to this one are cancelled. */
  private readonly cancelledUpTo = new Map<string, number>();

  constructor(private readonly options: WorkerRunnerOptions) {
    const size = Math.max(1, Math.floor(options.poolSize ?? DEFAULT_POOL_SIZE));
    this.slots = Array.from({ length: size }, (_, index) => ({ index, thread: undefined, chain: Promise.resolve(), documents: new Set<string>() }));
  }

  run(job: AnalysisJob): Promise<JobOutcome> {
    const id = ++nextJob;
    const slot = this.assign(job.key);
    const outcome = slot.chain.then(() => this.execute(slot, job, id));
    slot.chain = outcome.catch(() => undefined);
    return outcome;
  }

  cancel(key: string): void {
    this.cancelledUpTo.set(key, nextJob);
    const thread = this.slotOf.get(key)?.thread;
    if (thread?.running?.key === key) thread.worker.want(-1);
  }

  forget(key: string): void {
    this.cancel(key);
    const slot = this.slotOf.get(key);
    if (!slot) return;
    this.slotOf.delete(key);
    slot.documents.delete(key);
    const thread = slot.thread;
    if (thread) {
      thread.diagnostics.delete(key);
      post(thread, { type: 'forget', key });
      if (thread.running?.key === key) thread.running.settle({ type: 'cancelled' });
    }
    // Its queued jobs find it cancelled; nothing else is kept for it.
    void slot.chain.then(() => {
      if (!this.slotOf.has(key)) this.cancelledUpTo.delete(key);
    });
  }

  async heaps(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    await Promise.all(
      this.slots.map(async (slot) => {
        const thread = slot.thread;
        if (!thread || thread.gone) return;
        const used = await new Promise<number | undefined>((resolve) => {
          const timer = setTimeout(() => resolve(undefined), HEAP_REPLY_MS);
          thread.heapReply = (n) => {
            clearTimeout(timer);
            resolve(n);
          };
          post(thread, { type: 'heap' });
        });
        if (used !== undefined && used >= 0) out[`worker ${slot.index + 1}`] = used;
      }),
    );
    return out;
  }

  /** The documents each worker of the pool serves, by worker name. */
  documentsByWorker(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const slot of this.slots) if (slot.documents.size > 0) out[`worker ${slot.index + 1}`] = [...slot.documents];
    return out;
  }

  dispose(): void {
    for (const key of [...this.slotOf.keys()]) this.forget(key);
    for (const slot of this.slots) if (slot.thread) this.stop(slot, slot.thread);
  }

  /** The document's slot: the one it has, else the one serving the fewest documents. */
  private assign(key: string): Slot {
    let slot = this.slotOf.get(key);
    if (!slot) {
      slot = this.slots.reduce((best, s) => (s.documents.size < best.documents.size ? s : best));
      slot.documents.add(key);
      this.slotOf.set(key, slot);
    }
    return slot;
  }

  private execute(slot: Slot, job: AnalysisJob, id: number): Promise<JobOutcome> {
    if (id <= (this.cancelledUpTo.get(job.key) ?? 0) || this.slotOf.get(job.key) !== slot) return Promise.resolve({ type: 'cancelled' });
    // The worker was stopped (budget, failure) since the job was queued: start a fresh one.
    const thread = slot.thread && !slot.thread.gone ? slot.thread : this.start(slot);
    return new Promise<JobOutcome>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      // The budget is the analysis's: on a fresh worker, its clock starts once the worker has loaded.
      const startClock = (): void => {
        timer ??= setTimeout(() => {
          // Past the budget: the only way to stop a parse that never yields is to end its thread.
          this.stop(slot, thread);
          settle({ type: 'over-budget', budgetMs: this.options.budgetMs });
        }, this.options.budgetMs);
      };
      const settle = (outcome: JobOutcome | Error): void => {
        clearTimeout(timer);
        if (thread.running?.job !== id) return;
        thread.running = undefined;
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      thread.running = { job: id, key: job.key, settle, startClock };
      if (thread.loading === undefined) startClock();
      thread.worker.want(id);
      let configId = configIds.get(job.config);
      if (configId === undefined) configIds.set(job.config, (configId = ++nextConfig));
      if (thread.sentConfig !== configId) {
        post(thread, { type: 'config', id: configId, config: job.config });
        thread.sentConfig = configId;
      }
      post(thread, { type: 'analyze', key: job.key, job: id, text: job.text, configId, detectPath: job.detectByContent?.path, base: thread.diagnostics.get(job.key)?.job });
    });
  }

  private start(slot: Slot): Thread {
    let thread: Thread | undefined;
    const failed = (message: string): void => {
      if (!thread || thread.gone) return;
      const running = thread.running;
      this.options.onError?.(running?.key ?? `worker ${slot.index + 1}`, message);
      this.stop(slot, thread);
      running?.settle(new Error(message));
    };
    const worker = this.options.start({ message: (message) => thread && this.receive(thread, message), failed: (why) => failed(why) });
    const limit = this.options.loadLimitMs ?? DEFAULT_LOAD_LIMIT_MS;
    const loading = setTimeout(() => failed(`the analysis worker did not load within ${limit / 1000} s`), limit);
    thread = { worker, running: undefined, sentConfig: undefined, heapReply: undefined, replies: new Map(), diagnostics: new Map(), gone: false, loading };
    slot.thread = thread;
    return thread;
  }

  /** A message from one of the pool's workers. */
  private receive(thread: Thread, message: FromWorker): void {
    if (message.type === 'ready') {
      clearTimeout(thread.loading);
      thread.loading = undefined;
      thread.running?.startClock();
      return;
    }
    if (message.type === 'heap') {
      thread.heapReply?.(message.used);
      thread.heapReply = undefined;
      return;
    }
    if (message.type === 'evidence' || message.type === 'analysis') {
      thread.replies.get(message.request)?.(message);
      thread.replies.delete(message.request);
      return;
    }
    // Every finished job moves the diagnostics on, wanted or not: the worker builds the next ones on them.
    let delivered: Delivered | undefined;
    if (message.type === 'done' && message.analysed) {
      const diagnostics = applyDiagnosticsUpdate(thread.diagnostics.get(message.key), message.analysed.diagnostics);
      if (diagnostics) {
        thread.diagnostics.set(message.key, { job: message.job, diagnostics });
        delivered = { diagnostics, sections: message.analysed.sections, findings: message.analysed.findings, load: analysisOf(thread, message.key, message.job) };
      } else thread.diagnostics.delete(message.key);
    }
    const running = thread.running;
    if (!running || running.job !== message.job) return;
    if (message.type === 'failed') running.settle(new Error(message.message));
    else if (message.stopped) running.settle({ type: 'cancelled' });
    else if (message.notPlan) running.settle({ type: 'not-plan' });
    else if (delivered) running.settle({ type: 'analysis', delivered, evidence: evidenceOf(thread, running.key, message.job) });
    else running.settle(new Error(`the diagnostics of job ${message.job} build on a list this runner does not hold`));
  }

  /** Ends a worker (the caches of the documents it served go with it). */
  private stop(slot: Slot, thread: Thread): void {
    if (thread.gone) return;
    thread.gone = true;
    clearTimeout(thread.loading);
    if (slot.thread === thread) slot.thread = undefined;
    for (const reply of thread.replies.values()) reply(undefined);
    thread.replies.clear();
    thread.worker.terminate();
  }
}

/** Asks the worker a question about the analysis it keeps; undefined when it cannot answer (gone, or no reply in time). */
function ask(thread: Thread, question: (request: number) => ToWorker): Promise<Extract<FromWorker, { type: 'evidence' | 'analysis' }> | undefined> {
  return new Promise((resolve) => {
    if (thread.gone) return resolve(undefined);
    const request = ++nextRequest;
    const timer = setTimeout(() => {
      thread.replies.delete(request);
      resolve(undefined);
    }, HEAP_REPLY_MS);
    thread.replies.set(request, (reply) => {
      clearTimeout(timer);
      resolve(reply);
    });
    post(thread, question(request));
  });
}

/** A section's evidence in the analysis of `job` of the document `key`. */
function evidenceOf(thread: Thread, key: string, job: number): EvidenceOf {
  return async (section) => {
    const reply = await ask(thread, (request) => ({ type: 'evidence', request, key, job, section }));
    return reply?.type === 'evidence' ? reply.evidence : undefined;
  };
}

/** The analysis of `job` of the document `key`, fetched once when first asked for. */
function analysisOf(thread: Thread, key: string, job: number): () => Promise<Analysis | undefined> {
  let analysis: Promise<Analysis | undefined> | undefined;
  return () =>
    (analysis ??= ask(thread, (request) => ({ type: 'analysis', request, key, job })).then((reply) => {
      const json = reply?.type === 'analysis' ? reply.json : undefined;
      // Not held (any more): the next caller asks again rather than inherit the miss.
      if (json === undefined) analysis = undefined;
      return json === undefined ? undefined : (JSON.parse(json) as Analysis);
    }));
}

function post(thread: Thread, message: ToWorker): void {
  if (!thread.gone) thread.worker.post(message);
}
