/**
 * Lists the server sends this client as deltas (src/shared/deltas.ts), each document's held in
 * the editor's objects: a delta keeps the head of the list held, converts its new items and
 * moves the tail by its lines, in slices of about a millisecond. A moved item is a copy of the
 * one held on other lines, not a new conversion: a new line in a large plan moves thousands.
 *
 * Free of `vscode`: the conversion and the move are handed in, so plain tests run it.
 */
import type { ListDelta } from '../shared/deltas';
import { mapInSlices } from './slices';

/** A document's list as held: its items in the editor's terms, and the list's number. */
interface Held<T> {
  readonly list: number;
  readonly items: readonly T[];
}

export class HeldLists<L, T> {
  private readonly held = new Map<string, Held<T>>();
  /** The end of each document's queue of work, while it has any. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    /** An item the server sent, in the editor's terms (the language client's own converter). */
    private readonly convert: (item: L) => T,
    /** An item held, moved down by `lines` (up when negative), as a new object. */
    private readonly move: (item: T, lines: number) => T,
  ) {}

  /** The number of the list held for `uri`; 0 when none is. */
  number(uri: string): number {
    return this.held.get(uri)?.list ?? 0;
  }

  /** The list held for `uri`. */
  items(uri: string): readonly T[] {
    return this.held.get(uri)?.items ?? [];
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
   * Applies list `list`, sent as `delta` from list `base` (0: whole); the new list, or undefined
   * when list `base` is not the one held (the delta cannot apply: ask for the whole list). Run it
   * through `after`, so that no other delta for `uri` applies meanwhile.
   */
  async apply(uri: string, list: number, base: number, delta: ListDelta<L>): Promise<readonly T[] | undefined> {
    const { head, tail, tailLineShift } = delta;
    // A delta that keeps nothing is a whole list, whatever it was sent against; an empty list is not held.
    const before: Held<T> | undefined = head === 0 && tail === 0 ? { list: base, items: [] } : this.held.get(uri);
    if (before?.list !== base) {
      this.held.delete(uri);
      return undefined;
    }
    const fresh = (await mapInSlices(delta.items, this.convert)) ?? [];
    const kept = before.items.slice(before.items.length - tail);
    const moved = tailLineShift === 0 ? kept : ((await mapInSlices(kept, (item) => this.move(item, tailLineShift))) ?? []);
    const items = [...before.items.slice(0, head), ...fresh, ...moved];
    if (items.length === 0) this.held.delete(uri);
    else this.held.set(uri, { list, items });
    return items;
  }
}
