/**
 * Open plans' diagnostics as the server sends them to this client: `pmLens/diagnostics` deltas
 * in pieces (src/shared/serverProtocol.ts), applied to the list held for the document and
 * converted in slices (HeldLists). The language client's standard path would parse a 1 MB plan's
 * thousands of diagnostics as one message on every publish and convert them all in slices of at
 * least 15 ms, holding the extension host's thread.
 *
 * Free of `vscode`: the conversion and the collection are handed in, so plain tests run it.
 */
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { DiagnosticsPieceParams } from '../shared/serverProtocol';
import { HeldLists } from './heldLists';

/** What a document's diagnostics go through and to. */
export interface DiagnosticsSink<T> {
  /** One diagnostic in the editor's terms (the language client's own converter). */
  convert(diagnostic: Diagnostic): T;
  /** One shown, moved down by `lines` (up when negative), as a new object. */
  move(diagnostic: T, lines: number): T;
  /** Shows a document's diagnostics (the language client's collection). */
  show(uri: string, diagnostics: readonly T[], version: number | undefined): void;
  /** A piece came for a list this side does not hold: ask the server for the whole list. */
  lost(uri: string): void;
  error(what: string, error: unknown): void;
}

export class DiagnosticDeltas<T> {
  private readonly lists: HeldLists<Diagnostic, T>;
  /** The pieces of a publish whose last piece has not come yet, by URI. */
  private readonly collecting = new Map<string, DiagnosticsPieceParams[]>();

  constructor(private readonly sink: DiagnosticsSink<T>) {
    this.lists = new HeldLists<Diagnostic, T>(
      (d) => sink.convert(d),
      (d, lines) => sink.move(d, lines),
    );
  }

  /** Takes a `pmLens/diagnostics` piece; a publish is shown once its last piece came. */
  receive(piece: DiagnosticsPieceParams): void {
    const pieces = this.collecting.get(piece.uri)?.filter((p) => p.publish === piece.publish) ?? [];
    pieces.push(piece);
    if (!piece.last) {
      this.collecting.set(piece.uri, pieces);
      return;
    }
    this.collecting.delete(piece.uri);
    const { uri, version, publish, base, head, tail, tailLineShift } = piece;
    const items = pieces.length === 1 ? piece.items : pieces.flatMap((p) => p.items);
    void this.after(uri, async () => {
      const shown = await this.lists.apply(uri, publish, base, { head, tail, tailLineShift, items });
      if (shown) this.sink.show(uri, shown, version);
      else {
        this.sink.error('Showing PM Lens diagnostics', `publish ${publish} of ${uri} changes publish ${base}, which is not held: asking for the whole list`);
        this.sink.lost(uri);
      }
    });
  }

  /** Runs `then` once every publish received so far for `uri` is shown (a status after its diagnostics). */
  after(uri: string, then: () => unknown): Promise<void> {
    return this.lists.after(uri, then).then(
      () => undefined,
      (error: unknown) => this.sink.error('Showing PM Lens diagnostics', error),
    );
  }

  /** Forgets every document (the server restarted: its publishes count from 1 again). */
  reset(): void {
    this.lists.clear();
    this.collecting.clear();
  }
}
