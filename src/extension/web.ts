/** The browser (web worker) entry of the extension: vscode.dev, github.dev. Same features. */
import type * as vscode from 'vscode';
import { activateCommon, type PmLensApi } from './activate';

export function activate(context: vscode.ExtensionContext): PmLensApi {
  return activateCommon(context);
}

export function deactivate(): void {}
