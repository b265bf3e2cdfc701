/**
 * What the server last published for each document, so an analysis that finds exactly the same
 * problems is not sent again, and a client that takes deltas (`pmLens/diagnostics`) gets only
 * what changed. Typing inside a paragraph of a large plan usually leaves every diagnostic as it
 * was, and each publish costs the client (the editor's thread) a parse and a conversion of every
 * diagnostic it carries: for a 1 MB plan that is thousands of them per keystroke.
 */
import type { Diagnostic } from 'vscode-languageserver';
import { diagnosticsDelta, isUnchanged, type DiagnosticsDelta } from '../shared/diagnosticsDelta';
import type { DiagnosticsPieceParams } from '../shared/serverProtocol';

/** Diagnostics per `pmLens/diagnostics` piece: about 80 KB of JSON, well under a millisecond to parse. */
export const DIAGNOSTICS_PER_PIECE = 200;

/** A publish to send: the whole list, and the delta from the list the client holds. */
export interface Publish {
  readonly list: readonly Diagnostic[];
  readonly delta: DiagnosticsDelta;
  /** This publish's number for the document, counting up from 1. */
  readonly publish: number;
  /** The publish the delta applies to; 0 when it starts from an empty list. */
  readonly base: number;
}

export class PublishedDiagnostics {
  /** The diagnostics last sent and their publish number, by document URI; present while the client shows any state for it. */
  private readonly sent = new Map<string, { readonly list: readonly Diagnostic[]; readonly publish: number }>();

  /**
   * What to send when `diagnostics` differ from what was last sent for `uri` (recorded as sent);
   * undefined when they are the same. The runner hands over the very same array when a new
   * analysis found the same diagnostics, so that case is told without comparing.
   */
  update(uri: string, diagnostics: readonly Diagnostic[]): Publish | undefined {
    const last = this.sent.get(uri);
    if (last?.list === diagnostics) return undefined;
    const delta = diagnosticsDelta(last?.list ?? [], diagnostics);
    if (last && isUnchanged(delta, diagnostics.length)) {
      this.sent.set(uri, { list: diagnostics, publish: last.publish });
      return undefined;
    }
    return this.record(uri, diagnostics, delta, last?.publish ?? 0);
  }

  /** The list last sent for `uri` as a new publish from an empty list (a client lost track of it); undefined when nothing was sent. */
  resend(uri: string): Publish | undefined {
    const last = this.sent.get(uri);
    if (!last) return undefined;
    return this.record(uri, last.list, { head: 0, tail: 0, tailLineShift: 0, items: last.list }, 0, last.publish);
  }

  /** Whether the client holds anything for `uri`. */
  has(uri: string): boolean {
    return this.sent.has(uri);
  }

  /** The client holds nothing for `uri` any more; returns whether it held something. */
  forget(uri: string): boolean {
    return this.sent.delete(uri);
  }

  private record(uri: string, list: readonly Diagnostic[], delta: DiagnosticsDelta, base: number, previous = base): Publish {
    const publish = previous + 1;
    this.sent.set(uri, { list, publish });
    return { list, delta, publish, base };
  }
}

/** A publish as `pmLens/diagnostics` pieces of at most `perPiece` items; always at least one. */
export function diagnosticsPieces(uri: string, version: number | undefined, publish: Publish, perPiece = DIAGNOSTICS_PER_PIECE): DiagnosticsPieceParams[] {
  const { head, tail, tailLineShift, items } = publish.delta;
  const pieces: DiagnosticsPieceParams[] = [];
  for (let from = 0; from === 0 || from < items.length; from += perPiece) {
    const last = from + perPiece >= items.length;
    pieces.push({ uri, version, publish: publish.publish, base: publish.base, head, tail, tailLineShift, items: items.slice(from, from + perPiece), last });
  }
  return pieces;
}

/** The empty publish that clears a document's diagnostics on a client that takes deltas. */
export function clearingPiece(uri: string): DiagnosticsPieceParams {
  return { uri, publish: 1, base: 0, head: 0, tail: 0, tailLineShift: 0, items: [], last: true };
}
