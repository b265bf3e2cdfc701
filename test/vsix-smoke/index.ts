/**
 * The smoke suite of the packaged extension. scripts/run-host-tests.mjs installs the VSIX into the
 * host with `--install-extension` and loads this suite through a runner extension
 * (runner-extension/, which contributes nothing): the extension under test is the installed one,
 * not a development path. Contract as test/integration/index.ts: `run()` rejects on failure, and
 * the suite prints `@@pm-lens-counts {"passed":N,"failed":M}`.
 */
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'smoke.test.js'));
  const { passed, failed } = await new Promise<{ passed: number; failed: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0 }));
  });
  console.log(`@@pm-lens-counts ${JSON.stringify({ passed, failed })}`);
  if (passed + failed === 0) throw new Error('The smoke suite ran no tests');
  if (failed > 0) throw new Error(`${failed} of ${passed + failed} smoke tests failed`);
}
