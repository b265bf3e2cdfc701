/**
 * The browser runner for a client that starts no analysis workers for the server
 * (`analysisWorkers`): the server already runs in a web worker of its own, so the analysis shares
 * that worker's thread in slices (the core's `analyzeAsync`). The budget is checked between
 * slices: a single parse of one piece that runs longer than the budget is not cut short here, but
 * no editor thread waits on it either.
 */
import { IncrementalAnalyzer, isPlanDocument } from '../engine';
import { deliverHere, type AnalysisJob, type AnalysisRunner, type JobOutcome } from './runner';

interface Entry {
  readonly analyzer: IncrementalAnalyzer;
  chain: Promise<unknown>;
  cancelledAt: number;
}

let nextJob = 0;

export class SlicedRunner implements AnalysisRunner {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly budgetMs: number) {}

  run(job: AnalysisJob): Promise<JobOutcome> {
    const id = ++nextJob;
    let entry = this.entries.get(job.key);
    if (!entry) {
      entry = { analyzer: new IncrementalAnalyzer(), chain: Promise.resolve(), cancelledAt: 0 };
      this.entries.set(job.key, entry);
    }
    const e = entry;
    const outcome = e.chain.then(() => this.execute(e, job, id));
    e.chain = outcome.catch(() => undefined);
    return outcome;
  }

  private async execute(entry: Entry, job: AnalysisJob, id: number): Promise<JobOutcome> {
    const started = Date.now();
    let overBudget = false;
    const shouldStop = (): boolean => {
      if (id <= entry.cancelledAt || this.entries.get(job.key) !== entry) return true;
      overBudget = Date.now() - started > this.budgetMs;
      return overBudget;
    };
    if (shouldStop()) return { type: 'cancelled' };
    if (job.detectByContent && !isPlanDocument({ path: job.detectByContent.path, text: job.text, config: job.config, parse: (t) => entry.analyzer.facts(t) }).isPlan) return { type: 'not-plan' };
    const analysis = await entry.analyzer.analyzeAsync(job.text, job.config, { shouldStop });
    if (analysis) return { type: 'analysis', delivered: deliverHere(analysis), evidence: async (section) => analysis.sections[section]?.inferred.evidence };
    if (overBudget) {
      // The caches may hold a half-finished version: start afresh next time.
      this.entries.delete(job.key);
      return { type: 'over-budget', budgetMs: this.budgetMs };
    }
    return { type: 'cancelled' };
  }

  cancel(key: string): void {
    const entry = this.entries.get(key);
    if (entry) entry.cancelledAt = nextJob;
  }

  forget(key: string): void {
    this.cancel(key);
    this.entries.delete(key);
  }

  async heaps(): Promise<Record<string, number>> {
    return {};
  }

  documentsByWorker(): Record<string, string[]> {
    return this.entries.size > 0 ? { 'server thread': [...this.entries.keys()] } : {};
  }

  dispose(): void {
    for (const key of [...this.entries.keys()]) this.forget(key);
  }
}
