/**
 * The browser entry (`browser` in package.json) runs in VS Code's web worker extension host,
 * which has neither Node's built-ins and globals nor a DOM. These tests check the source bundles
 * that way and that the shipped dist/web/extension.js uses none of them; test/integration-web
 * runs it in a real web extension host.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as vm from 'node:vm';
import * as esbuild from 'esbuild';
import { fromRoot } from '../support/paths';

const ENTRY = 'src/extension/web.ts';
const BUNDLE = 'dist/web/extension.js';
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

  it('uses no Node or DOM global in the shipped bundle, except behind a typeof test', () => {
    const code = fs.readFileSync(fromRoot(BUNDLE), 'utf8');
    // esbuild's define replaces only free references to a global (never a property such as
    // vscode.window, never a local of that name), so the markers show exactly where each is used.
    const names = [...NODE_GLOBALS, ...DOM_GLOBALS];
    const marker = (name: string): string => `__pm_lens_global_${name}__`;
    const { code: marked } = esbuild.transformSync(code, { loader: 'js', define: Object.fromEntries(names.map((n) => [n, marker(n)])) });
    const unguarded: string[] = [];
    for (const line of marked.split('\n')) {
      for (const name of names) {
        if (line.includes(marker(name)) && !line.includes(`typeof ${marker(name)}`)) unguarded.push(`${name}: ${line.trim().slice(0, 160)}`);
      }
    }
    assert.deepEqual(unguarded, []);
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
