#!/usr/bin/env node
// Runs an extension's integration suite inside a REAL VS Code extension host, offline.
//
// @vscode/test-electron cannot download VS Code here (no internet except npm/apt), so we use
// code-server (VS Code's own server + web workbench + Node extension host, from npm) bound to
// 127.0.0.1, and drive its workbench with Debian's headless Chromium through the project's
// playwright-core. Install the host once with scripts/setup-host.sh.
//
// Test mode:
//   node scripts/run-host-tests.mjs --ext <extensionDevelopmentPath> --tests <abs suite index.js>
//        --workspace <folder> [--env JSON] [--settings JSON] [--timeout SEC] [--shot out.png]
//        [--shot-dir DIR] [--keep] [--verbose] [--install-vsix FILE]
//   The suite follows @vscode/test-electron's contract (exports run(): Promise<void>, rejects on
//   failure), so the same suite also runs under test-electron on a desktop. The process exits with
//   the suite's exit code; 124 on timeout; 2 on usage errors; 3 on a runner/host failure.
//   --env      JSON object added to the extension host's process.env.
//   --settings JSON object merged into the user settings.json (e.g. {"workbench.colorTheme": ...}).
//   --shot     screenshot of the page after the suite finished.
//   --shot-dir whenever the suite logs a line exactly `@@screenshot <name>` (console.log from the
//              extension host), the runner saves DIR/<name>.png. Logging is fire-and-forget, so
//              the test must then wait (~1 s) itself before changing the UI.
//   --keep     keep the temp run dir (logs, profile) even on success; it is always kept on failure.
//   --verbose  also print the workbench's startup chatter and the browser console's warnings/errors.
//   --install-vsix  install this VSIX into the run's extensions dir first (code-server
//              --install-extension), so the suite can test the packaged extension itself.
//
// Serve mode (for `npm start`-like manual checks, no browser):
//   node scripts/run-host-tests.mjs --serve --ext <extension folder> --workspace <folder>
//        [--port N] [--settings JSON]
//   Starts code-server on 127.0.0.1 with the extension installed by symlinking its folder into a
//   fresh extensions dir as <publisher>.<name>-<version>, prints the URL, serves until Ctrl-C.
//   (code-server has no server-side --extensionDevelopmentPath: in the web workbench it is only a
//   URL payload honoured with the smoke-test driver, which is what test mode uses.)
//
// Env: PM_LENS_HOST_DIR (default ~/.cache/pm-lens-host), PM_LENS_CHROMIUM (default /usr/bin/chromium).

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { format, parseArgs } from 'node:util';

const EXIT_USAGE = 2;
const EXIT_HOST = 3;
const EXIT_TIMEOUT = 124;

const HOST_DIR = process.env.PM_LENS_HOST_DIR || path.join(os.homedir(), '.cache', 'pm-lens-host');
const NODE24 = path.join(HOST_DIR, 'node24', 'bin', 'node');
const CS_ENTRY = path.join(HOST_DIR, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.PM_LENS_CHROMIUM || '/usr/bin/chromium';

// Fresh profile: no telemetry, update checks, trust prompt or welcome page to get in the way.
const BASE_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden', // empty chat pane; cleaner screenshots
  'security.workspace.trust.enabled': false,
  'files.autoSave': 'off', // tests edit fixture documents; never write them back to disk
  'chat.disableAIFeatures': true,
  'git.enabled': false,
};

// codeAutomationLog carries the workbench's own info log too, mixed with the suite's output at
// the same level; drop its known startup chatter (shown with --verbose).
const WORKBENCH_CHATTER = new RegExp([
  '^Resolv(ing|ed) connection token', '^Creating a socket', '^\\[reconnection-grace-time\\]',
  '^\\[Service Worker\\]', '^\\[AgentHost', '^\\[AccountPolicyGate\\]',
  '^(Updating|Ignoring fetching) additional builtin extensions',
  "^Timed out waiting for authentication provider 'github'", '^Creation of workbench contribution',
].join('|'));

