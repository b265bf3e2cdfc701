/**
 * How the extension turns text into an Analysis. The one place to swap the engine behind the
 * editor (for example for an incremental analyzer that re-parses only what an edit touched).
 */
import type { ResolvedConfig } from '../core/config/types';
import type { DocumentFacts } from '../core/parse/facts';
import type { IncrementalAnalyzer } from '../core/incremental';
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
  /** Whether a newer version has overtaken this one: the work may then stop early. */
  readonly isStale?: () => boolean;
}

/** Analyses documents; may keep state per document (keyed by `key`) between requests. */
export interface Analyzer {
  /** The analysis; undefined when the request went stale and the work stopped. */
  analyze(request: AnalyzeRequest): Promise<Analysis | undefined>;
  /** The document is gone: drop what is kept for it. */
  forget(key: string): void;
}

/**
 * Keeps one IncrementalAnalyzer per document: after an edit only the pieces the edit touched are
 * parsed again, and the work yields to the event loop in short slices so the extension host stays
 * responsive. Requests for one document run one after another, because the analyzer's caches are
 * not meant to be shared by two runs at once. A run whose request went stale stops between
 * slices, and the caller drops any result a newer version has overtaken.
 */
export class IncrementalDocumentAnalyzer implements Analyzer {
  private readonly documents = new Map<string, { analyzer: IncrementalAnalyzer; queue: Promise<unknown> }>();

  analyze(request: AnalyzeRequest): Promise<Analysis | undefined> {
    let entry = this.documents.get(request.key);
    if (!entry) {
      entry = { analyzer: new (engine().IncrementalAnalyzer)(), queue: Promise.resolve() };
      this.documents.set(request.key, entry);
    }
    const { analyzer } = entry;
    // A stale request stops between slices: typing fast, only the newest version is finished.
    const run = entry.queue.then(() => analyzer.analyzeAsync(request.text, request.config, { shouldStop: request.isStale }));
    entry.queue = run.catch(() => undefined);
    return run;
  }

  forget(key: string): void {
    this.documents.delete(key);
  }
}

/** The analyzer the extension uses. */
export function createAnalyzer(): Analyzer {
  return new IncrementalDocumentAnalyzer();
}
