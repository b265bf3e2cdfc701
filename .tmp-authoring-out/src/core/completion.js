"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TAG_TRIGGER_CHARACTERS = void 0;
exports.tagCompletionContext = tagCompletionContext;
exports.tagCompletions = tagCompletions;
exports.completeTag = completeTag;
exports.collectHandles = collectHandles;
/**
 * Completion inside owner tags and directives, editor-free: given a line and the cursor, what may
 * be typed there. `<!-- owner: |` → roles; `<!-- owner: project/|` → that role's concerns;
 * `<!-- owner: product @|` → handles already used in the workspace's plans;
 * `<!-- pm-lens-disable |` → rule ids; `<!-- |` → `owner:` and the directive names.
 */
const tags_1 = require("./tags");
/** The characters that open a completion inside a tag. */
exports.TAG_TRIGGER_CHARACTERS = [':', '/', '@', ' '];
const DIRECTIVES = [
    { name: 'pm-lens-disable', detail: 'Switch rules off from here (all rules when none is named)' },
    { name: 'pm-lens-enable', detail: 'Switch rules on again from here' },
    { name: 'pm-lens-disable-next-section', detail: 'Switch rules off for the next section only' },
];
const ROLE_WORD = '(product|project|shared|none)';
const HANDLE_CHARS = '[A-Za-z0-9._-]';
/**
 * What can be completed at `character` of `line`, if the cursor is inside an HTML comment that
 * is (or is becoming) an owner tag or a directive. Undefined anywhere else.
 */
function tagCompletionContext(line, character) {
    if (character < 4)
        return undefined;
    const open = line.lastIndexOf('<!--', character - 4);
    if (open < 0)
        return undefined;
    const bodyStart = open + 4;
    if (line.slice(bodyStart, character).includes('-->'))
        return undefined;
    const before = line.slice(bodyStart, character);
    // The word under the cursor runs on to its end (never into `-->`), so a completion replaces all of it.
    const word = (chars) => {
        const start = new RegExp(`${chars}*$`).exec(before)[0].length;
        const end = new RegExp(`^(?:(?!-->)${chars})*`).exec(line.slice(character))[0].length;
        return { start: character - start, end: character + end };
    };
    let m;
    if (/^\s*[\w-]*$/.test(before)) {
        return { type: 'keyword', replace: word('[\\w-]') };
    }
    if ((m = /^\s*owner\s*:(\s*)([A-Za-z]*)$/i.exec(before))) {
        return { type: 'role', replace: word('[A-Za-z]'), spaceBefore: m[1].length > 0 || m[2].length > 0 };
    }
    if ((m = /^\s*owner\s*:\s*(product|project)\s*\/\s*[\w-]*$/i.exec(before))) {
        return { type: 'concern', role: m[1].toLowerCase(), replace: word('[\\w-]') };
    }
    const handle = new RegExp(`^\\s*owner\\s*:\\s*${ROLE_WORD}(?:\\s*/\\s*[\\w-]+)?((?:\\s+@${HANDLE_CHARS}+)*)\\s+(@?${HANDLE_CHARS}*)$`, 'i');
    if ((m = handle.exec(before))) {
        const present = [...(m[2] ?? '').matchAll(new RegExp(`@${HANDLE_CHARS}+`, 'g'))].map((h) => h[0].toLowerCase());
        return { type: 'handle', replace: word(`[@A-Za-z0-9._-]`), present };
    }
    if ((m = /^\s*pm-lens-(?:disable-next-section|disable|enable)((?:[\s,]+[\w-]+)*)[\s,]+[\w-]*$/i.exec(before))) {
        const present = (m[1] ?? '').split(/[\s,]+/).filter(Boolean).map((id) => id.toLowerCase());
        return { type: 'rule', replace: word('[\\w-]'), present };
    }
    return undefined;
}
/** The completions for a context. */
function tagCompletions(context, sources) {
    const sort = (i) => String(i).padStart(3, '0');
    switch (context.type) {
        case 'keyword':
            return [
                {
                    label: 'owner:',
                    kind: 'keyword',
                    detail: 'Owner tag: the role (and concern) that owns this section',
                    documentation: 'Form: <!-- owner: ROLE[/CONCERN] @handle -->. ROLE is product, project, shared or none.',
                    insertText: 'owner: ',
                    replace: context.replace,
                    sortText: sort(0),
                    retrigger: true,
                },
                ...DIRECTIVES.map((d, i) => ({
                    label: d.name,
                    kind: 'keyword',
                    detail: d.detail,
                    insertText: `${d.name} `,
                    replace: context.replace,
                    sortText: sort(i + 1),
                    retrigger: true,
                })),
            ];
        case 'role':
            return tags_1.TAG_ROLES.map((role, i) => ({
                label: role,
                kind: 'role',
                detail: roleDetail(role, sources.taxonomy),
                insertText: (context.spaceBefore ? '' : ' ') + role,
                replace: context.replace,
                sortText: sort(i),
            }));
        case 'concern':
            return (0, tags_1.concernsOf)(context.role, sources.taxonomy).map((name, i) => {
                const def = sources.taxonomy.concerns[name];
                return {
                    label: name,
                    kind: 'concern',
                    detail: `${context.role} · ${def.label}`,
                    documentation: def.description,
                    insertText: name,
                    replace: context.replace,
                    sortText: sort(i),
                };
            });
        case 'handle': {
            const seen = new Set(context.present);
            const out = [];
            for (const handle of [...new Set(sources.handles)].sort((a, b) => a.localeCompare(b))) {
                if (seen.has(handle.toLowerCase()))
                    continue;
                seen.add(handle.toLowerCase());
                out.push({ label: handle, kind: 'handle', detail: 'Owner named in this workspace’s plans', insertText: handle, replace: context.replace, sortText: sort(out.length) });
            }
            return out;
        }
        case 'rule':
            return sources.rules
                .filter((rule) => !context.present.includes(rule.id))
                .map((rule, i) => ({ label: rule.id, kind: 'rule', detail: rule.description, insertText: rule.id, replace: context.replace, sortText: sort(i) }));
    }
}
/** Completions at a position, or none when the cursor is not inside a tag or directive. */
function completeTag(line, character, sources) {
    const context = tagCompletionContext(line, character);
    return context ? tagCompletions(context, sources) : [];
}
function roleDetail(role, taxonomy) {
    if (role === 'shared')
        return 'Owned by product and project on purpose';
    if (role === 'none')
        return 'Owned by neither: glossary, references, architecture';
    const concerns = (0, tags_1.concernsOf)(role, taxonomy);
    return `${role === 'product' ? 'The what and why' : 'The how and when'}: ${concerns.join(', ')}`;
}
/**
 * The handles a document names: in owner tags and under `owners:` in its front matter. Fenced
 * code and inline code are skipped, so examples in documentation do not count.
 */
