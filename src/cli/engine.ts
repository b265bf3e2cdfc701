/**
 * Where the command line meets the core's configuration loading and plan detection, so the CLI
 * and the editor load configuration the same way and agree on what a plan is.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfigFor, refusalOf } from '../core/config/load';
import { parseConfigText } from '../core/config/parse';
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
 * Opens the configuration source. A `--config` file that cannot be read is an error message; one
 * that reads badly is loaded as far as it is valid, its problems reported with every file.
 */
export function openConfigSource(explicit: string | undefined, cwd: string): ConfigSource | { readonly error: string } {
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit);
    let text: string;
    try {
      // Looked at before it is opened: a FIFO would block forever, /dev/zero never end.
      const refusal = refusalOf(fileStat(fs.statSync(file)));
      if (refusal) return { error: `cannot read configuration '${explicit}': it ${refusal}` };
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      return { error: `cannot read configuration '${explicit}': ${describeError(error)}` };
    }
    const parsed = parseConfigText(text, file);
    const loaded: FileConfig = { config: parsed.config, issues: parsed.problems.map((problem) => ({ file, problem })) };
    return { configFor: async () => loaded };
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
        loaded = loadConfigFor(absolutePath, nodeConfigHost, inside ? cwd : undefined).then((found) => ({
          config: found.config,
          issues: found.file !== undefined ? found.problems.map((problem) => ({ file: found.file!, problem })) : [],
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
