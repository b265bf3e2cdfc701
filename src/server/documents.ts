/**
 * Which open documents are plans, and their newest analysis. Documents are analysed on open and
 * as they change: at once while the analysis keeps up, debounced while changes keep overtaking
 * it; each change makes the work for older versions stale and cancels it; every settled state is
 * announced once (`onState`), and requests wait for the analysis of the version they were asked
 * about with `ensure`.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentState } from '../shared/serverProtocol';
import type { AnalysisRunner, EvidenceOf } from './analysis/runner';
import type { ConfigStore } from './config';
import { isPlanDocument, mayHaveOwnerTag, type Analysis, type ResolvedConfig } from './engine';
import type { WorkspaceFolders } from './folders';
import type { ServerSettings } from './settings';
import { utf8Length } from '../shared/size';

/** Cheap looks at a text that may make it a plan (the core decides; these only spare a parse). */
const MAY_HAVE_PLAN_KEY = /^\uFEFF?---[ \t]*\r?\n(?:[^\n]*\n)*?plan[ \t]*:/;
/** Front matter sits at the top: the look reads no further. */
const FRONT_MATTER_LOOK = 8192;

/** The longest reason a `failed` state carries (a stack's first line can be long). */
const FAILURE_REASON_LENGTH = 200;

/** An error's first line, as a `failed` state says it: `Error: ` and its kin left out. */
export function failureReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const first = text.split(/\r?\n/, 1)[0].replace(/^(?:[A-Z][A-Za-z]*)?Error(?: \[[A-Z_]+\])?: /, '').trim() || 'unknown error';
  return first.length > FAILURE_REASON_LENGTH ? `${first.slice(0, FAILURE_REASON_LENGTH - 1)}…` : first;
}

/** A document's analysis for one version, as the requests about it use it. */
export interface AnalysisResult {
  readonly uri: string;
  readonly version: number;
  /** Sections come without evidence. */
  readonly analysis: Analysis;
  /** The diagnostics published for it. */
  readonly diagnostics: Diagnostic[];
  /** The configuration it ran with (taxonomy for hovers). */
  readonly config: ResolvedConfig;
  /** Sections come without evidence; this fetches one section's. */
  readonly evidence: EvidenceOf;
}

/** A document's analysis for one version as it settles: its diagnostics, and the rest on demand. */
export interface SettledAnalysis extends Omit<AnalysisResult, 'analysis'> {
  /** The whole result (fetched once); undefined when the runner no longer holds it. */
  load(): Promise<AnalysisResult | undefined>;
}

export interface DocumentAnalysesHost {
  document(uri: string): TextDocument | undefined;
  openDocuments(): readonly TextDocument[];
  settingsFor(uri: string): Promise<ServerSettings>;
  readonly configs: ConfigStore;
  readonly folders: WorkspaceFolders;
  readonly runner: AnalysisRunner;
  /** A document's state settled for a version (with its result when analysed). */
  onState(uri: string, version: number, state: DocumentState, result: SettledAnalysis | undefined): void;
  error(message: string, error: unknown): void;
}

interface State {
  /** Bumped by every request; a run whose generation is no longer current is dropped. */
  generation: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  inflight: { readonly generation: number; readonly version: number; readonly done: Promise<void> } | undefined;
  result: SettledAnalysis | undefined;
  state: DocumentState | undefined;
  /** The last run that finished (plan or not), so `ensure` does not run it again. */
  settled: { readonly version: number; readonly generation: number } | undefined;
  /** The content (not the path) made it a plan when last checked. */
  planByContent: boolean;
  /** The analysis ran past the budget: paused until the document is edited, *Analyze This Document* or reopening. */
  pausedAt: number | undefined;
  /** The last change came while an older version was still being analysed. */
  overtook: boolean;
}

export class DocumentAnalyses {
  private readonly states = new Map<string, State>();
  private readonly optedIn = new Set<string>();

