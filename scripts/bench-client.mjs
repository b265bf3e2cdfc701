// What the VS Code extension costs the extension host now that analysis runs in the language
// server, in one run (`npm run bench` ends with it):
//   - activation: loading dist/extension.js plus `activate()`, in fresh Node processes with a stub
//     `vscode` (scripts/bench-activation.mjs); median of the runs; the bar is 50 ms;
//   - the longest the extension host's thread is busy while typing in a 1 MB plan: the bundled
//     extension is loaded in Node with a minimal `vscode` (scripts/vscode-shim.mjs, which does no
//     work on the thread that VS Code would not), so the real `vscode-languageclient` inside it
//     starts the real server (dist/server.js over node IPC) as in VS Code. A generated 1 MB plan
//     (scripts/gen-plan.mjs, seeded) is opened and analysed, then KEYSTROKES characters are typed
//     in its middle in BURSTS bursts, one every TYPE_MS ms, each a new version with one content
//     change; every other burst starts with a new line, which moves every diagnostic below it.
//     After each burst the run waits for that version's diagnostics, then for what follows a pause
//     (the status bar's request, the lenses VS Code asks for 250 ms after the last change).
//     Measured on this thread meanwhile: (a) the longest block (threadBusyMonitor: the thread's
//     own CPU time between two ticks of a 1 ms timer; it holds everything the thread did: the
//     client sending changes, parsing and converting diagnostics and lenses, the status bar,
//     garbage collection); the bar is 5 ms;
//     (b) V8's longest pause for garbage collection (wall clock, PerformanceObserver 'gc');
//     (c) the longest event-loop delay (wall clock, monitorEventLoopDelay), which on a shared
//     machine also holds waits for a core; (d) the longest single keystroke's listeners; (e) the
//     messages each way by method, and how often the document's whole text was read.
//     The server's own work runs in its process and does not count.
//   --trace lists every block of 2 ms or more among the messages (with their sizes) around it;
//   with --cpu-prof on the child (`node --expose-gc --cpu-prof scripts/bench-client.mjs --child`)
//   it shows what each block ran.
// Build first (node scripts/build.mjs).
//
//   node scripts/bench-client.mjs [--keystrokes N] [--bursts N] [--type-ms N] [--size 1mb] [--runs N] [--trace]
import { spawnSync } from 'node:child_process';
import { openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
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
    bursts: { type: 'string', default: '10' },
    runs: { type: 'string', default: '11' },
    trace: { type: 'boolean', default: false },
    child: { type: 'boolean', default: false },
  },
});
/** After each burst: the server's debounce, then VS Code's lenses (asked 250 ms after the last change) and the status bar. */
const SETTLE_MS = 600;
/** How long a version's status may take before the run fails (the first analysis of 1 MB included). */
const STATUS_TIMEOUT_MS = 180_000;
/**
 * The server's analysis budget for this run: on a busy machine the first analysis of 1 MB can
 * pass the default 10 s and pause the document, and the budget is not what this measures.
 */
const BENCH_BUDGET_MS = 120_000;
/** How many times the largest message is parsed for the floor. */
const PARSE_RUNS = 9;
/** Blocks this long or longer are listed by --trace. */
const TRACE_BLOCK_MS = 2;

if (values.child) await typing();
else await parent();

