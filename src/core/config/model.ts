/**
 * The `model` key of a `.pmlens.json`: a classifier model a team fitted to its own labelled plans
 * (`npm run train -- --corpus DIR --out FILE`). The path is relative to the configuration file's
 * folder and must stay inside it; the file is size-limited and validated. Whatever is wrong gets
 * a problem on the key, and the built-in model stands: a bad model never stops the analysis.
 */
import { loadModel, type LoadedModel } from '../classify/model';
import { problemAt, type ParsedConfig } from './parse';
import type { ConfigHost } from './types';

/** A model file larger than this is refused unread (the built-in one is a few kilobytes). */
export const MAX_MODEL_BYTES = 4 * 1024 * 1024;

/** Models kept loaded, by path, with the text they were read from. */
const CACHED_MODELS = 8;
const cache = new Map<string, { readonly text: string; readonly model: LoadedModel }>();

/**
 * The folder-relative segments of a `model` path, or why it is refused: absolute paths, drive
 * letters, URLs and `..` that climbs out of the configuration file's folder.
 */
export function modelPathSegments(value: string): { segments: string[] } | { refusal: string } {
  if (/^[\\/]/.test(value) || /^[a-z][a-z0-9+.-]*:/i.test(value)) return { refusal: 'must be a path relative to the configuration file\'s folder' };
  const segments: string[] = [];
  for (const part of value.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (segments.pop() === undefined) return { refusal: 'must stay inside the configuration file\'s folder' };
    } else segments.push(part);
  }
  return segments.length > 0 ? { segments } : { refusal: 'names no file' };
}

/**
 * Loads the model a parsed configuration file names (`text` is that file's text, for where to
 * report), and puts it in the configuration. Never throws: a missing, oversized, unreadable or
 * invalid model is a problem on the `model` key, and the configuration keeps the built-in model.
 */
export async function withConfiguredModel(parsed: ParsedConfig, text: string, host: ConfigHost): Promise<ParsedConfig> {
  const value = parsed.settings.model;
  if (value === undefined) return parsed;
  const fail = (why: string): ParsedConfig => ({
    ...parsed,
    problems: [...parsed.problems, problemAt(text, ['model'], `Model '${value}' ${why}; the built-in model is used`)],
  });
  const where = modelPathSegments(value);
  if ('refusal' in where) return fail(where.refusal);
  const file = host.join(host.dirname(parsed.file), ...where.segments);
  if (host.stat) {
    const stat = await host.stat(file).catch(() => undefined);
    if (stat === undefined) return fail(`was not found next to ${parsed.file}`);
    if (stat.type !== 'file') return fail('is not a regular file');
    if (stat.size > MAX_MODEL_BYTES) return fail(`is ${stat.size} bytes, larger than the ${MAX_MODEL_BYTES} bytes a model may have`);
  }
  const modelText = await host.readFile(file).catch(() => undefined);
  if (modelText === undefined) return fail('cannot be read');
  if (modelText.length > MAX_MODEL_BYTES) return fail(`is larger than the ${MAX_MODEL_BYTES} bytes a model may have`);
  const cached = cache.get(file);
  let model = cached?.text === modelText ? cached.model : undefined;
  if (!model) {
    let json: unknown;
    try {
      json = JSON.parse(modelText);
    } catch (error) {
      return fail(`is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
      model = loadModel(json);
    } catch (error) {
      return fail(`is ${error instanceof Error ? error.message : String(error)}`);
    }
    cache.delete(file);
    cache.set(file, { text: modelText, model });
    if (cache.size > CACHED_MODELS) cache.delete(cache.keys().next().value!);
  }
  return { ...parsed, config: { ...parsed.config, model } };
}
