/**
 * The configuration of each document, loaded the way the command line loads it: the nearest
 * `.pmlens.json` up the folder tree (not above the workspace folder) over the client's `pmLens`
 * settings over the built-in defaults. A configuration file with problems gets diagnostics on
 * itself; the rest of it, or the defaults, stand. Without a file system (the browser build)
 * the files are read through the client when it serves them (`pmLens/readFile`), by URI and in
 * any scheme; otherwise only settings and defaults apply.
 */
import { applySettings, defaultConfig, loadConfigFor, readConfigSettings, readConfigText, type ConfigHost, type ConfigProblem, type FileStat, type LoadedConfig, type ResolvedConfig } from './engine';
import { fileUriOf, pathOfUri, type WorkspaceFolders } from './folders';
import type { ServerSettings } from './settings';

/** Reads files by path; undefined when a file is missing, unreadable or too large. */
export type ReadFile = (path: string) => Promise<string | undefined>;

/** Reads files by URI (through the client); undefined when a file is missing or unreadable. */
export type ReadUri = (uri: string) => Promise<string | undefined>;

export interface ConfigStoreHost {
  /** Undefined without a file system. */
  readonly readFile: ReadFile | undefined;
  /** Without a file system: reads through the client, when it serves files. */
  readonly readUri?: ReadUri;
  /** What is at a path, so that a FIFO or a huge file is refused unread. */
  readonly stat?: (path: string) => Promise<FileStat | undefined>;
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
    const read = this.readerFor(fileUri);
    if (!exists || !read) return this.publish(fileUri, []);
    const text = await read(pathOfUri(fileUri));
    if (text === undefined) return this.publish(fileUri, []);
    const base = await this.baseFor(fileUri.slice(0, fileUri.lastIndexOf('/')) + '/x.md');
    // Read as a document's configuration reads it, so the model it names is checked too.
    this.publish(fileUri, (await readConfigText(text, pathOfUri(fileUri), this.fileHost(read), base, { trusted: this.host.trusted })).problems);
  }

  /** The core's file access over `readFile` (stat only on a file system of the server's own). */
  private fileHost(readFile: ReadFile): ConfigHost {
    const stat = this.host.readUri ? undefined : this.host.stat;
    return { readFile, stat, dirname: posixDirname, join: (...parts) => parts.join('/').replace(/\/{2,}/g, '/') };
  }

  private async load(uri: string, folderUri: string | undefined): Promise<LoadedConfig> {
    const base = await this.baseFor(uri);
    const readFile = folderUri ? this.readerFor(uri) : undefined;
    if (!folderUri || !readFile) return { config: base, settings: {}, problems: [], file: undefined };
    const loaded = await loadConfigFor(pathOfUri(uri), this.fileHost(readFile), pathOfUri(folderUri), base, { trusted: this.host.trusted });
    if (loaded.file !== undefined) this.publish(uriOfPath(uri, loaded.file), loaded.problems);
    return loaded;
  }

  /**
   * Reads files by path beside `uri`: from disk for `file:` URIs, else through the client (paths
   * turned back into URIs of the document's scheme and authority); undefined when neither can.
   */
  private readerFor(uri: string): ReadFile | undefined {
    const readUri = this.host.readUri;
    if (readUri) {
      return async (path) => {
        const text = await readUri(uriOfPath(uri, path)).catch(() => undefined);
        return text !== undefined && text.length <= MAX_CLIENT_FILE ? text : undefined;
      };
    }
    return this.host.readFile && uri.startsWith('file:') ? this.host.readFile : undefined;
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

/** Files read through the client are configuration files and the models they name (at most 4 MB): larger ones are not used. */
const MAX_CLIENT_FILE = 4 * 1024 * 1024;

/** A path beside `uri` as a URI of the same scheme and authority. */
function uriOfPath(uri: string, path: string): string {
  if (uri.startsWith('file:')) return fileUriOf(path);
  const origin = /^[A-Za-z][\w+.-]*:(?:\/\/[^/]*)?/.exec(uri)?.[0] ?? '';
  return origin + path.split('/').map(encodeURIComponent).join('/');
}

/** `/a/b/c.md` → `/a/b`; `/a` → `/`. */
function posixDirname(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : trimmed.slice(0, i);
}
