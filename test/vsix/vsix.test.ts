/**
 * The VSIX that `npm run package` makes: packed here by @vscode/vsce from the current build into
 * a temporary folder, then read as a zip. It must ship what runs and nothing else, stay under
 * 1 MB, and carry a Marketplace-ready manifest.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fromRoot, repoRoot } from '../support/paths';
import { zipEntries, zipRead, type ZipEntry } from './zip';

const MAX_BYTES = 1_000_000;
/** The summary panel's page assets (src/extension/summaryPanel.ts), loaded through asWebviewUri. */
const PANEL_ASSETS = ['dist/webview.js', 'media/summary.css'];
/** The web worker the browser entry starts: the language server, and from the same bundle the analysis workers it asks for. */
const WEB_WORKERS = ['dist/web/server.js'];
/** What may sit under extension/ in the package: the manifest, documents and these folders. */
const ALLOWED = /^extension\/((package\.json|readme\.md|changelog\.md|LICENSE\.txt)$|(dist|media|syntaxes|snippets|schemas)\/)/;
const FORBIDDEN = /^extension\/(node_modules|src|test|out|scripts|docs|examples|bin|\.vscode-test)\//;

interface Manifest {
  name: string;
  publisher: string;
  version: string;
  main: string;
  browser: string;
  icon: string;
  displayName: string;
  description: string;
  categories: string[];
  keywords: string[];
  license: string;
  repository: { type: string; url: string };
  capabilities: { untrustedWorkspaces: { supported: boolean | string }; virtualWorkspaces: boolean | { supported: boolean } };
  contributes: {
    grammars: { path: string }[];
    snippets: { path: string }[];
    jsonValidation: { url: string }[];
  };
}

/** `./dist/x.js` → `extension/dist/x.js`. */
const inPackage = (file: string): string => `extension/${path.posix.normalize(file).replace(/^\.\//, '')}`;

