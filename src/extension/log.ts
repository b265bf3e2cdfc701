import * as vscode from 'vscode';
import { OUTPUT_CHANNEL_NAME } from './constants';

/**
 * The "PM Lens" output channel: which configuration was loaded, configuration errors and any
 * error a handler caught. PM Lens never shows a modal popup; this is where it speaks.
 */
export class Logger implements vscode.Disposable {
  /** Also the language client's channel: what the server logs appears here too. */
  readonly channel: vscode.LogOutputChannel;

  constructor() {
    this.channel = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  }

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  /** Logs an error with what was being done; never rethrows. */
  error(what: string, error: unknown): void {
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    this.channel.error(`${what}: ${detail}`);
  }

  /** Shows the channel without taking focus; returns its name. */
  show(): string {
    this.channel.show(true);
    return this.channel.name;
  }

  dispose(): void {
    this.channel.dispose();
  }
}

/**
 * Wraps a handler so nothing it throws (or rejects with) reaches the extension host: the error
 * goes to the output channel and the handler returns `fallback`.
 */
export function guard<A extends unknown[], R>(
  log: Logger,
  what: string,
  fn: (...args: A) => R | Promise<R>,
  fallback: R,
): (...args: A) => Promise<R> {
  return async (...args: A): Promise<R> => {
    try {
      return await fn(...args);
    } catch (error) {
      if (!isCancellation(error)) log.error(what, error);
      return fallback;
    }
  };
}

/** The same as `guard` for event listeners, which return nothing and must not be async-awaited. */
export function guardListener<A extends unknown[]>(log: Logger, what: string, fn: (...args: A) => unknown): (...args: A) => void {
  return (...args: A): void => {
    try {
      const result = fn(...args);
      if (result instanceof Promise) result.catch((error: unknown) => log.error(what, error));
    } catch (error) {
      log.error(what, error);
    }
  };
}

function isCancellation(error: unknown): boolean {
  return error instanceof vscode.CancellationError;
}
