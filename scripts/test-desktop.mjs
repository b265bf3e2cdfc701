#!/usr/bin/env node
// Runs the integration suite (test/integration, compiled to out/test/integration/index.js) in
// desktop VS Code, which @vscode/test-electron downloads from Microsoft's update server, on a
// fresh copy of test/fixtures/workspace. `npm run test:desktop` runs it through
// scripts/test-all.mjs, which turns the suite's `@@pm-lens-counts` line into `N passed, N failed`.
//
// Which VS Code: the oldest one package.json's `engines.vscode` accepts. `npm test` already runs
// the suite in a current VS Code (code-server), so this covers the other end of what the manifest
// promises; and a pinned version is found again in .vscode-test/ (under the working folder, as
// test-electron does by default) without asking the server. PM_LENS_VSCODE_VERSION=stable (or
// insiders, or 1.x.y) picks another.
//
// The web suite (test/integration-web) does not run here: desktop VS Code loads the extension's
// Node `main`, never its `browser` entry, and that suite checks it runs in VS Code for the Web on a
// virtual workspace, which `npm test` covers offline (scripts/test-web.mjs).
//
// A machine that cannot reach the update server gets one line saying so, and exit code 3, within
// DOWNLOAD_TIMEOUT_MS. On Linux without a display the script runs itself again under xvfb-run.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const EXIT_HOST = 3;
/** test-electron gives up on a request that receives nothing for this long (its default is 15 s). */
const DOWNLOAD_TIMEOUT_MS = 10_000;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SUITE = path.join('out', 'test', 'integration', 'index.js');
const FIXTURE_WORKSPACE = path.join('test', 'fixtures', 'workspace');

/**
 * The version to download: the lowest one `engines.vscode` accepts (`^1.90.0` or `>=1.90.0`).
 * @param {{ engines?: { vscode?: string } }} manifest the extension's package.json
 * @returns {string} a version such as `1.90.0`
 */
export function engineFloor(manifest) {
  const range = manifest.engines?.vscode ?? '';
  const m = /^(?:\^|>=)\s*(\d+\.\d+\.\d+)$/.exec(range.trim());
  if (!m) throw new Error(`package.json engines.vscode '${range}' is not ^x.y.z or >=x.y.z; set PM_LENS_VSCODE_VERSION`);
  return m[1];
}

/**
 * Copies the fixture workspace into `target`, so what the tests write never reaches the repository.
 * @param {string} root the repository root
 * @param {string} target a folder that does not exist yet
 * @returns {string} `target`
 */
export function copyFixtureWorkspace(root, target) {
  fs.cpSync(path.join(root, FIXTURE_WORKSPACE), target, { recursive: true });
  return target;
}

/**
 * The options handed to test-electron's `runTests`: the repository as the extension under
 * development, the compiled integration suite, and VS Code opening `workspace` (the first launch
 * argument) with a profile of its own in `runDir` and no other extension enabled.
 * @param {{ root: string, vscodeExecutablePath: string, workspace: string, runDir: string }} where
 * @returns {import('@vscode/test-electron').TestOptions}
 */
export function desktopTestOptions({ root, vscodeExecutablePath, workspace, runDir }) {
  return {
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, SUITE),
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-telemetry',
      `--user-data-dir=${path.join(runDir, 'ud')}`,
      `--extensions-dir=${path.join(runDir, 'ext')}`,
    ],
  };
}

function fail(message) {
  console.error(`test:desktop: ${message}`);
  process.exit(EXIT_HOST);
}

/**
 * test-electron's console progress, started at its first report, which comes once the update
 * server has answered (or a copy was found): before that, its spinner would be a second line
 * beside the one a machine without access gets. `settled()` resolves when all is printed.
 */
function progressAfterAnswer({ makeConsoleReporter }) {
  let reporter;
  return {
    report(report) {
      reporter = (reporter ?? makeConsoleReporter()).then((r) => (r.report(report), r));
    },
    error(error) {
      reporter = reporter?.then((r) => (r.error(error), r));
    },
    settled: () => reporter,
  };
}

/** Builds the extension and compiles the suite; exits with the failing step's code. */
function build() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  for (const args of [['scripts/build.mjs'], [tsc, '-p', 'tsconfig.json']]) {
    const step = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    if (step.status !== 0) process.exit(step.status ?? 1);
  }
}

async function main() {
  // Electron needs a display: on a headless Linux, this script runs again inside a virtual one.
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (headless) {
    const again = spawnSync('xvfb-run', ['-a', process.execPath, fileURLToPath(import.meta.url)], { stdio: 'inherit' });
    if (!again.error) process.exit(again.status ?? 1);
  }
  const electron = await import('@vscode/test-electron');
  let version = process.env.PM_LENS_VSCODE_VERSION;
  try {
    version ||= engineFloor(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')));
  } catch (error) {
    fail(error.message);
  }
  const progress = progressAfterAnswer(electron);
  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await electron.downloadAndUnzipVSCode({ version, timeout: DOWNLOAD_TIMEOUT_MS, reporter: progress });
    await progress.settled();
  } catch (error) {
    // test-electron also throws plain strings; its timeout reads 'request timeout out after 10000ms'.
    const said = error instanceof Error ? error.message : String(error);
    const reason = /timeout/i.test(said) ? `no answer in ${DOWNLOAD_TIMEOUT_MS / 1000} s` : said;
    fail(`cannot download VS Code ${version} from update.code.visualstudio.com (${reason}); \`npm test\` runs the same suite offline in code-server`);
  }

  // Said after the download, so that a machine without access hears about that first.
  if (headless) fail('no DISPLAY to open VS Code in, and xvfb-run is missing: install xvfb (apt-get install xvfb) or set DISPLAY');

  build();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-d-')); // short: VS Code puts its IPC socket in ud/
  const workspace = copyFixtureWorkspace(ROOT, path.join(runDir, 'ws'));
  try {
    await electron.runTests(desktopTestOptions({ root: ROOT, vscodeExecutablePath, workspace, runDir }));
  } catch (error) {
    // The suite's own failures come with its counts line; this names the run's logs.
    console.error(`test:desktop: ${error.message}; logs kept in ${path.join(runDir, 'ud', 'logs')}`);
    process.exit(typeof error.code === 'number' && error.code > 0 ? error.code : 1);
  }
  fs.rmSync(runDir, { recursive: true, force: true });
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
