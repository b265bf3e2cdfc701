/**
 * A memo bounded to what was used recently: entries live in two generations; when the current
 * one is full it becomes the older one and the oldest is dropped, and an entry found in the older
 * generation moves to the current one. Words and headings that an editing session typed once and
 * never again (every keystroke makes a new one) fall out, while those a document keeps using
 * stay; memory holds at most twice `generation` entries, however long the session.
 */
export class RecentMemo<V> {
  private current = new Map<string, V>();
  private older = new Map<string, V>();

  constructor(private readonly generation: number) {}

  get(key: string): V | undefined {
    const found = this.current.get(key);
    if (found !== undefined) return found;
    const old = this.older.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  /** Remembers `value`; `key` must not share memory with a document (see `detach`). */
  set(key: string, value: V): void {
    if (this.current.size >= this.generation) {
      this.older = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }
}
