/** The browser (web worker) entry of the extension: vscode.dev, github.dev. Same features. */
import type * as vscode from 'vscode';
import { activateCommon, type PmLensApi } from './activate';
import { registerCompletion } from './completion';
import { registerTemplateCommands } from './templates';

export function activate(context: vscode.ExtensionContext): PmLensApi {
  const api = activateCommon(context);
  registerTemplateCommands(context);
  registerCompletion(context, api.configs);
  return api;
}

export function deactivate(): void {}