async function parent() {
  const activation = spawnSync(process.execPath, [path.join(root, 'scripts/bench-activation.mjs'), '--json', '--runs', values.runs], { encoding: 'utf8' });
  if (activation.status !== 0) throw new Error(`bench-activation failed: ${activation.stderr}`);
  const a = JSON.parse(activation.stdout);
  // Typing runs in its own process: the stub `vscode` and the client must not mix with the above.
  const args = ['--expose-gc', fileURLToPath(import.meta.url), '--child', '--keystrokes', values.keystrokes, '--bursts', values.bursts, '--type-ms', values['type-ms'], '--size', values.size];
  const typed = spawnSync(process.execPath, values.trace ? [...args, '--trace'] : args, { encoding: 'utf8', timeout: 600_000 });
  const line = typed.stdout.split('\n').find((l) => l.startsWith('@@typing '));
  if (typed.status !== 0 || !line) throw new Error(`typing run failed (exit ${typed.status}): ${typed.stdout}\n${typed.stderr}`);
  if (values.trace) console.log(typed.stdout.slice(0, typed.stdout.indexOf('@@typing ')));
  const t = JSON.parse(line.slice('@@typing '.length));
  const ok = (value, bar) => (value <= bar ? 'ok' : 'OVER');
  console.log(`\nPM Lens extension host (client of the language server), ${process.version}, load average ${loadavg()[0].toFixed(1)}`);
  console.log(`activation, require + activate() (median of ${a.runs} fresh processes): ${a.totalMs.median.toFixed(2)} ms (CPU ${a.totalCpuMs.median.toFixed(2)} ms; bundle ${(a.bundleBytes / 1024).toFixed(0)} KB)  bar 50 ms: ${ok(a.totalMs.median, 50)}`);
  console.log(`typing ${t.keystrokes} keystrokes in ${t.bursts} bursts (one per ${t.typeMs} ms, every other burst after a new line) in a ${(t.bytes / 1024 / 1024).toFixed(2)} MB plan, ${t.sections} sections, ${t.diagnostics} diagnostics:`);
  console.log(`  longest block of the host's thread (${t.busyClock}): ${t.longestBusyMs.toFixed(2)} ms  bar 5 ms: ${ok(t.longestBusyMs, 5)}`);
  if (t.clockErrorMs !== undefined) console.log(`  the clock against 3 ms busy loops (largest error): ${t.clockErrorMs >= 0 ? '+' : ''}${t.clockErrorMs.toFixed(3)} ms`);
  if (t.parseFloor) console.log(`  of which at least one JSON.parse of the largest message, ${t.parseFloor.message} (${t.parseFloor.kb.toFixed(0)} KB): ${t.parseFloor.parseMs.toFixed(2)} ms (median of ${PARSE_RUNS}, same process, after the run)`);
  console.log(`  longest garbage-collection pause (wall clock): ${t.longestGcMs.toFixed(2)} ms`);
  console.log(`  longest event-loop delay (wall clock, with waits for a core on this shared machine): ${t.longestBlockMs.toFixed(2)} ms`);
  console.log(`  longest keystroke's listeners: ${t.longestListenersMs.toFixed(3)} ms (median ${t.medianListenersMs.toFixed(3)} ms)`);
  console.log(`  messages while typing: ${Object.entries(t.traffic).map(([k, n]) => `${n} ${k}`).join(', ')}`);
  console.log(`  reads of the document and lens requests: ${JSON.stringify(t.shimRequests)}`);
  console.log(`  first analysis of the plan, open to diagnostics: ${t.firstAnalysisMs.toFixed(0)} ms; last burst to its diagnostics: ${t.lastDiagnosticsMs.toFixed(0)} ms`);
}

