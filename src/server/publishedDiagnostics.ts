/**
 * What the server last published for each document, so an analysis that finds exactly the same
 * problems is not sent again. Typing inside a paragraph of a large plan usually leaves every
 * diagnostic as it was, and each publish costs the client (the editor's thread) a parse and a
 * conversion of every diagnostic: for a 1 MB plan that is thousands of them per keystroke.
 */
import type { Diagnostic } from 'vscode-languageserver';

export class PublishedDiagnostics {
  /**
   * The diagnostics last sent and their fingerprint, by document URI; present while the client
   * shows any state for it. The runner hands over the very same array when a new analysis found
   * the same diagnostics, so that case is told without a fingerprint.
   */
  private readonly sent = new Map<string, { readonly list: readonly Diagnostic[]; readonly print: string }>();

  /** Whether `diagnostics` differ from what was last sent for `uri` (and records them as sent when they do). */
  changed(uri: string, diagnostics: readonly Diagnostic[]): boolean {
    const last = this.sent.get(uri);
    if (last?.list === diagnostics) return false;
    const print = fingerprint(diagnostics);
    this.sent.set(uri, { list: diagnostics, print });
    return last?.print !== print;
  }

  /** Whether the client holds anything for `uri`. */
  has(uri: string): boolean {
    return this.sent.has(uri);
  }

  /** The client holds nothing for `uri` any more; returns whether it held something. */
  forget(uri: string): boolean {
    return this.sent.delete(uri);
  }
}

/**
 * Two independent 32-bit hashes and the length of the diagnostics' JSON: kept instead of the JSON
 * itself, which runs to hundreds of kilobytes for a large plan.
 */
function fingerprint(diagnostics: readonly Diagnostic[]): string {
  const json = JSON.stringify(diagnostics);
  let fnv = 0x811c9dc5;
  let djb = 5381;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    fnv = Math.imul(fnv ^ c, 0x01000193);
    djb = (Math.imul(djb, 33) + c) | 0;
  }
  return `${json.length}:${(fnv >>> 0).toString(36)}:${(djb >>> 0).toString(36)}`;
}
