/**
 * What the server last sent the client of each document's diagnostics or lenses, so that an
 * analysis that finds exactly the same diagnostics is not published again, and a client that
 * takes deltas (`pmLens/diagnostics`, `pmLens/codeLenses`) gets only what changed. Typing inside
 * a paragraph of a large plan usually leaves every diagnostic and lens as it was, and every item
 * sent costs the client (the editor's thread) a parse and a conversion: for a 1 MB plan that is
 * thousands of them per keystroke.
 */
import { isUnchanged, listDelta, wholeList, type DeltaKind, type ListDelta } from '../shared/deltas';
import type { DiagnosticsPieceParams } from '../shared/serverProtocol';
import type { Diagnostic } from 'vscode-languageserver';

/** Diagnostics per `pmLens/diagnostics` piece: about 80 KB of JSON, well under a millisecond to parse. */
export const DIAGNOSTICS_PER_PIECE = 200;

/** A list to send: whole, and as the delta from the list the client holds. */
export interface Sending<T> {
  readonly list: readonly T[];
  readonly delta: ListDelta<T>;
  /** This list's number for the document, counting up from 1. */
  readonly publish: number;
  /** The number of the list the delta applies to; 0 when it is sent whole. */
  readonly base: number;
  /** Whether the list differs from the one last sent. */
  readonly changed: boolean;
}

export class SentLists<T> {
  /** The list last sent and its number, by document URI; present while the client shows any state for it. */
  private readonly sent = new Map<string, { readonly list: readonly T[]; readonly publish: number }>();

  constructor(private readonly kind: DeltaKind<T>) {}

  /**
   * `list` as the change from the one the client holds (`held`: its number; by default the one
   * last sent), recorded as sent. An unchanged list keeps its number. The runner hands over the
   * very same array when a new analysis found the same diagnostics, so that case is told
   * without comparing.
   */
  next(uri: string, list: readonly T[], held?: number): Sending<T> {
    const last = this.sent.get(uri);
    if (last && (held === undefined || held === last.publish)) {
      const delta = last.list === list ? { head: list.length, tail: 0, tailLineShift: 0, items: [] } : listDelta(this.kind, last.list, list);
      const changed = !isUnchanged(delta, last.list.length, list.length);
      const publish = changed ? last.publish + 1 : last.publish;
      this.sent.set(uri, { list, publish });
      return { list, delta, publish, base: last.publish, changed };
    }
    return this.whole(uri, list);
  }

  /** `list` sent whole as a new number (a first list, or a client that lost track of it). */
  whole(uri: string, list: readonly T[]): Sending<T> {
    const publish = (this.sent.get(uri)?.publish ?? 0) + 1;
    this.sent.set(uri, { list, publish });
    return { list, delta: wholeList(list), publish, base: 0, changed: true };
  }

  /** The list last sent for `uri`, if any. */
  last(uri: string): readonly T[] | undefined {
    return this.sent.get(uri)?.list;
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

/** A publish as `pmLens/diagnostics` pieces of at most `perPiece` items; always at least one. */
export function diagnosticsPieces(uri: string, version: number | undefined, sending: Sending<Diagnostic>, perPiece = DIAGNOSTICS_PER_PIECE): DiagnosticsPieceParams[] {
  const { head, tail, tailLineShift, items } = sending.delta;
  const pieces: DiagnosticsPieceParams[] = [];
  for (let from = 0; from === 0 || from < items.length; from += perPiece) {
    const last = from + perPiece >= items.length;
    pieces.push({ uri, version, publish: sending.publish, base: sending.base, head, tail, tailLineShift, items: items.slice(from, from + perPiece), last });
  }
  return pieces;
}

/** The empty publish that clears a document's diagnostics on a client that takes deltas. */
export function clearingPiece(uri: string): DiagnosticsPieceParams {
  return { uri, publish: 1, base: 0, head: 0, tail: 0, tailLineShift: 0, items: [], last: true };
}
