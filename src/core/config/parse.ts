import { LineIndex } from '../text';
import { defaultConfig } from './defaults';
import { jsonNodeAt, jsonValue, parseJson, type JsonNode } from './json';
import type { PmLensSettings } from './schema';
import { applySettings, readSettings, type ConfigPath, type ProblemSink } from './settings';
import type { ConfigProblem, ResolvedConfig } from './types';

/** A configuration file, read. */
export interface ParsedConfig {
  /** The file's settings laid over the base; the base alone when the file is unreadable. */
  readonly config: ResolvedConfig;
  /** What the file validly sets. */
  readonly settings: PmLensSettings;
  /** Everything wrong in the file, in file order, with the failing key's range. */
  readonly problems: readonly ConfigProblem[];
  readonly file: string;
}

/**
 * Reads the text of a `.pmlens.json` over `base` (the weaker sources merged: the editor's
 * settings over the defaults). Never throws: a syntax error leaves the base as it is, an invalid
 * part is dropped and reported where it stands.
 */
export function parseConfigText(text: string, fileName: string, base: ResolvedConfig = defaultConfig): ParsedConfig {
  const lines = new LineIndex(text);
  const { root, error } = parseJson(text);
  if (!root) {
    const problem: ConfigProblem = {
      message: `${fileName} is not valid JSON: ${error?.message ?? 'unreadable'}; the file is ignored`,
      range: lines.range(error?.start ?? 0, error?.end ?? 0),
      severity: 'error',
      path: [],
    };
    return { config: base, settings: {}, problems: [problem], file: fileName };
  }
  const problems: ConfigProblem[] = [];
  const report: ProblemSink = (path, message, severity, at) => {
    problems.push({ message, severity, path, range: rangeOf(root, path, at, lines) });
  };
  const settings = readSettings(jsonValue(root), report);
  const config = applySettings(base, settings, report);
  problems.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { config, settings, problems, file: fileName };
}

/**
 * Where a path stands in the file: the key when the key is at fault or the value spans lines,
 * else the value. A path that no longer exists falls back to its nearest existing parent.
 */
function rangeOf(root: JsonNode, path: ConfigPath, at: 'key' | 'value', lines: LineIndex) {
  for (let length = path.length; length >= 0; length--) {
    const found = jsonNodeAt(root, path.slice(0, length));
    if (!found) continue;
    const { node, key } = found;
    const end = node.offset + node.length;
    const multiline = lines.positionAt(node.offset).line !== lines.positionAt(end).line;
    if (key && (at === 'key' || length < path.length || multiline)) return lines.range(key.offset, key.offset + key.length);
    return lines.range(node.offset, end);
  }
  return lines.range(0, 0);
}
