/**
 * An analysis worker of the Node pool (workerRunner.ts with nodeWorkers.ts), on its own worker
 * thread, so a slow parse never holds up the server: the service of serve.ts, reading the job
 * the runner wants from memory they share.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { serveAnalyses } from './serve';
import type { ToWorker, WorkerData } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('analysis worker started outside a worker thread');
const wanted = new Int32Array((workerData as WorkerData).wanted);

const serve = serveAnalyses({
  post: (message) => port.postMessage(message),
  wanted: () => Atomics.load(wanted, 0),
  heapUsed: () => {
    (globalThis as { gc?: () => void }).gc?.();
    return getHeapStatistics().used_heap_size;
  },
});
port.on('message', (message: ToWorker) => serve(message));
