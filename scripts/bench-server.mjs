// The language server, measured over a real stdio connection (`node --expose-gc dist/server.js
// --stdio`, the client side of vscode-languageserver-protocol), on a generated 100 KB plan
// (scripts/gen-plan.mjs, seeded):
//   - diagnostics back in the client after a keystroke: one character typed in the middle, the
//     time from sending didChange until publishDiagnostics (or, when they did not change, the status)
//     for that version arrives (debounce 0),
//     after 40 keystrokes of warm-up; median and p95;
//     beside it, as the baseline of the same run, the core's own incremental re-analysis of the
//     same keystrokes in this process (no server, no transport, no thread hop);
//   - memory over a long session: the used heap (after a GC) of the server's thread plus the
//     analysis workers after 1,000 and after 10,000 keystrokes (every 10th waits for
//     its diagnostics, the others are overtaken, as in fast typing), and after the document closed;
//   - the longest the server's own thread was blocked (event-loop delay) while typing 50
//     keystrokes into a 1 MB plan, each waiting for its diagnostics.
// Build first (node scripts/build.mjs).
//
//   node scripts/bench-server.mjs [--keystrokes N] [--timed N] [--size 100kb]
import * as esbuild from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import protocol from 'vscode-languageserver-protocol/node.js';
import { generatePlan, parseSize } from './gen-plan.mjs';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = protocol;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { keystrokes: { type: 'string', default: '10000' }, timed: { type: 'string', default: '200' }, size: { type: 'string', default: '100kb' } } });
const KEYSTROKES = Number(values.keystrokes);
const TIMED = Number(values.timed);
const WARM_UP = 40;
const WAIT_EVERY = 10;

// The baseline: the core's IncrementalAnalyzer, bundled as the server bundles it.
mkdirSync(path.join(root, '.bench'), { recursive: true });
const coreBundle = path.join(root, '.bench', 'bench-server-core.cjs');
await esbuild.build({
  stdin: { contents: "export { IncrementalAnalyzer } from './src/core/incremental'; export { defaultConfig } from './src/core/config/defaults';", resolveDir: root, loader: 'ts' },
  bundle: true, platform: 'node', format: 'cjs', outfile: coreBundle, logLevel: 'warning',
});
const { IncrementalAnalyzer, defaultConfig } = createRequire(import.meta.url)(coreBundle);

const child = spawn(process.execPath, ['--expose-gc', path.join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
/** `uri#version` → resolve, for the diagnostics a keystroke waits for. */
const waiting = new Map();
// A version's diagnostics are current when they arrive, or when its status does without them
// (the server does not send diagnostics equal to the last ones it sent).
const settle = (params) => {
  const key = `${params.uri}#${params.version}`;
  waiting.get(key)?.();
  waiting.delete(key);
};
connection.onNotification('textDocument/publishDiagnostics', settle);
connection.onNotification('pmLens/status', settle);
connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({ debounceMs: 0 })));
connection.onRequest('client/registerCapability', () => null);
connection.listen();

await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: { workspace: { configuration: true } } });
await connection.sendNotification('initialized', {});

/**
 * Opens a generated plan (resolving once its diagnostics arrived) and returns a function that
 * types one character after the previous one, in the middle of the document; `wait` waits for
 * that version's diagnostics.
 */
async function openPlan(size) {
  const text = generatePlan(parseSize(size));
  const uri = pathToFileURL(path.join(root, '.bench', `bench-server-plan-${size}.md`)).toString();
  let version = 1;
  const diagnosticsFor = (v) => new Promise((resolve) => waiting.set(`${uri}#${v}`, resolve));
  const opened = diagnosticsFor(1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  await opened;
  const lines = text.split('\n');
  const line = lines.length >> 1;
  let column = 0;
  const keystroke = async (wait) => {
    version++;
    const done = wait ? diagnosticsFor(version) : undefined;
    const at = { line, character: column++ };
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text: 'abcdefghijklmnopqrstuvwxyz'[version % 26] }] });
    if (done) await done;
  };
  const close = () => connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return { text, lines, line, keystroke, close };
}

const { text, lines, line, keystroke, close } = await openPlan(values.size);

