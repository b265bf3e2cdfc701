/**
 * The answers to text-document requests, from a document's analysis: hovers, code actions,
 * CodeLens, completion and symbols. Each works on one version of one document and builds LSP
 * objects only through convert.ts.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type CodeLens, type CompletionItem, type Diagnostic, type DocumentSymbol, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND, TAG_ALL_KIND, toCodeAction, toCodeLens, toCompletionItem, toDocumentSymbols, toRange, toWorkspaceEdit, isDiagnosticOf, type EditTarget } from './convert';
import type { AnalysisResult } from './documents';
import { collectHandles, commentHover, disableRuleFix, fixAllEdits, LineIndex, rules, sectionAtHeadingLine, sectionHover, tagAllSectionsEdits, tagCompletionContext, tagCompletions, type ResolvedConfig } from './engine';

/** The hover over an owner tag or directive, else over a heading (with its evidence). Untrusted Markdown. */
export async function hoverAt(document: TextDocument, result: AnalysisResult, position: Position): Promise<Hover | null> {
  const text = document.getText();
  const comment = commentHover(text, document.offsetAt(position), result.config.taxonomy, rules, result.analysis);
  if (comment) {
    return { contents: { kind: 'markdown', value: comment.markdown }, range: { start: document.positionAt(comment.start), end: document.positionAt(comment.end) } };
  }
  const light = sectionAtHeadingLine(result.analysis, position.line);
  if (!light) return null;
  const evidence = await result.evidence(light.index);
  if (evidence === undefined) return null;
  const section = { ...light, inferred: { ...light.inferred, evidence } };
  return { contents: { kind: 'markdown', value: sectionHover(section, result.config.taxonomy) }, range: toRange(section.headingRange) };
}

/** Whether a code action of `kind` was asked for (`only` absent means quick fixes only). */
function wanted(only: readonly string[] | undefined, kind: string): boolean {
  if (!only) return kind === CodeActionKind.QuickFix;
  return only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
}

/**
 * Quick fixes for the diagnostics in the request's context (the engine's fixes, then "Disable
 * RULE for this section"), and, when asked, *Tag All Sections* and `source.fixAll.pmLens`.
 */
export function codeActions(document: TextDocument, result: AnalysisResult, params: CodeActionParams, target: EditTarget): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wanted(only, CodeActionKind.QuickFix)) actions.push(...quickFixes(document, result, params, target));
  if (wanted(only, TAG_ALL_KIND)) {
    const edits = tagAllSectionsEdits(result.analysis, document.getText());
    if (edits.length > 0) actions.push({ title: `Tag all sections (${edits.length})`, kind: TAG_ALL_KIND, edit: toWorkspaceEdit(target, edits) });
  }
  if (wanted(only, FIX_ALL_KIND)) {
    const edits = fixAllEdits(result.analysis);
    if (edits.length > 0) actions.push({ title: `Fix all misspelt and extra PM Lens tags (${edits.length})`, kind: FIX_ALL_KIND, edit: toWorkspaceEdit(target, edits) });
  }
  return actions;
}

function quickFixes(document: TextDocument, result: AnalysisResult, params: CodeActionParams, target: EditTarget): CodeAction[] {
  const { range } = params;
  const fixes: CodeAction[] = [];
  const disables: CodeAction[] = [];
  const seenDisable = new Set<string>();
  let indexed: { text: string; lines: LineIndex } | undefined;
  for (const finding of result.analysis.findings) {
    if (finding.range.end.line < range.start.line || finding.range.start.line > range.end.line) continue;
    const diagnostic: Diagnostic | undefined = params.context.diagnostics.find((d) => isDiagnosticOf(d, finding));
    if (!diagnostic) continue;
    for (const fix of finding.fixes) fixes.push(toCodeAction(target, fix, CodeActionKind.QuickFix, [diagnostic]));
    const key = `${finding.ruleId}\u0000${finding.section ?? 'document'}`;
    if (seenDisable.has(key)) continue;
    seenDisable.add(key);
    if (!indexed) {
      const text = document.getText();
      indexed = { text, lines: new LineIndex(text) };
    }
    const disable = disableRuleFix(indexed.text, result.analysis, finding, indexed.lines);
    if (disable) disables.push(toCodeAction(target, disable, CodeActionKind.QuickFix, [diagnostic]));
  }
  // Real fixes first; turning a rule off is the last resort.
  return [...fixes, ...disables];
}

/** A lens above every heading. */
export function codeLenses(result: AnalysisResult): CodeLens[] {
  return result.analysis.sections.map(toCodeLens);
}

export function documentSymbols(result: AnalysisResult): DocumentSymbol[] {
  return toDocumentSymbols(result.analysis);
}

/**
 * Completion inside an owner tag or directive; none elsewhere, and none in fenced code. Handles
 * come from the open documents and, as the client sent them, the workspace's other files.
 */
export function completionsAt(
  document: TextDocument,
  position: Position,
  config: ResolvedConfig,
  openTexts: () => readonly string[],
  workspaceHandles: readonly string[],
  retrigger: string | undefined,
): CompletionItem[] | null {
  const line = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const context = tagCompletionContext(line, position.character);
  if (!context || insideFencedCode(document, position.line)) return null;
  const handles = context.type === 'handle' ? [...new Set([...openTexts().flatMap(collectHandles), ...workspaceHandles])].sort((a, b) => a.localeCompare(b)) : [];
  return tagCompletions(context, { taxonomy: config.taxonomy, rules, handles }).map((item) => toCompletionItem(item, position.line, retrigger));
}

/** Whether a line sits inside a fenced code block (tags there are examples, not tags). */
function insideFencedCode(document: TextDocument, line: number): boolean {
  const lines = document.getText({ start: { line: 0, character: 0 }, end: { line, character: 0 } }).split(/\r?\n/);
  let fence: string | undefined;
  for (const text of lines) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(text);
    if (!m) continue;
    if (!fence) fence = m[1];
    else if (m[1][0] === fence[0] && m[1].length >= fence.length && text.trim() === m[1]) fence = undefined;
  }
  return fence !== undefined;
}
