// What the VS Code extension costs the extension host now that analysis runs in the language
// server, in one run (`npm run bench` ends with it):
//   - activation: loading dist/extension.js plus `activate()`, in fresh Node processes with a stub
//     `vscode` (scripts/bench-activation.mjs); median of the runs; the bar is 50 ms;
//   - the longest the extension host's thread is busy while typing in a 1 MB plan: the bundled
//     extension is loaded in Node with a minimal `vscode` (scripts/vscode-shim.mjs), so the real
//     `vscode-languageclient` inside it starts the real server (dist/server.js over node IPC) as
//     in VS Code. A generated 1 MB plan (scripts/gen-plan.mjs, seeded) is opened and analysed,
//     then KEYSTROKES characters are typed in its middle, one every TYPE_MS ms, each a new
//     version with one content change, and the run waits for the diagnostics of the last one.
//     Measured on this thread meanwhile: (a) the longest stretch the event loop was blocked
//     (perf_hooks monitorEventLoopDelay at 1 ms resolution; it holds everything the thread did:
//     the client sending changes, receiving and converting diagnostics, the status bar's and
//     CodeLens's requests and answers); (b) the longest single keystroke's listeners (the time
//     `onDidChangeTextDocument` took to run the client's and the extension's handlers). The bar is
//     5 ms. The server's own work runs in its process and does not count.
// Build first (node scripts/build.mjs).
//
//   node scripts/bench-client.mjs [--keystrokes N] [--type-ms N] [--size 1mb] [--runs N]
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generatePlan, parseSize } from './gen-plan.mjs';
import { createVscodeShim } from './vscode-shim.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    keystrokes: { type: 'string', default: '200' },
    'type-ms': { type: 'string', default: '30' },
    size: { type: 'string', default: '1mb' },
    runs: { type: 'string', default: '11' },
    child: { type: 'boolean', default: false },
  },
});

if (values.child) await typing();
else await parent();

async function parent() {
  const activation = spawnSync(process.execPath, [path.join(root, 'scripts/bench-activation.mjs'), '--json', '--runs', values.runs], { encoding: 'utf8' });
  if (activation.status !== 0) throw new Error(`bench-activation failed: ${activation.stderr}`);
  const a = JSON.parse(activation.stdout);
  // Typing runs in its own process: the stub `vscode` and the client must not mix with the above.
  const typed = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', '--keystrokes', values.keystrokes, '--type-ms', values['type-ms'], '--size', values.size], { encoding: 'utf8', timeout: 600_000 });
  const line = typed.stdout.split('\n').find((l) => l.startsWith('@@typing '));
  if (typed.status !== 0 || !line) throw new Error(`typing run failed (exit ${typed.status}): ${typed.stdout}\n${typed.stderr}`);
  const t = JSON.parse(line.slice('@@typing '.length));
  const ok = (value, bar) => (value <= bar ? 'ok' : 'OVER');
  console.log(`\nPM Lens extension host (client of the language server), ${process.version}`);
  console.log(`activation, require + activate() (median of ${a.runs} fresh processes): ${a.totalMs.median.toFixed(2)} ms (CPU ${a.totalCpuMs.median.toFixed(2)} ms; bundle ${(a.bundleBytes / 1024).toFixed(0)} KB)  bar 50 ms: ${ok(a.totalMs.median, 50)}`);
  console.log(`typing ${t.keystrokes} keystrokes (one per ${t.typeMs} ms) in a ${(t.bytes / 1024 / 1024).toFixed(2)} MB plan, ${t.sections} sections, ${t.diagnostics} diagnostics:`);
  console.log(`  longest block of the host's thread (event-loop delay): ${t.longestBlockMs.toFixed(2)} ms  bar 5 ms: ${ok(t.longestBlockMs, 5)}`);
  console.log(`  longest keystroke's listeners: ${t.longestListenersMs.toFixed(3)} ms (median ${t.medianListenersMs.toFixed(3)} ms)`);
  console.log(`  first analysis of the plan, open to diagnostics: ${t.firstAnalysisMs.toFixed(0)} ms; last keystroke to its diagnostics: ${t.lastDiagnosticsMs.toFixed(0)} ms; CodeLens requests: ${t.lensRequests}`);
}

async function typing() {
  const shim = createVscodeShim();
  const { createRequire: make } = await import('node:module');
  const Module = make(import.meta.url)('node:module');
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    return request === 'vscode' ? shim.vscode : load.call(this, request, parent, isMain);
  };
  // Diagnostics reach the collection through the client's middleware-free path: watch the wire instead.
  const require = createRequire(path.join(root, 'dist/extension.js'));
  const extension = require(path.join(root, 'dist/extension.js'));
  const subscriptions = [];
  const context = { subscriptions, extensionUri: shim.vscode.Uri.file(root), extensionPath: root, extensionMode: 1, workspaceState: proxyMemento(), globalState: proxyMemento() };
  const api = extension.activate(context);

  const text = generatePlan(parseSize(values.size));
  const bytes = Buffer.byteLength(text);
  const file = path.join(root, '.bench', 'typing-plan.md');
  // Statuses arrive after each version's diagnostics were published.
  const statuses = [];
  let waiting;
  api.plans.onDidChangeStatus((status) => {
    statuses.push(status);
    if (waiting && status.state === 'analysed' && status.version >= waiting.version) waiting.resolve(status);
  });
  const analysedAt = (version) => new Promise((resolve) => (waiting = { version, resolve }));

  await new Promise((resolve) => setTimeout(resolve, 50));
  const opened = performance.now();
  const document = shim.openDocument(file, text);
  const first = await analysedAt(1);
  const firstAnalysisMs = performance.now() - opened;

  // Type in the middle of a line of prose, one character after the other.
  let offset = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
  offset = text.indexOf(' ', offset);
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  let character = offset - (before.lastIndexOf('\n') + 1);

  // The bench's own garbage (generating the plan, opening it) is collected before measuring, so
  // a collection of it is not counted as the host's.
  globalThis.gc?.();
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const listeners = [];
  const keystrokes = Number(values.keystrokes);
  const typeMs = Number(values['type-ms']);
  delay.enable();
  for (let i = 0; i < keystrokes; i++) {
    listeners.push(shim.edit(document, offset, { line, character }, 'x'));
    offset++;
    character++;
    await new Promise((resolve) => setTimeout(resolve, typeMs));
  }
  const typedAt = performance.now();
  await analysedAt(document.version);
  const lastDiagnosticsMs = performance.now() - typedAt;
  // Let the status bar's summary request and the lenses settle inside the measurement.
  await new Promise((resolve) => setTimeout(resolve, 500));
  delay.disable();
  listeners.sort((a, b) => a - b);
  const result = {
    keystrokes,
    typeMs,
    bytes,
    sections: first.sections,
    diagnostics: first.findings,
    firstAnalysisMs,
    lastDiagnosticsMs,
    longestBlockMs: delay.max / 1e6,
    longestListenersMs: listeners[listeners.length - 1],
    medianListenersMs: listeners[Math.floor(listeners.length / 2)],
    lensRequests: shim.lensRequests.count,
  };
  console.log(`@@typing ${JSON.stringify(result)}`);
  for (const d of subscriptions) await d?.dispose?.();
  process.exit(0);
}

function proxyMemento() {
  return { get: (_k, d) => d, update: async () => {}, keys: () => [] };
}
