/**
 * The browser entry of the extension (vscode.dev, github.dev): the language server runs in a web
 * worker, as VS Code's own Markdown extension does. Same features.
 */
import * as vscode from 'vscode';
import { activateCommon, type PmLensApi } from './activate';
import { CLIENT_ID, CLIENT_NAME } from './constants';

/** The worker's constructor (this build's types leave out the DOM library). */
declare const Worker: new (url: string) => ConstructorParameters<typeof import('vscode-languageclient/browser').LanguageClient>[3];

export function activate(context: vscode.ExtensionContext): PmLensApi {
  return activateCommon(context, (options) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { LanguageClient } = require('vscode-languageclient/browser') as typeof import('vscode-languageclient/browser');
    const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js').toString(true));
    return new LanguageClient(CLIENT_ID, CLIENT_NAME, options, worker);
  });
}

export function deactivate(): void {}
