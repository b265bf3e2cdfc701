/**
 * Work that can pause: a generator that yields between small steps, so a caller can spread it
 * over several turns of the event loop (`runSliced` in incremental.ts) or run it through at once.
 */
export type Steps<T> = Generator<void, T>;

/** Runs a step sequence to its end. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
