/**
 * The extension's single door to the engine. It decides which open documents are plans,
 * analyses them on open and (debounced) as they change, drops stale results by document version
 * and generation, and announces every result with `onDidAnalyze`. Diagnostics, hovers, code
 * actions, CodeLens, the status bar and the summary panel all read from here.
 *
 * API for other parts of the extension (kept stable):
 * - `onDidAnalyze(e: AnalysisEvent)`: a document's newest analysis, or `analysis: undefined` when
 *   it is no longer analysed (closed, not a plan any more, disabled, too large).
 * - `get(uri)`: the newest result, if any (may be for an older version while an edit is pending).
 * - `ensure(document)`: the result for the document's current version, analysing now if needed.
 * - `analyzeUri(uri)`: analyses a file that need not be open (for workspace-wide views); never
 *   announced, never cached.
 * - `analyzeText(uri, text)`: the same for another version of a file (its committed text).
 * - `optIn(document)`: *Analyze This Document*.
 * - `reanalyzeAll()`: re-reads every open Markdown document (config or settings changed).
 */
import * as vscode from 'vscode';
import type { ResolvedConfig } from '../core/config/types';
import type { DocumentFacts } from '../core/parse/facts';
import type { Analysis } from '../core/types';
import { createAnalyzer, type Analyzer } from './analyzer';
import type { ConfigService } from './configService';
import { IGNORED_SCHEMES, MARKDOWN_LANGUAGE } from './constants';
import { engine } from './lazy';
import { guardListener, type Logger } from './log';
import { readSettings } from './settings';
import { formatBytes, utf8Length } from '../shared/size';

/** Cheap looks at a text that may make it a plan (the core decides; these only spare a parse). */
const MAY_HAVE_OWNER_TAG = /<!--\s*owners?\s*:/i;
const MAY_HAVE_PLAN_KEY = /^\uFEFF?---[ \t]*\r?\n(?:[^\n]*\n)*?plan[ \t]*:/;
/** Front matter sits at the top: the look reads no further. */
const FRONT_MATTER_LOOK = 8192;

/** A document's analysis for one version. */
export interface AnalysisResult {
  readonly uri: vscode.Uri;
  readonly version: number;
  readonly analysis: Analysis;
  /** The configuration it ran with (taxonomy for hovers, rules for explanations). */
  readonly config: ResolvedConfig;
}

/** Why a document that would be a plan is not analysed. */
export interface Skipped {
  readonly reason: 'too-large';
  /** Size in bytes (UTF-8) and the limit it passed. */
  readonly size: number;
  readonly limit: number;
}

export interface AnalysisEvent {
  readonly uri: vscode.Uri;
  readonly version: number;
  /** The new analysis; undefined when the document is no longer analysed. */
  readonly analysis: Analysis | undefined;
  /** The full result when there is an analysis. */
  readonly result: AnalysisResult | undefined;
  /** Set when a plan was skipped (the status bar says so). */
  readonly skipped?: Skipped;
}

interface DocumentState {
  /** Bumped by every request; a run whose generation is no longer current is dropped. */
  generation: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  inflight: { readonly generation: number; readonly version: number; readonly done: Promise<void> } | undefined;
  result: AnalysisResult | undefined;
  skipped: Skipped | undefined;
  /** The content (not the path) made it a plan when last fully checked; reset by config changes. */
  planByContent: boolean;
  /** The version and generation of the last run that finished (plan or not). */
  settled: { readonly version: number; readonly generation: number } | undefined;
}

