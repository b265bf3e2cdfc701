import * as assert from 'node:assert/strict';
import { MessageChannel } from 'node:worker_threads';
import { defaultConfig } from '../../src/core/config/defaults';
import { PortWorkers, type AnalysisPort } from '../../src/server/analysis/portWorkers';
import { serveAnalyses } from '../../src/server/analysis/serve';
import { serveOnPort, type ServerPort } from '../../src/server/analysis/webWorker';
import type { ToWorker } from '../../src/server/analysis/workerProtocol';
import { WorkerRunner, type StartWorker } from '../../src/server/analysis/workerRunner';
import { TAGGED_PLAN } from './fixtures';

/**
 * Workers of the pool in this process: each runs the real service (serve.ts) once it has
 * "loaded", `loadMs` after it starts (never, for undefined); what the runner sends before that waits.
 */
function slowLoadingWorkers(loadMs: number | undefined): { start: StartWorker; started: () => number } {
  let started = 0;
  const start: StartWorker = (events) => {
    started++;
    let serve: ((message: ToWorker) => void) | undefined;
    const waiting: ToWorker[] = [];
    const timer = loadMs === undefined ? undefined : setTimeout(() => {
      serve = serveAnalyses({ post: events.message, heapUsed: () => undefined });
      for (const message of waiting.splice(0)) serve(message);
    }, loadMs);
    const post = (message: ToWorker): void => (serve ? serve(message) : void waiting.push(message));
    return { post, want: (job) => post({ type: 'want', job }), terminate: () => clearTimeout(timer) };
  };
  return { start, started: () => started };
}

const job = { key: 'file:///move.md', text: TAGGED_PLAN, config: defaultConfig };

describe('language server: the pool of analysis workers', function () {
  this.timeout(20_000);

  it("runs a job's budget from when its worker has loaded, not from when it started", async () => {
    // Loading takes longer than the whole budget; the analysis itself takes far less.
    const workers = slowLoadingWorkers(1200);
    const runner = new WorkerRunner({ start: workers.start, budgetMs: 800 });
    try {
      const outcome = await runner.run(job);
      assert.equal(outcome.type, 'analysis', JSON.stringify(outcome));
      assert.equal(workers.started(), 1);
      // The loaded worker's next job starts its clock at once.
      const again = await runner.run({ ...job, text: `${TAGGED_PLAN}\nOne more line.\n` });
      assert.equal(again.type, 'analysis');
      assert.equal(workers.started(), 1, 'the same worker served it');
    } finally {
      runner.dispose();
    }
  });

  it('fails a worker that never loads, with why, and tries a fresh one for the next job', async () => {
    const workers = slowLoadingWorkers(undefined);
    const errors: string[] = [];
    const runner = new WorkerRunner({ start: workers.start, budgetMs: 200, loadLimitMs: 600, onError: (key, message) => errors.push(`${key}: ${message}`) });
    try {
      const started = Date.now();
      await assert.rejects(runner.run(job), /the analysis worker did not load within 0\.6 s/);
      assert.ok(Date.now() - started >= 550, 'the load limit, not the budget, ended it');
      assert.deepEqual(errors, ['file:///move.md: the analysis worker did not load within 0.6 s']);
      await assert.rejects(runner.run(job), /did not load/);
      assert.equal(workers.started(), 2);
    } finally {
      runner.dispose();
    }
  });

  it("runs jobs on the browser's workers, whose ports arrive after the runner has sent to them", async () => {
    // The client starts each worker a little later, as the browser's extension does, and joins it
    // to the server by a channel: the service on one port, the pool's side on the other.
    const started: number[] = [];
    const stopped: number[] = [];
    const pool: PortWorkers = new PortWorkers({
      start: async (id) => {
        started.push(id);
        setTimeout(() => {
          const { port1, port2 } = new MessageChannel();
          serveOnPort(port1 as unknown as ServerPort);
          pool.deliver(id, port2 as unknown as AnalysisPort);
        }, 300);
      },
      stop: (id) => stopped.push(id),
    });
    const runner = new WorkerRunner({ start: pool.start, budgetMs: 5000, poolSize: 2 });
    try {
      const [first, second] = await Promise.all([runner.run(job), runner.run({ ...job, key: 'file:///other.md' })]);
      assert.equal(first.type, 'analysis', JSON.stringify(first));
      assert.equal(second.type, 'analysis', JSON.stringify(second));
      assert.deepEqual(started, [1, 2], 'one worker per document, two in the pool');
      if (first.type === 'analysis') assert.ok((await first.delivered.load())?.sections.length, 'the worker holds the analysis and sends it when asked');
    } finally {
      runner.dispose();
    }
    assert.deepEqual(stopped.sort(), [1, 2], 'disposing the runner ends its workers');
  });

  it('fails the job, with why, when the client cannot start a worker', async () => {
    const pool = new PortWorkers({ start: () => Promise.reject(new Error('no workers here')), stop: () => undefined });
    const errors: string[] = [];
    const runner = new WorkerRunner({ start: pool.start, budgetMs: 5000, onError: (_key, message) => errors.push(message) });
    try {
      await assert.rejects(runner.run(job), /the client did not start an analysis worker: no workers here/);
      assert.deepEqual(errors, ['the client did not start an analysis worker: no workers here']);
    } finally {
      runner.dispose();
    }
  });
});
