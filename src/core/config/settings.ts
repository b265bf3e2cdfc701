/**
 * Validating one source of settings and merging sources into the configuration the engine runs
 * on. A bad part never spoils the rest: it is reported and dropped, and what lies under it stands.
 */
import type { z } from 'zod';
import { didYouMean, nearest } from '../tags';
import { concernSchema, inCapitals, type ConcernDef, type Taxonomy } from '../taxonomy/types';
import type { Severity } from '../types';
import { defaultConfig } from './defaults';
import { dictionary, own, taxonomyDictionaries } from './dictionary';
import { pmLensConfigSchema, type ConcernPatch, type NeutralPatch, type PmLensSettings } from './schema';
import type { KindDef, ResolvedConfig } from './types';

/** Where a part stands in a settings object: keys and array indices. */
export type ConfigPath = readonly (string | number)[];

/**
 * Receives each problem: where it is (`at` says whether the key or its value is at fault), what,
 * and how bad.
 */
export type ProblemSink = (path: ConfigPath, message: string, severity: Severity, at: 'key' | 'value') => void;

/** Problems described with hints; later ones get the plain message. */
const DESCRIBED_IN_FULL = 200;

/** Enough rounds to peel nested problems (a bad pattern, then the list that held it). */
const MAX_ROUNDS = 8;

/**
 * Checks a settings object (parsed `.pmlens.json`, or the editor's `pmLens.*` settings) against
 * the schema. Every failing part is reported and removed; the rest is kept.
 */
export function readSettings(value: unknown, report: ProblemSink = () => undefined): PmLensSettings {
  if (!isPlainObject(value)) {
    report([], `Configuration must be a JSON object, found ${typeName(value)}`, 'error', 'value');
    return {};
  }
  let current = structuredCloneSafe(value) as Record<string, unknown>;
  const reported = new ReportedPaths();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = pmLensConfigSchema.safeParse(current);
    if (result.success) return result.data as PmLensSettings;
    const drops: ConfigPath[] = [];
    for (const issue of result.error.issues) {
      const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
      const targets: ConfigPath[] = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...path, k]) : [path];
      for (let target of targets) {
        // A required key that is missing: the object that lacks it goes.
        while (target.length > 0 && valueAt(current, target) === undefined) target = target.slice(0, -1);
        if (target.length === 0) {
          report([], `Configuration is not valid: ${issue.message}`, 'error', 'value');
          return {};
        }
        // A part dropped in an earlier round can make its parent fail now: say it once.
        if (!reported.overlaps(target)) {
          // Past a few hundred, nobody reads the hints ("did you mean"): spare their cost.
          const { message, severity, at } = reported.size < DESCRIBED_IN_FULL ? describeIssue(issue, target, current) : briefly(issue, target);
          report(target, message, severity, at);
          reported.add(target);
        }
        drops.push(target);
      }
    }
    current = dropAll(current, drops);
  }
  return {};
}

/**
 * Lays one source's settings over `base` (the weaker sources already merged). Parts that make
 * no sense against the base — a new kind or concern without a role, a required concern nobody
 * defines — are reported and left out.
 */
export function applySettings(base: ResolvedConfig, settings: PmLensSettings, report: ProblemSink = () => undefined): ResolvedConfig {
  if (!Object.values(settings).some((v) => v !== undefined)) return base;
  const taxonomy = mergeTaxonomy(base.taxonomy, settings, report);
  const kinds = dictionary<KindDef>(base.kinds);
  const known = Object.keys(taxonomy.concerns);
  for (const [name, patch] of Object.entries(settings.kinds ?? {})) {
    const existing = own(base.kinds, name);
    const role = patch.role ?? existing?.role;
    if (!role) {
      report(['kinds', name], `New kind '${name}' needs a role: product, project or mixed`, 'error', 'key');
      continue;
    }
    const required: string[] = [];
    (patch.required ?? existing?.required ?? []).forEach((concern, i) => {
      if (own(taxonomy.concerns, concern)) {
        if (!required.includes(concern)) required.push(concern);
        return;
      }
      const near = nearest(concern, known);
      report(['kinds', name, 'required', i], `Unknown concern '${concern}' required by kind '${name}': ${didYouMean(near, `known concerns are ${known.join(', ')}`)}`, 'warning', 'value');
    });
    kinds[name] = { role, required };
  }
  return {
    rules: dictionary({ ...base.rules, ...settings.rules }),
    documents: settings.documents ?? base.documents,
    kinds,
    taxonomy,
    analyzeAllMarkdown: settings.analyzeAllMarkdown ?? base.analyzeAllMarkdown ?? false,
    ...((settings.asOf ?? base.asOf) !== undefined ? { asOf: settings.asOf ?? base.asOf } : {}),
  };
}

