/**
 * An analysis worker of the pool (workerRunner.ts), on its own thread, so a slow parse never
 * holds up the server. It serves several documents: it keeps each one's incremental analyzer
 * between versions, runs jobs one at a time, and stops a job between slices as soon as the
 * server wants another.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { IncrementalAnalyzer, isPlanDocument, type Analysis, type ResolvedConfig } from '../engine';
import { packAnalysis } from './runner';
import { WORKER_SLICE_MS, type FromWorker, type ToWorker, type WorkerData } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('analysis worker started outside a worker thread');
const wanted = new Int32Array((workerData as WorkerData).wanted);
/** Each document's analyzer, and its newest finished analysis (whose evidence the server may still ask for). */
const documents = new Map<string, { readonly analyzer: IncrementalAnalyzer; last: { readonly job: number; readonly analysis: Analysis } | undefined }>();
const configs = new Map<number, ResolvedConfig>();
let queue: Promise<void> = Promise.resolve();

const send = (message: FromWorker): void => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'config') {
    // Only the newest configuration is ever asked for again.
    configs.clear();
    configs.set(message.id, message.config);
  } else if (message.type === 'heap') {
    (globalThis as { gc?: () => void }).gc?.();
    send({ type: 'heap', used: getHeapStatistics().used_heap_size });
  } else if (message.type === 'evidence') {
    const last = documents.get(message.key)?.last;
    const evidence = last?.job === message.job ? last.analysis.sections[message.section]?.inferred.evidence : undefined;
    send({ type: 'evidence', request: message.request, evidence });
  } else if (message.type === 'forget') {
    documents.delete(message.key);
  } else {
    queue = queue.then(() => analyze(message)).catch((error: unknown) => send({ type: 'failed', job: message.job, message: String((error as Error)?.stack ?? error) }));
  }
});

async function analyze(message: Extract<ToWorker, { type: 'analyze' }>): Promise<void> {
  const { key, job, text, configId, detectPath } = message;
  const stale = (): boolean => Atomics.load(wanted, 0) !== job;
  const config = configs.get(configId);
  if (stale() || !config) return send({ type: 'done', job, stopped: true });
  let document = documents.get(key);
  if (!document) documents.set(key, (document = { analyzer: new IncrementalAnalyzer(), last: undefined }));
  const { analyzer } = document;
  if (detectPath !== undefined && !isPlanDocument({ path: detectPath, text, config, parse: (t) => analyzer.facts(t) }).isPlan) return send({ type: 'done', job, notPlan: true });
  const analysis = await analyzer.analyzeAsync(text, config, { shouldStop: stale, sliceMs: WORKER_SLICE_MS });
  if (!analysis) return send({ type: 'done', job, stopped: true });
  // Closed while it ran: keep nothing of it.
  if (documents.get(key) === document) document.last = { job, analysis };
  send({ type: 'done', job, analysis: packAnalysis(analysis) });
}
