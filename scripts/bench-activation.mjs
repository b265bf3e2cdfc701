// What activating PM Lens costs the extension host: loading dist/extension.js plus `activate()`,
// each run in a fresh Node process (a cold module cache, as in a real host start), with a stub
// `vscode` module whose every call returns at once, so only PM Lens's own work is timed. Also
// timed, after activation: the longest the event loop was blocked in the next 200 ms, while the
// language client starts (the stub gives it nothing to talk to; the server's own start is in its
// process, see scripts/bench-client.mjs). Prints the median and spread of N runs and the bundle's
// size; on a busy machine the CPU time of require + activate is the steadier figure. Build first
// (node scripts/build.mjs).
//
//   node scripts/bench-activation.mjs [--runs N] [--bundle dist/extension.js] [--json]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { universalStub } from './vscode-shim.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '21' },
    bundle: { type: 'string', default: 'dist/extension.js' },
    json: { type: 'boolean', default: false },
    child: { type: 'string' },
  },
});

if (values.child) {
  child(values.child);
} else {
  parent();
}

function parent() {
  const bundle = path.resolve(root, values.bundle);
  if (!existsSync(bundle)) {
    console.error(`${values.bundle} not found: run node scripts/build.mjs first`);
    process.exit(2);
  }
  const runs = Math.max(1, Number(values.runs) || 21);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', bundle], { encoding: 'utf8' });
    const line = r.stdout.split('\n').find((l) => l.startsWith('@@activation '));
    if (r.status !== 0 || !line) {
      console.error(r.stdout, r.stderr);
      console.error(`run ${i + 1} failed (exit ${r.status})`);
      process.exit(1);
    }
    samples.push(JSON.parse(line.slice('@@activation '.length)));
  }
  const pick = (key) => stats(samples.map((s) => s[key]));
  const bytes = statSync(bundle).size;
  const gzip = gzipSync(readFileSync(bundle)).length;
  const result = {
    runs,
    node: process.version,
    loadAverage: loadavg()[0],
    bundle: path.relative(root, bundle),
    bundleBytes: bytes,
    bundleGzipBytes: gzip,
    requireMs: pick('require'),
    activateMs: pick('activate'),
    totalMs: pick('total'),
    totalCpuMs: pick('totalCpu'),
    longestBlockMs: pick('longestBlock'),
  };
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const row = (name, s) => `${name.padEnd(22)} ${s.median.toFixed(2).padStart(8)} ${s.min.toFixed(2).padStart(8)} ${s.p90.toFixed(2).padStart(8)} ${s.max.toFixed(2).padStart(8)}`;
  console.log(`PM Lens activation, ${runs} fresh processes, ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)}`);
  console.log(`bundle ${result.bundle}: ${(bytes / 1024).toFixed(1)} KB (${(gzip / 1024).toFixed(1)} KB gzip)`);
  console.log(`${'ms'.padEnd(22)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'p90'.padStart(8)} ${'max'.padStart(8)}`);
  console.log(row('require bundle', result.requireMs));
  console.log(row('activate()', result.activateMs));
  console.log(row('require + activate', result.totalMs));
  console.log(row('  of it CPU time', result.totalCpuMs));
  console.log(row('longest block, next 200 ms', result.longestBlockMs));
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), min: sorted[0], p90: at(0.9), max: sorted[sorted.length - 1] };
}

/**
 * One measurement: hook `vscode`, require the bundle, activate, then wait for the first analysis
 * of a plan that was open at start (the engine loads then), watching how long the event loop
 * was blocked at a time meanwhile.
 */