async function typing() {
  const shim = createVscodeShim();
  const { createRequire: make } = await import('node:module');
  const Module = make(import.meta.url)('node:module');
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    return request === 'vscode' ? shim.vscode : load.call(this, request, parent, isMain);
  };
  // Every message between the client and the server, counted by method (sizes with --trace).
  const wire = watchServerChannel(values.trace);
  const require = createRequire(path.join(root, 'dist/extension.js'));
  const extension = require(path.join(root, 'dist/extension.js'));
  const subscriptions = [];
  const context = { subscriptions, extensionUri: shim.vscode.Uri.file(root), extensionPath: root, extensionMode: 1, workspaceState: proxyMemento(), globalState: proxyMemento() };
  const api = extension.activate(context);

  const text = generatePlan(parseSize(values.size));
  const bytes = Buffer.byteLength(text);
  const file = path.join(root, '.bench', 'typing-plan.md');
  // Statuses arrive after each version's diagnostics were published.
  let waiting;
  const statuses = [];
  api.plans.onDidChangeStatus((status) => {
    statuses.push(status);
    if (waiting && status.state === 'analysed' && status.version >= waiting.version) waiting.resolve(status);
  });
  const analysedAt = (version) =>
    new Promise((resolve, reject) => {
      // A version whose status never comes is a failure to report, not a hang.
      const timer = setTimeout(() => reject(new Error(`no status for version ${version} in ${STATUS_TIMEOUT_MS / 1000} s; last statuses: ${JSON.stringify(statuses.slice(-3))}`)), STATUS_TIMEOUT_MS);
      waiting = { version, resolve: (status) => (clearTimeout(timer), resolve(status)) };
    });
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  await sleep(50);
  const opened = performance.now();
  const document = shim.openDocument(file, text);
  const first = await analysedAt(1);
  const firstAnalysisMs = performance.now() - opened;
  // The first lenses and the status bar's request after the open, before measuring.
  await sleep(SETTLE_MS);

  // Type in the middle of a line of prose, one character after the other.
  let offset = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
  offset = text.indexOf(' ', offset);
  const before = text.slice(0, offset);
  let line = before.split('\n').length - 1;
  let character = offset - (before.lastIndexOf('\n') + 1);
  const type = (typed) => {
    const took = shim.edit(document, offset, { line, character }, typed);
    offset += typed.length;
    if (typed === '\n') {
      line++;
      character = 0;
    } else character += typed.length;
    return took;
  };

  // The bench's own garbage (generating the plan, opening it) is collected before measuring, so
  // a collection of it is not counted as the host's.
  globalThis.gc?.();
  const busy = threadBusyMonitor();
  const delay = monitorEventLoopDelay({ resolution: 1 });
  // V8's pauses of the thread for garbage collection, by the wall clock.
  let longestGcMs = 0;
  const collections = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestGcMs = Math.max(longestGcMs, entry.duration);
  });
  collections.observe({ entryTypes: ['gc'] });
  const listeners = [];
  const keystrokes = Number(values.keystrokes);
  const bursts = Math.max(1, Math.min(keystrokes, Number(values.bursts)));
  const typeMs = Number(values['type-ms']);
  const received = wire.mark();
  const requestsAtStart = shim.requests.snapshot();
  const measuredFrom = performance.now();
  wire.log('typing starts');
  delay.enable();
  busy.start();
  let lastDiagnosticsMs = 0;
  for (let b = 0, typed = 0; b < bursts; b++) {
    // Every other burst starts a new line: every diagnostic below it moves down one line.
    const count = Math.round(((b + 1) * keystrokes) / bursts) - typed;
    for (let i = 0; i < count; i++, typed++) {
      listeners.push(type(b % 2 === 1 && i === 0 ? '\n' : 'x'));
      await sleep(typeMs);
    }
    wire.log(`burst ${b + 1} typed (version ${document.version})`);
    const pausedAt = performance.now();
    await analysedAt(document.version);
    lastDiagnosticsMs = performance.now() - pausedAt;
    // The status bar's request and the lenses VS Code asks for after a pause, inside the measurement.
    await sleep(SETTLE_MS);
  }
  busy.stop();
  delay.disable();
  collections.disconnect();
  const measuredMs = performance.now() - measuredFrom;
  listeners.sort((a, b) => a - b);
  const traffic = wire.since(received);
  const result = {
    keystrokes,
    bursts,
    typeMs,
    bytes,
    sections: first.sections,
    diagnostics: first.findings,
    firstAnalysisMs,
    lastDiagnosticsMs,
    measuredMs,
    longestBusyMs: busy.longestMs(),
    busyClock: busy.clock,
    clockErrorMs: busy.check?.(),
    longestGapMs: busy.longestWallMs(),
    longestBlockMs: delay.max / 1e6,
    longestGcMs,
    longestListenersMs: listeners[listeners.length - 1],
    medianListenersMs: listeners[Math.floor(listeners.length / 2)],
    traffic,
    parseFloor: wire.parseFloor(),
    shimRequests: shim.requests.since(requestsAtStart),
  };
  if (values.trace) {
    console.log(`\nhost-thread blocks of ${TRACE_BLOCK_MS} ms or more (CPU ms, at ms since typing started), and the messages around them:`);
    const events = [...busy.blocks(TRACE_BLOCK_MS).map((b) => ({ at: b.at, text: `BLOCK ${b.ms.toFixed(2)} ms (wall ${b.wallMs.toFixed(2)} ms)` })), ...wire.events()].filter((e) => e.at >= measuredFrom);
    events.sort((a, b) => a.at - b.at);
    for (const e of events) console.log(`${(e.at - measuredFrom).toFixed(1).padStart(9)}  ${e.text}`);
  }
  console.log(`@@typing ${JSON.stringify(result)}`);
  for (const d of subscriptions) await d?.dispose?.();
  process.exit(0);
}

