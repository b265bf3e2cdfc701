/**
 * A command-line worker for the pool's tests: the real job runner, except that a file whose text
 * is `EXHAUST` allocates until the worker's heap is spent, as a real parse of a huge file could.
 */
import { parentPort } from 'node:worker_threads';
import { runFileJob } from '../../src/cli/job';
import type { JobMessage, WorkerMessage } from '../../src/cli/pool';
import type { ResolvedConfig } from '../../src/core/config/types';

export const EXHAUST = 'EXHAUST';

const configs = new Map<number, ResolvedConfig>();
parentPort?.on('message', (message: JobMessage) => {
  if (message.config) configs.set(message.configId, message.config);
  if (message.text === EXHAUST) {
    const kept: number[][] = [];
    for (;;) kept.push(new Array<number>(1_000_000).fill(1.5));
  }
  const outcome = runFileJob({ text: message.text, path: message.path, explicit: message.explicit, config: configs.get(message.configId)! });
  parentPort?.postMessage({ outcome } satisfies WorkerMessage);
});
parentPort?.postMessage({ ready: true } satisfies WorkerMessage);
