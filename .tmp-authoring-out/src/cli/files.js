"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.expandInputs = expandInputs;
exports.describeError = describeError;
/**
 * Turns the command line's files, folders and globs into the files to read. Globs are expanded
 * here (quoted `"**\/*.md"` works the same in every shell) with picomatch over a walk of the
 * folder tree that never enters `node_modules` or `.git`.
 */
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const picomatch_1 = __importDefault(require("picomatch"));
/** Extensions a folder walk picks up. */
const MARKDOWN = /\.(md|markdown)$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
/**
 * Expands arguments, in order, without duplicates. A file is explicit; a folder yields its
 * Markdown files; a glob yields the files it matches; `!glob` drops matches of walked files.
 */
function expandInputs(args, cwd) {
    const problems = [];
    const byPath = new Map();
    const add = (file) => {
        const known = byPath.get(file.absolute);
        if (!known)
            byPath.set(file.absolute, file);
        else if (file.explicit && !known.explicit)
            byPath.set(file.absolute, { ...known, explicit: true });
    };
    const negations = args.filter((a) => a.startsWith('!') && a.length > 1).map((a) => (0, picomatch_1.default)(stripDotSlash(a.slice(1)), { dot: true }));
    const excluded = (display) => negations.some((isMatch) => isMatch(stripDotSlash(display)));
    for (const arg of args) {
        if (arg.startsWith('!') && arg.length > 1)
            continue;
        const scan = picomatch_1.default.scan(arg);
        if (scan.isGlob) {
            const base = scan.prefix + scan.base;
            const isMatch = (0, picomatch_1.default)(scan.glob);
            let found = 0;
            for (const rel of walk(path.resolve(cwd, base || '.'), () => true)) {
                if (!isMatch(rel))
                    continue;
                const display = base ? `${base.replace(/\/+$/, '')}/${rel}` : rel;
                if (excluded(display))
                    continue;
                add({ display, absolute: path.resolve(cwd, base || '.', rel), explicit: false });
                found++;
            }
            if (found === 0)
                problems.push(`no files match '${arg}'`);
            continue;
        }
        const absolute = path.resolve(cwd, arg);
        let stat;
        try {
            stat = fs.statSync(absolute);
        }
        catch (error) {
            problems.push(`cannot read '${arg}': ${describeError(error)}`);
            continue;
        }
        if (stat.isDirectory()) {
            for (const rel of walk(absolute, (name) => MARKDOWN.test(name))) {
                // The working folder itself (`.`, the default) needs no prefix.
                const prefix = arg.replace(/[\\/]+$/, '');
                const display = prefix === '.' ? rel : `${prefix}/${rel}`;
                if (!excluded(display))
                    add({ display, absolute: path.join(absolute, rel), explicit: false });
            }
        }
        else
            add({ display: arg, absolute, explicit: true });
    }
    return { files: [...byPath.values()], problems };
}
/** Files under `root` (relative, forward slashes, sorted by path), skipping node_modules and .git. */
function walk(root, wanted) {
    const found = [];
    const stack = [''];
    while (stack.length > 0) {
        const rel = stack.pop();
        let entries;
        try {
            entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
        }
        catch {
            continue;
        }
        const folders = [];
        for (const entry of entries) {
            const child = rel ? `${rel}/${entry.name}` : entry.name;
            let isFile = entry.isFile();
            // Symlinked files count; symlinked folders are not followed (no cycles).
            if (entry.isSymbolicLink()) {
                try {
                    isFile = fs.statSync(path.join(root, child)).isFile();
                }
                catch {
                    isFile = false;
                }
            }
            if (entry.isDirectory()) {
                if (!SKIPPED_FOLDERS.has(entry.name))
                    folders.push(child);
            }
            else if (isFile && wanted(entry.name))
                found.push(child);
        }
        stack.push(...folders);
    }
    // Code-unit order, not locale order: the same on every machine.
    return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
function stripDotSlash(p) {
    return p.replace(/^\.\//, '');
}
/** A short reason for a failed file operation: `no such file or directory`, not a stack. */
function describeError(error) {
    const e = error;
    switch (e?.code) {
        case 'ENOENT':
            return 'no such file or directory';
        case 'EACCES':
        case 'EPERM':
            return 'permission denied';
        case 'EISDIR':
            return 'is a folder';
        default:
            return e?.message ?? String(error);
    }
}
//# sourceMappingURL=files.js.map