/**
 * *PM Lens: New PRD* and *PM Lens: New Project Plan*: open a new untitled Markdown document with
 * the kind's template inserted as a snippet, so Tab walks from the title through the owners and
 * every section. The text comes from the core (src/core/templates.ts).
 */
import * as vscode from 'vscode';
import { documentTemplate, type TemplateKind } from '../core/templates';
import { MARKDOWN_LANGUAGE } from './constants';

/** The template commands' ids, as contributed in package.json. */
export const TemplateCommands = {
  newPrd: 'pmLens.newPrd',
  newProjectPlan: 'pmLens.newProjectPlan',
} as const;

/** Registers the template commands; each resolves to the new document's URI. */
export function registerTemplateCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(TemplateCommands.newPrd, () => openTemplate('prd')),
    vscode.commands.registerCommand(TemplateCommands.newProjectPlan, () => openTemplate('project-plan')),
  );
}

/** Opens an untitled Markdown editor and inserts the template. */
export async function openTemplate(kind: TemplateKind): Promise<vscode.Uri> {
  const document = await vscode.workspace.openTextDocument({ language: MARKDOWN_LANGUAGE });
  const editor = await vscode.window.showTextDocument(document);
  // The editor turns the snippet's `\n` into the document's own line breaks.
  const inserted = await editor.insertSnippet(new vscode.SnippetString(documentTemplate(kind).snippet), new vscode.Position(0, 0));
  if (!inserted) throw new Error(`Could not insert the ${kind} template`);
  return document.uri;
}
