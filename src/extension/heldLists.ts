/**
 * Lists the server sends this client as deltas (src/shared/deltas.ts), each document's held as
 * the server's items and their conversion to the editor's objects: a delta is applied to the
 * list held, and only its new and moved items are converted, in slices of about a millisecond.
 *
 * Free of `vscode`: the conversion is handed in, so plain tests run it.
 */
import { applyListDelta, type DeltaKind, type ListDelta } from '../shared/deltas';
import { mapInSlices } from './slices';

/** A document's list as held: the server's items, their conversion and the list's number. */
interface Held<L, T> {
  readonly list: number;
  readonly items: readonly L[];
  readonly converted: readonly T[];
}

export class HeldLists<L, T> {
  private readonly held = new Map<string, Held<L, T>>();
  /** The end of each document's queue of work, while it has any. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly kind: DeltaKind<L>,
    private readonly convert: (item: L) => T,
  ) {}

  /** The number of the list held for `uri`; 0 when none is. */
  number(uri: string): number {
    return this.held.get(uri)?.list ?? 0;
  }

  /** The list held for `uri`, converted. */
  converted(uri: string): readonly T[] {
    return this.held.get(uri)?.converted ?? [];
  }

  /** Runs `then` once the work queued so far for `uri` is done: each document's deltas apply in the order they came. */
  after<R>(uri: string, then: () => R | Promise<R>): Promise<R> {
    const result = (this.queues.get(uri) ?? Promise.resolve()).then(then);
    const end = result.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(uri, end);
    // The queue's end is dropped once nothing follows it.
    void end.then(() => {
      if (this.queues.get(uri) === end) this.queues.delete(uri);
    });
    return result;
  }

  forget(uri: string): void {
    this.held.delete(uri);
  }

  clear(): void {
    this.held.clear();
  }

  /**
   * Applies list `list`, sent as `delta` from list `base` (0: whole); the new list, converted, or
   * undefined when list `base` is not the one held (the delta cannot apply: ask for the whole list).
   * Run it through `after`, so that no other delta for `uri` applies meanwhile.
   */
  async apply(uri: string, list: number, base: number, delta: ListDelta<L>): Promise<readonly T[] | undefined> {
    const { head, tail, tailLineShift } = delta;
    // A delta that keeps nothing is a whole list, whatever it was sent against; an empty list is not held.
    const before: Held<L, T> | undefined = head === 0 && tail === 0 ? { list: base, items: [], converted: [] } : this.held.get(uri);
    if (before?.list !== base) {
      this.held.delete(uri);
      return undefined;
    }
    const items = applyListDelta(this.kind, before.items, delta);
    // A tail that did not move keeps its converted items too; a moved one is converted again.
    const kept = tailLineShift === 0 ? tail : 0;
    const fresh = (await mapInSlices(items.slice(head, items.length - kept), this.convert)) ?? [];
    const converted = [...before.converted.slice(0, head), ...fresh, ...before.converted.slice(before.converted.length - kept)];
    if (items.length === 0) this.held.delete(uri);
    else this.held.set(uri, { list, items, converted });
    return converted;
  }
}
