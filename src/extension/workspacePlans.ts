import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, SETTINGS_SECTION } from './constants';
import { guardListener, type Logger } from './log';
import type { PlanClient } from './planClient';
import type { SummaryResult } from '../shared/serverProtocol';
import type { PanelFile } from './summaryPanelModel';

/** File-system events come in bursts (a checkout, a save-all): settle before re-reading. */
const WORKSPACE_SETTLE_MS = 150;
const WORKSPACE_MAX_FILES = 2000;
const WORKSPACE_CONCURRENCY = 4;
const MARKDOWN_GLOB = '**/*.md';
const WORKSPACE_EXCLUDE = '**/{node_modules,.git}/**';

/**
 * Every plan document of the workspace, found with `findFiles` and summarised by the server with
 * the same detection and configuration as open documents (an open document's current text wins
 * over the file), kept current by a file watcher and by the status of open documents.
 */
export class WorkspacePlans implements vscode.Disposable {
  loaded = false;
  private readonly plans = new Map<string, PanelFile>();
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private scanGeneration = 0;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(
    private readonly client: PlanClient,
    private readonly log: Logger,
  ) {
    const files = vscode.workspace.createFileSystemWatcher(MARKDOWN_GLOB);
    const configs = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const queue = guardListener(log, 'workspace plans', (uri: vscode.Uri) => this.queue(uri));
    const rescan = guardListener(log, 'workspace plans', () => this.scan());
    this.disposables.push(
      files,
      configs,
      files.onDidCreate(queue),
      files.onDidChange(queue),
      files.onDidDelete(queue),
      configs.onDidCreate(rescan),
      configs.onDidChange(rescan),
      configs.onDidDelete(rescan),
      vscode.workspace.onDidChangeConfiguration(guardListener(log, 'workspace plans', (e: vscode.ConfigurationChangeEvent) => {
        if (e.affectsConfiguration(SETTINGS_SECTION)) void this.scan();
      })),
      vscode.workspace.onDidChangeWorkspaceFolders(rescan),
      client.onDidChangeStatus(guardListener(log, 'workspace plans', (status: { uri: string }) => this.queue(vscode.Uri.parse(status.uri)))),
    );
    void this.scan();
  }

  /** The plans, by workspace-relative path. */
  results(): PanelFile[] {
    return [...this.plans.values()].sort((a, b) => compare(a.path, b.path));
  }

  /** Finds and analyses every Markdown file again. */
  async scan(): Promise<void> {
    const generation = ++this.scanGeneration;
    const uris = await vscode.workspace.findFiles(MARKDOWN_GLOB, WORKSPACE_EXCLUDE, WORKSPACE_MAX_FILES);
    const results = await mapLimited(uris, WORKSPACE_CONCURRENCY, (uri) => this.analyze(uri));
    if (generation !== this.scanGeneration) return;
    this.plans.clear();
    for (const result of results) if (result) this.plans.set(result.uri, result);
    this.loaded = true;
    this.emitter.fire();
  }

  private queue(uri: vscode.Uri): void {
    if (!inWorkspace(uri)) return;
    this.pending.add(uri.toString());
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(guardListener(this.log, 'workspace plans', () => this.flush()), WORKSPACE_SETTLE_MS);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const uris = [...this.pending].map((u) => vscode.Uri.parse(u));
    this.pending.clear();
    const results = await mapLimited(uris, WORKSPACE_CONCURRENCY, (uri) => this.analyze(uri));
    uris.forEach((uri, i) => {
      const result = results[i];
      if (result) this.plans.set(uri.toString(), result);
      else this.plans.delete(uri.toString());
    });
    if (this.loaded) this.emitter.fire();
  }

  /** The file's summary from the server: an open document as it is now, else the file on disk. */
  private async analyze(uri: vscode.Uri): Promise<PanelFile | undefined> {
    try {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
      const text = open ? undefined : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      const result = await this.client.summary(uri, text);
      return result && panelFile(result);
    } catch (error) {
      this.log.error(`Analysing ${uri.toString(true)} for the workspace summary`, error);
      return undefined;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.scanGeneration++;
    for (const d of this.disposables) d.dispose();
  }
}

function inWorkspace(uri: vscode.Uri): boolean {
  return /\.md$/i.test(uri.path) && vscode.workspace.getWorkspaceFolder(uri) !== undefined && !/\/(node_modules|\.git)\//.test(uri.path);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Maps with at most `limit` calls in flight, keeping the order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** What the panel shows of a plan: its summary, named by its workspace-relative path. */
export function panelFile(result: SummaryResult): PanelFile {
  return { uri: result.uri, path: vscode.workspace.asRelativePath(vscode.Uri.parse(result.uri)), summary: result.summary, labels: result.labels };
}