/**
 * The longest time the host's thread was busy: a 1 ms timer ticks whenever the thread is free;
 * what ran between two ticks is one block that nothing else on the thread could interrupt. A
 * block counts the thread's own CPU time over it (`threadCpuClock`), not the wall clock, which on
 * a shared machine also holds the time the thread waited for a core that another process held
 * (the language server analysing, on these two cores). Where only the process's CPU time is to
 * be had, the smaller of it and the wall clock.
 */
function threadBusyMonitor() {
  const clock = threadCpuClock();
  const blocks = [];
  let timer;
  let lastWall;
  let lastCpu;
  let max = 0;
  let maxWall = 0;
  const tick = () => {
    const wall = performance.now();
    const cpu = clock.now();
    const ms = Math.min(wall - lastWall, cpu - lastCpu);
    if (wall - lastWall > maxWall) maxWall = wall - lastWall;
    if (ms > max) max = ms;
    if (ms >= TRACE_BLOCK_MS) blocks.push({ at: lastWall, ms, wallMs: wall - lastWall });
    lastWall = wall;
    lastCpu = cpu;
  };
  return {
    clock: clock.name,
    check: clock.check,
    start() {
      lastWall = performance.now();
      lastCpu = clock.now();
      timer = setInterval(tick, 1);
    },
    stop() {
      tick();
      clearInterval(timer);
    },
    longestMs: () => max,
    longestWallMs: () => maxWall,
    blocks: (atLeast) => blocks.filter((b) => b.ms >= atLeast),
  };
}

/**
 * The CPU time, in ms, of the calling thread alone. On Linux it is the scheduler's runtime of the
 * thread (`/proc/thread-self/schedstat`), which the kernel brings up to date when the thread
 * leaves the CPU: a wait of 10 µs (`Atomics.wait`) just before reading makes it leave, so the
 * figure is exact to the read (`checkClock` measures it in each run: a few tenths of a ms at
 * most, where without the wait it lags by up to a scheduler tick, several ms). Elsewhere, the process's CPU
 * time, which also holds V8's helper threads (concurrent marking, compiling): never less than the
 * thread's own.
 */
function threadCpuClock() {
  try {
    const fd = openSync('/proc/thread-self/schedstat', 'r');
    const buffer = Buffer.alloc(96);
    const nap = new Int32Array(new SharedArrayBuffer(4));
    /** [CPU time, time waiting for a core] in ms. */
    const read = () => {
      Atomics.wait(nap, 0, 0, 0.01);
      const n = readSync(fd, buffer, 0, buffer.length, 0);
      const [run, wait] = buffer.toString('latin1', 0, n).split(' ', 2).map(Number);
      return [run / 1e6, wait / 1e6];
    };
    const now = () => read()[0];
    if (Number.isFinite(now())) return { name: "the thread's own CPU time", now, check: () => checkClock(read) };
  } catch {
    // Not Linux, or no /proc: the process's CPU time below.
  }
  return {
    name: "the process's CPU time, V8's helper threads included",
    now: () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    },
  };
}

/**
 * How far the thread clock is from the truth: busy loops of 3 ms by the wall clock, each read by
 * the clock; the largest difference from the loop's wall time less the time it waited for a core
 * (the scheduler's second figure), which on a shared machine it may lose to another process.
 */
