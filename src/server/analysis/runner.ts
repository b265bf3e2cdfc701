/**
 * How the server gets an analysis without waiting on it: a runner analyses one document's
 * versions in turn, keeps what it reuses between them, and gives up on a version that runs past
 * the time budget. Two runners: a pool of workers (workerRunner.ts; worker threads on Node, web
 * workers the client starts in the browser), and slices on the server's own thread for a browser
 * client that starts none (slicedRunner.ts).
 */
import type { Diagnostic } from 'vscode-languageserver';
import { toDiagnostics } from '../convert';
import type { Analysis, Evidence, ResolvedConfig } from '../engine';

/** One version of one document to analyse. */
export interface AnalysisJob {
  /** The document's URI. */
  readonly key: string;
  readonly text: string;
  readonly config: ResolvedConfig;
  /**
   * Set when the path alone did not make the document a plan: the runner then decides from the
   * content (front matter, owner tags) before it analyses, where a slow parse is also bounded.
   */
  readonly detectByContent?: { readonly path: string };
}

export type JobOutcome =
  /** The analysis, delivered (see `Delivered`); `evidence` fetches one section's when a hover needs it. */
  | { readonly type: 'analysis'; readonly delivered: Delivered; readonly evidence: EvidenceOf }
  /** The content did not make it a plan. */
  | { readonly type: 'not-plan' }
  /** `cancel` stopped it: a newer version arrived, or the document closed. */
  | { readonly type: 'cancelled' }
  /** It ran past the budget and was abandoned. */
  | { readonly type: 'over-budget'; readonly budgetMs: number };

/** One section's evidence in the analysis it came with; undefined once a newer one replaced it. */
export type EvidenceOf = (section: number) => Promise<readonly Evidence[] | undefined>;

/**
 * A finished analysis as the server's thread receives it, cheap whatever the plan's size: the
 * diagnostics to publish, built where the analysis ran, and the analysis itself fetched only when
 * a request needs it, so that publishing diagnostics never waits on packing it. The analysis
 * comes light: each section's `inferred.evidence` (most of its weight) is left out.
 */
export interface Delivered {
  /** The same array as the previous delivery's when the diagnostics did not change. */
  readonly diagnostics: Diagnostic[];
  readonly sections: number;
  readonly findings: number;
  /** The analysis (once, however often asked); undefined once the runner no longer holds it. */
  load(): Promise<Analysis | undefined>;
}

/** The analysis without each section's evidence. */
export function withoutEvidence(analysis: Analysis): Analysis {
  return { ...analysis, sections: analysis.sections.map((s) => ({ ...s, inferred: { ...s.inferred, evidence: [] } })) };
}

/** An analysis made on this thread, delivered as it is (made light on first use). */
export function deliverHere(analysis: Analysis): Delivered {
  let light: Promise<Analysis> | undefined;
  return { diagnostics: toDiagnostics(analysis.findings), sections: analysis.sections.length, findings: analysis.findings.length, load: () => (light ??= Promise.resolve(withoutEvidence(analysis))) };
}

export interface AnalysisRunner {
  /** Analyses one version; jobs of one document run one after another, in order. */
  run(job: AnalysisJob): Promise<JobOutcome>;
  /** Stops the document's running and queued jobs (they resolve `cancelled`). */
  cancel(key: string): void;
  /** The document is gone: cancel its work and free what is kept for it. */
  forget(key: string): void;
  /** The heap of each thread that analyses documents, by its name, when the runner can tell (after a GC if exposed). */
  heaps(): Promise<Record<string, number>>;
  /** The documents each of those threads keeps analysis state for, by the thread's name. */
  documentsByWorker(): Record<string, string[]>;
  dispose(): void;
}

/** The budget when the client names none: generous for a 5 MB plan, short enough to notice. */
export const DEFAULT_BUDGET_MS = 10_000;