const USAGE = `usage:
  node scripts/run-host-tests.mjs --ext DIR --tests ABS_INDEX_JS --workspace DIR [--env JSON]
       [--settings JSON] [--timeout SEC] [--shot FILE.png] [--shot-dir DIR] [--keep] [--verbose]
       [--install-vsix FILE]
  node scripts/run-host-tests.mjs --serve --ext DIR --workspace DIR [--port N] [--settings JSON]`;

function die(msg, code = EXIT_USAGE) {
  console.error(`run-host-tests: ${msg}`);
  if (code === EXIT_USAGE) console.error(USAGE);
  process.exit(code);
}

function parseCli() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        ext: { type: 'string' },
        tests: { type: 'string' },
        workspace: { type: 'string' },
        env: { type: 'string' },
        settings: { type: 'string' },
        timeout: { type: 'string', default: '600' },
        shot: { type: 'string' },
        'shot-dir': { type: 'string' },
        serve: { type: 'boolean', default: false },
        port: { type: 'string' },
        keep: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        'install-vsix': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    die(e.message);
  }
  if (values.help) { console.log(USAGE); process.exit(0); }
  const json = (name) => {
    if (values[name] === undefined) return undefined;
    let v;
    try { v = JSON.parse(values[name]); } catch (e) { die(`--${name} is not valid JSON: ${e.message}`); }
    if (!v || typeof v !== 'object' || Array.isArray(v)) die(`--${name} must be a JSON object`);
    return v;
  };
  const existing = (name, required) => {
    if (values[name] === undefined) { if (required) die(`--${name} is required`); return undefined; }
    const p = path.resolve(values[name]);
    if (!fs.existsSync(p)) die(`--${name} ${p} does not exist`);
    return p;
  };
  const opts = {
    serve: values.serve,
    ext: existing('ext', true),
    tests: existing('tests', !values.serve),
    workspace: existing('workspace', true),
    env: json('env'),
    settings: json('settings'),
    timeout: Number(values.timeout),
    shot: values.shot && path.resolve(values.shot),
    shotDir: values['shot-dir'] && path.resolve(values['shot-dir']),
    port: values.port === undefined ? undefined : Number(values.port),
    keep: values.keep,
    verbose: values.verbose,
    installVsix: existing('install-vsix', false),
  };
  if (!(opts.timeout > 0)) die('--timeout must be a positive number of seconds');
  if (opts.port !== undefined && !(Number.isInteger(opts.port) && opts.port > 0 && opts.port < 65536)) die('--port must be a port number');
  if (!fs.existsSync(path.join(opts.ext, 'package.json'))) die(`--ext ${opts.ext} has no package.json`);
  return opts;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function makeRunDir(extraSettings) {
  const run = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-host-'));
  for (const d of ['ud/User', 'exts', 'tmp', 'xdg', 'chrome-profile']) fs.mkdirSync(path.join(run, d), { recursive: true });
  fs.writeFileSync(path.join(run, 'ud/User/settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...extraSettings }, null, 2));
  return run;
}

// Starts code-server in its own process group (so the extension host and other children die with
// it) and waits until /healthz answers. Returns { child, stop() }.
async function startCodeServer(run, port, { smokeTestDriver }) {
  const args = [
    CS_ENTRY,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--user-data-dir', path.join(run, 'ud'), '--extensions-dir', path.join(run, 'exts'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
  ];
  // Without this the workbench silently ignores extensionDevelopmentPath/extensionTestsPath in
  // the URL payload (they are only honoured by unbuilt builds or with the smoke-test driver).
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const logFile = path.join(run, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(NODE24, args, {
    detached: true,
    stdio: ['ignore', out, out],
    // XDG/TMPDIR: keep code-server's config.yaml, IPC socket and temp files inside the run dir.
    // EXTENSIONS_GALLERY={}: no marketplace, so no failing open-vsx.org lookups in the output.
    env: { ...process.env, EXTENSIONS_GALLERY: '{}', XDG_CONFIG_HOME: path.join(run, 'xdg'), XDG_DATA_HOME: path.join(run, 'xdg'), TMPDIR: path.join(run, 'tmp') },
  });
  fs.closeSync(out);
  let exited = false;
  const exitedP = new Promise((r) => child.once('exit', (code, sig) => { exited = true; r({ code, sig }); }));
  const killGroup = (sig) => { try { process.kill(-child.pid, sig); } catch { /* already gone */ } };
  // Last resort if we exit without stop() (e.g. an uncaught error).
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);
  const stop = async () => {
    process.off('exit', onExit);
    killGroup('SIGTERM');
    await Promise.race([exitedP, sleep(3000)]);
    killGroup('SIGKILL'); // stragglers in the group (extension host, pty host)
  };

  const deadline = Date.now() + 120_000; // generous: loaded CI machines start slowly
  for (;;) {
    if (exited) throw new Error(`code-server exited during startup; see ${logFile}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error(`code-server not healthy after 120 s; see ${logFile}`); }
    await sleep(250);
  }
  return { child, stop, exitedP, logFile };
}

function findExtHostLogs(run) {
  const found = [];
  const walk = (d) => {
    let entries;
    try { entries = fs.readdirSync(d, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/exthost\.log$/i.test(e.name)) found.push(p); // remoteexthost.log
    }
  };
  walk(path.join(run, 'ud', 'logs'));
  return found;
}

// Installs a VSIX the way a user does, into the run's extensions dir (offline: a local file).
function installVsix(run, vsix) {
  const result = spawnSync(NODE24, [CS_ENTRY, '--user-data-dir', path.join(run, 'ud'), '--extensions-dir', path.join(run, 'exts'), '--install-extension', vsix], {
    encoding: 'utf8', env: { ...process.env, EXTENSIONS_GALLERY: '{}', XDG_CONFIG_HOME: path.join(run, 'xdg'), XDG_DATA_HOME: path.join(run, 'xdg'), TMPDIR: path.join(run, 'tmp') },
  });
  if (result.status !== 0) throw new Error(`installing ${vsix} failed:\n${result.stdout}${result.stderr}`);
  console.log(`[run-host-tests] installed ${path.basename(vsix)}`);
}

async function runTests(opts) {
  const run = makeRunDir(opts.settings);
  // code-server sits in its own process group, so Ctrl-C does not reach it: exit explicitly,
  // which fires startCodeServer's 'exit' hook that kills the group.
  for (const [sig, n] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
    process.once(sig, () => { console.log(`[run-host-tests] ${sig}; run dir kept: ${run}`); process.exit(128 + n); });
  }
  const port = await freePort();
  let cs;
  let ctx;
  let code = EXIT_HOST;
  let hostFailure = false;
  let timer;
  try {
    if (opts.installVsix) installVsix(run, opts.installVsix);
    cs = await startCodeServer(run, port, { smokeTestDriver: true });
    const { chromium } = await import('playwright-core'); // the project's devDependency

    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [['extensionDevelopmentPath', remote(opts.ext)], ['extensionTestsPath', remote(opts.tests)]];
    if (opts.env) payload.push(['extensionEnvironment', JSON.stringify(opts.env)]);
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(opts.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    ctx = await chromium.launchPersistentContext(path.join(run, 'chrome-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const page = ctx.pages()[0] || (await ctx.newPage());

    let finish;
    const finished = new Promise((r) => (finish = r));
    // Screenshots are chained so they never overlap and are all written before we close.
    let shots = Promise.resolve();
    if (opts.shotDir) fs.mkdirSync(opts.shotDir, { recursive: true });

    // The workbench's test runner reports through these two globals (smoke-test driver contract).
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      const m = /^@@screenshot (\S+)$/.exec(line.trim());
      if (m && opts.shotDir) {
        const file = path.join(opts.shotDir, `${m[1].replace(/[^\w.-]/g, '_')}.png`);
        shots = shots.then(() => page.screenshot({ path: file })).then(
          () => console.log(`[run-host-tests] screenshot ${file}`),
          (e) => console.log(`[run-host-tests] screenshot ${file} failed: ${e.message}`));
        return;
      }
      if (opts.verbose || !WORKBENCH_CHATTER.test(line)) console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', (c) => finish(Number(c)));
    page.on('pageerror', (e) => console.log('[pageerror]', e.message));
    // The browser console repeats the log lines above; only its warnings/errors add anything.
    if (opts.verbose) page.on('console', (m) => { if (m.type() !== 'log') console.log(`[console.${m.type()}]`, m.text()); });
    page.on('crash', () => { hostFailure = true; finish(EXIT_HOST); });
    cs.exitedP.then(() => { hostFailure = true; finish(EXIT_HOST); });
    timer = setTimeout(() => { console.log(`[run-host-tests] timed out after ${opts.timeout} s`); finish(EXIT_TIMEOUT); }, opts.timeout * 1000);

    await page.goto(url, { waitUntil: 'commit' }); // the workbench signals readiness itself; 'load' can time out under load
    code = await finished;
    clearTimeout(timer);
    if (hostFailure) console.log('[run-host-tests] the browser page or code-server died during the run');
    await shots;
    if (opts.shot) {
      await page.screenshot({ path: opts.shot });
      console.log(`[run-host-tests] screenshot ${opts.shot}`);
    }
  } catch (e) {
    console.error('[run-host-tests]', e.stack || e.message);
    code = EXIT_HOST;
  } finally {
    clearTimeout(timer);
    if (ctx) await ctx.close().catch(() => {});
    if (cs) await cs.stop();
  }

  if (code !== 0) {
    console.log(`[run-host-tests] exit code ${code}. Run dir kept: ${run}`);
    console.log(`[run-host-tests] code-server log: ${path.join(run, 'code-server.log')}`);
    for (const l of findExtHostLogs(run)) console.log(`[run-host-tests] extension host log: ${l}`);
  } else if (opts.keep) {
    console.log(`[run-host-tests] run dir kept: ${run}`);
  } else {
    fs.rmSync(run, { recursive: true, force: true });
  }
  return code;
}

async function serve(opts) {
  const run = makeRunDir(opts.settings);
  const pkg = JSON.parse(fs.readFileSync(path.join(opts.ext, 'package.json'), 'utf8'));
  // The folder name is how VS Code identifies an installed extension; a symlink keeps it live
  // (rebuild, then "Developer: Reload Window").
  const id = `${pkg.publisher}.${pkg.name}-${pkg.version}`;
  fs.symlinkSync(opts.ext, path.join(run, 'exts', id), 'dir');
  const port = opts.port ?? (await freePort());
  const cs = await startCodeServer(run, port, { smokeTestDriver: false });
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(opts.workspace)}`;
  console.log(`PM Lens host serving ${id} from ${opts.ext}`);
  console.log(`  URL:  ${url}`);
  console.log(`  logs: ${run}/code-server.log, ${run}/ud/logs`);
  console.log('  Ctrl-C to stop.');
  let stopping = false;
  const shutdown = async (code) => {
    if (stopping) return;
    stopping = true;
    await cs.stop();
    // Unlink first: rm -r must never follow the symlink into the extension folder.
    fs.rmSync(path.join(run, 'exts', id), { force: true });
    fs.rmSync(run, { recursive: true, force: true });
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => shutdown(0));
  const { code, sig } = await cs.exitedP;
  if (!stopping) {
    console.error(`code-server exited (${sig || code}); see ${cs.logFile}`);
    stopping = true;
    process.exit(EXIT_HOST);
  }
}

const opts = parseCli();
for (const [what, p] of [['node 24', NODE24], ['code-server', CS_ENTRY], ...(opts.serve ? [] : [['chromium', CHROMIUM]])]) {
  if (!fs.existsSync(p)) die(`${what} not found at ${p}; run scripts/setup-host.sh first`, EXIT_HOST);
}
if (opts.serve) {
  await serve(opts);
} else {
  process.exit(await runTests(opts));
}