/**
 * Merges configuration sources, strongest first (`.pmlens.json`, then the editor's settings),
 * over `base` (the built-in defaults). Inline directives, the strongest of all, act later,
 * inside the analysis. Invalid parts of any source are dropped silently here; use
 * `parseConfigText` or `readSettings` to hear about them.
 */
export function resolveConfig(layers: readonly unknown[], base: ResolvedConfig = defaultConfig): ResolvedConfig {
  let config = base;
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i];
    if (layer === undefined || layer === null) continue;
    config = applySettings(config, readSettings(layer));
  }
  return config;
}

function mergeTaxonomy(base: Taxonomy, settings: PmLensSettings, report: ProblemSink): Taxonomy {
  if (!settings.concerns && !settings.neutral) return taxonomyDictionaries(base);
  const concerns = dictionary<ConcernDef>(base.concerns);
  for (const [name, patch] of Object.entries(settings.concerns ?? {})) {
    const existing = own(base.concerns, name);
    if (!existing && !patch.role) {
      report(['concerns', name], `New concern '${name}' needs a role: product or project`, 'error', 'key');
      continue;
    }
    const label = patch.label ?? labelOf(name);
    const start: ConcernDef = existing ?? { role: patch.role!, label, description: patch.description ?? label, headingTerms: [], bodyTerms: [], tableHeaders: [], patterns: [] };
    const merged = concernSchema.safeParse(mergeTerms(start as unknown as Record<string, unknown>, patch));
    if (!merged.success) {
      report(['concerns', name], `Concern '${name}' is not valid: ${merged.error.issues[0]?.message ?? 'unknown problem'}`, 'error', 'key');
      continue;
    }
    concerns[name] = merged.data;
  }
  const neutral = settings.neutral
    ? (mergeTerms(base.neutral as unknown as Record<string, unknown>, settings.neutral) as unknown as Taxonomy['neutral'])
    : base.neutral;
  return taxonomyDictionaries({ concerns, neutral });
}

/**
 * Adds a patch's lists to a definition's (or replaces them when `replace` is true); other
 * fields are overwritten.
 */
function mergeTerms(base: Record<string, unknown>, patch: ConcernPatch | NeutralPatch): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  const replace = patch.replace === true;
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'replace' || value === undefined) continue;
    const old = own(base, key);
    if (Array.isArray(value)) {
      out[key] = replace || !Array.isArray(old) ? [...value] : unique([...old, ...value]);
    } else if (isPlainObject(value)) {
      out[key] = replace || !isPlainObject(old) ? { ...value } : { ...old, ...value };
    } else out[key] = value;
  }
  return out;
}

