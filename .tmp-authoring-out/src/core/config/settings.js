"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readSettings = readSettings;
exports.applySettings = applySettings;
exports.resolveConfig = resolveConfig;
const tags_1 = require("../tags");
const types_1 = require("../taxonomy/types");
const defaults_1 = require("./defaults");
const schema_1 = require("./schema");
/** Enough rounds to peel nested problems (a bad pattern, then the list that held it). */
const MAX_ROUNDS = 8;
/**
 * Checks a settings object (parsed `.pmlens.json`, or the editor's `pmLens.*` settings) against
 * the schema. Every failing part is reported and removed; the rest is kept.
 */
function readSettings(value, report = () => undefined) {
    if (!isPlainObject(value)) {
        report([], `Configuration must be a JSON object, found ${typeName(value)}`, 'error', 'value');
        return {};
    }
    let current = structuredCloneSafe(value);
    const reported = [];
    for (let round = 0; round < MAX_ROUNDS; round++) {
        const result = schema_1.pmLensConfigSchema.safeParse(current);
        if (result.success)
            return result.data;
        const drops = [];
        for (const issue of result.error.issues) {
            const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
            const targets = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...path, k]) : [path];
            for (let target of targets) {
                // A required key that is missing: the object that lacks it goes.
                while (target.length > 0 && valueAt(current, target) === undefined)
                    target = target.slice(0, -1);
                if (target.length === 0) {
                    report([], `Configuration is not valid: ${issue.message}`, 'error', 'value');
                    return {};
                }
                // A part dropped in an earlier round can make its parent fail now: say it once.
                if (!reported.some((r) => startsWith(r, target) || startsWith(target, r))) {
                    const { message, severity, at } = describeIssue(issue, target, current);
                    report(target, message, severity, at);
                    reported.push(target);
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
function applySettings(base, settings, report = () => undefined) {
    if (!Object.values(settings).some((v) => v !== undefined))
        return base;
    const taxonomy = mergeTaxonomy(base.taxonomy, settings, report);
    const kinds = { ...base.kinds };
    const known = Object.keys(taxonomy.concerns);
    for (const [name, patch] of Object.entries(settings.kinds ?? {})) {
        const existing = base.kinds[name];
        const role = patch.role ?? existing?.role;
        if (!role) {
            report(['kinds', name], `New kind '${name}' needs a role: product, project or mixed`, 'error', 'key');
            continue;
        }
        const required = [];
        (patch.required ?? existing?.required ?? []).forEach((concern, i) => {
            if (taxonomy.concerns[concern]) {
                if (!required.includes(concern))
                    required.push(concern);
                return;
            }
            const near = (0, tags_1.nearest)(concern, known);
            report(['kinds', name, 'required', i], `Unknown concern '${concern}' required by kind '${name}'${near ? `: did you mean '${near}'?` : `: known concerns are ${known.join(', ')}`}`, 'warning', 'value');
        });
        kinds[name] = { role, required };
    }
    return {
        rules: { ...base.rules, ...settings.rules },
        documents: settings.documents ?? base.documents,
        kinds,
        taxonomy,
        analyzeAllMarkdown: settings.analyzeAllMarkdown ?? base.analyzeAllMarkdown ?? false,
    };
}
/**
 * Merges configuration sources, strongest first (`.pmlens.json`, then the editor's settings),
 * over `base` (the built-in defaults). Inline directives, the strongest of all, act later,
 * inside the analysis. Invalid parts of any source are dropped silently here; use
 * `parseConfigText` or `readSettings` to hear about them.
 */
function resolveConfig(layers, base = defaults_1.defaultConfig) {
    let config = base;
    for (let i = layers.length - 1; i >= 0; i--) {
        const layer = layers[i];
        if (layer === undefined || layer === null)
            continue;
        config = applySettings(config, readSettings(layer));
    }
    return config;
}
function mergeTaxonomy(base, settings, report) {
    if (!settings.concerns && !settings.neutral)
        return base;
    const concerns = { ...base.concerns };
    for (const [name, patch] of Object.entries(settings.concerns ?? {})) {
        const existing = base.concerns[name];
        if (!existing && !patch.role) {
            report(['concerns', name], `New concern '${name}' needs a role: product or project`, 'error', 'key');
            continue;
        }
        const label = patch.label ?? labelOf(name);
        const start = existing ?? { role: patch.role, label, description: patch.description ?? label, headingTerms: [], bodyTerms: [], tableHeaders: [], patterns: [] };
        const merged = types_1.concernSchema.safeParse(mergeTerms(start, patch));
        if (!merged.success) {
            report(['concerns', name], `Concern '${name}' is not valid: ${merged.error.issues[0]?.message ?? 'unknown problem'}`, 'error', 'key');
            continue;
        }
        concerns[name] = merged.data;
    }
    const neutral = settings.neutral
        ? mergeTerms(base.neutral, settings.neutral)
        : base.neutral;
    return { concerns, neutral };
}
/**
 * Adds a patch's lists to a definition's (or replaces them when `replace` is true); other
 * fields are overwritten.
 */
function mergeTerms(base, patch) {
    const out = { ...base };
    const replace = patch.replace === true;
    for (const [key, value] of Object.entries(patch)) {
        if (key === 'replace' || value === undefined)
            continue;
        const old = base[key];
        if (Array.isArray(value)) {
            out[key] = replace || !Array.isArray(old) ? [...value] : unique([...old, ...value]);
        }
        else if (isPlainObject(value)) {
            out[key] = replace || !isPlainObject(old) ? { ...value } : { ...old, ...value };
        }
        else
            out[key] = value;
    }
    return out;
}
/** Keeps the first of equal entries (terms compare case-insensitively). */
function unique(items) {
    const seen = new Set();
    return items.filter((item) => {
        const key = typeof item === 'string' ? item.toLowerCase() : JSON.stringify(item);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** `user-research` → `User research`. */
function labelOf(name) {
    const words = name.replace(/-/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
}
const TOP_KEYS = Object.keys(schema_1.pmLensConfigSchema.shape);
function describeIssue(issue, path, root) {
    const where = pathText(path);
    const actual = valueAt(root, path);
    switch (issue.code) {
        case 'unrecognized_keys': {
            const key = String(path[path.length - 1]);
            const parent = path.slice(0, -1);
            const siblings = parent.length === 0 ? TOP_KEYS : Object.keys(shapeAt(parent));
            const near = (0, tags_1.nearest)(key.toLowerCase(), siblings);
            const hint = near ? `: did you mean '${near}'?` : siblings.length > 0 ? `: expected one of ${siblings.join(', ')}` : '';
            const what = parent.length === 1 && parent[0] === 'rules' ? 'rule' : parent.length === 0 ? 'setting' : `key in ${pathText(parent)}`;
            return { message: `Unknown ${what} '${key}'${hint}`, severity: 'warning', at: 'key' };
        }
        case 'invalid_key':
            return { message: `'${String(path[path.length - 1])}' is not a valid name in ${pathText(path.slice(0, -1))}: use lower-case letters, digits and '-', starting with a letter`, severity: 'error', at: 'key' };
        case 'invalid_value':
            return { message: `${where} must be one of ${issue.values.map((v) => `'${String(v)}'`).join(', ')}, found ${show(actual)}`, severity: 'error', at: 'value' };
        case 'invalid_type':
            return { message: `${where} must be ${article(issue.expected)}, found ${typeName(actual)}`, severity: 'error', at: 'value' };
        default:
            return { message: `${where}: ${issue.message}`, severity: 'error', at: 'value' };
    }
}
/** The keys the schema allows at an object path (for "did you mean"), when it is an object. */
function shapeAt(path) {
    let schema = schema_1.pmLensConfigSchema;
    for (const segment of path) {
        schema = unwrapSchema(schema);
        const def = schema._zod?.def;
        if (!def)
            return {};
        if (def.type === 'object')
            schema = def.shape[String(segment)];
        else if (def.type === 'record')
            schema = def.valueType;
        else if (def.type === 'array')
            schema = def.element;
        else
            return {};
    }
    const def = unwrapSchema(schema)?._zod?.def;
    return def?.type === 'object' ? def.shape : {};
}
function unwrapSchema(schema) {
    let s = schema;
    while (s?._zod?.def && (s._zod.def.type === 'optional' || s._zod.def.type === 'default'))
        s = s._zod.def.innerType;
    return s;
}
function pathText(path) {
    return path.reduce((text, p) => (typeof p === 'number' ? `${text}[${p}]` : text === '' ? p : `${text}.${p}`), '') || 'configuration';
}
function valueAt(root, path) {
    let value = root;
    for (const segment of path) {
        if (value === null || typeof value !== 'object')
            return undefined;
        value = value[segment];
    }
    return value;
}
function show(value) {
    return typeof value === 'string' ? `'${value}'` : typeName(value);
}
function typeName(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (value === undefined)
        return 'nothing';
    const type = typeof value;
    return type === 'object' ? 'an object' : type === 'string' ? `a string ('${value}')` : `a ${type} (${String(value)})`;
}
function article(expected) {
    return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
function startsWith(path, prefix) {
    return prefix.length <= path.length && prefix.every((p, i) => p === path[i]);
}
function isPlainObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/** A deep copy of plain data, so dropping parts never touches the caller's object. */
function structuredCloneSafe(value) {
    if (Array.isArray(value))
        return value.map(structuredCloneSafe);
    if (isPlainObject(value)) {
        const out = {};
        for (const [k, v] of Object.entries(value))
            Object.defineProperty(out, k, { value: structuredCloneSafe(v), enumerable: true, writable: true, configurable: true });
        return out;
    }
    return value;
}
/** Removes every path; array elements from the highest index down, so indices stay right. */
function dropAll(root, paths) {
    const sorted = [...paths].sort(comparePathsDescending);
    for (const path of sorted) {
        const parent = valueAt(root, path.slice(0, -1));
        const last = path[path.length - 1];
        if (Array.isArray(parent) && typeof last === 'number') {
            if (last < parent.length)
                parent.splice(last, 1);
        }
        else if (isPlainObject(parent))
            delete parent[String(last)];
    }
    return root;
}
function comparePathsDescending(a, b) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
        if (a[i] === b[i])
            continue;
        if (typeof a[i] === 'number' && typeof b[i] === 'number')
            return b[i] - a[i];
        return String(b[i]).localeCompare(String(a[i]));
    }
    return b.length - a.length;
}
//# sourceMappingURL=settings.js.map