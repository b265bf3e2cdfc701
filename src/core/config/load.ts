import { CONFIG_FILE_NAME, defaultConfig } from './defaults';
import { withConfiguredModel } from './model';
import { MAX_CONFIG_BYTES, parseConfigText, tooLargeNote, type ConfigReadOptions, type ParsedConfig } from './parse';
import type { ConfigHost, ConfigProblem, FileStat, ResolvedConfig } from './types';

/** The configuration that applies to one document, and the file it came from. */
export interface LoadedConfig extends Omit<ParsedConfig, 'file'> {
  /** The `.pmlens.json` found, if any. */
  readonly file: string | undefined;
}

/** How configuration files are found and read. */
export interface ConfigLoadOptions extends ConfigReadOptions {
  /**
   * Parses a file's text instead of `parseConfigText` over the base, for a caller that keeps
   * files it has parsed already (with the same base and trust) and would otherwise parse twice.
   */
  readonly parse?: (text: string, file: string) => ParsedConfig;
}

/** A guard against a host whose `dirname` never reaches a root. */
const MAX_LEVELS = 128;
/** A folder holding this is a repository root: configuration lookup stops there. */
const REPOSITORY_MARKER = '.git';

/**
 * Finds the `.pmlens.json` nearest to `filePath` up the folder tree and reads it over `base` (the
 * editor's settings over the defaults). The lookup never climbs above `stopAt` (the workspace
 * folder, or the folder the command line started in) nor above a repository root (a folder
 * with `.git`): a file far above the project never applies. No file means `base`; a file outside
 * `stopAt` gets no configuration file at all. A configuration file that is not a regular file
 * (a FIFO, a device) or is larger than 1 MB is refused unread, with a problem that says so.
 */
export async function loadConfigFor(
  filePath: string,
  host: ConfigHost,
  stopAt?: string,
  base: ResolvedConfig = defaultConfig,
  options: ConfigLoadOptions = { trusted: true },
): Promise<LoadedConfig> {
  const none: LoadedConfig = { config: base, settings: {}, problems: [], file: undefined };
  const stop = stopAt !== undefined ? normalize(stopAt) : undefined;
  let dir = host.dirname(filePath);
  for (let level = 0; level < MAX_LEVELS; level++) {
    const here = normalize(dir);
    if (stop !== undefined && here !== stop && !here.startsWith(stop.endsWith('/') ? stop : stop + '/')) return none;
    const candidate = host.join(dir, CONFIG_FILE_NAME);
    const read = await readConfigFile(candidate, host);
    if (read !== undefined) {
      return 'refused' in read
        ? { config: base, settings: {}, problems: [read.refused], file: candidate }
        : { ...(await readConfigText(read.text, candidate, host, base, options)), file: candidate };
    }
    if (here === stop) return none;
    if (host.stat && (await host.stat(host.join(dir, REPOSITORY_MARKER))) !== undefined) return none;
    const parent = host.dirname(dir);
    if (parent === dir || parent === '') return none;
    dir = parent;
  }
  return none;
}

/**
 * A configuration file's text, read over `base`, with the classifier model its `model` key names
 * loaded through `host` (a problem on the key, and the built-in model, when it cannot be).
 */
export async function readConfigText(
  text: string,
  file: string,
  host: ConfigHost,
  base: ResolvedConfig = defaultConfig,
  options: ConfigLoadOptions = { trusted: true },
): Promise<ParsedConfig> {
  const parsed = options.parse ? options.parse(text, file) : parseConfigText(text, file, base, options);
  return withConfiguredModel(parsed, text, host);
}

/** Why a configuration file (or another small text file, such as an ignore file) is refused unread, or undefined when it may be read. */
export function refusalOf(stat: FileStat): string | undefined {
  if (stat.type !== 'file') return 'is not a regular file (a folder, FIFO, socket or device); it is ignored unread';
  if (stat.size > MAX_CONFIG_BYTES) return tooLargeNote(stat.size);
  return undefined;
}

/**
 * The text of a configuration file, a problem when it is refused, or undefined when there is
 * none. Checked before it is opened: reading a FIFO would wait forever, a device never end.
 */
export async function readConfigFile(path: string, host: ConfigHost): Promise<{ text: string } | { refused: ConfigProblem } | undefined> {
  if (host.stat) {
    const stat = await host.stat(path);
    if (stat === undefined) return undefined;
    const refusal = refusalOf(stat);
    if (refusal) {
      const start = { line: 0, character: 0, offset: 0 };
      return { refused: { message: `${path} ${refusal}`, range: { start, end: start }, severity: 'error', path: [] } };
    }
  }
  const text = await host.readFile(path).catch(() => undefined);
  return text === undefined ? undefined : { text };
}

/** Forward slashes, no trailing slash (except a bare root), so paths compare as strings. */
function normalize(path: string): string {
  const forward = path.replace(/\\/g, '/');
  return forward.length > 1 ? forward.replace(/\/+$/, '') || '/' : forward;
}
