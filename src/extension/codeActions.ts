import * as vscode from 'vscode';
import type { LineIndex } from '../core/text';
import type { AnalysisResult, AnalysisService } from './analysisService';
import { isDiagnosticOf, toCodeAction, toWorkspaceEdit } from './convert';
import { engine } from './lazy';
import { guard, type Logger } from './log';

/** `source.pmLens.tagAll` (`TAG_ALL_KIND_VALUE`): the source action that tags every untagged section. */
export const TAG_ALL_KIND = vscode.CodeActionKind.Source.append('pmLens').append('tagAll');

/**
 * Quick fixes straight from the engine's fixes (the preferred one marked), "Disable RULE for
 * this section", and *Tag All Sections* as a source action. Every edit is one WorkspaceEdit.
 */
export class PlanCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, TAG_ALL_KIND],
  };

  readonly provideCodeActions: (
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ) => Promise<vscode.CodeAction[]>;

  constructor(private readonly service: AnalysisService, log: Logger) {
    this.provideCodeActions = guard(log, 'code actions', (document, range, context, token) => this.actions(document, range, context, token), []);
  }

  private async actions(
    document: vscode.TextDocument,
    range: vscode.Range,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    const result = await this.service.ensure(document);
    // Fixes carry ranges of one version: only offer them for the version on screen.
    if (!result || token.isCancellationRequested || result.version !== document.version) return [];
    const actions: vscode.CodeAction[] = [];
    const only = context.only;
    if (!only || only.contains(vscode.CodeActionKind.QuickFix) || vscode.CodeActionKind.QuickFix.contains(only)) {
      actions.push(...this.quickFixes(document, range, context, result));
    }
    if (only && (only.contains(TAG_ALL_KIND) || TAG_ALL_KIND.contains(only))) {
      const tagAll = tagAllAction(document, result);
      if (tagAll) actions.push(tagAll);
    }
    return actions;
  }

  private quickFixes(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext, result: AnalysisResult): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const disables: vscode.CodeAction[] = [];
    const seenDisable = new Set<string>();
    // Read the text and index its lines only once there is something to fix (big documents).
    let indexed: { text: string; lines: LineIndex } | undefined;
    for (const finding of result.analysis.findings) {
      if (finding.range.end.line < range.start.line || finding.range.start.line > range.end.line) continue;
      const diagnostic = context.diagnostics.find((d) => isDiagnosticOf(d, finding));
      if (!diagnostic || !diagnostic.range.intersection(range)) continue;
      for (const fix of finding.fixes) actions.push(toCodeAction(document.uri, fix, vscode.CodeActionKind.QuickFix, [diagnostic]));
      const key = `${finding.ruleId}\u0000${finding.section ?? 'document'}`;
      if (seenDisable.has(key)) continue;
      seenDisable.add(key);
      if (!indexed) {
        const text = document.getText();
        indexed = { text, lines: new (engine().LineIndex)(text) };
      }
      const disable = engine().disableRuleFix(indexed.text, result.analysis, finding, indexed.lines);
      if (disable) disables.push(toCodeAction(document.uri, disable, vscode.CodeActionKind.QuickFix, [diagnostic]));
    }
    // Real fixes first; turning a rule off is the last resort.
    return [...actions, ...disables];
  }
}

/** The *Tag All Sections* action for the current analysis, or undefined when nothing is left to tag. */
export function tagAllAction(document: vscode.TextDocument, result: AnalysisResult): vscode.CodeAction | undefined {
  const edits = engine().tagAllSectionsEdits(result.analysis, document.getText());
  if (edits.length === 0) return undefined;
  const action = new vscode.CodeAction(`Tag all sections (${edits.length})`, TAG_ALL_KIND);
  action.edit = toWorkspaceEdit(document.uri, edits);
  return action;
}

/** The command behind *Tag All Sections*: tags the document in one undoable edit. */
export async function tagAllSections(service: AnalysisService, document: vscode.TextDocument | undefined): Promise<boolean> {
  if (!document) return false;
  const result = await service.ensure(document);
  if (!result || result.version !== document.version) return false;
  const edits = engine().tagAllSectionsEdits(result.analysis, document.getText());
  if (edits.length === 0) return true;
  return vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, edits));
}
