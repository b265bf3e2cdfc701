/** A worker thread of the command line (bundled to dist/cli-worker.js): runs file jobs it is sent. */
import { parentPort } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config/types';
import { runFileJob } from './job';
import type { JobMessage, WorkerMessage } from './pool';

/** Configurations by the id the main thread gave them: each is sent once. */
const configs = new Map<number, ResolvedConfig>();

parentPort?.on('message', (message: JobMessage) => {
  if (message.config) configs.set(message.configId, message.config);
  const config = configs.get(message.configId);
  const outcome = config ? runFileJob({ text: message.text, path: message.path, explicit: message.explicit, config }) : { type: 'failed' as const, error: 'configuration not received' };
  parentPort?.postMessage({ outcome } satisfies WorkerMessage);
});
// Loaded: the pool sends files from now on, each file's time limit running from then.
parentPort?.postMessage({ ready: true } satisfies WorkerMessage);