  constructor(private readonly host: DocumentAnalysesHost) {}

  opened(document: TextDocument): void {
    void this.request(document.uri, 0, false);
  }

  async changed(document: TextDocument): Promise<void> {
    // Mark the older version stale at once, before the settings are read.
    const state = this.stateOf(document.uri);
    state.generation++;
    // An edit may have taken out what ran past the budget: try again.
    state.pausedAt = undefined;
    this.host.runner.cancel(document.uri);
    // The document object is updated in place by later changes: keep this change's version.
    const version = document.version;
    const { debounceMs } = await this.host.settingsFor(document.uri);
    if (this.host.document(document.uri)?.version !== version) return;
    // While analysis keeps up with the typing, each change starts at once. Changes that keep
    // overtaking analyses still running (this one and the one before) say it does not: then wait
    // for a pause in the typing, as `debounceMs` says. One late analysis delays nothing; and a
    // wait is no analysis, so the change after it, finding none running, starts at once again
    // (otherwise one slow analysis would hold back every keystroke until the typing stops).
    const overtakes = state.inflight !== undefined;
    const delay = overtakes && state.overtook ? debounceMs : 0;
    state.overtook = overtakes;
    void this.request(document.uri, delay, false);
  }

  closed(uri: string): void {
    const state = this.states.get(uri);
    if (state?.timer) clearTimeout(state.timer);
    this.states.delete(uri);
    this.host.runner.forget(uri);
  }

  /** Every open document again, deciding from scratch (settings or configuration changed). */
  reanalyzeAll(): void {
    for (const document of this.host.openDocuments()) {
      const state = this.states.get(document.uri);
      if (state) state.planByContent = false;
      void this.request(document.uri, 0, false);
    }
  }

  /** The newest settled state. */
  stateOf(uri: string): State {
    let state = this.states.get(uri);
    if (!state) {
      state = { generation: 0, timer: undefined, inflight: undefined, result: undefined, state: undefined, settled: undefined, planByContent: false, pausedAt: undefined, overtook: false };
      this.states.set(uri, state);
    }
    return state;
  }

  /**
   * The result for `version` of the document: at hand, being computed, or computed now.
   * Undefined when that version is not an analysed plan, or a newer version overtook it.
   */
  async ensure(uri: string, version: number): Promise<SettledAnalysis | undefined> {
    const current = (): SettledAnalysis | undefined => {
      const result = this.states.get(uri)?.result;
      return result && result.version === version ? result : undefined;
    };
    if (current()) return current();
    const document = this.host.document(uri);
    if (!document || document.version !== version) return undefined;
    const state = this.stateOf(uri);
    if (state.settled && state.settled.version === version && state.settled.generation === state.generation) return undefined;
    if (state.inflight && state.inflight.version === version && state.inflight.generation === state.generation) {
      await state.inflight.done;
      return current();
    }
    await this.request(uri, 0, true);
    return current();
  }

  /**
   * The result `ensure` gave can no longer be loaded (the thread that held it is gone): drop it,
   * so that the next `ensure` analyses that version again.
   */
  unload(uri: string, result: SettledAnalysis): void {
    const state = this.states.get(uri);
    if (state?.result !== result) return;
    state.result = undefined;
    state.settled = undefined;
  }

  /** *Analyze This Document*: a plan for this session whatever its name; resumes a paused one. */
  async optIn(uri: string): Promise<DocumentState | undefined> {
    const document = this.host.document(uri);
    if (!document) return undefined;
    this.optedIn.add(uri);
    this.stateOf(uri).pausedAt = undefined;
    await this.request(uri, 0, true);
    return this.states.get(uri)?.state;
  }

