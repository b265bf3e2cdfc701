/**
 * `npm run test:desktop` (scripts/test-desktop.mjs) downloads VS Code, which these machines
 * cannot do. What can be checked offline: the options it hands @vscode/test-electron's
 * `runTests` point at this extension, the compiled integration suite and a fresh copy of the
 * fixture workspace; the version it asks for; and that a failed download ends in one line.
 * Needs the build and the compiled tests (npm test does both first).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fromRoot, repoRoot } from '../support/paths';

const SCRIPT = fromRoot('scripts', 'test-desktop.mjs');

/** The runner's exports (an ES module script, so loaded with import()). */
interface DesktopRunner {
  engineFloor(manifest: { engines?: { vscode?: string } }): string;
  copyFixtureWorkspace(root: string, target: string): string;
  desktopTestOptions(where: { root: string; vscodeExecutablePath: string; workspace: string; runDir: string }): {
    vscodeExecutablePath: string;
    extensionDevelopmentPath: string;
    extensionTestsPath: string;
    launchArgs: string[];
  };
}

const loadRunner = async (): Promise<DesktopRunner> => (await import(pathToFileURL(SCRIPT).href)) as DesktopRunner;

/** Every file under `dir`, relative to it, sorted. */
function files(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The value of `--name=value` in `args`. */
function flag(args: readonly string[], name: string): string | undefined {
  return args.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** A loopback port nothing listens on: connecting to it is refused at once. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('desktop test runner (npm run test:desktop)', () => {
  let runner: DesktopRunner;
  let runDir = '';

  before(async () => {
    runner = await loadRunner();
  });
  beforeEach(() => {
    runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-desktop-test-'));
  });
  afterEach(() => fs.rmSync(runDir, { recursive: true, force: true }));

  it('hands runTests this extension, the compiled integration suite and a copy of the fixture workspace', () => {
    const workspace = runner.copyFixtureWorkspace(repoRoot, path.join(runDir, 'ws'));
    const options = runner.desktopTestOptions({ root: repoRoot, vscodeExecutablePath: '/opt/vscode/code', workspace, runDir });
    assert.equal(options.vscodeExecutablePath, '/opt/vscode/code');

    const manifest = JSON.parse(fs.readFileSync(path.join(options.extensionDevelopmentPath, 'package.json'), 'utf8')) as { name: string; main: string };
    assert.equal(options.extensionDevelopmentPath, repoRoot);
    assert.equal(manifest.name, 'pm-lens');
    assert.ok(fs.existsSync(path.join(repoRoot, manifest.main)), `${manifest.main} is built`);

    assert.equal(options.extensionTestsPath, fromRoot('out', 'test', 'integration', 'index.js'));
    assert.ok(fs.existsSync(options.extensionTestsPath), `${options.extensionTestsPath} is compiled`);
    // The very suite the code-server host runs in npm test.
    const relative = path.relative(repoRoot, options.extensionTestsPath).split(path.sep).join('/');
    assert.ok(fs.readFileSync(fromRoot('scripts', 'test-all.mjs'), 'utf8').includes(`--tests ${relative}`), `test-all's host suite runs ${relative}`);

    // test-electron opens the first launch argument: the copy, with every fixture, outside the repository.
    assert.equal(options.launchArgs[0], workspace);
    assert.deepEqual(files(workspace), files(fromRoot('test', 'fixtures', 'workspace')));
    assert.ok(path.relative(repoRoot, workspace).startsWith('..'), `the copy ${workspace} is outside the repository`);

    assert.ok(options.launchArgs.includes('--disable-extensions'), 'no other extension runs beside PM Lens');
    for (const name of ['--user-data-dir', '--extensions-dir']) {
      const dir = flag(options.launchArgs, name);
      assert.ok(dir?.startsWith(runDir + path.sep), `${name}=${dir} is a profile of the run's own`);
    }
  });

  it('asks for the oldest VS Code that engines.vscode accepts', () => {
    assert.equal(runner.engineFloor({ engines: { vscode: '^1.90.0' } }), '1.90.0');
    assert.equal(runner.engineFloor({ engines: { vscode: '>=1.82.2' } }), '1.82.2');
    assert.throws(() => runner.engineFloor({ engines: { vscode: '*' } }), /engines\.vscode '\*'.*PM_LENS_VSCODE_VERSION/);
    assert.throws(() => runner.engineFloor({}), /engines\.vscode/);
    const manifest = JSON.parse(fs.readFileSync(fromRoot('package.json'), 'utf8')) as { engines: { vscode: string } };
    assert.match(runner.engineFloor(manifest), /^\d+\.\d+\.\d+$/);
  });

  it('says in one line that VS Code cannot be downloaded, and exits 3', async () => {
    // test-electron's requests go through npm's proxy setting: a refused one fails here even on
    // a machine with internet. The working folder is empty, so no VS Code is found in .vscode-test/.
    const env: NodeJS.ProcessEnv = { ...process.env, npm_config_https_proxy: `http://127.0.0.1:${await closedPort()}`, DISPLAY: ':0' };
    delete env.PM_LENS_VSCODE_VERSION;
    const run = spawnSync(process.execPath, [SCRIPT], { cwd: runDir, env, encoding: 'utf8' });
    const lines = `${run.stdout}${run.stderr}`.split('\n').filter((line) => line.trim());
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0], /^test:desktop: cannot download VS Code \d+\.\d+\.\d+ from update\.code\.visualstudio\.com \(connect ECONNREFUSED .*\); `npm test` runs the same suite offline/);
    assert.equal(run.status, 3);
  });
});
