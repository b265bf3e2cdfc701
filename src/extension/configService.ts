/**
 * Configuration for each document, loaded the way the command line loads it: the nearest
 * `.pmlens.json` up the folder tree (not above the workspace folder) over the `pmLens.*`
 * settings over the built-in defaults. Files are read through `vscode.workspace.fs`, so it works
 * in the browser and in virtual workspaces. A configuration file with problems gets diagnostics
 * on itself and a line in the output channel; the rest of it, or the defaults, stand.
 */
import * as vscode from 'vscode';
import type { LoadedConfig } from '../core/config/load';
import type { ConfigHost, ConfigProblem, ResolvedConfig } from '../core/config/types';
import { CONFIG_FILE_NAME, DIAGNOSTIC_SOURCE } from './constants';
import { SEVERITY, toRange } from './convert';
import { engine } from './lazy';
import { guardListener, type Logger } from './log';
import { readSettings } from './settings';

export class ConfigService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a configuration file or a `pmLens.*` setting changed: analyse again. */
  readonly onDidChange: vscode.Event<void> = this.changed.event;

  /** Loaded configuration per folder of a document (`scheme://authority/path`). */
  private readonly byFolder = new Map<string, Promise<LoadedConfig>>();
  /** The base (settings over defaults) per workspace folder ('' for none). */
  private readonly bases = new Map<string, ResolvedConfig>();
  /** What the output channel last said about each folder's configuration. */
  private readonly announced = new Map<string, string>();
  /** The problems last published per configuration file, so each is logged once. */
  private readonly published = new Map<string, string>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}-config`);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly log: Logger) {
    this.disposables.push(this.changed, this.diagnostics);
  }

  /**
   * Watches configuration files and reports the problems of those in the workspace. Called once,
   * after activation returned (the scan reads the file system).
   */
  start(): void {
    if (!vscode.workspace.isTrusted) this.log.info(UNTRUSTED_LOG_LINE);
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const didChangeFile = guardListener(this.log, `${CONFIG_FILE_NAME} changed`, (uri: vscode.Uri) => this.fileChanged(uri, true));
    const didDeleteFile = guardListener(this.log, `${CONFIG_FILE_NAME} deleted`, (uri: vscode.Uri) => this.fileChanged(uri, false));
    // Granted trust lets the regular expressions and globs of `.pmlens.json` run: load it again.
    const didGrantTrust = guardListener(this.log, 'workspace trust granted', () => {
      this.log.info('Workspace trusted: the regular expressions and globs of configuration files now apply');
      this.settingsChanged();
    });
    this.disposables.push(
      watcher,
      watcher.onDidCreate(didChangeFile),
      watcher.onDidChange(didChangeFile),
      watcher.onDidDelete(didDeleteFile),
      vscode.workspace.onDidGrantWorkspaceTrust(didGrantTrust),
    );
    void this.scan();
  }

  /** The configuration that applies to a document; an unreadable or broken file leaves the defaults. */
  async configFor(uri: vscode.Uri): Promise<ResolvedConfig> {
    return (await this.loadedFor(uri)).config;
  }

  /** The configuration of a document with the file it came from and that file's problems. */
  loadedFor(uri: vscode.Uri): Promise<LoadedConfig> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const base = this.baseFor(folder);
    // Untitled documents and files outside the workspace: settings and defaults only.
    if (!folder || uri.scheme === 'untitled') return Promise.resolve({ config: base, settings: {}, problems: [], file: undefined });
    const dir = uri.with({ path: posixDirname(uri.path), query: '', fragment: '' });
    const key = dir.toString();
    let loaded = this.byFolder.get(key);
    if (!loaded) {
      loaded = engine().loadConfigFor(uri.path, workspaceFsHost(uri), folder.uri.path, base, { trusted: vscode.workspace.isTrusted }).then(
        (result) => {
          this.announce(uri, result);
          return result;
        },
        (error: unknown) => {
          this.log.error(`Loading configuration for ${uri.toString(true)}`, error);
          return { config: base, settings: {}, problems: [], file: undefined };
        },
      );
      this.byFolder.set(key, loaded);
    }
    return loaded;
  }

  /** `pmLens.*` settings changed: every base and everything built on it is stale. */
  settingsChanged(): void {
    this.bases.clear();
    this.byFolder.clear();
    this.changed.fire();
    void this.scan();
  }

  /** The editor's settings for a workspace folder, laid over the defaults. */
  private baseFor(folder: vscode.WorkspaceFolder | undefined): ResolvedConfig {
    const key = folder?.uri.toString() ?? '';
    let base = this.bases.get(key);
    if (base) return base;
    const settings = readSettings(folder?.uri);
    const layer: Record<string, unknown> = { rules: settings.rules, analyzeAllMarkdown: settings.analyzeAllMarkdown };
    if (settings.documents) layer.documents = settings.documents;
    const problems: string[] = [];
    const report = (path: readonly (string | number)[], message: string): void => {
      problems.push(`pmLens.${path.join('.')}: ${message}`);
    };
    const { applySettings, defaultConfig, readConfigSettings } = engine();
    base = applySettings(defaultConfig, readConfigSettings(layer, report), report);
    for (const problem of problems) this.log.warn(`Settings: ${problem}`);
    this.bases.set(key, base);
    return base;
  }

  /** Logs which configuration a folder of documents uses, and reports that file's problems. */
  private announce(document: vscode.Uri, result: LoadedConfig): void {
    const dir = document.with({ path: posixDirname(document.path), query: '', fragment: '' });
    const fileUri = result.file !== undefined ? document.with({ path: result.file, query: '', fragment: '' }) : undefined;
    const count = result.problems.length;
    const line = fileUri
      ? `${vscode.workspace.asRelativePath(fileUri)}${count > 0 ? ` (${count} problem${count === 1 ? '' : 's'}; the rest of it applies)` : ''}`
      : `pmLens settings and built-in defaults (no ${CONFIG_FILE_NAME})`;
    // Said once per folder, and again only when it changes.
    if (this.announced.get(dir.toString()) !== line) {
      this.announced.set(dir.toString(), line);
      this.log.info(`Configuration for ${folderName(dir)}: ${line}`);
    }
    if (fileUri) this.publish(fileUri, result.problems);
  }

  /**
   * Diagnostics on the configuration file itself, and a line per problem in the output channel
   * (once for the same problems).
   */
  private publish(fileUri: vscode.Uri, problems: readonly ConfigProblem[]): void {
    const key = fileUri.toString();
    const signature = JSON.stringify(problems.map((p) => [p.message, p.range.start.offset]));
    if (this.published.get(key) === signature) return;
    this.published.set(key, signature);
    const name = vscode.workspace.asRelativePath(fileUri);
    for (const p of problems) {
      const where = `${name}:${p.range.start.line + 1}:${p.range.start.character + 1}`;
      if (p.severity === 'error') this.log.error(`Configuration error at ${where}`, p.message);
      else this.log.warn(`Configuration problem at ${where}: ${p.message}`);
    }
    this.diagnostics.set(
      fileUri,
      problems.map((p) => {
        const diagnostic = new vscode.Diagnostic(toRange(p.range), p.message, SEVERITY[p.severity] ?? vscode.DiagnosticSeverity.Error);
        diagnostic.source = DIAGNOSTIC_SOURCE;
        return diagnostic;
      }),
    );
  }

  /** A configuration file was created, changed or deleted: report it again and re-analyse. */
  private async fileChanged(uri: vscode.Uri, exists: boolean): Promise<void> {
    this.byFolder.clear();
    this.published.delete(uri.toString());
    if (exists) await this.check(uri);
    else {
      this.diagnostics.delete(uri);
      this.log.info(`Configuration removed: ${vscode.workspace.asRelativePath(uri)}`);
    }
    this.changed.fire();
  }

  /** Reads every configuration file in the workspace and reports its problems. */
  private async scan(): Promise<void> {
    try {
      const files = await vscode.workspace.findFiles(`**/${CONFIG_FILE_NAME}`, '**/node_modules/**', 200);
      await Promise.all(files.map((uri) => this.check(uri)));
    } catch (error) {
      this.log.error('Looking for configuration files', error);
    }
  }

  /** Reads one configuration file and publishes its problems. */
  private async check(uri: vscode.Uri): Promise<void> {
    const read = await engine().readConfigFile(uri.path, workspaceFsHost(uri));
    if (read === undefined) {
      this.published.delete(uri.toString());
      this.diagnostics.delete(uri);
      return;
    }
    if ('refused' in read) return this.publish(uri, [read.refused]);
    const base = this.baseFor(vscode.workspace.getWorkspaceFolder(uri));
    // Read as a document's configuration reads it, so the model its `model` key names is checked too.
    const parsed = await engine().readConfigText(read.text, uri.path, workspaceFsHost(uri), base, { trusted: vscode.workspace.isTrusted });
    this.publish(uri, parsed.problems);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** What the output channel says once when the workspace is not trusted. */
const UNTRUSTED_LOG_LINE = `Workspace not trusted: regular expressions (patterns) and globs (documents) in ${CONFIG_FILE_NAME} are not run until you trust it; everything else applies`;

/** Reads files next to `like` (same scheme and authority) through `vscode.workspace.fs`. */
export function workspaceFsHost(like: vscode.Uri): ConfigHost {
  return {
    async stat(path: string) {
      try {
        const stat = await vscode.workspace.fs.stat(like.with({ path, query: '', fragment: '' }));
        // A symbolic link reports its target's type with the SymbolicLink bit added.
        const type = stat.type & vscode.FileType.File ? 'file' : stat.type & vscode.FileType.Directory ? 'directory' : 'other';
        return { type, size: stat.size };
      } catch {
        return undefined;
      }
    },
    async readFile(path: string): Promise<string | undefined> {
      try {
        const bytes = await vscode.workspace.fs.readFile(like.with({ path, query: '', fragment: '' }));
        return new TextDecoder('utf-8').decode(bytes);
      } catch {
        return undefined;
      }
    },
    dirname: posixDirname,
    join: (...parts: string[]) => parts.join('/').replace(/\/{2,}/g, '/'),
  };
}

/** A folder as the output channel names it: relative to the workspace, or the workspace folder's name. */
function folderName(dir: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(dir);
  if (folder && folder.uri.path.replace(/\/+$/, '') === dir.path.replace(/\/+$/, '')) return `${folder.name}/`;
  return `${vscode.workspace.asRelativePath(dir)}/`;
}

/** `/a/b/c.md` → `/a/b`; `/a` → `/`. URI paths always use `/`. */
export function posixDirname(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : trimmed.slice(0, i);
}
