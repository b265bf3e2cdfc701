/**
 * The server in a web worker (vscode.dev, github.dev): messages through the worker's port,
 * analysis in slices on the worker's own thread, configuration files read through the client
 * (a worker has no file system of its own).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { ReadFileRequest, StatRequest } from '../shared/serverProtocol';
import { SlicedRunner } from './analysis/slicedRunner';
import { startServer } from './server';

/** The worker's global scope (the DOM library is not part of this build's types). */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, {
  createRunner: (budgetMs) => new SlicedRunner(budgetMs),
  readFile: (uri) => connection.sendRequest(ReadFileRequest, { uri }).then((text) => text ?? undefined, () => undefined),
  stat: (uri) => connection.sendRequest(StatRequest, { uri }).then((stat) => stat ?? undefined, () => undefined),
});
