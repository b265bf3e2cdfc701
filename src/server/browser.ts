/**
 * The server in a web worker (vscode.dev, github.dev): messages through the worker's port,
 * analysis in slices on the worker's own thread. There is no file system: `.pmlens.json` files
 * are read through the client (`pmLens/readFile`) when it says it serves them
 * (`initializationOptions.readFiles`), else settings and defaults apply.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { SlicedRunner } from './analysis/slicedRunner';
import { startServer } from './server';

/** The worker's global scope (the DOM library is not part of this build's types). */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, { createRunner: (budgetMs) => new SlicedRunner(budgetMs) });
