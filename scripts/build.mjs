// Bundles every face of PM Lens with esbuild. Entries that do not exist yet are skipped, so
// the build works at every stage. `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = !watch;
// jsonc-parser's UMD build (its `main`) loads its parts with `require`s that esbuild cannot
// follow: bundle its ES module build instead.
const common = { bundle: true, sourcemap: true, minify: production, logLevel: 'warning', legalComments: 'none', alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' } };

/** @type {esbuild.BuildOptions[]} */
const targets = [
  // The desktop (and code-server) extension host: Node, CommonJS, vscode provided by the host.
  { entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'] },
  // vscode.dev / github.dev: a web worker, no Node built-ins.
  { entryPoints: ['src/extension/web.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode'], mainFields: ['browser', 'module', 'main'], conditions: ['worker'] /* micromark's 'browser' build (under remark-parse) uses document, which a worker lacks */, define: { 'process.env.NODE_ENV': '"production"' } },
  // The summary panel's page.
  { entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2022' },
  // The command line (`pm-lens lsp` loads the language server from this bundle on demand).
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node18' },
  // Its worker threads (`--jobs`).
  { entryPoints: ['src/cli/worker.ts'], outfile: 'dist/cli-worker.js', platform: 'node', format: 'cjs', target: 'node18' },
  // The language server on Node (`node dist/server.js --stdio`), its analysis worker (one thread
  // per open plan, beside the bundle that starts it), and its web worker build for the browser
  // (also the browser's analysis workers, which the extension starts from it).
  { entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js', platform: 'node', format: 'cjs', target: 'node18' },
  { entryPoints: ['src/server/analysis/worker.ts'], outfile: 'dist/analysisWorker.js', platform: 'node', format: 'cjs', target: 'node18' },
  { entryPoints: ['src/server/browser.ts'], outfile: 'dist/web/server.js', platform: 'browser', format: 'iife', target: 'es2022', mainFields: ['browser', 'module', 'main'], conditions: ['worker'], define: { 'process.env.NODE_ENV': '"production"' } },
].filter((t) => existsSync(t.entryPoints[0]));

if (watch) {
  for (const target of targets) await (await esbuild.context({ ...common, ...target })).watch();
  console.log('watching…');
} else {
  await Promise.all(targets.map((target) => esbuild.build({ ...common, ...target })));
}
