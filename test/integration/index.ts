/**
 * The integration suite's entry, run inside a real VS Code extension host (code-server through
 * scripts/run-host-tests.mjs, or @vscode/test-electron on a desktop). The contract is
 * test-electron's: `run()` resolves when every test passed and rejects otherwise.
 *
 * Every compiled `*.test.js` next to this file is added, so each feature brings its own file.
 * The suite uses Mocha's BDD interface (`describe`/`it`). At the end it prints one line that
 * scripts/test-all.mjs sums: `@@pm-lens-counts {"passed":N,"failed":M}`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  // Tests edit fixture documents and undo or revert them; an editor that saves on its own
  // (code-server's default) would write those edits into the fixtures.
  await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  // `--grep` while developing: PM_LENS_GREP="hover" in the extension host's environment.
  if (process.env.PM_LENS_GREP) mocha.grep(process.env.PM_LENS_GREP);
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  const { passed, failed } = await new Promise<{ passed: number; failed: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0 }));
  });
  console.log(`@@pm-lens-counts ${JSON.stringify({ passed, failed })}`);
  if (files.length === 0) throw new Error(`No *.test.js files in ${__dirname}`);
  if (failed > 0) throw new Error(`${failed} of ${passed + failed} integration tests failed`);
}
