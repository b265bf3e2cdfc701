/**
 * Where the command line meets the core's configuration loading and plan detection, so the CLI
 * and the editor load configuration the same way and agree on what a plan is.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../core/config/defaults';
import { loadConfigFor, readConfigText, refusalOf } from '../core/config/load';
import { parseConfigText, type ParsedConfig } from '../core/config/parse';
import type { PmLensSettings } from '../core/config/schema';
import type { ConfigHost, ConfigProblem, FileStat, ResolvedConfig } from '../core/config/types';
import { describeError } from './files';

/** A problem of a configuration file, with the file it is in. */
export interface ConfigIssue {
  readonly file: string;
  readonly problem: ConfigProblem;
}

export interface FileConfig {
  readonly config: ResolvedConfig;
  /** Problems of the configuration file that applies; the parts at fault are ignored. */
  readonly issues: readonly ConfigIssue[];
}

/** Configuration for each file: `--config FILE` for all, else the nearest `.pmlens.json` up the tree. */
export interface ConfigSource {
  configFor(absolutePath: string): Promise<FileConfig>;
}

/** The core's file access, on Node's `fs`. */
export const nodeConfigHost: ConfigHost = {
  async readFile(file) {
    try {
      return await fs.promises.readFile(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  async stat(file) {
    try {
      return fileStat(await fs.promises.stat(file));
    } catch {
      return undefined;
    }
  },
  dirname: (file) => path.dirname(file),
  join: (...parts) => path.join(...parts),
};

/**
 * A small regular file's text, why it is refused (a FIFO would block forever, /dev/zero never
 * end, a configuration or ignore file needs no megabyte), or undefined when there is none.
 */
export function readSmallFile(file: string): { text: string } | { refusal: string } | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return undefined;
  }
  const refusal = refusalOf(fileStat(stat));
  if (refusal) return { refusal };
  try {
    return { text: fs.readFileSync(file, 'utf8') };
  } catch (error) {
    return { refusal: `cannot be read: ${describeError(error)}` };
  }
}

/**
 * The `.pmlens.json` files of one run, each parsed once (trusted, over the defaults): the
 * configuration of the files and the `ignores` of their folders read the same parse.
 */
export class ConfigFiles {
  private readonly parsed = new Map<string, ParsedConfig>();
  private readonly texts = new Map<string, string>();
  /** How many times a file's text was parsed (not found parsed already). */
  parses = 0;

  /** Parses `text` of `file`, or returns the parse of the same text made before. */
  readonly parse = (text: string, file: string): ParsedConfig => {
    const known = this.parsed.get(file);
    if (known && this.texts.get(file) === text) return known;
    const parsed = parseConfigText(text, file);
    this.parses++;
    this.parsed.set(file, parsed);
    this.texts.set(file, text);
    return parsed;
  };

  /** What the `.pmlens.json` in `folder` validly sets; nothing when there is none or it is refused. */
  settingsIn(folder: string): PmLensSettings | undefined {
    const file = path.join(folder, CONFIG_FILE_NAME);
    const read = readSmallFile(file);
    return read && 'text' in read ? this.parse(read.text, file).settings : undefined;
  }
}

/**
 * Opens the configuration source. A `--config` file that cannot be read is an error message; one
 * that reads badly is loaded as far as it is valid, its problems reported with every file.
 * `files` keeps each configuration file's parse for the ignore rules of the same run.
 */
export function openConfigSource(explicit: string | undefined, cwd: string, files: ConfigFiles = new ConfigFiles()): ConfigSource | { readonly error: string } {
  const issuesOf = (found: { readonly file: string | undefined; readonly problems: readonly ConfigProblem[] }): ConfigIssue[] =>
    found.file !== undefined ? found.problems.map((problem) => ({ file: found.file!, problem })) : [];
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit);
    const read = readSmallFile(file);
    if (read === undefined) return { error: `cannot read configuration '${explicit}': no such file or directory` };
    if ('refusal' in read) return { error: `cannot read configuration '${explicit}': it ${read.refusal}` };
    const loaded = readConfigText(read.text, file, nodeConfigHost, undefined, { trusted: true, parse: files.parse }).then((parsed) => ({ config: parsed.config, issues: issuesOf(parsed) }));
    return { configFor: () => loaded };
  }
  // Every file of a folder has the same nearest configuration: look it up once per folder.
  const byFolder = new Map<string, Promise<FileConfig>>();
  return {
    configFor(absolutePath) {
      const folder = path.dirname(absolutePath);
      let loaded = byFolder.get(folder);
      if (!loaded) {
        // Never above the folder the command started in (nor above a repository root) for the
        // files inside it; files named outside it stop at their repository root.
        const rel = path.relative(cwd, absolutePath);
        const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
        loaded = loadConfigFor(absolutePath, nodeConfigHost, inside ? cwd : undefined, undefined, { trusted: true, parse: files.parse }).then((found) => ({
          config: found.config,
          issues: issuesOf(found),
        }));
        byFolder.set(folder, loaded);
      }
      return loaded;
    },
  };
}

function fileStat(stat: fs.Stats): FileStat {
  return { type: stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other', size: stat.size };
}
