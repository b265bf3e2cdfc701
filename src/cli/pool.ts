/**
 * Runs file jobs on worker threads, each file's text sent once and its analysis sent back. A
 * worker takes one file at a time, so each file gets its own time limit: a file that holds the
 * parser longer (a crafted paragraph of thousands of emphasis marks or nested brackets) ends
 * its worker and is reported; a fresh worker takes the next file. A worker that runs
 * out of memory is replaced the same way. One job at a time with no time limit, or no worker
 * script at hand, runs on the main thread.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config/types';
import { runFileJob, type FileJob, type FileOutcome } from './job';

/** What a worker sends: `{ ready: true }` once it has loaded, then `{ outcome }` for each job. */
export type WorkerMessage = { readonly ready: true } | { readonly outcome: FileOutcome };

/** What the main thread sends a worker: one job, the next only once it has answered. */
export interface JobMessage {
  readonly text: string;
  readonly path: string;
  readonly explicit: boolean;
  readonly configId: number;
  /** Sent with the first job of a configuration on each worker. */
  readonly config?: ResolvedConfig;
}

export interface JobRunner {
  run(job: FileJob): Promise<FileOutcome>;
  close(): Promise<void>;
}

/** How long a file may take, in seconds: fixed, or (undefined) the default for its size. */
export type TimeLimit = number | undefined;

/** The default limit's base and its allowance per million characters of text. */
const BASE_SECONDS = 10;
const SECONDS_PER_MILLION = 10;

/**
 * The time a file of `length` characters may take (0: no limit). By default it grows with the
 * text: a generated 10 MB plan takes about 16 s here, so a large plan has room to spare, while
 * a small file that takes long is cut short early.
 */
function timeLimitFor(length: number, limit: TimeLimit): number {
  return limit ?? BASE_SECONDS + Math.ceil((SECONDS_PER_MILLION * length) / 1_000_000);
}

/** The bundled worker (dist/cli-worker.js) or the compiled one beside this file. */
function workerScript(): string | undefined {
  return [path.join(__dirname, 'cli-worker.js'), path.join(__dirname, 'worker.js')].find((file) => existsSync(file));
}

export interface RunnerOptions {
  readonly jobs: number;
  readonly timeLimit: TimeLimit;
  /** The old-generation heap of each worker, in MB (Node's default when undefined). */
  readonly heapMb?: number;
  /** The worker script (tests); the one beside this file by default. */
  readonly script?: string;
}

export function openRunner(options: RunnerOptions): JobRunner {
  // One file at a time with no limit to keep needs no worker (a worker costs about a tenth of a second to start).
  const script = options.jobs === 1 && options.timeLimit === 0 ? undefined : (options.script ?? workerScript());
  if (!script) return { run: async (job) => runFileJob(job), close: async () => undefined };
  return new WorkerPool(script, options);
}

/**
 * A worker's space for new objects. A parse makes many objects that live for one window of text:
 * with room for them, most die before a collection has to copy them (about a tenth less CPU per
 * file than with Node's default, measured on generated plans), for a few tens of MB more memory.
 */
const YOUNG_GENERATION_MB = 96;

interface Queued {
  readonly job: FileJob;
  readonly resolve: (outcome: FileOutcome) => void;
}

/** One worker thread and what it is doing. */
interface Slot {
  worker: Worker;
  /** The configurations this worker has been sent. */
  configs: Set<number>;
  /** Whether the worker has loaded: a file's time runs from when a loaded worker takes it. */
  ready: boolean;
  current: (Queued & { readonly timer: NodeJS.Timeout | undefined }) | undefined;
}

class WorkerPool implements JobRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Queued[] = [];
  private readonly configIds = new Map<ResolvedConfig, number>();
  private closed = false;
  /** Why a worker failed before it had loaded: another would fail the same way, so none is started again. */
  private broken: string | undefined;

  constructor(
    private readonly script: string,
    private readonly options: RunnerOptions,
  ) {
    for (let i = 0; i < options.jobs; i++) {
      const slot: Slot = { worker: undefined!, configs: new Set(), ready: false, current: undefined };
      this.startWorker(slot);
      this.slots.push(slot);
    }
  }

  run(job: FileJob): Promise<FileOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots) clearTimeout(slot.current?.timer);
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  /** A fresh worker in `slot`; what the one before it does from now on is ignored. */
  private startWorker(slot: Slot): void {
    const worker = new Worker(this.script, {
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, ...(this.options.heapMb ? { maxOldGenerationSizeMb: this.options.heapMb } : {}) },
    });
    slot.worker = worker;
    slot.configs = new Set();
    slot.ready = false;
    worker.on('message', (message: WorkerMessage) => {
      if (slot.worker !== worker) return;
      if ('ready' in message) {
        slot.ready = true;
        this.dispatch();
      } else this.finish(slot, message.outcome);
    });
    worker.on('error', (error: NodeJS.ErrnoException) => {
      if (slot.worker !== worker) return;
      if (!slot.ready) return this.failToStart(error.message);
      const outcome: FileOutcome =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { type: 'stopped', reason: 'memory' } : { type: 'failed', error: `worker thread failed: ${error.message}` };
      this.replace(slot, outcome);
    });
    worker.on('exit', () => {
      // An exit without an error event (the worker ended itself): its file cannot finish.
      if (slot.worker !== worker || this.closed || this.broken !== undefined) return;
      if (!slot.ready) this.failToStart('it exited while loading');
      else this.replace(slot, { type: 'failed', error: 'worker thread exited' });
    });
  }

  /** A worker failed while loading: every file waiting, and every file asked for later, fails with why. */
  private failToStart(why: string): void {
    this.broken = `worker thread failed to start: ${why}`;
    this.dispatch();
  }

  /** Ends the slot's worker, reports its file with `outcome`, and starts another worker. */
  private replace(slot: Slot, outcome: FileOutcome): void {
    const old = slot.worker;
    if (!this.closed) this.startWorker(slot);
    void old.terminate();
    this.finish(slot, outcome);
  }

  private finish(slot: Slot, outcome: FileOutcome): void {
    const current = slot.current;
    slot.current = undefined;
    if (current) {
      clearTimeout(current.timer);
      current.resolve(outcome);
    }
    this.dispatch();
  }

  /** Gives queued files to idle workers. */
  private dispatch(): void {
    if (this.broken !== undefined) {
      for (const queued of this.queue.splice(0)) queued.resolve({ type: 'failed', error: this.broken });
      return;
    }
    for (const slot of this.slots) {
      if (this.queue.length === 0 || this.closed) return;
      if (slot.current || !slot.ready) continue;
      const next = this.queue.shift()!;
      const { job } = next;
      let configId = this.configIds.get(job.config);
      if (configId === undefined) this.configIds.set(job.config, (configId = this.configIds.size));
      const first = !slot.configs.has(configId);
      slot.configs.add(configId);
      const seconds = timeLimitFor(job.text.length, this.options.timeLimit);
      const timer = seconds > 0 ? setTimeout(() => this.replace(slot, { type: 'stopped', reason: 'time', seconds }), seconds * 1000) : undefined;
      slot.current = { ...next, timer };
      const message: JobMessage = { text: job.text, path: job.path, explicit: job.explicit, configId, config: first ? job.config : undefined };
      slot.worker.postMessage(message);
    }
  }
}
