"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TOKEN = exports.CHANNEL_WEIGHTS = void 0;
exports.compileTaxonomy = compileTaxonomy;
exports.stem = stem;
exports.termTokens = termTokens;
/**
 * How much a term weighs by where it was found (rows) and which list of the taxonomy names it
 * (columns): a heading term in a heading is the strongest signal there is.
 */
exports.CHANNEL_WEIGHTS = {
    heading: { heading: 3, body: 1.2, table: 0.8 },
    body: { heading: 1, body: 1, table: 0.5 },
    table: { heading: 1.5, body: 1, table: 2 },
};
const cache = new WeakMap();
/** The compiled form of a taxonomy, built on first use and cached per taxonomy object. */
function compileTaxonomy(taxonomy) {
    let compiled = cache.get(taxonomy);
    if (!compiled) {
        compiled = build(taxonomy);
        cache.set(taxonomy, compiled);
    }
    return compiled;
}
/** Words, plus `&` (read as "and", so "Roles & Responsibilities" matches "roles and responsibilities"). */
exports.TOKEN = /[\p{L}\p{N}]+|&/gu;
/** Reduces a lower-case word to a plural-insensitive stem: risks → risk, dependencies → dependency. */
function stem(word) {
    const n = word.length;
    if (n <= 3)
        return word;
    const last = word.charCodeAt(n - 1);
    if (last !== 115 /* s */)
        return word;
    if (word.endsWith('ies') && n > 4)
        return word.slice(0, -3) + 'y';
    if (word.endsWith('sses'))
        return word.slice(0, -2);
    if (/(?:ch|sh|x|z)es$/.test(word))
        return word.slice(0, -2);
    if (/(?:ss|us|is)$/.test(word))
        return word;
    return word.slice(0, -1);
}
/** The stemmed tokens of a term as written in the taxonomy. */
function termTokens(term) {
    return (term.toLowerCase().match(exports.TOKEN) ?? []).map((t) => (t === '&' ? 'and' : stem(t)));
}
function build(taxonomy) {
    const words = new Map();
    const phraseMap = new Map();
    const prefixMap = new Map();
    const headingPatterns = [];
    const bodyPatterns = [];
    const structures = new Map();
    const roles = new Map();
    // One entry per (concern, term): listing a term in several lists keeps the best weight per channel.
    const entries = new Map();
    const entryFor = (key, concern, role) => {
        const found = entries.get(key);
        if (found)
            return { entry: found, fresh: false };
        const entry = { key, concern, role, weights: { heading: 0, body: 0, table: 0 } };
        entries.set(key, entry);
        return { entry, fresh: true };
    };
    const weigh = (entry, source, factor) => {
        for (const channel of ['heading', 'body', 'table']) {
            entry.weights[channel] = Math.max(entry.weights[channel], exports.CHANNEL_WEIGHTS[channel][source] * factor);
        }
    };
    const add = (term, concern, role, source, factors) => {
        const raw = term.trim();
        const factor = factors?.[raw] ?? factors?.[raw.toLowerCase()] ?? 1;
        if (raw.endsWith('*')) {
            const prefix = raw.slice(0, -1).toLowerCase();
            if (!/^[\p{L}\p{N}]{3,}$/u.test(prefix))
                return;
            const { entry, fresh } = entryFor(`${concern}\u0000${prefix}*`, concern, role);
            weigh(entry, source, factor);
            if (!fresh)
                return;
            const bucket = prefixMap.get(prefix.slice(0, 3)) ?? new Map();
            prefixMap.set(prefix.slice(0, 3), bucket);
            const found = bucket.get(prefix);
            if (found)
                found.entries.push(entry);
            else
                bucket.set(prefix, { prefix, entries: [entry] });
            return;
        }
        const tokens = termTokens(raw);
        if (tokens.length === 0)
            return;
        const { entry, fresh } = entryFor(`${concern}\u0000${tokens.join(' ')}`, concern, role);
        weigh(entry, source, factor);
        if (!fresh)
            return;
        if (tokens.length === 1) {
            const list = words.get(tokens[0]) ?? [];
            words.set(tokens[0], list);
            list.push(entry);
            return;
        }
        const bucket = phraseMap.get(tokens[0]) ?? new Map();
        phraseMap.set(tokens[0], bucket);
        const restKey = tokens.slice(1).join(' ');
        const found = bucket.get(restKey);
        if (found)
            found.entries.push(entry);
        else
            bucket.set(restKey, { rest: tokens.slice(1), entries: [entry] });
    };
    const addPatterns = (patterns, concern, role) => {
        for (const def of patterns ?? []) {
            const source = { def, concern, role };
            if (def.where !== 'heading')
                bodyPatterns.push(source);
            if (def.where !== 'body')
                headingPatterns.push(source);
        }
    };
    for (const [name, def] of Object.entries(taxonomy.concerns)) {
        roles.set(name, def.role);
        for (const t of def.headingTerms)
            add(t, name, def.role, 'heading', def.termWeights);
        for (const t of def.bodyTerms)
            add(t, name, def.role, 'body', def.termWeights);
        for (const t of def.tableHeaders)
            add(t, name, def.role, 'table', def.termWeights);
        addPatterns(def.patterns, name, def.role);
        for (const kind of def.structures ?? []) {
            const list = structures.get(kind) ?? [];
            structures.set(kind, list);
            list.push({ concern: name, role: def.role });
        }
    }
    const neutral = taxonomy.neutral;
    for (const t of neutral.headingTerms)
        add(t, 'none', 'none', 'heading', neutral.termWeights);
    for (const t of neutral.bodyTerms)
        add(t, 'none', 'none', 'body', neutral.termWeights);
    for (const t of neutral.tableHeaders ?? [])
        add(t, 'none', 'none', 'table', neutral.termWeights);
    addPatterns(neutral.patterns, 'none', 'none');
    // Longest phrase first, so "non functional requirement" wins over "non functional".
    const phrases = new Map();
    for (const [first, bucket] of phraseMap)
        phrases.set(first, [...bucket.values()].sort((a, b) => b.rest.length - a.rest.length));
    const prefixes = new Map();
    for (const [key, bucket] of prefixMap)
        prefixes.set(key, [...bucket.values()]);
    return {
        words,
        phrases,
        prefixes,
        headingPatterns: combinePatterns(headingPatterns),
        bodyPatterns: combinePatterns(bodyPatterns),
        structures,
        roles,
    };
}
/**
 * Joins patterns into one alternation `(a)|(b)|…` so a block of text is scanned once, not once per
 * pattern. The wrapping group of each is found by counting the groups the ones before it hold.
 * Patterns that would change meaning when renumbered (back-references, named groups) run alone;
 * a pattern that does not compile is left out (configuration validation reports it).
 */
function combinePatterns(sources) {
    const patterns = [];
    const parts = [];
    let group = 1;
    for (const { def, concern, role } of sources) {
        let groups;
        try {
            groups = (new RegExp(`${def.regex}|`, 'iu').exec('') ?? []).length - 1;
        }
        catch {
            continue;
        }
        if (/\\[1-9]|\\k<|\(\?<[A-Za-z]/.test(def.regex)) {
            patterns.push({ name: def.name, concern, role, weight: def.weight, group: -1, alone: new RegExp(def.regex, 'giu') });
            continue;
        }
        patterns.push({ name: def.name, concern, role, weight: def.weight, group, alone: undefined });
        parts.push(`(${def.regex})`);
        group += groups + 1;
    }
    return { combined: parts.length > 0 ? new RegExp(parts.join('|'), 'giu') : undefined, patterns };
}
//# sourceMappingURL=compile.js.map