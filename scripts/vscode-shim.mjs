// A minimal `vscode` module for running the bundled extension (dist/extension.js) in plain Node,
// with the real `vscode-languageclient` inside it talking to the real language server
// (dist/server.js over node IPC). What the client and the extension touch while a plan is open
// and typed into is real enough to run: documents with versions and incremental edits, events,
// URIs, ranges, diagnostics collections, CodeLens providers asked again when the document or
// the lenses changed (as VS Code does). Everything else is a callable proxy that returns at once.
// Only the benchmark uses it (scripts/bench-client.mjs).
//
// The benchmark measures the extension host's thread, so the shim must not do work there that
// VS Code would not: URIs cache their string form, a document keeps its text as VS Code's piece
// tree does (no 1 MB copy per keystroke; a read of the whole text is counted instead, since in
// VS Code that read is a real copy), and CodeLens is asked for on VS Code's schedule (250 ms after
// the last change or refresh, the shortest debounce VS Code uses, the request before cancelled).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A callable proxy that yields itself for any property, call or `new` (and is not a promise). */
export function universalStub() {
  const handler = {
    get(target, key) {
      if (key === Symbol.toPrimitive) return () => 0;
      if (key === Symbol.iterator) return function* () {};
      if (key === 'then') return undefined;
      if (key in target) return target[key];
      return proxy;
    },
    set: () => true,
    apply: () => proxy,
    construct: () => proxy,
  };
  const proxy = new Proxy(function stub() {}, handler);
  return proxy;
}

