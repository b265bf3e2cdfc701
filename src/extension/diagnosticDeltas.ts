/**
 * Open plans' diagnostics as the server sends them to this client: `pmLens/diagnostics` deltas
 * in pieces (src/shared/serverProtocol.ts), applied to the list held for the document and
 * converted to the editor's objects in slices of about a millisecond. The language client's
 * standard path would parse a 1 MB plan's thousands of diagnostics as one message on every
 * publish and convert them all in slices of at least 15 ms, holding the extension host's thread.
 *
 * Free of `vscode`: the conversion and the collection are handed in, so plain tests run it.
 */
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { applyDiagnosticsDelta } from '../shared/diagnosticsDelta';
import type { DiagnosticsPieceParams } from '../shared/serverProtocol';
import { mapInSlices } from './slices';

/** What a document's diagnostics go through and to. */
export interface DiagnosticsSink<T> {
  /** One diagnostic in the editor's terms (the language client's own converter). */
  convert(diagnostic: Diagnostic): T;
  /** Shows a document's diagnostics (the language client's collection). */
  show(uri: string, diagnostics: readonly T[]): void;
  /** A piece came for a list this side does not hold: ask the server for the whole list. */
  lost(uri: string): void;
  error(what: string, error: unknown): void;
}

/** A document's diagnostics as held: the server's list, its conversion and its publish number. */
interface Held<T> {
  readonly publish: number;
  readonly lsp: readonly Diagnostic[];
  readonly converted: readonly T[];
}

export class DiagnosticDeltas<T> {
  private readonly held = new Map<string, Held<T>>();
  /** The pieces of a publish whose last piece has not come yet, by URI. */
  private readonly collecting = new Map<string, DiagnosticsPieceParams[]>();
  /** Each document's publishes are applied one after the other; this is the latest's promise. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly sink: DiagnosticsSink<T>) {}

  /** Takes a `pmLens/diagnostics` piece; a publish is applied once its last piece came. */
  receive(piece: DiagnosticsPieceParams): void {
    const pieces = this.collecting.get(piece.uri)?.filter((p) => p.publish === piece.publish) ?? [];
    pieces.push(piece);
    if (!piece.last) {
      this.collecting.set(piece.uri, pieces);
      return;
    }
    this.collecting.delete(piece.uri);
    void this.after(piece.uri, () => this.apply(pieces));
  }

  /** Runs `then` once every publish received so far for `uri` is shown (a status after its diagnostics). */
  after(uri: string, then: () => unknown): Promise<void> {
    const next = (this.queues.get(uri) ?? Promise.resolve())
      .then(async () => {
        await then();
      })
      .catch((error: unknown) => this.sink.error('Showing PM Lens diagnostics', error));
    this.queues.set(uri, next);
    // The queue's end is dropped once nothing follows it.
    void next.then(() => {
      if (this.queues.get(uri) === next) this.queues.delete(uri);
    });
    return next;
  }

  /** Forgets every document (the server restarted: its publishes count from 1 again). */
  reset(): void {
    this.held.clear();
    this.collecting.clear();
  }

  /** The diagnostics held for `uri`, in the editor's terms (for tests). */
  shown(uri: string): readonly T[] {
    return this.held.get(uri)?.converted ?? [];
  }

  private async apply(pieces: readonly DiagnosticsPieceParams[]): Promise<void> {
    const first = pieces[0];
    const { uri, head, tail, tailLineShift } = first;
    // A delta that keeps nothing is a whole list, whatever it was sent against; an empty list is not held.
    const before: Held<T> | undefined = head === 0 && tail === 0 ? { publish: first.base, lsp: [], converted: [] } : this.held.get(uri);
    if (before?.publish !== first.base) {
      this.sink.error('Showing PM Lens diagnostics', `publish ${first.publish} of ${uri} changes publish ${first.base}, but ${before ? `publish ${before.publish}` : 'none'} is held: asking for the whole list`);
      this.held.delete(uri);
      this.sink.lost(uri);
      return;
    }
    const items = pieces.length === 1 ? first.items : pieces.flatMap((p) => p.items);
    const lsp = applyDiagnosticsDelta(before.lsp, { head, tail, tailLineShift, items });
    // A tail that did not move keeps its converted diagnostics too; a moved one is converted again.
    const kept = tailLineShift === 0 ? tail : 0;
    const converted = await mapInSlices(lsp.slice(head, lsp.length - kept), (d) => this.sink.convert(d));
    const list = [...before.converted.slice(0, head), ...(converted ?? []), ...before.converted.slice(before.converted.length - kept)];
    if (list.length === 0) this.held.delete(uri);
    else this.held.set(uri, { publish: first.publish, lsp, converted: list });
    this.sink.show(uri, list);
  }
}
