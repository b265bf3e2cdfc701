/**
 * The browser entry of the extension (vscode.dev, github.dev): the language server runs in a web
 * worker, as VS Code's own Markdown extension does. Same features. A worker that an extension
 * starts may not start workers of its own, so this side starts the server's analysis workers
 * when it asks, and ends them when it says (one past the budget is ended mid-parse).
 */
import * as vscode from 'vscode';
import type { InitializationOptions } from '../shared/serverProtocol';
import { activateCommon, type PmLensApi } from './activate';
import { CLIENT_ID, CLIENT_NAME } from './constants';

type ServerWorker = ConstructorParameters<typeof import('vscode-languageclient/browser').LanguageClient>[3];

/** A web worker and a message channel, as far as this file uses them (this build's types leave out the DOM library). */
interface WebWorker {
  postMessage(message: unknown, transfer: readonly unknown[]): void;
  terminate(): void;
  onerror: ((event: { readonly message?: string }) => void) | null;
}
declare const Worker: new (url: string) => WebWorker;
declare const MessageChannel: new () => { readonly port1: unknown; readonly port2: unknown };

export function activate(context: vscode.ExtensionContext): PmLensApi {
  return activateCommon(context, (options) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { LanguageClient, State } = require('vscode-languageclient/browser') as typeof import('vscode-languageclient/browser');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { analysisPortMessage, AnalysisWorkerFailedNotification, SERVE_MESSAGE, StartAnalysisWorkerRequest, StopAnalysisWorkerNotification } = require('../shared/serverProtocol') as typeof import('../shared/serverProtocol');
    const script = (name: string): string => vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', name).toString(true);
    const server = new Worker(script('server.js'));
    const asked = options.initializationOptions;
    const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, {
      ...options,
      initializationOptions: (): InitializationOptions => ({ ...(typeof asked === 'function' ? asked() : asked), analysisWorkers: true }),
    }, server as unknown as ServerWorker);
    const workers = new Map<number, WebWorker>();
    client.onRequest(StartAnalysisWorkerRequest, ({ id }) => {
      // The server's bundle is the analysis worker's too: the port it is handed first makes it one.
      const worker = new Worker(script('server.js'));
      workers.set(id, worker);
      worker.onerror = (event) => {
        void client.sendNotification(AnalysisWorkerFailedNotification, { id, message: event.message ?? 'the analysis worker failed' }).catch(() => undefined);
      };
      const channel = new MessageChannel();
      worker.postMessage(SERVE_MESSAGE, [channel.port1]);
      server.postMessage(analysisPortMessage(id), [channel.port2]);
    });
    client.onNotification(StopAnalysisWorkerNotification, ({ id }) => {
      workers.get(id)?.terminate();
      workers.delete(id);
    });
    // A stopped server's workers go with it (a restart starts new ones).
    client.onDidChangeState(({ newState }) => {
      if (newState !== State.Stopped) return;
      for (const worker of workers.values()) worker.terminate();
      workers.clear();
    });
    return client;
  });
}

export function deactivate(): void {}
