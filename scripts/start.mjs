#!/usr/bin/env node
// `npm start`: builds PM Lens, runs the command line on examples/, then opens VS Code with the
// extension on a copy of examples/ in a temporary folder (what a visitor types there never
// reaches the repository):
//   - desktop VS Code when `code` is on PATH: `code --extensionDevelopmentPath=<repo> <copy>`;
//   - otherwise code-server (installed by scripts/setup-host.sh) on 127.0.0.1, with the extension
//     loaded from this folder; the URL is printed and it serves until Ctrl-C.
//
//   node scripts/start.mjs [--port N] [--no-editor]
//   --port       code-server's port (default: PM_LENS_PORT, else a free one)
//   --no-editor  stop after the command-line run
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = path.join(root, 'examples');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PM_LENS_PORT },
    'no-editor': { type: 'boolean', default: false },
  },
});

function run(title, cmd, args, { allowFindings = false } = {}) {
  console.log(`\n> ${title}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  // `pm-lens check` exits 1 when it finds an error: the examples have some on purpose.
  if (result.status === 0 || (allowFindings && result.status === 1)) return;
  console.error(`start: ${title} failed (${result.error?.message ?? `exit ${result.status}`})`);
  process.exit(result.status || 1);
}

/** The full path of a command on PATH, if there is one. */
function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, command);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

run('node scripts/build.mjs', process.execPath, ['scripts/build.mjs']);
run('pm-lens check examples', process.execPath, ['bin/pm-lens.js', 'check', 'examples'], { allowFindings: true });
run('pm-lens summary examples', process.execPath, ['bin/pm-lens.js', 'summary', 'examples']);
if (values['no-editor']) process.exit(0);

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-examples-'));
fs.cpSync(examples, workspace, { recursive: true });
console.log(`\nThe editor opens a copy of examples/ in ${workspace}: edits there leave the repository as it is.`);

const code = onPath('code');
if (code) {
  run(`code --extensionDevelopmentPath=${root} ${workspace}`, code, [`--extensionDevelopmentPath=${root}`, workspace]);
  process.exit(0);
}

console.log('\n`code` is not on PATH: serving VS Code (code-server) in the browser instead.');
run('bash scripts/setup-host.sh', 'bash', [path.join(root, 'scripts', 'setup-host.sh')]);
const serveArgs = [path.join(root, 'scripts', 'run-host-tests.mjs'), '--serve', '--ext', root, '--workspace', workspace];
if (values.port) serveArgs.push('--port', values.port);
// The server prints its URL and stays up; Ctrl-C reaches it through the shared terminal.
const server = spawn(process.execPath, serveArgs, { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => server.kill(signal));
server.on('exit', (exitCode, signal) => process.exit(exitCode ?? (signal ? 0 : 1)));
