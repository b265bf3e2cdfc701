import { LineIndex } from '../text';
import { defaultConfig } from './defaults';
import { jsonNodeAt, jsonValue, parseJson, type JsonNode } from './jsonc';
import type { PmLensSettings } from './schema';
import { applySettings, readSettings, type ConfigPath, type ProblemSink } from './settings';
import { withoutUntrustedParts } from './trust';
import type { Severity } from '../types';
import type { ConfigProblem, ResolvedConfig } from './types';

/** How a configuration file is read. */
export interface ConfigReadOptions {
  /**
   * Whether the workspace is trusted. Untrusted: the file's regular expressions and globs are
   * reported and left out (`./trust`). The command line is trusted (its user chose to run it on
   * these files); the editor passes `vscode.workspace.isTrusted`.
   */
  readonly trusted: boolean;
}

/** Larger configuration files are refused unread: no configuration needs a megabyte. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Problems listed per file; the rest are counted. */
export const MAX_PROBLEMS = 100;

/** The message for a configuration file over `MAX_CONFIG_BYTES` (after its name). */
export function tooLargeNote(size: number): string {
  return `is ${size} bytes, larger than the ${MAX_CONFIG_BYTES} bytes a configuration file may have; the file is ignored`;
}

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
export function parseConfigText(text: string, fileName: string, base: ResolvedConfig = defaultConfig, options: ConfigReadOptions = { trusted: true }): ParsedConfig {
  if (text.length > MAX_CONFIG_BYTES) {
    const problem: ConfigProblem = { message: `${fileName} ${tooLargeNote(text.length)}`, range: { start: { line: 0, character: 0, offset: 0 }, end: { line: 0, character: 0, offset: 0 } }, severity: 'error', path: [] };
    return { config: base, settings: {}, problems: [problem], file: fileName };
  }
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
  const checked = readSettings(jsonValue(root), report);
  const settings = options.trusted ? checked : withoutUntrustedParts(checked, report);
  const config = applySettings(base, settings, report);
  problems.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { config, settings, problems: capped(problems), file: fileName };
}

/**
 * At most `MAX_PROBLEMS` problems, then one that counts the rest: a file of 20,000 bad items
 * makes a readable report (and a diagnostics list the editor can draw), not 20,000 lines.
 */
function capped(problems: ConfigProblem[]): ConfigProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const last = problems[MAX_PROBLEMS - 1];
  const more = problems.length - MAX_PROBLEMS;
  return [...problems.slice(0, MAX_PROBLEMS), { message: `${more} more ${more === 1 ? 'problem' : 'problems'} after this one are not listed; fix these first`, range: last.range, severity: 'warning', path: last.path }];
}

/**
 * A problem of the part at `path` of a configuration file's text (its value), found again in the
 * text: for checks made after the file was read, such as loading the model it names.
 */
export function problemAt(text: string, path: ConfigPath, message: string, severity: Severity = 'error'): ConfigProblem {
  const { root } = parseJson(text);
  const lines = new LineIndex(text);
  return { message, severity, path, range: root ? rangeOf(root, path, 'value', lines) : lines.range(0, 0) };
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
