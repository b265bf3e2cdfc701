/**
 * The server in a web worker (vscode.dev, github.dev): messages through the worker's port,
 * configuration files read through the client (a worker has no file system of its own). Plans
 * are analysed in web workers the client starts for the server, when it says it can
 * (`analysisWorkers`), so that a slow parse is stopped at the budget; else in slices on this
 * worker's own thread, stopped only between slices.
 *
 * The same bundle is the analysis workers' (so the extension ships the engine once): a worker
 * whose first message is `SERVE_MESSAGE` with a port serves analyses on it; the
 * language client's first message, `initialize`, makes it the server.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { analysisPortOf, AnalysisWorkerFailedNotification, isServeMessage, ReadFileRequest, StartAnalysisWorkerRequest, StatRequest, StopAnalysisWorkerNotification } from '../shared/serverProtocol';
import { PortWorkers, type AnalysisPort } from './analysis/portWorkers';
import { SlicedRunner } from './analysis/slicedRunner';
import { serveOnPort, type ServerPort } from './analysis/webWorker';
import { WorkerRunner } from './analysis/workerRunner';
import { startServer } from './server';

type WorkerScope = ConstructorParameters<typeof BrowserMessageReader>[0];
/** The worker's global scope, as far as this file uses it (the DOM library is not part of this build's types). */
declare const self: {
  onmessage: ((event: PortMessage) => void) | null;
  addEventListener(type: string, listener: (event: unknown) => void): void;
};

/** A message to this worker, with the ports it carries. */
interface PortMessage {
  readonly data: unknown;
  readonly ports?: readonly unknown[];
}

/** Workers in the browser's pool: two, so that one slow plan leaves the others served. */
const POOL_SIZE = 2;

self.onmessage = (first) => {
  const port = first.ports?.[0];
  if (port && isServeMessage(first.data)) {
    self.onmessage = null;
    serveOnPort(port as ServerPort);
  } else startLanguageServer()(first);
};

/** Starts the language server on this worker's port; returns what reads a message, for the first one. */
function startLanguageServer(): (event: PortMessage) => void {
  let workers: PortWorkers | undefined;
  let read: ((event: PortMessage) => void) | undefined;
  // The worker's port as the connection reads it, without the analysis workers' ports: those come
  // as `analysisPortMessage(id)` with the port attached, and go to the pool.
  const route = (event: PortMessage): void => {
    const id = analysisPortOf(event.data);
    const port = event.ports?.[0];
    if (id !== undefined && port) workers?.deliver(id, port as AnalysisPort);
    else read?.(event);
  };
  const lspPort = {
    addEventListener: (type: string, listener: (event: unknown) => void): void => self.addEventListener(type, listener),
    set onmessage(listener: (event: PortMessage) => void) {
      read = listener;
      self.onmessage = route;
    },
  } as unknown as WorkerScope;
  const connection = createConnection(new BrowserMessageReader(lspPort), new BrowserMessageWriter(self as unknown as WorkerScope));
  startServer(connection, {
    createRunner: (budgetMs, onError, init) => {
      if (init.analysisWorkers !== true) return new SlicedRunner(budgetMs);
      const pool = new PortWorkers({
        start: (id) => connection.sendRequest(StartAnalysisWorkerRequest, { id }),
        stop: (id) => void connection.sendNotification(StopAnalysisWorkerNotification, { id }).catch(() => undefined),
      });
      workers = pool;
      connection.onNotification(AnalysisWorkerFailedNotification, ({ id, message }) => pool.failed(id, message));
      return new WorkerRunner({ start: pool.start, budgetMs, poolSize: POOL_SIZE, onError });
    },
    readFile: (uri) => connection.sendRequest(ReadFileRequest, { uri }).then((text) => text ?? undefined, () => undefined),
    stat: (uri) => connection.sendRequest(StatRequest, { uri }).then((stat) => stat ?? undefined, () => undefined),
  });
  return route;
}
