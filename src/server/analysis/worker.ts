/**
 * An analysis worker of the pool (workerRunner.ts), on its own thread, so a slow parse never
 * holds up the server. It serves several documents: it keeps each one's incremental analyzer
 * between versions, runs jobs one at a time, and stops a job between slices as soon as the
 * server wants another. A finished job sends back its diagnostics (only what changed since the
 * list the server holds) and keeps the analysis until the server asks for it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import type { Diagnostic } from 'vscode-languageserver';
import { toDiagnostics } from '../convert';
import { IncrementalAnalyzer, isPlanDocument, type Analysis, type ResolvedConfig } from '../engine';
import { diagnosticsUpdate } from './diagnosticsUpdate';
import { withoutEvidence } from './runner';
import { WORKER_SLICE_MS, type FromWorker, type ToWorker, type WorkerData } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('analysis worker started outside a worker thread');
const wanted = new Int32Array((workerData as WorkerData).wanted);

interface DocumentEntry {
  readonly analyzer: IncrementalAnalyzer;
  /** The newest finished analysis (whose evidence, or whole, the server may still ask for), and its JSON once asked. */
  last: { readonly job: number; readonly analysis: Analysis; json?: string } | undefined;
  /** The diagnostics last sent, which the server builds the next ones on. */
  sent: { readonly job: number; readonly diagnostics: readonly Diagnostic[] } | undefined;
}

const documents = new Map<string, DocumentEntry>();
const configs = new Map<number, ResolvedConfig>();
let queue: Promise<void> = Promise.resolve();

const send = (message: FromWorker): void => port.postMessage(message);

/** The newest analysis of the document, when it is the one of `job`. */
const lastOf = (key: string, job: number): DocumentEntry['last'] => {
  const last = documents.get(key)?.last;
  return last?.job === job ? last : undefined;
};

port.on('message', (message: ToWorker) => {
  if (message.type === 'config') {
    // Only the newest configuration is ever asked for again.
    configs.clear();
    configs.set(message.id, message.config);
  } else if (message.type === 'heap') {
    (globalThis as { gc?: () => void }).gc?.();
    send({ type: 'heap', used: getHeapStatistics().used_heap_size });
  } else if (message.type === 'evidence') {
    send({ type: 'evidence', request: message.request, evidence: lastOf(message.key, message.job)?.analysis.sections[message.section]?.inferred.evidence });
  } else if (message.type === 'analysis') {
    const last = lastOf(message.key, message.job);
    if (last) last.json ??= JSON.stringify(withoutEvidence(last.analysis));
    send({ type: 'analysis', request: message.request, json: last?.json });
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
  if (stale() || !config) return send({ type: 'done', key, job, stopped: true });
  let document = documents.get(key);
  if (!document) documents.set(key, (document = { analyzer: new IncrementalAnalyzer(), last: undefined, sent: undefined }));
  const { analyzer } = document;
  if (detectPath !== undefined && !isPlanDocument({ path: detectPath, text, config, parse: (t) => analyzer.facts(t) }).isPlan) return send({ type: 'done', key, job, notPlan: true });
  const analysis = await analyzer.analyzeAsync(text, config, { shouldStop: stale, sliceMs: WORKER_SLICE_MS });
  // Stopped, or closed while it ran (keep nothing of it).
  if (!analysis || documents.get(key) !== document) return send({ type: 'done', key, job, stopped: true });
  document.last = { job, analysis };
  const diagnostics = toDiagnostics(analysis.findings);
  const base = document.sent && document.sent.job === message.base ? document.sent : undefined;
  document.sent = { job, diagnostics };
  send({ type: 'done', key, job, analysed: { sections: analysis.sections.length, findings: analysis.findings.length, diagnostics: diagnosticsUpdate(base, diagnostics) } });
}