describe('the VSIX', function () {
  // vsce takes a few seconds, more on a busy machine.
  this.timeout(180_000);

  let dir: string;
  let vsix: string;
  let zip: Buffer;
  let entries: ZipEntry[];
  let names: string[];
  let manifest: Manifest;

  before(() => {
    for (const bundle of ['dist/extension.js', 'dist/web/extension.js', 'dist/webview.js']) {
      assert.ok(fs.existsSync(fromRoot(bundle)), `${bundle} is missing: run node scripts/build.mjs first`);
    }
    manifest = JSON.parse(fs.readFileSync(fromRoot('package.json'), 'utf8')) as Manifest;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-vsix-'));
    vsix = path.join(dir, 'pm-lens.vsix');
    const vsce = spawnSync(process.execPath, [fromRoot('node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    assert.equal(vsce.status, 0, `vsce package failed:\n${vsce.stdout}\n${vsce.stderr}`);
    zip = fs.readFileSync(vsix);
    entries = zipEntries(zip);
    names = entries.map((e) => e.name);
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('ships no dependencies, sources, tests, compiled tests, tooling or source maps', () => {
    assert.deepEqual(names.filter((n) => FORBIDDEN.test(n)), []);
    assert.deepEqual(names.filter((n) => /\.(map|ts|tsx|mjs)$/.test(n)), []);
    assert.ok(!names.includes('extension/dist/cli.js'), 'the CLI bundle is not part of the extension');
  });

  it('holds only the manifest, the documents and the runtime folders', () => {
    const extra = names.filter((n) => n !== '[Content_Types].xml' && n !== 'extension.vsixmanifest' && !ALLOWED.test(n));
    assert.deepEqual(extra, []);
  });

  it('ships every file the manifest, the summary panel and the browser entry load', () => {
    const needed = [
      'package.json',
      manifest.main,
      manifest.browser,
      manifest.icon,
      ...manifest.contributes.grammars.map((g) => g.path),
      ...manifest.contributes.snippets.map((s) => s.path),
      ...manifest.contributes.jsonValidation.map((j) => j.url).filter((url) => !/^[a-z]+:/i.test(url)),
      ...PANEL_ASSETS,
      ...WEB_WORKERS,
    ].map(inPackage);
    assert.ok(needed.includes('extension/dist/extension.js') && needed.includes('extension/dist/web/extension.js'));
    assert.ok(needed.includes('extension/syntaxes/pm-lens-tags.tmLanguage.json') && needed.includes('extension/snippets/pm-lens.code-snippets'));
    assert.deepEqual(needed.filter((n) => !names.includes(n)), []);
    // What the bundles load beside themselves at run time (the desktop entry loads the engine).
    for (const bundle of [manifest.main, manifest.browser]) {
      const text = fs.readFileSync(fromRoot(bundle), 'utf8');
      for (const [, relative] of text.matchAll(/\brequire\("(\.{1,2}\/[^"]+)"\)/g)) {
        needed.push(inPackage(path.posix.join(path.posix.dirname(bundle), relative)));
      }
    }
    assert.deepEqual(needed.filter((n) => !names.includes(n)), []);
    for (const name of needed) {
      const entry = entries.find((e) => e.name === name);
      assert.ok(entry && entry.size > 0, `${name} is empty`);
    }
  });

  it('ships the licence, the changelog and, when there is one, the README', () => {
    assert.ok(names.includes('extension/LICENSE.txt'));
    assert.ok(names.includes('extension/changelog.md'));
    assert.equal(names.includes('extension/readme.md'), fs.existsSync(fromRoot('README.md')));
  });

  it('carries the repository manifest unchanged, and the bundles as built', () => {
    const packed = JSON.parse(zipRead(zip, entries.find((e) => e.name === 'extension/package.json')!).toString('utf8')) as Manifest;
    for (const key of ['name', 'publisher', 'version', 'main', 'browser', 'capabilities', 'contributes'] as const) {
      assert.deepEqual(packed[key], manifest[key], key);
    }
    for (const bundle of [manifest.main, manifest.browser]) {
      const packedBundle = zipRead(zip, entries.find((e) => e.name === inPackage(bundle))!);
      assert.ok(packedBundle.equals(fs.readFileSync(fromRoot(bundle))), `${bundle} differs from the build`);
    }
  });

  it('is smaller than 1 MB', () => {
    const size = fs.statSync(vsix).size;
    assert.ok(size < MAX_BYTES, `the VSIX is ${size} bytes`);
  });

  it('has a Marketplace-ready manifest: a web extension for untrusted and virtual workspaces', () => {
    assert.equal(manifest.displayName, 'PM Lens');
    assert.ok(manifest.description.length > 20);
    assert.equal(manifest.icon, 'media/icon.png');
    assert.deepEqual([...manifest.categories].sort(), ['Linters', 'Snippets', 'Visualization']);
    assert.ok(manifest.keywords.length > 0 && manifest.keywords.length <= 30);
    assert.equal(manifest.license, 'MIT');
    assert.equal(manifest.repository.url, 'https://github.com/pm-lens/pm-lens');
    // Limited: workspace regular expressions and globs wait for trust (the pmLens.documents setting with them).
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(manifest.capabilities.virtualWorkspaces === true || (typeof manifest.capabilities.virtualWorkspaces === 'object' && manifest.capabilities.virtualWorkspaces.supported));
    // vsce declares where the extension can run; `web` needs the browser entry.
    const vsixManifest = zipRead(zip, entries.find((e) => e.name === 'extension.vsixmanifest')!).toString('utf8');
    assert.match(vsixManifest, /<Property Id="Microsoft\.VisualStudio\.Code\.ExtensionKind" Value="[^"]*\bweb\b[^"]*" \/>/);
    assert.match(vsixManifest, /<Categories>Linters,Snippets,Visualization<\/Categories>/);
    assert.match(vsixManifest, /<Icon>extension\/media\/icon\.png<\/Icon>/);
  });
});