function checkClock(read) {
  let worst = 0;
  for (let i = 0; i < 21; i++) {
    const [cpu, waited] = read();
    const wall = performance.now();
    while (performance.now() - wall < 3);
    const [cpuAfter, waitedAfter] = read();
    const error = cpuAfter - cpu - (performance.now() - wall - (waitedAfter - waited));
    if (Math.abs(error) > Math.abs(worst)) worst = error;
  }
  return worst;
}

/**
 * Watches the IPC channel to the language server the client forks: counts the messages each way
 * by method (a response by the method of its request). With `withSizes` (--trace) it also keeps
 * each message for a timeline, sized after the run, so sizing costs the measured thread nothing.
 * It also raises the server's analysis budget in `initialize` (BENCH_BUDGET_MS).
 */
function watchServerChannel(withSizes) {
  const cp = createRequire(import.meta.url)('node:child_process');
  const counts = new Map();
  const requests = new Map();
  const timeline = [];
  /** The last message received of each kind, for the parse floor after the run. */
  const latest = new Map();
  const note = (message, direction, handledMs) => {
    let key;
    if (message?.method) {
      if (message.id !== undefined) requests.set(`${direction}:${message.id}`, message.method);
      key = `${direction === 'in' ? '<-' : '->'} ${message.method}${message.id !== undefined ? ' (request)' : ''}`;
    } else {
      key = `${direction === 'in' ? '<-' : '->'} ${requests.get(`${direction === 'in' ? 'out' : 'in'}:${message?.id}`) ?? 'unknown'} (response)`;
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (direction === 'in') latest.set(key, message);
    if (withSizes) timeline.push({ at: performance.now(), key, message, handledMs });
  };
  const fork = cp.fork;
  cp.fork = function (...args) {
    const child = fork.apply(this, args);
    const emit = child.emit;
    child.emit = function (event, message, ...rest) {
      if (event !== 'message') return emit.call(this, event, message, ...rest);
      const started = performance.now();
      const result = emit.call(this, event, message, ...rest);
      note(message, 'in', performance.now() - started);
      return result;
    };
    const send = child.send;
    child.send = function (message, ...rest) {
      if (message?.method === 'initialize') message = { ...message, params: { ...message.params, initializationOptions: { ...message.params.initializationOptions, analysisBudgetMs: BENCH_BUDGET_MS } } };
      note(message, 'out');
      return send.call(this, message, ...rest);
    };
    return child;
  };
  return {
    mark: () => new Map(counts),
    /**
     * The largest message received of those kept, and how long JSON.parse of it takes on this
     * thread (the median of PARSE_RUNS, as the smaller of wall and CPU time): what any client on
     * LSP's JSON transport pays at least, in one piece, for that message. Measured after the run.
     */
    parseFloor() {
      const [key, message] = [...latest].map(([k, m]) => [k, JSON.stringify(m)]).sort((a, b) => b[1].length - a[1].length)[0] ?? [];
      if (!message) return undefined;
      const times = [];
      for (let i = 0; i < PARSE_RUNS; i++) {
        const wall = performance.now();
        const { user, system } = process.cpuUsage();
        JSON.parse(message);
        const cpu = process.cpuUsage({ user, system });
        times.push(Math.min(performance.now() - wall, (cpu.user + cpu.system) / 1000));
      }
      times.sort((a, b) => a - b);
      return { message: key, kb: message.length / 1024, parseMs: times[Math.floor(times.length / 2)] };
    },
    since: (mark) => Object.fromEntries([...counts].map(([key, n]) => [key, n - (mark.get(key) ?? 0)]).filter(([, n]) => n > 0)),
    log: (text) => withSizes && timeline.push({ at: performance.now(), text: `-- ${text}` }),
    /** The timeline, each message with its JSON size (computed now, after the run). */
    events: () =>
      timeline.map((e) => (e.text ? e : { at: e.at, text: `${e.key} ${(JSON.stringify(e.message).length / 1024).toFixed(1)} KB${e.handledMs === undefined ? '' : `, handled in ${e.handledMs.toFixed(2)} ms`}` })),
  };
}

function proxyMemento() {
  return { get: (_k, d) => d, update: async () => {}, keys: () => [] };
}
