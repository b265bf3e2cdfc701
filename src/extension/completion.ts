/**
 * Completion inside owner tags and directives: roles after `owner:`, the role's concerns after
 * `role/`, the handles already used in the workspace's plans after the role, rule ids in a
 * directive. What to offer is the core's (src/core/completion.ts); this file feeds it the
 * document's configuration and the workspace's handles.
 */
import * as vscode from 'vscode';
import { collectHandles, TAG_TRIGGER_CHARACTERS, tagCompletionContext, tagCompletions, type TagCompletion, type TagCompletionKind } from '../core/completion';
import type { ConfigService } from './configService';
import { MARKDOWN_LANGUAGE } from './constants';
import { engine } from './lazy';

/** At most this many Markdown files are read for handles, and none larger than this. */
const MAX_FILES = 2000;
const MAX_FILE_BYTES = 1024 * 1024;
/** Files read at once while indexing. */
const READ_BATCH = 32;
const MARKDOWN_GLOB = '**/*.{md,markdown}';
const EXCLUDE_GLOB = '**/{node_modules,.git}/**';

/** Registers the completion provider for Markdown; everything it owns is disposed with the extension. */
export function registerCompletion(context: vscode.ExtensionContext, configs: ConfigService): void {
  const handles = new WorkspaceHandles();
  context.subscriptions.push(
    handles,
    vscode.languages.registerCompletionItemProvider({ language: MARKDOWN_LANGUAGE }, new TagCompletionProvider(configs, handles), ...TAG_TRIGGER_CHARACTERS),
  );
}

export class TagCompletionProvider implements vscode.CompletionItemProvider {
  constructor(
    private readonly configs: ConfigService,
    private readonly handles: WorkspaceHandles,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionList | undefined> {
    const line = document.lineAt(position.line).text;
    const context = tagCompletionContext(line, position.character);
    if (!context || insideFencedCode(document, position.line)) return undefined;
    const config = await this.configs.configFor(document.uri);
    const handles = context.type === 'handle' ? await this.handles.all() : [];
    if (token.isCancellationRequested) return undefined;
    const items = tagCompletions(context, { taxonomy: config.taxonomy, rules: engine().rules, handles });
    return new vscode.CompletionList(items.map((item) => toCompletionItem(item, position.line)), false);
  }
}

const KINDS: Readonly<Record<TagCompletionKind, vscode.CompletionItemKind>> = {
  keyword: vscode.CompletionItemKind.Keyword,
  role: vscode.CompletionItemKind.EnumMember,
  concern: vscode.CompletionItemKind.Enum,
  handle: vscode.CompletionItemKind.User,
  rule: vscode.CompletionItemKind.Reference,
};

function toCompletionItem(item: TagCompletion, line: number): vscode.CompletionItem {
  const result = new vscode.CompletionItem(item.label, KINDS[item.kind]);
  result.detail = item.detail;
  if (item.documentation) result.documentation = item.documentation;
  result.insertText = item.insertText;
  result.range = new vscode.Range(line, item.replace.start, line, item.replace.end);
  result.sortText = item.sortText;
  // The editor filters on the replaced text; a leading space in the insert text must not hide the item.
  result.filterText = item.insertText.trim();
  if (item.retrigger) result.command = { command: 'editor.action.triggerSuggest', title: 'Suggest' };
  return result;
}

/** Whether a line sits inside a fenced code block (tags there are examples, not tags). */
function insideFencedCode(document: vscode.TextDocument, line: number): boolean {
  let fence: string | undefined;
  for (let i = 0; i < line; i++) {
    const text = document.lineAt(i).text;
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(text);
    if (!m) continue;
    if (!fence) fence = m[1];
    else if (m[1][0] === fence[0] && m[1].length >= fence.length && text.trim() === m[1]) fence = undefined;
  }
  return fence !== undefined;
}

/**
 * The handles named in the workspace's Markdown files (owner tags and front-matter owners),
 * indexed on first use, kept current by a file watcher, and overlaid with the live text of open
 * documents. Capped in file count and size so a huge repository cannot stall completion.
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

  /** Every handle known now, sorted. */
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
    const found = new Set<string>();
    const open = new Set<string>();
    for (const document of vscode.workspace.textDocuments) {
      if (document.languageId !== MARKDOWN_LANGUAGE) continue;
      open.add(document.uri.toString());
      for (const handle of collectHandles(document.getText())) found.add(handle);
    }
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
