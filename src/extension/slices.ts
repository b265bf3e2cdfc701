/**
 * Work on the editor's thread in slices: the language client converts a response in one go (it
 * yields only after 15 ms), which for the thousands of lenses of a large plan holds the
 * extension host's thread for milliseconds on end. These helpers give the thread back between
 * slices of about a millisecond.
 */

/** How long one slice may run before the thread is given back. */
export const SLICE_MS = 1;

/** Stops a sliced map early: it answers `undefined` once cancelled. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** Lets everything waiting on the thread run (timers and I/O), then resumes. */
function yieldThread(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

/**
 * `items.map(convert)`, giving the thread back every `sliceMs`; undefined when `token` was
 * cancelled on the way.
 */
export async function mapInSlices<T, R>(items: readonly T[], convert: (item: T) => R, token?: Cancellation, sliceMs = SLICE_MS): Promise<R[] | undefined> {
  const result: R[] = new Array<R>(items.length);
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i++) {
    result[i] = convert(items[i]);
    if (performance.now() - sliceStart >= sliceMs && i + 1 < items.length) {
      await yieldThread();
      if (token?.isCancellationRequested) return undefined;
      sliceStart = performance.now();
    }
  }
  return result;
}