function collectHandles(text) {
    const found = new Set();
    const handleRe = new RegExp(`@${HANDLE_CHARS}+`, 'g');
    const add = (s) => {
        for (const h of s.matchAll(handleRe))
            found.add(h[0].replace(/[.-]+$/, ''));
    };
    const lines = text.split(/\r\n|\n|\r/);
    let i = 0;
    if (lines[0] !== undefined && /^-{3,}\s*$/.test(lines[0])) {
        // Front matter: the `owners:` mapping (or its inline value) up to the next top-level key.
        let inOwners = false;
        for (i = 1; i < lines.length && !/^(-{3,}|\.{3})\s*$/.test(lines[i]); i++) {
            const line = lines[i];
            const key = /^([^\s#][^:]*):(.*)$/.exec(line);
            if (key) {
                inOwners = key[1].trim() === 'owners';
                if (inOwners)
                    add(key[2].replace(/#.*$/, ''));
            }
            else if (inOwners)
                add(line.replace(/\s#.*$/, ''));
        }
        i++;
    }
    let fence;
    for (; i < lines.length; i++) {
        const line = lines[i];
        const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
        if (fence) {
            if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1])
                fence = undefined;
            continue;
        }
        if (f) {
            fence = f[1];
            continue;
        }
        const plain = line.replace(/(`+)[\s\S]*?\1/g, '');
        for (const tag of plain.matchAll(/<!--\s*owner\s*:([\s\S]*?)(?:-->|$)/gi))
            add(tag[1]);
    }
    return [...found];
}
//# sourceMappingURL=completion.js.map