/** The `pm-lens` executable (bundled to dist/cli.js, started by bin/pm-lens.js). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from './run';

/** The version in the package.json nearest above this file (dist/ or the compiled tests). */
function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'pm-lens' && pkg.version) return pkg.version;
    } catch {
      // not here: keep climbing
    }
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}

/** `pm-lens lsp …`: the language server, loaded only for this command. */
function runLanguageServer(args: readonly string[]): void {
  // A require on demand: the other commands never load the server and its protocol library.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startNodeServer } = require('../server/node') as typeof import('../server/node');
  const code = startNodeServer(args, (text) => process.stderr.write(text));
  if (code !== undefined) process.exitCode = code;
}

// Setting exitCode (not calling exit) lets piped stdout drain before the process ends.
if (process.argv[2] === 'lsp') runLanguageServer(process.argv.slice(3));
else runCli(
  process.argv.slice(2),
  {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  },
  packageVersion(),
).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`pm-lens: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
