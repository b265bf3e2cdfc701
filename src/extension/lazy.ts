/** Loads the core on first use (see engine.ts). */
type Engine = typeof import('./engine');

let loaded: Engine | undefined;

/** The core's code; the first call loads it (tens of milliseconds), later calls are free. */
export function engine(): Engine {
  // A require inside a function: the bundler keeps the core's module code uninitialised until here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('./engine') as Engine);
}
