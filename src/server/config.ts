/**
 * The configuration of each document, loaded the way the command line loads it: the nearest
 * `.pmlens.json` up the folder tree (not above the workspace folder) over the client's `pmLens`
 * settings over the built-in defaults. A configuration file with problems gets diagnostics on
 * itself; the rest of it, or the defaults, stand. Files are read by URI, in the document's own
 * scheme: from disk on Node, through the client in the browser build; without a way to read
 * them, only settings and defaults apply.
 */
import { applySettings, defaultConfig, loadConfigFor, readConfigSettings, readConfigText, type ConfigHost, type ConfigProblem, type FileStat, type LoadedConfig, type ResolvedConfig } from './engine';
import { pathOfUri, sameRootUri, type WorkspaceFolders } from './folders';
import type { ServerSettings } from './settings';

/** Reads a configuration file by URI; undefined when it is missing, unreadable or too large. */
export type ReadFile = (uri: string) => Promise<string | undefined>;

export interface ConfigStoreHost {
  /** Undefined without a file system. */
  readonly readFile: ReadFile | undefined;
  /** What is at a URI, so that a FIFO or a huge file is refused unread. */
  readonly stat?: (uri: string) => Promise<FileStat | undefined>;
  /**
   * Whether the client trusts the workspace (`initializationOptions.trusted`, default true, as
   * on the command line): untrusted, a file's regular expressions and globs are left out.
   */
  readonly trusted: boolean;
  readonly folders: WorkspaceFolders;
  settingsFor(uri: string): Promise<ServerSettings>;
  /** A configuration file's problems (an empty list clears them). */
  publishProblems(fileUri: string, problems: readonly ConfigProblem[]): void;
  warn(message: string): void;
}

export class ConfigStore {
  /** Loaded configuration per folder of a document. */
  private readonly byFolder = new Map<string, Promise<LoadedConfig>>();
  /** The problems last published per configuration file, so each set is sent once. */
  private readonly published = new Map<string, string>();

  constructor(private readonly host: ConfigStoreHost) {}

  /** The configuration that applies to a document; a broken or unreadable file leaves the base. */
  async configFor(uri: string): Promise<ResolvedConfig> {
    const folder = this.host.folders.folderOf(uri);
    const dirKey = uri.slice(0, uri.lastIndexOf('/'));
    let loaded = this.byFolder.get(dirKey);
    if (!loaded) {
      loaded = this.load(uri, folder?.uri);
      this.byFolder.set(dirKey, loaded);
    }
    return (await loaded).config;
  }

  /** Settings or configuration files changed: everything loaded is stale. */
  invalidate(): void {
    this.byFolder.clear();
  }

  /** A `.pmlens.json` was created, changed or deleted: forget what was loaded and report it again. */
  async fileChanged(fileUri: string, exists: boolean): Promise<void> {
    this.invalidate();
    this.published.delete(fileUri);
    if (!exists || !this.host.readFile) return this.publish(fileUri, []);
    const text = await this.host.readFile(fileUri);
    if (text === undefined) return this.publish(fileUri, []);
    const base = await this.baseFor(fileUri.slice(0, fileUri.lastIndexOf('/')) + '/x.md');
    // Read as a document's configuration reads it, so the model it names is checked too.
    this.publish(fileUri, (await readConfigText(text, pathOfUri(fileUri), this.fileHost(fileUri, this.host.readFile), base, { trusted: this.host.trusted })).problems);
  }

  /**
   * The core's file access over the host's reads by URI: the core walks paths, and each one is
   * read at the URI of the same scheme and authority as `like`.
   */
  private fileHost(like: string, readFile: ReadFile): ConfigHost {
    const at = (path: string): string => sameRootUri(like, path);
    const stat = this.host.stat;
    return {
      readFile: (path) => readFile(at(path)),
      stat: stat && ((path) => stat(at(path))),
      dirname: posixDirname,
      join: (...parts) => parts.join('/').replace(/\/{2,}/g, '/'),
    };
  }

  private async load(uri: string, folderUri: string | undefined): Promise<LoadedConfig> {
    const base = await this.baseFor(uri);
    const readFile = this.host.readFile;
    if (!folderUri || !readFile) return { config: base, settings: {}, problems: [], file: undefined };
    const loaded = await loadConfigFor(pathOfUri(uri), this.fileHost(uri, readFile), pathOfUri(folderUri), base, { trusted: this.host.trusted });
    if (loaded.file !== undefined) this.publish(sameRootUri(uri, loaded.file), loaded.problems);
    return loaded;
  }

  /** The client's settings for this document laid over the defaults; their problems are logged. */
  private async baseFor(uri: string): Promise<ResolvedConfig> {
    const settings = await this.host.settingsFor(uri);
    const report = (path: readonly (string | number)[], message: string): void => this.host.warn(`Settings: pmLens.${path.join('.')}: ${message}`);
    return applySettings(defaultConfig, readConfigSettings(settings.configLayer, report), report);
  }

  private publish(fileUri: string, problems: readonly ConfigProblem[]): void {
    const signature = JSON.stringify(problems.map((p) => [p.message, p.range.start.offset]));
    if (this.published.get(fileUri) === signature) return;
    this.published.set(fileUri, signature);
    this.host.publishProblems(fileUri, problems);
  }
}

/** `/a/b/c.md` → `/a/b`; `/a` → `/`. */
function posixDirname(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : trimmed.slice(0, i);
}
