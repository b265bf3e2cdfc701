/**
 * What an analysis worker of the pool does, whichever thread it runs on (a Node worker thread,
 * worker.ts; a browser's web worker, webWorker.ts). It serves several documents: it keeps each
 * one's incremental analyzer between versions, runs jobs one at a time, and stops a job between
 * slices as soon as the runner wants another. A finished job sends back its diagnostics (only
 * what changed since the list the runner holds) and keeps the analysis until the runner asks
 * for it.
 */
import type { Diagnostic } from 'vscode-languageserver';
import { toDiagnostics } from '../convert';
import { IncrementalAnalyzer, isPlanDocument, type Analysis, type ResolvedConfig } from '../engine';
import { diagnosticsUpdate } from './diagnosticsUpdate';
import { withoutEvidence } from './runner';
import { WORKER_SLICE_MS, type FromWorker, type ToWorker } from './workerProtocol';

/** What the service needs of its thread. */
export interface ServiceThread {
  /** Sends a message to the runner. */
  post(message: FromWorker): void;
  /**
   * The job the runner wants now, read between slices: from memory shared with the runner where
   * the thread has it (Node); else the service follows the `want` and `analyze` messages.
   */
  readonly wanted?: () => number;
  /** The heap this thread uses, in bytes, when the platform tells. */
  heapUsed(): number | undefined;
}

interface DocumentEntry {
  readonly analyzer: IncrementalAnalyzer;
  /** The newest finished analysis (whose evidence, or whole, the runner may still ask for), and its JSON once asked. */
  last: { readonly job: number; readonly analysis: Analysis; json?: string } | undefined;
  /** The diagnostics last sent, which the runner builds the next ones on. */
  sent: { readonly job: number; readonly diagnostics: readonly Diagnostic[] } | undefined;
}

/** Starts the service on `thread` and tells the runner it serves; returns what to call with each message from the runner. */
export function serveAnalyses(thread: ServiceThread): (message: ToWorker) => void {
  const documents = new Map<string, DocumentEntry>();
  const configs = new Map<number, ResolvedConfig>();
  let queue: Promise<void> = Promise.resolve();
  /** The job wanted now, as the messages say (used where no shared memory says it). */
  let wantedByMessage = 0;
  const wanted = thread.wanted ?? ((): number => wantedByMessage);
  const send = thread.post;

  /** The newest analysis of the document, when it is the one of `job`. */
  const lastOf = (key: string, job: number): DocumentEntry['last'] => {
    const last = documents.get(key)?.last;
    return last?.job === job ? last : undefined;
  };

  async function analyze(message: Extract<ToWorker, { type: 'analyze' }>): Promise<void> {
    const { key, job, text, configId, detectPath } = message;
    const stale = (): boolean => wanted() !== job;
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

  send({ type: 'ready' });
  return (message) => {
    if (message.type === 'config') {
      // Only the newest configuration is ever asked for again.
      configs.clear();
      configs.set(message.id, message.config);
    } else if (message.type === 'want') {
      wantedByMessage = message.job;
    } else if (message.type === 'heap') {
      send({ type: 'heap', used: thread.heapUsed() ?? -1 });
    } else if (message.type === 'evidence') {
      send({ type: 'evidence', request: message.request, evidence: lastOf(message.key, message.job)?.analysis.sections[message.section]?.inferred.evidence });
    } else if (message.type === 'analysis') {
      const last = lastOf(message.key, message.job);
      if (last) last.json ??= JSON.stringify(withoutEvidence(last.analysis));
      send({ type: 'analysis', request: message.request, json: last?.json });
    } else if (message.type === 'forget') {
      documents.delete(message.key);
    } else {
      wantedByMessage = message.job;
      queue = queue.then(() => analyze(message)).catch((error: unknown) => send({ type: 'failed', job: message.job, message: String((error as Error)?.stack ?? error) }));
    }
  };
}