/** Keeps the first of equal entries (terms compare as they match: case-insensitively, but an acronym in capitals is a term of its own). */
function unique(items: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = typeof item === 'string' ? (inCapitals(item.trim()) ? item.trim() : item.toLowerCase()) : JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `user-research` → `User research`. */
function labelOf(name: string): string {
  const words = name.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const TOP_KEYS = Object.keys(pmLensConfigSchema.shape);

function describeIssue(issue: z.core.$ZodIssue, path: ConfigPath, root: unknown): { message: string; severity: Severity; at: 'key' | 'value' } {
  const where = pathText(path);
  const actual = valueAt(root, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = String(path[path.length - 1]);
      const parent = path.slice(0, -1);
      const siblings = parent.length === 0 ? TOP_KEYS : Object.keys(shapeAt(parent));
      const near = nearest(key.toLowerCase(), siblings);
      const hint = near !== undefined || siblings.length > 0 ? `: ${didYouMean(near, `expected one of ${siblings.join(', ')}`)}` : '';
      const what = parent.length === 1 && parent[0] === 'rules' ? 'rule' : parent.length === 0 ? 'setting' : `key in ${pathText(parent)}`;
      return { message: `Unknown ${what} '${key}'${hint}`, severity: 'warning', at: 'key' };
    }
    case 'invalid_key':
      return { message: `'${String(path[path.length - 1])}' is not a valid name in ${pathText(path.slice(0, -1))}: use lower-case letters, digits and '-', starting with a letter`, severity: 'error', at: 'key' };
    case 'invalid_value':
      return { message: `${where} must be one of ${issue.values.map((v) => `'${String(v)}'`).join(', ')}, found ${show(actual)}`, severity: 'error', at: 'value' };
    case 'invalid_type':
      return { message: `${where} must be ${article(issue.expected)}, found ${typeName(actual)}`, severity: 'error', at: 'value' };
    case 'invalid_format':
      if (issue.format === 'regex' && typeof actual === 'string') {
        return { message: `${where} must be a name of lower-case letters, digits and '-', starting with a letter, found ${show(actual)}`, severity: 'error', at: 'value' };
      }
      return { message: `${where}: ${issue.message}`, severity: 'error', at: 'value' };
    default:
      return { message: `${where}: ${issue.message}`, severity: 'error', at: 'value' };
  }
}

function briefly(issue: z.core.$ZodIssue, path: ConfigPath): { message: string; severity: Severity; at: 'key' | 'value' } {
  if (issue.code === 'unrecognized_keys') return { message: `Unknown key '${String(path[path.length - 1])}' in ${pathText(path.slice(0, -1))}`, severity: 'warning', at: 'key' };
  return { message: `${pathText(path)}: ${issue.message}`, severity: 'error', at: 'value' };
}

/** The keys the schema allows at an object path (for "did you mean"), when it is an object. */
function shapeAt(path: ConfigPath): Record<string, unknown> {
  let schema: unknown = pmLensConfigSchema;
  for (const segment of path) {
    schema = unwrapSchema(schema);
    const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return {};
    if (def.type === 'object') schema = (def.shape as Record<string, unknown>)[String(segment)];
    else if (def.type === 'record') schema = def.valueType;
    else if (def.type === 'array') schema = def.element;
    else return {};
  }
  const def = (unwrapSchema(schema) as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
  return def?.type === 'object' ? (def.shape as Record<string, unknown>) : {};
}

function unwrapSchema(schema: unknown): unknown {
  let s = schema as { _zod?: { def?: { type?: string; innerType?: unknown } } } | undefined;
  while (s?._zod?.def && (s._zod.def.type === 'optional' || s._zod.def.type === 'default')) s = s._zod.def.innerType as typeof s;
  return s;
}

function pathText(path: ConfigPath): string {
  return path.reduce<string>((text, p) => (typeof p === 'number' ? `${text}[${p}]` : text === '' ? p : `${text}.${p}`), '') || 'configuration';
}

function valueAt(root: unknown, path: ConfigPath): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : typeName(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'nothing';
  const type = typeof value;
  return type === 'object' ? 'an object' : type === 'string' ? `a string ('${value as string}')` : `a ${type} (${String(value)})`;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/**
 * The paths already reported, asked whether a new path lies inside one of them or holds one: in
 * time proportional to the path's depth, not to how many were reported (a file of 20,000 bad
 * items is still read at once).
 */
class ReportedPaths {
  private readonly exact = new Set<string>();
  /** Every proper prefix of a reported path. */
  private readonly ancestors = new Set<string>();

  overlaps(path: ConfigPath): boolean {
    if (this.ancestors.has(pathKey(path))) return true;
    for (let length = 0; length <= path.length; length++) if (this.exact.has(pathKey(path.slice(0, length)))) return true;
    return false;
  }

  get size(): number {
    return this.exact.size;
  }

  add(path: ConfigPath): void {
    this.exact.add(pathKey(path));
    for (let length = 0; length < path.length; length++) this.ancestors.add(pathKey(path.slice(0, length)));
  }
}

/** A path as one string; numbers and strings stay apart (`0` is not `'0'`). */
function pathKey(path: ConfigPath): string {
  let key = '';
  for (const part of path) key += typeof part === 'number' ? `\u0000${part}` : `\u0001${part}`;
  return key;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A deep copy of plain data, so dropping parts never touches the caller's object. */
function structuredCloneSafe(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structuredCloneSafe);
  if (isPlainObject(value)) {
    return dictionary(Object.entries(value).map(([k, v]) => [k, structuredCloneSafe(v)] as const));
  }
  return value;
}

/**
 * Removes every path. Array items are marked first and filtered out once per array (splicing
 * them one by one would be quadratic in a long list), so indices stay right.
 */
function dropAll(root: Record<string, unknown>, paths: readonly ConfigPath[]): Record<string, unknown> {
  const dropped = new Map<unknown[], Set<number>>();
  for (const path of paths) {
    const parent = valueAt(root, path.slice(0, -1));
    const last = path[path.length - 1];
    if (Array.isArray(parent) && typeof last === 'number') {
      let indexes = dropped.get(parent);
      if (!indexes) dropped.set(parent, (indexes = new Set()));
      indexes.add(last);
    } else if (isPlainObject(parent)) delete parent[String(last)];
  }
  for (const [array, indexes] of dropped) {
    const kept = array.filter((_, i) => !indexes.has(i));
    array.length = 0;
    for (const item of kept) array.push(item);
  }
  return root;
}
