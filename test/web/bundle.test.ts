/**
 * The browser entry (`browser` in package.json) runs in VS Code's web worker extension host,
 * which has neither Node's built-ins and globals nor a DOM, and so do the language server's web
 * worker and the analysis workers the extension starts from the same bundle. These tests check
 * the source bundles that way, that the shipped dist/web/extension.js and dist/web/server.js use
 * none of them, and that the server's bundle serves an analysis on a port as an analysis worker;
 * test/integration-web runs them in a real web extension host.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as vm from 'node:vm';
import * as esbuild from 'esbuild';
import { defaultConfig } from '../../src/core/config/defaults';
import { fromRoot } from '../support/paths';

const ENTRY = 'src/extension/web.ts';
const BUNDLE = 'dist/web/extension.js';
/** The language server's web worker bundle, also the analysis workers' that the extension starts for it. */
const ANALYSIS_WORKER = 'dist/web/server.js';
/** Globals of Node, and of a page but not of a worker. */
const NODE_GLOBALS = ['process', 'Buffer', 'global', '__dirname', '__filename', 'setImmediate', 'clearImmediate'];
const DOM_GLOBALS = ['document', 'window', 'localStorage', 'sessionStorage', 'alert'];

describe('the web extension bundle', function () {
  this.timeout(60_000);

  it('bundles its entry for the browser with no Node built-in, and imports only vscode', async () => {
    // esbuild's browser platform cannot resolve a Node built-in: any import of one fails the build.
    const result = await esbuild.build({
      entryPoints: [fromRoot(ENTRY)],
      absWorkingDir: fromRoot(),
      outfile: 'web-check.js',
      bundle: true,
      write: false,
      metafile: true,
      platform: 'browser',
      format: 'cjs',
      target: 'es2022',
      external: ['vscode'],
      mainFields: ['browser', 'module', 'main'],
      logLevel: 'silent',
    });
    assert.deepEqual(result.errors, []);
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.some((i) => /(^|\/)src\/core\//.test(i)), 'the core is bundled in');
    // A package's `browser` field can swap a built-in for nothing: `(disabled):fs`.
    assert.deepEqual(inputs.filter((i) => i.startsWith('(disabled):') || builtins.has(i)), []);
    const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports);
    assert.deepEqual([...new Set(imports.filter((i) => i.external).map((i) => i.path))], ['vscode']);
  });

  for (const bundle of [BUNDLE, ANALYSIS_WORKER]) {
    it(`uses no Node or DOM global in ${bundle}, except behind a typeof test`, () => {
      assert.deepEqual(unguardedGlobals(fs.readFileSync(fromRoot(bundle), 'utf8')), []);
    });
  }

  it('serves analyses as an analysis worker when its first message hands it a port', async () => {
    const code = fs.readFileSync(fromRoot(ANALYSIS_WORKER), 'utf8');
    const sandbox = vm.createContext({
      console, setTimeout, clearTimeout, queueMicrotask, structuredClone, TextEncoder, TextDecoder, URL, performance,
      addEventListener: () => undefined,
    });
    vm.runInContext('globalThis.self = globalThis;', sandbox);
    vm.runInContext(code, sandbox, { filename: ANALYSIS_WORKER });
    const listener = (sandbox as { onmessage?: (event: { data: unknown; ports?: unknown[] }) => void }).onmessage;
    assert.ok(listener, 'the worker listens for its first message');
    const replies: { type: string; job?: number; analysed?: { sections: number; findings: number } }[] = [];
    const port = { onmessage: null as ((event: { data: unknown }) => void) | null, postMessage: (message: (typeof replies)[number]) => replies.push(message) };
    // The first message makes the bundle an analysis worker (the language client's would make it the server).
    listener({ data: { pmLensServe: true }, ports: [port] });
    assert.equal(typeof port.onmessage, 'function', 'the worker serves on the port');
    const text = '---\nplan: project-plan\n---\n# Move\n\n## Costs\n<!-- owner: product -->\n\nThe budget is $48,000 for movers and shelving.\n';
    port.onmessage!({ data: { type: 'config', id: 1, config: structuredClone(defaultConfig) } });
    port.onmessage!({ data: { type: 'want', job: 1 } });
    port.onmessage!({ data: { type: 'analyze', key: 'file:///move.md', job: 1, text, configId: 1 } });
    const deadline = Date.now() + 20_000;
    while (!replies.some((r) => r.type === 'done') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(replies[0]?.type, 'ready', 'the worker says it has loaded before anything else');
    const done = replies.find((r) => r.type === 'done');
    assert.equal(done?.job, 1, JSON.stringify(replies));
    assert.equal(done?.analysed?.sections, 2);
    assert.ok((done?.analysed?.findings ?? 0) > 0, 'the product tag on the budget is a finding');
  });

  it('loads in a worker-like sandbox and asks its host for vscode only', () => {
    const code = fs.readFileSync(fromRoot(BUNDLE), 'utf8');
    const requested: string[] = [];
    const vscode = vscodeStub();
    const require = (id: string): unknown => {
      requested.push(id);
      if (id !== 'vscode') throw new Error(`the web bundle requires '${id}'`);
      return vscode;
    };
    // What a web worker has besides the language itself; no process, Buffer, require or document.
    const sandbox = vm.createContext({
      console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, structuredClone,
      TextEncoder, TextDecoder, URL, URLSearchParams, AbortController, performance, atob, btoa,
      crypto: globalThis.crypto,
    });
    vm.runInContext('globalThis.self = globalThis;', sandbox);
    const module = { exports: {} as Record<string, unknown> };
    const wrapper = vm.runInContext(`(function (module, exports, require) {\n${code}\n})`, sandbox, { filename: BUNDLE }) as (
      m: typeof module,
      e: Record<string, unknown>,
      r: typeof require,
    ) => void;
    wrapper(module, module.exports, require);
    assert.equal(typeof module.exports.activate, 'function');
    assert.equal(typeof module.exports.deactivate, 'function');
    assert.deepEqual([...new Set(requested)], ['vscode']);
    // The worker host cannot require a file beside the bundle later either: it is one file.
    assert.doesNotMatch(code, /\brequire\("\.\.?\//);
  });
});

/**
 * A stand-in for the `vscode` module with every top-level name of the API (from @types/vscode),
 * as own properties: the bundle copies them into its module wrapper when it loads.
 */
function vscodeStub(): Record<string, unknown> {
  const api = fs.readFileSync(fromRoot('node_modules/@types/vscode/index.d.ts'), 'utf8');
  const names = [...api.matchAll(/^\texport (?:namespace|class|enum|const|function|let) (\w+)/gm)].map((m) => m[1]);
  assert.ok(names.includes('window') && names.includes('Uri'), 'the vscode API names were read');
  return Object.fromEntries(names.map((name) => [name, stub()]));
}

/** Any member of the API: every property, call and construction yields another. */
function stub(): unknown {
  const target = function () {} as unknown as object;
  const proxy: object = new Proxy(target, {
    get: (t, key) => (key === 'then' || typeof key === 'symbol' ? Reflect.get(t, key) : key === '__esModule' ? false : proxy),
    apply: () => proxy,
    construct: () => proxy,
  });
  return proxy;
}

/**
 * The lines of a bundle that use a Node or DOM global without a `typeof` test. esbuild's define
 * replaces only free references to a global (never a property such as vscode.window, never a
 * local of that name), so the markers show exactly where each is used.
 */
function unguardedGlobals(code: string): string[] {
  const names = [...NODE_GLOBALS, ...DOM_GLOBALS];
  const marker = (name: string): string => `__pm_lens_global_${name}__`;
  const { code: marked } = esbuild.transformSync(code, { loader: 'js', define: Object.fromEntries(names.map((n) => [n, marker(n)])) });
  const unguarded: string[] = [];
  for (const line of marked.split('\n')) {
    for (const name of names) {
      if (line.includes(marker(name)) && !line.includes(`typeof ${marker(name)}`)) unguarded.push(`${name}: ${line.trim().slice(0, 160)}`);
    }
  }
  return unguarded;
}
