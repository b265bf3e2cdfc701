/**
 * One file's work, the same on the main thread and on a worker: decide whether it is a plan,
 * then analyse it, reusing the detection's parse.
 */
import { analyze } from '../core/analyze';
import type { ResolvedConfig } from '../core/config/types';
import { isPlanDocument } from '../core/detect';
import type { Analysis } from '../core/types';

export interface FileJob {
  readonly text: string;
  /** The path plan detection matches globs against. */
  readonly path: string;
  readonly explicit: boolean;
  readonly config: ResolvedConfig;
}

export type FileOutcome =
  | { readonly type: 'skipped' }
  | { readonly type: 'analyzed'; readonly analysis: Analysis }
  | { readonly type: 'failed'; readonly error: string }
  /** Stopped from outside: past its time limit (`seconds`), or its worker ran out of memory. */
  | { readonly type: 'stopped'; readonly reason: 'time'; readonly seconds: number }
  | { readonly type: 'stopped'; readonly reason: 'memory' };

/** What a user reads about a file that was stopped, and what they can do about it. */
export function describeStopped(outcome: Extract<FileOutcome, { type: 'stopped' }>): string {
  if (outcome.reason === 'memory') return 'not analyzed: it needed more memory than a worker thread has; .pmlensignore leaves the file out';
  return `not analyzed: it took longer than its time limit of ${outcome.seconds} s, as Markdown built to be slow to parse does (thousands of nested brackets or emphasis marks in one paragraph); --time-limit raises the limit, .pmlensignore leaves the file out`;
}

export function runFileJob(job: FileJob): FileOutcome {
  try {
    const decision = isPlanDocument({ path: job.path, text: job.text, config: job.config, explicitlyRequested: job.explicit });
    if (!decision.isPlan) return { type: 'skipped' };
    return { type: 'analyzed', analysis: analyze(job.text, { config: job.config, facts: decision.facts }) };
  } catch (e) {
    // The engine promises not to throw; if it ever does, the caller says which file.
    return { type: 'failed', error: String((e as Error).stack ?? e) };
  }
}
