import { CONFIG_FILE_NAME, defaultConfig } from './defaults';
import { parseConfigText, type ParsedConfig } from './parse';
import type { ConfigHost, ResolvedConfig } from './types';

/** The configuration that applies to one document, and the file it came from. */
export interface LoadedConfig extends Omit<ParsedConfig, 'file'> {
  /** The `.pmlens.json` found, if any. */
  readonly file: string | undefined;
}

/** A guard against a host whose `dirname` never reaches a root. */
const MAX_LEVELS = 128;

/**
 * Finds the `.pmlens.json` nearest to `filePath` up the folder tree, not above `stopAt` (the
 * workspace folder), and reads it over `base` (the editor's settings over the defaults). No file
 * means `base`. A file outside `stopAt` gets no configuration file at all.
 */
export async function loadConfigFor(filePath: string, host: ConfigHost, stopAt?: string, base: ResolvedConfig = defaultConfig): Promise<LoadedConfig> {
  const none: LoadedConfig = { config: base, settings: {}, problems: [], file: undefined };
  const stop = stopAt !== undefined ? normalize(stopAt) : undefined;
  let dir = host.dirname(filePath);
  for (let level = 0; level < MAX_LEVELS; level++) {
    const here = normalize(dir);
    if (stop !== undefined && here !== stop && !here.startsWith(stop.endsWith('/') ? stop : stop + '/')) return none;
    const candidate = host.join(dir, CONFIG_FILE_NAME);
    let text: string | undefined;
    try {
      text = await host.readFile(candidate);
    } catch {
      text = undefined;
    }
    if (text !== undefined) return { ...parseConfigText(text, candidate, base), file: candidate };
    if (here === stop) return none;
    const parent = host.dirname(dir);
    if (parent === dir || parent === '') return none;
    dir = parent;
  }
  return none;
}

/** Forward slashes, no trailing slash (except a bare root), so paths compare as strings. */
function normalize(path: string): string {
  const forward = path.replace(/\\/g, '/');
  return forward.length > 1 ? forward.replace(/\/+$/, '') || '/' : forward;
}
