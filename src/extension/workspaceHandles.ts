/**
 * The handles (`@name`) named in the workspace's Markdown files (owner tags and front-matter
 * owners), for completion after a role: the server knows the open documents, and VS Code can read
 * the rest of the workspace (on the desktop and in the browser alike), so the extension indexes
 * those files and sends their handles before a completion request (`pmLens/workspaceHandles`).
 */
import * as vscode from 'vscode';
import { collectHandles } from '../core/completion';
import { MARKDOWN_LANGUAGE } from './constants';

/** At most this many Markdown files are read for handles, and none larger than this. */
const MAX_FILES = 2000;
const MAX_FILE_BYTES = 1024 * 1024;
/** Files read at once while indexing. */
const READ_BATCH = 32;
const MARKDOWN_GLOB = '**/*.{md,markdown}';
const EXCLUDE_GLOB = '**/{node_modules,.git}/**';

/**
 * The index, built on first use, kept current by a file watcher. Capped in file count and size
 * so a huge repository cannot stall completion.
 */
export class WorkspaceHandles implements vscode.Disposable {
  private readonly byFile = new Map<string, readonly string[]>();
  private readonly stale = new Map<string, vscode.Uri>();
  private indexed: Promise<void> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(MARKDOWN_GLOB);
    const changed = (uri: vscode.Uri): void => {
      this.stale.set(uri.toString(), uri);
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(changed),
      watcher.onDidChange(changed),
      watcher.onDidDelete((uri) => {
        this.byFile.delete(uri.toString());
        this.stale.delete(uri.toString());
      }),
    );
  }

  /** The handles of the workspace's files that are not open, sorted. */
  async all(): Promise<string[]> {
    this.indexed ??= this.index().catch(() => {
      // No folder, or the search failed: try again next time.
      this.indexed = undefined;
    });
    await this.indexed;
    if (this.stale.size > 0) {
      const uris = [...this.stale.values()];
      this.stale.clear();
      await this.readAll(uris);
    }
    // The server reads the open documents' live text itself.
    const found = new Set<string>();
    const open = new Set(vscode.workspace.textDocuments.filter((d) => d.languageId === MARKDOWN_LANGUAGE).map((d) => d.uri.toString()));
    for (const [uri, handles] of this.byFile) if (!open.has(uri)) for (const handle of handles) found.add(handle);
    return [...found].sort((a, b) => a.localeCompare(b));
  }

  private async index(): Promise<void> {
    const uris = await vscode.workspace.findFiles(MARKDOWN_GLOB, EXCLUDE_GLOB, MAX_FILES);
    await this.readAll(uris);
  }

  private async readAll(uris: readonly vscode.Uri[]): Promise<void> {
    for (let i = 0; i < uris.length; i += READ_BATCH) {
      await Promise.all(uris.slice(i, i + READ_BATCH).map((uri) => this.read(uri)));
    }
  }

  private async read(uri: vscode.Uri): Promise<void> {
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.byteLength > MAX_FILE_BYTES) return;
      const handles = collectHandles(new TextDecoder('utf-8').decode(bytes));
      if (handles.length > 0) this.byFile.set(uri.toString(), handles);
      else this.byFile.delete(uri.toString());
    } catch {
      // Gone or unreadable: it names nobody.
      this.byFile.delete(uri.toString());
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
