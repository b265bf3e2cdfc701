/**
 * An analysis worker of the browser's pool (portWorkers.ts), in a web worker the client started
 * from the server's own bundle (browser.ts hands it the port): the service of serve.ts on that port.
 */
import { serveAnalyses } from './serve';
import type { FromWorker, ToWorker } from './workerProtocol';

/** The worker's port to the server (this build's types leave out the DOM library). */
export interface ServerPort {
  postMessage(message: FromWorker): void;
  onmessage: ((event: { readonly data: ToWorker }) => void) | null;
}
declare const performance: { readonly memory?: { readonly usedJSHeapSize: number } };

/** Serves analyses on `port`, for as long as the worker lives. */
export function serveOnPort(port: ServerPort): void {
  const serve = serveAnalyses({
    post: (message) => port.postMessage(message),
    // Chromium's figure; other browsers tell none.
    heapUsed: () => performance.memory?.usedJSHeapSize,
  });
  port.onmessage = (message) => serve(message.data);
}
