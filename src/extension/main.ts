/** The desktop (Node) entry of the extension: the language server runs in its own Node process. */
import * as vscode from 'vscode';
import { activateCommon, type PmLensApi } from './activate';
import { CLIENT_ID, CLIENT_NAME } from './constants';

export function activate(context: vscode.ExtensionContext): PmLensApi {
  return activateCommon(context, (options) => {
    // Loaded when the server starts, after activation: its module code stays uninitialised until then.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { LanguageClient, TransportKind } = require('vscode-languageclient/node') as typeof import('vscode-languageclient/node');
    const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
    // Node's IPC channel: the client forks the server and passes --node-ipc.
    const server = { module, transport: TransportKind.ipc };
    return new LanguageClient(CLIENT_ID, CLIENT_NAME, { run: server, debug: server }, options);
  });
}

export function deactivate(): void {}
