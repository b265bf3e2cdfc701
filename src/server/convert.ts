/**
 * The one mapping from the core's plain objects to LSP types: positions, ranges, edits,
 * findings → diagnostics, fixes → code actions, sections → symbols and lenses, completions.
 * Every other file of the server goes through here.
 */
import {
  CodeAction,
  CodeActionKind,
  CompletionItemKind,
  Diagnostic,
  DiagnosticSeverity,
  SymbolKind,
  type CodeLens,
  type CompletionItem,
  type DocumentSymbol,
  type Range as LspRange,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { lensTitle, ruleDocUrl, type Analysis, type ConfigProblem, type Finding, type Fix, type Range, type Section, type SeveritySetting, type TagCompletion, type TagCompletionKind, type TextEdit } from './engine';

/** `Diagnostic.source` of everything PM Lens reports. */
export const DIAGNOSTIC_SOURCE = 'pm-lens';
/** The source action that tags every untagged section. */
export const TAG_ALL_KIND = `${CodeActionKind.Source}.pmLens.tagAll`;
/** The source action that applies every finding's preferred fix. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.pmLens`;

const SEVERITY: Readonly<Record<SeveritySetting, DiagnosticSeverity | undefined>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
  off: undefined,
};

export function toRange(range: Range): LspRange {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}

export function toTextEdit(edit: TextEdit): LspTextEdit {
  return { range: toRange(edit.range), newText: edit.newText };
}

/** A finding as a diagnostic whose code links to the rule's page; undefined when its severity is off. */
export function toDiagnostic(finding: Finding): Diagnostic | undefined {
  const severity = SEVERITY[finding.severity];
  if (severity === undefined) return undefined;
  const diagnostic = Diagnostic.create(toRange(finding.range), finding.message, severity, finding.ruleId, DIAGNOSTIC_SOURCE);
  diagnostic.codeDescription = { href: ruleDocUrl(finding.ruleId) };
  return diagnostic;
}

export function toDiagnostics(findings: readonly Finding[]): Diagnostic[] {
  return findings.map(toDiagnostic).filter((d): d is Diagnostic => d !== undefined);
}

/** A warning about the whole document rather than a place in it, at its start. */
function documentWarning(message: string, code: string): Diagnostic {
  const start = { line: 0, character: 0 };
  return Diagnostic.create({ start, end: start }, message, DiagnosticSeverity.Warning, code, DIAGNOSTIC_SOURCE);
}

/** The one diagnostic of a document whose analysis ran past the budget. */
export function pausedDiagnostic(budgetMs: number): Diagnostic {
  const seconds = Number((budgetMs / 1000).toFixed(1));
  return documentWarning(`PM Lens: too complex to analyse in ${seconds} s; analysis paused for this document`, 'analysis-paused');
}

/** The one diagnostic of a document whose analysis failed: what failed, and where to read more. */
export function failedDiagnostic(reason: string): Diagnostic {
  return documentWarning(`PM Lens could not analyse this document (${reason}); the PM Lens output has the details, and an edit tries again`, 'analysis-failed');
}

/** A problem of a `.pmlens.json`, on that file. */
export function configProblemDiagnostic(problem: ConfigProblem): Diagnostic {
  return Diagnostic.create(toRange(problem.range), problem.message, SEVERITY[problem.severity] ?? DiagnosticSeverity.Error, undefined, DIAGNOSTIC_SOURCE);
}

/** Whether a diagnostic the client hands back is the one made from `finding`. */
export function isDiagnosticOf(diagnostic: Diagnostic, finding: Finding): boolean {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || String(diagnostic.code) !== finding.ruleId || diagnostic.message !== finding.message) return false;
  const r = toRange(finding.range);
  const d = diagnostic.range;
  return d.start.line === r.start.line && d.start.character === r.start.character && d.end.line === r.end.line && d.end.character === r.end.character;
}

/** Where edits go: the document and the version they were computed on. */
export interface EditTarget {
  readonly uri: string;
  readonly version: number;
  /** The client applies versioned `documentChanges` (and then refuses edits of an older version). */
  readonly versioned: boolean;
}

/** Text edits on one document, applied (and undone) in one step. */
export function toWorkspaceEdit(target: EditTarget, edits: readonly TextEdit[]): WorkspaceEdit {
  const lspEdits = edits.map(toTextEdit);
  if (target.versioned) return { documentChanges: [{ textDocument: { uri: target.uri, version: target.version }, edits: lspEdits }] };
  return { changes: { [target.uri]: lspEdits } };
}

/** A core fix as a code action. */
export function toCodeAction(target: EditTarget, fix: Fix, kind: string, diagnostics: Diagnostic[]): CodeAction {
  const action = CodeAction.create(fix.title, toWorkspaceEdit(target, fix.edits), kind);
  if (diagnostics.length > 0) action.diagnostics = diagnostics;
  if (fix.preferred) action.isPreferred = true;
  return action;
}

/** The outline: each section as a symbol named by its heading, its role and concern beside it. */
export function toDocumentSymbols(analysis: Analysis): DocumentSymbol[] {
  const symbolOf = (section: Section): DocumentSymbol => ({
    name: section.heading.trim() || '(untitled section)',
    detail: lensTitle(section),
    kind: SymbolKind.String,
    range: toRange(section.range),
    selectionRange: toRange(section.headingRange),
    children: section.children.map((i) => symbolOf(analysis.sections[i])),
  });
  return analysis.sections.filter((s) => s.parent === undefined).map(symbolOf);
}

/** A lens above a heading: `Product · vision · 0.86`. It runs nothing. */
export function toCodeLens(section: Section): CodeLens {
  return { range: toRange(section.headingRange), command: { title: lensTitle(section), command: '' } };
}

const COMPLETION_KINDS: Readonly<Record<TagCompletionKind, CompletionItemKind>> = {
  keyword: CompletionItemKind.Keyword,
  role: CompletionItemKind.EnumMember,
  concern: CompletionItemKind.Enum,
  handle: CompletionItemKind.Value,
  rule: CompletionItemKind.Reference,
};

/** A core completion on `line`; `retrigger` names the client command that opens completion again. */
export function toCompletionItem(item: TagCompletion, line: number, retrigger: string | undefined): CompletionItem {
  const range = { start: { line, character: item.replace.start }, end: { line, character: item.replace.end } };
  const result: CompletionItem = {
    label: item.label,
    kind: COMPLETION_KINDS[item.kind],
    detail: item.detail,
    textEdit: { range, newText: item.insertText },
    sortText: item.sortText,
    // Clients filter on the replaced text; a leading space in the insert text must not hide the item.
    filterText: item.insertText.trim(),
  };
  if (item.documentation) result.documentation = item.documentation;
  if (item.retrigger && retrigger) result.command = { command: retrigger, title: 'Suggest' };
  return result;
}
