import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import { toRange } from './convert';
import { engine } from './lazy';
import { guard, type Logger } from './log';

/**
 * Hovers on a heading (what the section is, and why) and on an owner tag or directive (what it
 * means, or what would be valid). The words come from the core; document text is escaped there.
 */
export class PlanHoverProvider implements vscode.HoverProvider {
  readonly provideHover: (document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken) => Promise<vscode.Hover | undefined>;

  constructor(private readonly service: AnalysisService, log: Logger) {
    this.provideHover = guard(log, 'hover', (document, position, token) => this.hover(document, position, token), undefined);
  }

  private async hover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const result = await this.service.ensure(document);
    if (!result || token.isCancellationRequested || result.version !== document.version) return undefined;
    const { analysis, config } = result;
    const offset = document.offsetAt(position);
    const text = document.getText();
    const { commentHover, rules, sectionAtHeadingLine, sectionHover } = engine();
    const comment = commentHover(text, offset, config.taxonomy, rules, analysis);
    if (comment) {
      return new vscode.Hover(markdown(comment.markdown), new vscode.Range(document.positionAt(comment.start), document.positionAt(comment.end)));
    }
    const section = sectionAtHeadingLine(analysis, position.line);
    if (!section) return undefined;
    return new vscode.Hover(markdown(sectionHover(section, config.taxonomy)), toRange(section.headingRange));
  }
}

/** Untrusted Markdown: no command links, no HTML. */
function markdown(value: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(value);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}