async function child(bundle) {
  const { createRequire } = await import('node:module');
  const Module = createRequire(import.meta.url)('node:module');
  const planPath = path.join(root, 'test/fixtures/workspace/checkout-prd.md');
  const vscode = stubVscode({ planPath, planText: readFileSync(planPath, 'utf8'), onDiagnostics: () => undefined });
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    return request === 'vscode' ? vscode : load.call(this, request, parent, isMain);
  };
  const require = createRequire(bundle);
  const subscriptions = [];
  const context = { subscriptions, extensionUri: vscode.Uri.file(root), extensionPath: root, extensionMode: 1, workspaceState: vscode.memento, globalState: vscode.memento };

  const cpu = (since) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const extension = require(bundle);
  const t1 = performance.now();
  extension.activate(context);
  const t2 = performance.now();
  const activationCpu = cpu(c0);
  // The longest gap between ticks of a 1 ms timer: how long the host could not answer.
  let last = performance.now();
  let longestBlock = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestBlock = Math.max(longestBlock, now - last);
    last = now;
  }, 1);
  await new Promise((resolve) => setTimeout(resolve, 200));
  clearInterval(ticker);
  longestBlock = Math.max(longestBlock, performance.now() - last);
  const result = { require: t1 - t0, activate: t2 - t1, total: t2 - t0, totalCpu: activationCpu, longestBlock };
  console.log(`@@activation ${JSON.stringify(result)}`);
  for (const d of subscriptions) d?.dispose?.();
  process.exit(0);
}

/**
 * A `vscode` module where every member exists and every call returns at once: a callable proxy
 * that yields itself for any property, call or `new`. Events return disposables; the workspace
 * has no documents and no folders; settings return their defaults.
 */
function stubVscode({ planPath, planText, onDiagnostics }) {
  const proxy = universalStub();
  const disposable = { dispose() {} };
  const event = () => disposable;
  class EventEmitter {
    constructor() {
      this.listeners = new Set();
      this.event = (listener) => {
        this.listeners.add(listener);
        return { dispose: () => this.listeners.delete(listener) };
      };
    }
    fire(value) {
      for (const l of this.listeners) l(value);
    }
    dispose() {
      this.listeners.clear();
    }
  }
  const uri = (path) => ({ scheme: 'file', authority: '', path, query: '', fragment: '', toString: () => `file://${path}`, with: (c) => uri(c.path ?? path) });
  const configuration = { get: (_key, fallback) => fallback, inspect: () => undefined, has: () => false, update: async () => {} };
  const plan = { uri: uri(planPath), languageId: 'markdown', version: 1, isClosed: false, isUntitled: false, isDirty: false, getText: () => planText };
  const collection = { set: (u) => onDiagnostics(u), delete() {}, clear() {}, dispose() {} };
  const api = {
    EventEmitter,
    Disposable: Object.assign(function Disposable(fn) { return { dispose: fn }; }, { from: () => disposable }),
    Uri: { file: uri, parse: (s) => uri(s), joinPath: (u, ...p) => uri([u.path, ...p].join('/')) },
    memento: { get: (_k, d) => d, update: async () => {}, keys: () => [] },
    workspace: new Proxy(
      {
        textDocuments: [plan],
        workspaceFolders: undefined,
        getConfiguration: () => configuration,
        getWorkspaceFolder: () => undefined,
        findFiles: async () => [],
        createFileSystemWatcher: () => ({ onDidCreate: event, onDidChange: event, onDidDelete: event, dispose() {} }),
        fs: proxy,
      },
      { get: (t, k) => (k in t ? t[k] : event) },
    ),
    languages: new Proxy({ createDiagnosticCollection: () => collection }, { get: (t, k) => (k in t ? t[k] : proxy) }),
    window: new Proxy(
      { activeTextEditor: { document: plan }, visibleTextEditors: [] },
      { get: (t, k) => (k in t ? t[k] : typeof k === 'string' && k.startsWith('onDid') ? event : proxy) },
    ),
  };
  // Bundlers copy the module's own properties (esbuild's __toESM): give it every name the
  // API declares, each the universal stub unless defined above.
  const declared = readFileSync(path.join(root, 'node_modules/@types/vscode/index.d.ts'), 'utf8');
  for (const m of declared.matchAll(/^\t?export (?:namespace|class|enum|const|function|let) (\w+)/gm)) {
    if (!(m[1] in api)) api[m[1]] = proxy;
  }
  return api;
}
