/**
 * The pool's workers in the browser: web workers that the client starts when the server asks
 * (`pmLens/startAnalysisWorker`), because a worker that an extension starts, as this server's is,
 * may not start workers of its own. Each reaches the server as a `MessagePort`; until it
 * arrives, what the runner sends it waits. Past the budget, the server asks the client to end it.
 * With no memory shared between the workers, the job wanted now travels as a `want` message,
 * which the worker reads between slices.
 */
import type { FromWorker, ToWorker } from './workerProtocol';
import type { StartWorker, WorkerEvents } from './workerRunner';

/** The one side of a `MessageChannel` the server holds (this build's types leave out the DOM library). */
export interface AnalysisPort {
  postMessage(message: ToWorker): void;
  onmessage: ((event: { readonly data: FromWorker }) => void) | null;
  close(): void;
}

/** What the workers need of the connection to the client. */
export interface WorkerClient {
  start(id: number): Promise<void>;
  stop(id: number): void;
}

/** Starts the workers through `client`, and takes their ports as the server's worker receives them. */
export class PortWorkers {
  private next = 0;
  /** Workers started and not ended, by id: what to do with their port, and with a failure. */
  private readonly pending = new Map<number, { readonly port: (port: AnalysisPort) => void; readonly failed: (why: string) => void }>();

  constructor(private readonly client: WorkerClient) {}

  readonly start: StartWorker = (events: WorkerEvents) => {
    const id = ++this.next;
    let port: AnalysisPort | undefined;
    let ended = false;
    const waiting: ToWorker[] = [];
    // Ending the worker removes this entry: a port or a failure that comes later finds none.
    this.pending.set(id, {
      port: (arrived) => {
        port = arrived;
        port.onmessage = (event) => events.message(event.data);
        for (const message of waiting.splice(0)) port.postMessage(message);
      },
      failed: events.failed,
    });
    this.client.start(id).catch((error: unknown) => this.failed(id, `the client did not start an analysis worker: ${String((error as Error)?.message ?? error)}`));
    const post = (message: ToWorker): void => {
      if (ended) return;
      if (port) port.postMessage(message);
      else waiting.push(message);
    };
    return {
      post,
      want: (job) => post({ type: 'want', job }),
      terminate: () => {
        if (ended) return;
        ended = true;
        port?.close();
        this.pending.delete(id);
        this.client.stop(id);
      },
    };
  };

  /** The port of worker `id` arrived (a port for a worker already ended is closed). */
  deliver(id: number, port: AnalysisPort): void {
    const entry = this.pending.get(id);
    if (entry) entry.port(port);
    else port.close();
  }

  /** The client says worker `id` failed. */
  failed(id: number, why: string): void {
    this.pending.get(id)?.failed(why);
  }
}
