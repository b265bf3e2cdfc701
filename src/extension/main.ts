/** The desktop (Node) entry of the extension. */
import type * as vscode from 'vscode';
import { activateCommon, type PmLensApi } from './activate';

export function activate(context: vscode.ExtensionContext): PmLensApi {
  return activateCommon(context);
}

export function deactivate(): void {}
