/**
 * Assertions and waits for the web suite. `node:assert` does not exist in a web worker, so these
 * are the few the suite needs; each failure says what was expected and what was found.
 */
import * as vscode from 'vscode';

/** How long any single wait may take before the test fails. */
export const WAIT_MS = 30_000;

export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new Error(message);
}

export function equal<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new Error(`${what}: expected ${String(expected)}, got ${String(actual)}`);
}

export function match(text: string, pattern: RegExp, what: string): void {
  if (!pattern.test(text)) throw new Error(`${what}: expected to match ${String(pattern)}, got:\n${text}`);
}

/**
 * Resolves once `check` passes; `check` runs now and after every `event`. Rejects after `ms`
 * with `what` and, if given, a description of the state then.
 */
export function waitFor<T>(what: string, event: vscode.Event<T>, check: () => boolean, state?: () => string, ms = WAIT_MS): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let done = false;
    const finish = (error?: Error): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      subscription.dispose();
      if (error) reject(error);
      else resolve();
    };
    const test = (): void => {
      try {
        if (check()) finish();
      } catch (error) {
        finish(error as Error);
      }
    };
    const subscription = event(test);
    const timer = setTimeout(() => finish(new Error(`Timed out after ${ms} ms waiting for ${what}${state ? `; now: ${state()}` : ''}`)), ms);
    test();
  });
}
