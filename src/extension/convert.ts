/**
 * The one mapping from the core's plain objects to editor objects: positions, ranges, edits,
 * findings → diagnostics. Every other file of the extension goes through here.
 */
import * as vscode from 'vscode';
import { ruleDocUrl } from '../core/rules/rule';
import type { Finding, Fix, Position, Range, SeveritySetting, TextEdit } from '../core/types';
import { DIAGNOSTIC_SOURCE } from './constants';

/** Severity of a finding in the editor; `off` (undefined) drops it. */
export const SEVERITY: Readonly<Record<SeveritySetting, vscode.DiagnosticSeverity | undefined>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
  off: undefined,
};

export function toPosition(position: Position): vscode.Position {
  return new vscode.Position(position.line, position.character);
}

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(toPosition(range.start), toPosition(range.end));
}

export function toTextEdit(edit: TextEdit): vscode.TextEdit {
  return new vscode.TextEdit(toRange(edit.range), edit.newText);
}

/** A finding as a diagnostic whose code links to the rule's page; undefined when its severity is off. */
export function toDiagnostic(finding: Finding): vscode.Diagnostic | undefined {
  const severity = SEVERITY[finding.severity];
  if (severity === undefined) return undefined;
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(ruleDocUrl(finding.ruleId)) };
  return diagnostic;
}

export function toDiagnostics(findings: readonly Finding[]): vscode.Diagnostic[] {
  const out: vscode.Diagnostic[] = [];
  for (const finding of findings) {
    const diagnostic = toDiagnostic(finding);
    if (diagnostic) out.push(diagnostic);
  }
  return out;
}

/** The rule id of a PM Lens diagnostic, or undefined for anyone else's. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

/** Whether a diagnostic (as the editor hands it back) is the one made from `finding`. */
export function isDiagnosticOf(diagnostic: vscode.Diagnostic, finding: Finding): boolean {
  return ruleIdOf(diagnostic) === finding.ruleId && diagnostic.range.isEqual(toRange(finding.range)) && diagnostic.message === finding.message;
}

/** Text edits on one document as a WorkspaceEdit: applied, and undone, in one step. */
export function toWorkspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  edit.set(uri, edits.map(toTextEdit));
  return edit;
}

/** A core fix as a quick fix for `diagnostics`. */
export function toCodeAction(uri: vscode.Uri, fix: Fix, kind: vscode.CodeActionKind, diagnostics: vscode.Diagnostic[]): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, kind);
  action.edit = toWorkspaceEdit(uri, fix.edits);
  action.diagnostics = diagnostics;
  if (fix.preferred) action.isPreferred = true;
  return action;
}