export class AnalysisService implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<AnalysisEvent>();
  /** Fires with each document's newest analysis (or its removal). */
  readonly onDidAnalyze: vscode.Event<AnalysisEvent> = this.emitter.event;

  private readonly states = new Map<string, DocumentState>();
  /** Documents opted in with *Analyze This Document*, by URI, for this session. */
  private readonly optedIn = new Set<string>();
  private readonly analyzer: Analyzer;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly configs: ConfigService,
    private readonly log: Logger,
    analyzer: Analyzer = createAnalyzer(),
  ) {
    this.analyzer = analyzer;
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidOpenTextDocument(guardListener(log, 'didOpenTextDocument', (d: vscode.TextDocument) => this.didOpenTextDocument(d))),
      vscode.workspace.onDidChangeTextDocument(guardListener(log, 'didChangeTextDocument', (e: vscode.TextDocumentChangeEvent) => this.didChangeTextDocument(e))),
      vscode.workspace.onDidCloseTextDocument(guardListener(log, 'didCloseTextDocument', (d: vscode.TextDocument) => this.didCloseTextDocument(d))),
      configs.onDidChange(guardListener(log, 'config changed', () => this.reanalyzeAll())),
    );
  }

  /** Starts on the documents already open. Called once, after activation returned. */
  start(): void {
    for (const document of vscode.workspace.textDocuments) this.didOpenTextDocument(document);
  }

  /** The newest result for a document, if it has one. */
  get(uri: vscode.Uri): AnalysisResult | undefined {
    return this.states.get(uri.toString())?.result;
  }

  /** Why a document is skipped, if it is. */
  skipped(uri: vscode.Uri): Skipped | undefined {
    return this.states.get(uri.toString())?.skipped;
  }

  /** Whether PM Lens could analyse this kind of document at all (Markdown, a real file or untitled). */
  isCandidate(document: vscode.TextDocument): boolean {
    return document.languageId === MARKDOWN_LANGUAGE && !IGNORED_SCHEMES.has(document.uri.scheme);
  }

  /**
   * The result for the document's current version: the one at hand, the one being computed, or
   * a new one computed now. Undefined when the document is not an analysed plan.
   */
  async ensure(document: vscode.TextDocument): Promise<AnalysisResult | undefined> {
    if (!this.isCandidate(document) || document.isClosed) return undefined;
    const key = document.uri.toString();
    const state = this.states.get(key);
    const current = (): AnalysisResult | undefined => {
      const result = this.states.get(key)?.result;
      return result && result.version === document.version ? result : undefined;
    };
    if (current()) return current();
    if (state?.settled && state.settled.version === document.version && state.settled.generation === state.generation) return undefined;
    if (state?.inflight && state.inflight.version === document.version && state.inflight.generation === state.generation) {
      await state.inflight.done;
      if (current() || this.states.get(key)?.inflight === undefined) return current();
    }
    await this.request(document, 0, true);
    return current();
  }

  /** *Analyze This Document*: treats the document as a plan for this session, and analyses it now. */
  async optIn(document: vscode.TextDocument): Promise<AnalysisResult | undefined> {
    if (!this.isCandidate(document) || document.isClosed) return undefined;
    const key = document.uri.toString();
    this.optedIn.add(key);
    // What was decided for this version (not a plan) no longer holds: decide again, now.
    await this.request(document, 0, true);
    const result = this.states.get(key)?.result;
    return result && result.version === document.version ? result : undefined;
  }

  isOptedIn(uri: vscode.Uri): boolean {
    return this.optedIn.has(uri.toString());
  }

  /** Analyses every open Markdown document again, at once. */
  reanalyzeAll(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (!this.isCandidate(document)) continue;
      // Detection depends on the configuration too: decide from scratch.
      const state = this.states.get(document.uri.toString());
      if (state) state.planByContent = false;
      void this.request(document, 0, false);
    }
  }

  /**
   * Analyses a file by URI without publishing anything, with the same detection and config as
   * open documents (an open document's current text wins over the file). Undefined when it is
   * not a plan, too large, or unreadable.
   */
  async analyzeUri(uri: vscode.Uri): Promise<AnalysisResult | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return this.ensure(open);
    let text: string;
    try {
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
    return this.analyzeDetached(uri, text, `file:${uri.toString()}`);
  }

  /**
   * Analyses `text` as another version of `uri` (its committed version, say) with the file's
   * detection, configuration and size limit; never announced, never cached. Undefined when that
   * version is not a plan or is too large.
   */
  analyzeText(uri: vscode.Uri, text: string): Promise<AnalysisResult | undefined> {
    return this.analyzeDetached(uri, text, `version:${uri.toString()}`);
  }

  private async analyzeDetached(uri: vscode.Uri, text: string, key: string): Promise<AnalysisResult | undefined> {
    const config = await this.configs.configFor(uri);
    const settings = readSettings(uri);
    if (!settings.enable) return undefined;
    if (utf8Length(text, settings.maxFileSize) > settings.maxFileSize) return undefined;
    const decision = engine().isPlanDocument({ path: pathOf(uri), text, config, explicitlyRequested: this.optedIn.has(uri.toString()) });
    if (!decision.isPlan) return undefined;
    const analysis = await this.analyzer.analyze({ key, version: 0, text, config, facts: decision.facts });
    this.analyzer.forget(key);
    return analysis && { uri, version: 0, analysis, config };
  }

  private didOpenTextDocument(document: vscode.TextDocument): void {
    if (this.isCandidate(document)) void this.request(document, 0, false);
  }

  private didChangeTextDocument(event: vscode.TextDocumentChangeEvent): void {
    const document = event.document;
    // A change with no content change (dirty flag only) needs no new analysis.
    if (!this.isCandidate(document) || event.contentChanges.length === 0) return;
    void this.request(document, readSettings(document.uri).debounceMs, false);
  }

  private didCloseTextDocument(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const state = this.states.get(key);
    if (!state) return;
    if (state.timer) clearTimeout(state.timer);
    this.states.delete(key);
    this.analyzer.forget(key);
    if (state.result || state.skipped) this.emitter.fire({ uri: document.uri, version: document.version, analysis: undefined, result: undefined });
  }

  /**
   * Asks for an analysis of the document's current version after `delay` ms; a newer request
   * supersedes it. `now` runs it at once and resolves when it finished (or was superseded).
   */
  private request(document: vscode.TextDocument, delay: number, now: boolean): Promise<void> {
    const key = document.uri.toString();
    let state = this.states.get(key);
    if (!state) {
      state = {
        generation: 0,
        timer: undefined,
        inflight: undefined,
        result: undefined,
        skipped: undefined,
        planByContent: false,
        settled: undefined,
      };
      this.states.set(key, state);
    }
    const generation = ++state.generation;
    if (state.timer) {
      clearTimeout(state.timer);
      state.timer = undefined;
    }
    if (now) return this.run(document, generation);
    const s = state;
    // Even "at once" goes through a timer, so bursts of opens and edits never block the caller.
    s.timer = setTimeout(() => {
      s.timer = undefined;
      void this.run(document, generation);
    }, delay);
    return Promise.resolve();
  }

  private run(document: vscode.TextDocument, generation: number): Promise<void> {
    const key = document.uri.toString();
    const state = this.states.get(key);
    if (!state || state.generation !== generation) return Promise.resolve();
    const version = document.version;
    const done = this.analyzeVersion(document, key, version, generation).catch((error: unknown) =>
      this.log.error(`Analysing ${document.uri.toString(true)}`, error),
    );
    state.inflight = { generation, version, done };
    return done.finally(() => {
      const s = this.states.get(key);
      if (s?.inflight?.generation !== generation) return;
      s.inflight = undefined;
      if (s.generation === generation) s.settled = { version, generation };
    });
  }

  private async analyzeVersion(document: vscode.TextDocument, key: string, version: number, generation: number): Promise<void> {
    const isCurrent = (): boolean =>
      !document.isClosed && document.version === version && this.states.get(key)?.generation === generation;
    const config = await this.configs.configFor(document.uri);
    if (!isCurrent()) return;
    const settings = readSettings(document.uri);
    if (!settings.enable) return this.clear(document, key);
    const text = document.getText();
    const size = utf8Length(text, settings.maxFileSize);
    const tooLarge = size > settings.maxFileSize;
    const decision = this.decide(document, key, text, config, tooLarge);
    if (!decision.isPlan) return this.clear(document, key);

    if (tooLarge) {
      const state = this.states.get(key);
      if (!state) return;
      const wasSkipped = state.skipped !== undefined;
      state.result = undefined;
      state.skipped = { reason: 'too-large', size, limit: settings.maxFileSize };
      this.analyzer.forget(key);
      if (!wasSkipped) this.log.info(`Skipped ${document.uri.toString(true)}: ${formatBytes(size)} is above pmLens.maxFileSize (${formatBytes(settings.maxFileSize)})`);
      this.emitter.fire({ uri: document.uri, version, analysis: undefined, result: undefined, skipped: state.skipped });
      return;
    }

    // Let the host answer what queued up meanwhile (keystrokes, hovers) before the long part;
    // a newer version that arrived makes this run stale, and it stops here.
    await yieldToHost();
    if (!isCurrent()) return;
    const analysis = await this.analyzer.analyze({ key, version, text, config, facts: decision.facts, isStale: () => !isCurrent() });
    // A newer version or request arrived meanwhile: this result is stale (or was never finished), drop it.
    if (!analysis || !isCurrent()) return;
    const state = this.states.get(key);
    if (!state) return;
    const result: AnalysisResult = { uri: document.uri, version, analysis, config };
    state.result = result;
    state.skipped = undefined;
    this.emitter.fire({ uri: document.uri, version, analysis, result });
  }

  /**
   * Whether the document is a plan, with the core's detection, parsing as little as it can: the
   * path (or an opt-in) decides without reading the text; a document too large to analyse gets
   * only a cheap look; and while a plan found by its content is being edited, the look that it
   * still has an owner tag or front matter stands in for a full parse on every keystroke.
   */
  private decide(document: vscode.TextDocument, key: string, text: string, config: ResolvedConfig, tooLarge: boolean): { isPlan: boolean; facts?: DocumentFacts } {
    const state = this.states.get(key);
    const { isPlanDocument } = engine();
    const path = pathOf(document.uri, document.isUntitled);
    const byPath = isPlanDocument({ path, config, explicitlyRequested: this.optedIn.has(key) });
    if (byPath.isPlan) return { isPlan: true };
    const looksLikePlan = MAY_HAVE_OWNER_TAG.test(text) || MAY_HAVE_PLAN_KEY.test(text.slice(0, FRONT_MATTER_LOOK));
    if (tooLarge || (state?.planByContent && looksLikePlan)) return { isPlan: looksLikePlan };
    const decision = isPlanDocument({ path, text, config });
    if (state) state.planByContent = decision.isPlan;
    return { isPlan: decision.isPlan, facts: decision.facts };
  }

  /** The document is not (or no longer) a plan: forget it, and say so if it had results. */
  private clear(document: vscode.TextDocument, key: string): void {
    const state = this.states.get(key);
    if (!state) return;
    const had = state.result !== undefined || state.skipped !== undefined;
    state.result = undefined;
    state.skipped = undefined;
    this.analyzer.forget(key);
    if (had) this.emitter.fire({ uri: document.uri, version: document.version, analysis: undefined, result: undefined });
  }

  dispose(): void {
    for (const state of this.states.values()) if (state.timer) clearTimeout(state.timer);
    this.states.clear();
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * The path detection matches globs against: relative to its workspace folder when in one. An
 * untitled document is named like a Markdown file (`Untitled-1.md`), so only its content, or
 * `analyzeAllMarkdown`, can make it a plan.
 */
function pathOf(uri: vscode.Uri, untitled = false): string {
  if (untitled) return /\.[^/.]+$/.test(uri.path) ? uri.path : `${uri.path}.md`;
  return vscode.workspace.getWorkspaceFolder(uri) ? vscode.workspace.asRelativePath(uri, false) : uri.path;
}

/** Resolves on a later turn of the event loop. */
function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
