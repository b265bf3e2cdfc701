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
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConfigService = void 0;
exports.workspaceFsHost = workspaceFsHost;
exports.posixDirname = posixDirname;
/**
 * Configuration for each document, loaded the way the command line loads it: the nearest
 * `.pmlens.json` up the folder tree (not above the workspace folder) over the `pmLens.*`
 * settings over the built-in defaults. Files are read through `vscode.workspace.fs`, so it works
 * in the browser and in virtual workspaces. A configuration file with problems gets diagnostics
 * on itself and a line in the output channel; the rest of it, or the defaults, stand.
 */
const vscode = __importStar(require("vscode"));
const constants_1 = require("./constants");
const convert_1 = require("./convert");
const lazy_1 = require("./lazy");
const log_1 = require("./log");
const settings_1 = require("./settings");
class ConfigService {
    log;
    changed = new vscode.EventEmitter();
    /** Fires when a configuration file or a `pmLens.*` setting changed: analyse again. */
    onDidChange = this.changed.event;
    /** Loaded configuration per folder of a document (`scheme://authority/path`). */
    byFolder = new Map();
    /** The base (settings over defaults) per workspace folder ('' for none). */
    bases = new Map();
    /** What the output channel last said about each folder's configuration. */
    announced = new Map();
    /** The problems last published per configuration file, so each is logged once. */
    published = new Map();
    diagnostics = vscode.languages.createDiagnosticCollection(`${constants_1.DIAGNOSTIC_SOURCE}-config`);
    disposables = [];
    constructor(log) {
        this.log = log;
        this.disposables.push(this.changed, this.diagnostics);
    }
    /**
     * Watches configuration files and reports the problems of those in the workspace. Called once,
     * after activation returned (the scan reads the file system).
     */
    start() {
        const watcher = vscode.workspace.createFileSystemWatcher(`**/${constants_1.CONFIG_FILE_NAME}`);
        const didChangeFile = (0, log_1.guardListener)(this.log, `${constants_1.CONFIG_FILE_NAME} changed`, (uri) => this.fileChanged(uri, true));
        const didDeleteFile = (0, log_1.guardListener)(this.log, `${constants_1.CONFIG_FILE_NAME} deleted`, (uri) => this.fileChanged(uri, false));
        this.disposables.push(watcher, watcher.onDidCreate(didChangeFile), watcher.onDidChange(didChangeFile), watcher.onDidDelete(didDeleteFile));
        void this.scan();
    }
    /** The configuration that applies to a document. Never rejects: on trouble, the defaults. */
    async configFor(uri) {
        return (await this.loadedFor(uri)).config;
    }
    /** The configuration of a document with the file it came from and that file's problems. */
    loadedFor(uri) {
        const folder = vscode.workspace.getWorkspaceFolder(uri);
        const base = this.baseFor(folder);
        // Untitled documents and files outside the workspace: settings and defaults only.
        if (!folder || uri.scheme === 'untitled')
            return Promise.resolve({ config: base, settings: {}, problems: [], file: undefined });
        const dir = uri.with({ path: posixDirname(uri.path), query: '', fragment: '' });
        const key = dir.toString();
        let loaded = this.byFolder.get(key);
        if (!loaded) {
            loaded = (0, lazy_1.engine)().loadConfigFor(uri.path, workspaceFsHost(uri), folder.uri.path, base).then((result) => {
                this.announce(uri, result);
                return result;
            }, (error) => {
                this.log.error(`Loading configuration for ${uri.toString(true)}`, error);
                return { config: base, settings: {}, problems: [], file: undefined };
            });
            this.byFolder.set(key, loaded);
        }
        return loaded;
    }
    /** `pmLens.*` settings changed: every base and everything built on it is stale. */
    settingsChanged() {
        this.bases.clear();
        this.byFolder.clear();
        this.changed.fire();
        void this.scan();
    }
    /** The editor's settings for a workspace folder, laid over the defaults. */
    baseFor(folder) {
        const key = folder?.uri.toString() ?? '';
        let base = this.bases.get(key);
        if (base)
            return base;
        const settings = (0, settings_1.readSettings)(folder?.uri);
        const layer = { rules: settings.rules, analyzeAllMarkdown: settings.analyzeAllMarkdown };
        if (settings.documents)
            layer.documents = settings.documents;
        const problems = [];
        const report = (path, message) => {
            problems.push(`pmLens.${path.join('.')}: ${message}`);
        };
        const { applySettings, defaultConfig, readConfigSettings } = (0, lazy_1.engine)();
        base = applySettings(defaultConfig, readConfigSettings(layer, report), report);
        for (const problem of problems)
            this.log.warn(`Settings: ${problem}`);
        this.bases.set(key, base);
        return base;
    }
    /** Logs which configuration a folder of documents uses, and reports that file's problems. */
    announce(document, result) {
        const dir = document.with({ path: posixDirname(document.path), query: '', fragment: '' });
        const fileUri = result.file !== undefined ? document.with({ path: result.file, query: '', fragment: '' }) : undefined;
        const count = result.problems.length;
        const line = fileUri
            ? `${vscode.workspace.asRelativePath(fileUri)}${count > 0 ? ` (${count} problem${count === 1 ? '' : 's'}; the rest of it applies)` : ''}`
            : `pmLens settings and built-in defaults (no ${constants_1.CONFIG_FILE_NAME})`;
        // Said once per folder, and again only when it changes.
        if (this.announced.get(dir.toString()) !== line) {
            this.announced.set(dir.toString(), line);
            this.log.info(`Configuration for ${folderName(dir)}: ${line}`);
        }
        if (fileUri)
            this.publish(fileUri, result.problems);
    }
    /**
     * Diagnostics on the configuration file itself, and a line per problem in the output channel
     * (once for the same problems).
     */
    publish(fileUri, problems) {
        const key = fileUri.toString();
        const signature = JSON.stringify(problems.map((p) => [p.message, p.range.start.offset]));
        if (this.published.get(key) === signature)
            return;
        this.published.set(key, signature);
        const name = vscode.workspace.asRelativePath(fileUri);
        for (const p of problems) {
            const where = `${name}:${p.range.start.line + 1}:${p.range.start.character + 1}`;
            if (p.severity === 'error')
                this.log.error(`Configuration error at ${where}`, p.message);
            else
                this.log.warn(`Configuration problem at ${where}: ${p.message}`);
        }
        this.diagnostics.set(fileUri, problems.map((p) => {
            const diagnostic = new vscode.Diagnostic((0, convert_1.toRange)(p.range), p.message, convert_1.SEVERITY[p.severity] ?? vscode.DiagnosticSeverity.Error);
            diagnostic.source = constants_1.DIAGNOSTIC_SOURCE;
            return diagnostic;
        }));
    }
    /** A configuration file was created, changed or deleted: report it again and re-analyse. */
    async fileChanged(uri, exists) {
        this.byFolder.clear();
        this.published.delete(uri.toString());
        if (exists)
            await this.check(uri);
        else {
            this.diagnostics.delete(uri);
            this.log.info(`Configuration removed: ${vscode.workspace.asRelativePath(uri)}`);
        }
        this.changed.fire();
    }
    /** Reads every configuration file in the workspace and reports its problems. */
    async scan() {
        try {
            const files = await vscode.workspace.findFiles(`**/${constants_1.CONFIG_FILE_NAME}`, '**/node_modules/**', 200);
            await Promise.all(files.map((uri) => this.check(uri)));
        }
        catch (error) {
            this.log.error('Looking for configuration files', error);
        }
    }
    /** Reads one configuration file and publishes its problems. */
    async check(uri) {
        const text = await workspaceFsHost(uri).readFile(uri.path);
        if (text === undefined) {
            this.published.delete(uri.toString());
            this.diagnostics.delete(uri);
            return;
        }
        const parsed = (0, lazy_1.engine)().parseConfigText(text, vscode.workspace.asRelativePath(uri), this.baseFor(vscode.workspace.getWorkspaceFolder(uri)));
        this.publish(uri, parsed.problems);
    }
    dispose() {
        for (const d of this.disposables)
            d.dispose();
    }
}
exports.ConfigService = ConfigService;
/** Reads files next to `like` (same scheme and authority) through `vscode.workspace.fs`. */
function workspaceFsHost(like) {
    return {
        async readFile(path) {
            try {
                const bytes = await vscode.workspace.fs.readFile(like.with({ path, query: '', fragment: '' }));
                return new TextDecoder('utf-8').decode(bytes);
            }
            catch {
                return undefined;
            }
        },
        dirname: posixDirname,
        join: (...parts) => parts.join('/').replace(/\/{2,}/g, '/'),
    };
}
/** A folder as the output channel names it: relative to the workspace, or the workspace folder's name. */
function folderName(dir) {
    const folder = vscode.workspace.getWorkspaceFolder(dir);
    if (folder && folder.uri.path.replace(/\/+$/, '') === dir.path.replace(/\/+$/, ''))
        return `${folder.name}/`;
    return `${vscode.workspace.asRelativePath(dir)}/`;
}
/** `/a/b/c.md` → `/a/b`; `/a` → `/`. URI paths always use `/`. */
function posixDirname(path) {
    const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
    const i = trimmed.lastIndexOf('/');
    if (i < 0)
        return '.';
    return i === 0 ? '/' : trimmed.slice(0, i);
}
//# sourceMappingURL=configService.js.map