for (let i = 0; i < WARM_UP; i++) await keystroke(true);
const latencies = [];
for (let i = 0; i < TIMED; i++) {
  const started = performance.now();
  await keystroke(true);
  latencies.push(performance.now() - started);
}
latencies.sort((a, b) => a - b);
const quantile = (list, q) => list[Math.min(list.length - 1, Math.floor(q * list.length))];
const pick = (q) => quantile(latencies, q);

// The same keystrokes (warm-up, then timed), analysed in this process by the core alone.
const baseline = [];
{
  const analyzer = new IncrementalAnalyzer();
  const lineStart = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0);
  let current = text;
  await analyzer.analyzeAsync(current, defaultConfig);
  for (let i = 0; i < WARM_UP + TIMED; i++) {
    const at = lineStart + i;
    current = current.slice(0, at) + 'abcdefghijklmnopqrstuvwxyz'[(i + 2) % 26] + current.slice(at);
    const started = performance.now();
    await analyzer.analyzeAsync(current, defaultConfig);
    if (i >= WARM_UP) baseline.push(performance.now() - started);
  }
  baseline.sort((a, b) => a - b);
}

const heap = async () => {
  const stats = await connection.sendRequest('pmLens/stats');
  const worker = Object.values(stats.workerHeaps).reduce((a, b) => a + b, 0);
  return { server: stats.serverHeap, worker, total: stats.serverHeap + worker };
};
let typed = WARM_UP + TIMED;
while (typed < 1000) await keystroke(++typed % WAIT_EVERY === 0);
await keystroke(true);
const at1000 = await heap();
while (typed < KEYSTROKES) await keystroke(++typed % WAIT_EVERY === 0);
await keystroke(true);
const atEnd = await heap();
await close();
await new Promise((r) => setTimeout(r, 500));
const closed = await heap();

// Typing in a 1 MB plan: how long the server's own thread is ever blocked.
const big = await openPlan('1mb');
await connection.sendRequest('pmLens/stats');
const typingStarted = performance.now();
for (let i = 0; i < 50; i++) await big.keystroke(true);
const { longestBlockMs } = await connection.sendRequest('pmLens/stats');
// The control, as long again with the plan open and nothing typed: on a busy machine the
// operating system's own pauses show up here too.
await new Promise((r) => setTimeout(r, performance.now() - typingStarted));
const { longestBlockMs: idleBlockMs } = await connection.sendRequest('pmLens/stats');
await big.close();

const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
console.log(`\nLanguage server on a ${values.size} plan (${text.length} characters), over stdio:`);
console.log(`  diagnostics after a keystroke: median ${pick(0.5).toFixed(1)} ms, p95 ${pick(0.95).toFixed(1)} ms (${TIMED} keystrokes after ${WARM_UP} of warm-up; bar: p95 <= 50 ms)`);
console.log(`  the core alone, same keystrokes, in process: median ${quantile(baseline, 0.5).toFixed(1)} ms, p95 ${quantile(baseline, 0.95).toFixed(1)} ms; server round trip / core alone: median ${(pick(0.5) / quantile(baseline, 0.5)).toFixed(2)}, p95 ${(pick(0.95) / quantile(baseline, 0.95)).toFixed(2)}`);
console.log(`  heap after 1,000 keystrokes: ${mb(at1000.total)} (server ${mb(at1000.server)} + worker ${mb(at1000.worker)})`);
console.log(`  heap after ${KEYSTROKES.toLocaleString('en')} keystrokes: ${mb(atEnd.total)} (server ${mb(atEnd.server)} + worker ${mb(atEnd.worker)}); ratio ${(atEnd.total / at1000.total).toFixed(3)} (bar: <= 1.10)`);
console.log(`  typing 50 keystrokes in a 1 MB plan (${big.text.length} characters): the server's thread was blocked at most ${longestBlockMs.toFixed(1)} ms; idle as long, at most ${idleBlockMs.toFixed(1)} ms`);
console.log(`  after closing the document: ${mb(closed.total)} (server ${mb(closed.server)}, ${Object.values((await connection.sendRequest('pmLens/stats')).workerDocuments).flat().length} documents held by workers)`);

await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();
