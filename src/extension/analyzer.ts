/**
 * How the extension turns text into an Analysis. The one place to swap the engine behind the
 * editor (for example for an incremental analyzer that re-parses only what an edit touched).
 */
import type { ResolvedConfig } from '../core/config/types';
import type { DocumentFacts } from '../core/parse/facts';
import type { Analysis } from '../core/types';
import { engine } from './lazy';

export interface AnalyzeRequest {
  /** Identifies the document across requests (its URI as a string). */
  readonly key: string;
  readonly version: number;
  readonly text: string;
  readonly config: ResolvedConfig;
  /** Facts plan detection already parsed from this exact text, if it did. */
  readonly facts?: DocumentFacts;
}

/** Analyses documents; may keep state per document (keyed by `key`) between requests. */
export interface Analyzer {
  analyze(request: AnalyzeRequest): Promise<Analysis>;
  /** The document is gone: drop what is kept for it. */
  forget(key: string): void;
}

/** Analyses the whole text every time. */
export class WholeTextAnalyzer implements Analyzer {
  async analyze(request: AnalyzeRequest): Promise<Analysis> {
    return engine().analyze(request.text, { config: request.config, facts: request.facts });
  }

  forget(): void {}
}

/** The analyzer the extension uses. */
export function createAnalyzer(): Analyzer {
  return new WholeTextAnalyzer();
}
