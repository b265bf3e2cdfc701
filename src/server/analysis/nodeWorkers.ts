/**
 * The pool's workers on Node: worker threads running the bundled worker script (worker.ts). The
 * job a worker should run is a cell of memory shared with it, so a newer version stops the
 * running job at its next slice without waiting for a message to be read.
 */
import { Worker } from 'node:worker_threads';
import type { StartWorker } from './workerRunner';
import type { WorkerData } from './workerProtocol';

/** Starts each worker of the pool as a thread running `script`. */
export function nodeWorkers(script: string): StartWorker {
  return (events) => {
    const wanted = new Int32Array(new SharedArrayBuffer(4));
    const data: WorkerData = { wanted: wanted.buffer as SharedArrayBuffer };
    const worker = new Worker(script, { workerData: data });
    worker.on('message', events.message);
    worker.on('error', (error) => events.failed(String(error?.stack ?? error)));
    worker.on('exit', (code) => events.failed(`analysis worker exited with code ${code}`));
    // An idle worker must not keep the process alive once the connection is gone.
    worker.unref();
    return {
      post: (message) => worker.postMessage(message),
      want: (job) => Atomics.store(wanted, 0, job),
      terminate: () => void worker.terminate(),
    };
  };
}