  /** Asks for an analysis after `delay` ms (none: at once); `now` also resolves when it settled. */
  private request(uri: string, delay: number, now: boolean): Promise<void> {
    const state = this.stateOf(uri);
    const generation = ++state.generation;
    this.host.runner.cancel(uri);
    if (state.timer) clearTimeout(state.timer);
    state.timer = undefined;
    if (now || delay === 0) return this.run(uri, generation);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void this.run(uri, generation);
    }, delay);
    return Promise.resolve();
  }

  private run(uri: string, generation: number): Promise<void> {
    const state = this.states.get(uri);
    const document = this.host.document(uri);
    if (!state || !document || state.generation !== generation) return Promise.resolve();
    const version = document.version;
    const done = this.analyzeVersion(uri, version, generation).catch((error: unknown) => {
      this.host.error(`Analysing ${uri}`, error);
      // Said where the user looks, not only in the log; the next edit, or *Analyze This Document*, tries again.
      if (this.states.get(uri)?.generation === generation && this.host.document(uri)?.version === version) {
        this.settle(uri, version, { state: 'failed', reason: failureReason(error) }, undefined);
      }
    });
    state.inflight = { generation, version, done };
    return done.finally(() => {
      const s = this.states.get(uri);
      if (s?.inflight?.generation !== generation) return;
      s.inflight = undefined;
      if (s.generation === generation) s.settled = { version, generation };
    });
  }

  private async analyzeVersion(uri: string, version: number, generation: number): Promise<void> {
    const isCurrent = (): boolean => this.host.document(uri)?.version === version && this.states.get(uri)?.generation === generation;
    const settings = await this.host.settingsFor(uri);
    const config = await this.host.configs.configFor(uri);
    const document = this.host.document(uri);
    if (!document || !isCurrent()) return;
    if (!settings.enable) return this.settle(uri, version, { state: 'disabled' }, undefined);
    const state = this.stateOf(uri);
    if (state.pausedAt !== undefined) return this.settle(uri, version, { state: 'paused', budgetMs: state.pausedAt }, undefined);
    const text = document.getText();
    const size = utf8Length(text, settings.maxFileSize);
    const path = this.host.folders.planPath(uri);
    const byPath = isPlanDocument({ path, config, explicitlyRequested: this.optedIn.has(uri) }).isPlan;
    const looksLikePlan = mayHaveOwnerTag(text) || MAY_HAVE_PLAN_KEY.test(text.slice(0, FRONT_MATTER_LOOK));
    if (!byPath && !looksLikePlan) return this.settle(uri, version, { state: 'not-plan' }, undefined);
    if (size > settings.maxFileSize) return this.settle(uri, version, { state: 'too-large', size, limit: settings.maxFileSize }, undefined);
    // While a plan found by its content is being edited, the look stands in for a full parse.
    const detectByContent = byPath || state.planByContent ? undefined : { path };
    const outcome = await this.host.runner.run({ key: uri, text, config, detectByContent });
    if (!isCurrent()) return;
    switch (outcome.type) {
      case 'analysis': {
        if (detectByContent) state.planByContent = true;
        const { delivered, evidence } = outcome;
        const settled = { uri, version, diagnostics: delivered.diagnostics, config, evidence };
        const result: SettledAnalysis = { ...settled, load: () => delivered.load().then((analysis) => analysis && { ...settled, analysis }) };
        return this.settle(uri, version, { state: 'analysed', version, sections: delivered.sections, findings: delivered.findings }, result);
      }
      case 'not-plan':
        state.planByContent = false;
        return this.settle(uri, version, { state: 'not-plan' }, undefined);
      case 'over-budget':
        state.pausedAt = outcome.budgetMs;
        return this.settle(uri, version, { state: 'paused', budgetMs: outcome.budgetMs }, undefined);
      case 'cancelled':
        return;
    }
  }

  private settle(uri: string, version: number, next: DocumentState, result: SettledAnalysis | undefined): void {
    const state = this.states.get(uri);
    if (!state) return;
    state.result = result;
    state.state = next;
    this.host.onState(uri, version, next, result);
  }
}