/** RFC 3986's pattern for splitting a URI into scheme, authority, path, query and fragment. */
const URI_PATTERN = /^(([^:/?#]+?):)?(\/\/([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?/;

/** VS Code's shortest delay before asking a document's CodeLens again (its moving average only lengthens it). */
const LENS_DEBOUNCE_MS = 250;

/** Returns `{ vscode, openDocument(path, text), edit(document, offset, position, text), requests }`. */
export function createVscodeShim() {
  const proxy = universalStub();
  const disposable = { dispose() {} };

  class EventEmitter {
    constructor() {
      this.listeners = new Set();
      this.event = (listener, thisArg, disposables) => {
        const bound = thisArg ? listener.bind(thisArg) : listener;
        this.listeners.add(bound);
        const d = { dispose: () => this.listeners.delete(bound) };
        disposables?.push(d);
        return d;
      };
    }
    fire(value) {
      for (const l of [...this.listeners]) l(value);
    }
    dispose() {
      this.listeners.clear();
    }
  }
  class Disposable {
    constructor(fn) {
      this.fn = fn;
    }
    dispose() {
      this.fn?.();
    }
    static from(...ds) {
      return new Disposable(() => ds.forEach((d) => d?.dispose?.()));
    }
  }
  class Uri {
    constructor(scheme, authority, p, query = '', fragment = '') {
      Object.assign(this, { scheme, authority, path: p, query, fragment });
    }
    static file(p) {
      return new Uri('file', '', p);
    }
    static parse(text) {
      // As VS Code parses: the generic URI pattern of RFC 3986 (appendix B), components percent-decoded.
      const m = URI_PATTERN.exec(text) ?? [];
      const decode = (part) => (part ? decodeURIComponent(part) : '');
      return new Uri(m[2] ?? '', decode(m[4]), decode(m[5]) || '/', decode(m[7]), decode(m[9]));
    }
    static joinPath(base, ...parts) {
      return new Uri(base.scheme, base.authority, path.posix.join(base.path, ...parts));
    }
    get fsPath() {
      return this.path;
    }
    with(change) {
      return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path, change.query ?? this.query, change.fragment ?? this.fragment);
    }
    toString() {
      // VS Code's URI keeps its formatted string too.
      this.formatted ??= this.scheme === 'file' ? pathToFileURL(this.path).href : `${this.scheme}://${this.authority}${this.path}`;
      return this.formatted;
    }
    toJSON() {
      return { scheme: this.scheme, authority: this.authority, path: this.path };
    }
  }
  class Position {
    constructor(line, character) {
      this.line = line;
      this.character = character;
    }
  }
  class Range {
    constructor(a, b, c, d) {
      if (typeof a === 'number') [a, b] = [new Position(a, b), new Position(c, d)];
      this.start = a;
      this.end = b;
    }
  }
  class Diagnostic {
    constructor(range, message, severity) {
      Object.assign(this, { range, message, severity });
    }
  }
  class CodeLens {
    constructor(range, command) {
      Object.assign(this, { range, command });
    }
  }
  class MarkdownString {
    constructor(value = '') {
      this.value = value;
    }
  }
  class CancellationTokenSource {
    constructor() {
      const emitter = new EventEmitter();
      this.token = { isCancellationRequested: false, onCancellationRequested: emitter.event };
      this.emitter = emitter;
    }
    cancel() {
      this.token.isCancellationRequested = true;
      this.emitter.fire();
    }
    dispose() {}
  }

  /** A text document: line offsets kept current through edits, as the client reads it. */
  class Document {
    constructor(uri, text) {
      this.uri = uri;
      this.languageId = 'markdown';
      this.version = 1;
      this.isClosed = false;
      this.isUntitled = false;
      this.isDirty = false;
      this.eol = 1;
      this.base = text;
      // Edits are applied when the text is read, so typing allocates no 1 MB string per keystroke
      // (VS Code's own document model does not copy the text either).
      this.pending = [];
    }
    get text() {
      for (const { offset, text } of this.pending.splice(0)) this.base = this.base.slice(0, offset) + text + this.base.slice(offset);
      return this.base;
    }
    getText(range) {
      requests.count(range ? 'document.getText(range)' : 'document.getText()');
      return this.text;
    }
    positionAt(offset) {
      requests.count('document.positionAt');
      const before = this.text.slice(0, offset);
      const line = before.split('\n').length - 1;
      return new Position(line, offset - (before.lastIndexOf('\n') + 1));
    }
    get lineCount() {
      requests.count('document.lineCount');
      return this.text.split('\n').length;
    }
    lineAt(line) {
      requests.count('document.lineAt');
      return { text: this.text.split('\n')[line] ?? '' };
    }
  }

  const onDidOpen = new EventEmitter();
  const onDidChange = new EventEmitter();
  const configuration = { get: (_key, fallback) => fallback, inspect: () => undefined, has: () => false, update: async () => {} };
  const documents = [];
  const lensProviders = [];
  /** What the extension and the client asked the shim for, by name: lens requests, reads of a document. */
  const requests = {
    counts: new Map(),
    count(name) {
      this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    },
    snapshot() {
      return new Map(this.counts);
    },
    since(snapshot) {
      return Object.fromEntries([...this.counts].map(([k, v]) => [k, v - (snapshot.get(k) ?? 0)]).filter(([, v]) => v > 0));
    },
  };
  /** VS Code's CodeLens scheduling: one request per provider and document, 250 ms after the last change. */
  const lensSchedule = { timer: undefined, source: undefined };
  const scheduleLenses = () => {
    clearTimeout(lensSchedule.timer);
    lensSchedule.timer = setTimeout(() => {
      lensSchedule.source?.cancel();
      const source = new CancellationTokenSource();
      lensSchedule.source = source;
      for (const provider of lensProviders) {
        for (const document of documents) {
          requests.count('provideCodeLenses');
          void Promise.resolve(provider.provideCodeLenses(document, source.token)).catch(() => undefined);
        }
      }
    }, LENS_DEBOUNCE_MS);
  };
  // Errors go to stderr, so a run that fails says why.
  const channel = new Proxy({ name: 'PM Lens', logLevel: 2, onDidChangeLogLevel: () => disposable, error: (...a) => console.error('[PM Lens]', ...a) }, { get: (t, k) => (k in t ? t[k] : () => undefined) });
  const activeEditor = { document: undefined };

  const api = {
    version: '1.90.0',
    EventEmitter,
    Disposable,
    Uri,
    Position,
    Range,
    Diagnostic,
    CodeLens,
    MarkdownString,
    CancellationTokenSource,
    CancellationError: class CancellationError extends Error {},
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    FileType: { File: 1, Directory: 2, SymbolicLink: 64 },
    ExtensionMode: { Production: 1, Development: 2, Test: 3 },
    env: new Proxy({ appName: 'Visual Studio Code', language: 'en', clipboard: proxy }, { get: (t, k) => (k in t ? t[k] : proxy) }),
    workspace: new Proxy(
      {
        textDocuments: documents,
        workspaceFolders: undefined,
        isTrusted: true,
        getConfiguration: () => configuration,
        getWorkspaceFolder: () => undefined,
        findFiles: async () => [],
        onDidOpenTextDocument: onDidOpen.event,
        onDidChangeTextDocument: onDidChange.event,
        createFileSystemWatcher: () => ({ onDidCreate: () => disposable, onDidChange: () => disposable, onDidDelete: () => disposable, dispose() {} }),
        fs: proxy,
      },
      { get: (t, k) => (k in t ? t[k] : typeof k === 'string' && k.startsWith('on') ? () => disposable : proxy) },
    ),
    languages: new Proxy(
      {
        match: (selector, document) => (document.languageId === 'markdown' ? 10 : 0),
        createDiagnosticCollection: () => ({ set() {}, delete() {}, clear() {}, dispose() {}, get: () => [], has: () => false, forEach() {} }),
        registerCodeLensProvider: (_selector, provider) => {
          lensProviders.push(provider);
          // VS Code asks for the lenses again whenever the provider says they changed.
          provider.onDidChangeCodeLenses?.(scheduleLenses);
          scheduleLenses();
          return disposable;
        },
      },
      { get: (t, k) => (k in t ? t[k] : () => disposable) },
    ),
    window: new Proxy(
      {
        get activeTextEditor() {
          return activeEditor.document ? activeEditor : undefined;
        },
        visibleTextEditors: [],
        tabGroups: { all: [], onDidChangeTabs: () => disposable },
        createOutputChannel: () => channel,
        createStatusBarItem: () => ({ show() {}, hide() {}, dispose() {} }),
      },
      { get: (t, k) => (k in t ? t[k] : typeof k === 'string' && k.startsWith('onDid') ? () => disposable : proxy) },
    ),
    commands: new Proxy({ registerCommand: () => disposable, executeCommand: async () => undefined }, { get: (t, k) => (k in t ? t[k] : proxy) }),
  };
  // Bundlers copy the module's own properties (esbuild's __toESM): give it every name the API declares.
  const declared = readFileSync(path.join(root, 'node_modules/@types/vscode/index.d.ts'), 'utf8');
  for (const m of declared.matchAll(/^\t?export (?:namespace|class|enum|const|function|let) (\w+)/gm)) {
    if (!(m[1] in api)) api[m[1]] = proxy;
  }

  return {
    vscode: api,
    requests,
    /** Opens a Markdown document in the active editor. */
    openDocument(file, text) {
      const document = new Document(Uri.file(file), text);
      documents.push(document);
      activeEditor.document = document;
      onDidOpen.fire(document);
      scheduleLenses();
      return document;
    },
    /**
     * Inserts `text` at `offset` (at `position`), as one keystroke: a new version and one content
     * change. Returns how long the extension's listeners took (the language client's among them).
     */
    edit(document, offset, position, text) {
      document.pending.push({ offset, text });
      document.version++;
      const range = new Range(position, position);
      const event = { document, contentChanges: [{ range, rangeOffset: offset, rangeLength: 0, text }], reason: undefined };
      const started = performance.now();
      onDidChange.fire(event);
      const took = performance.now() - started;
      scheduleLenses();
      return took;
    },
  };
}
