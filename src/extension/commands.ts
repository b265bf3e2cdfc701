/**
 * The commands that act on a document: *Analyze This Document*, *Tag All Sections* and *Show
 * Output*. The first asks the server to treat the document as a plan; the second applies the
 * server's `source.pmLens.tagAll` code action, one undoable edit.
 */
import * as vscode from 'vscode';
import { Commands, TAG_ALL_KIND_VALUE } from './constants';
import { guard, type Logger } from './log';
import type { PlanClient } from './planClient';

export function registerDocumentCommands(context: vscode.ExtensionContext, plans: PlanClient, log: Logger): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      Commands.analyzeDocument,
      guard(log, Commands.analyzeDocument, async (uri?: vscode.Uri) => {
        const document = await documentFor(uri);
        return document ? (await plans.optIn(document))?.state === 'analysed' : false;
      }, false),
    ),
    vscode.commands.registerCommand(
      Commands.tagAllSections,
      guard(log, Commands.tagAllSections, async (uri?: vscode.Uri) => tagAllSections(plans, await documentFor(uri)), false),
    ),
    vscode.commands.registerCommand(Commands.showOutput, () => log.show()),
  );
}

/** Tags every untagged section of the document in one undoable edit; false when it is not a plan. */
async function tagAllSections(plans: PlanClient, document: vscode.TextDocument | undefined): Promise<boolean> {
  if (!document || !(await plans.ensure(document))) return false;
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, whole, TAG_ALL_KIND_VALUE);
  const action = actions?.find((a): a is vscode.CodeAction => 'kind' in a && a.kind?.value === TAG_ALL_KIND_VALUE && a.edit !== undefined);
  // Every section already has a tag: nothing to do, and nothing went wrong.
  if (!action?.edit) return true;
  return vscode.workspace.applyEdit(action.edit);
}

/** The document a command is for: the URI it was given (explorer, editor title) or the active editor's. */
async function documentFor(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  return vscode.window.activeTextEditor?.document;
}
