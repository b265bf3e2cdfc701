/**
 * What the server last published for each document, so an analysis that finds exactly the same
 * problems is not sent again. Typing inside a paragraph of a large plan usually leaves every
 * diagnostic as it was, and each publish costs the client (the editor's thread) a parse and a
 * conversion of every diagnostic: for a 1 MB plan that is thousands of them per keystroke.
 */
import type { Diagnostic } from 'vscode-languageserver';

export class PublishedDiagnostics {
  /** A fingerprint of the diagnostics last sent, by document URI; present while the client shows any state for it. */
  private readonly sent = new Map<string, string>();

  /** Whether `diagnostics` differ from what was last sent for `uri` (and records them as sent when they do). */
  changed(uri: string, diagnostics: readonly Diagnostic[]): boolean {
    const print = fingerprint(diagnostics);
    if (this.sent.get(uri) === print) return false;
    this.sent.set(uri, print);
    return true;
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
