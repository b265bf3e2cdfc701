/**
 * The web worker build (dist/web/server.js, for vscode.dev and github.dev) in a real dedicated
 * worker in headless Chromium: served from 127.0.0.1, spoken to with plain JSON-RPC messages
 * through postMessage, as vscode-languageclient's browser client does.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { fromRoot } from '../support/paths';
import { CHECKOUT_PRD } from './fixtures';

const CHROMIUM = process.env.PM_LENS_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

// Page-side globals, only ever touched inside page.evaluate callbacks.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const Worker: any;

interface Seen {
  readonly capabilities: Record<string, unknown>;
  readonly diagnostics: { code: string; source: string }[];
  readonly hover: string;
}

describe('language server: web worker build in Chromium', function () {
  this.timeout(60000);
  let browser: Browser;
  let server: http.Server;
  let origin: string;

  before(async () => {
    const bundle = readFileSync(fromRoot('dist/web/server.js'));
    server = http.createServer((req, res) => {
      if (req.url === '/server.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>pm-lens server</title>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  /** What a client saw of one session: initialize, open `text` at `uri`, wait for diagnostics, hover. */
  interface Session {
    readonly uri: string;
    readonly text: string;
    readonly workspaceFolders?: readonly { uri: string; name: string }[];
    /** Files the client serves to `pmLens/stat` and `pmLens/readFile`, by URI. */
    readonly files?: Readonly<Record<string, string>>;
  }

  async function run(session: Session): Promise<Seen & { readonly asked: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/`);
    const seen = (await page.evaluate(
      ({ uri, text, workspaceFolders, files }) =>
        new Promise((resolve, reject) => {
          const worker = new Worker('/server.js');
          const pending = new Map<number, (result: unknown) => void>();
          const asked: string[] = [];
          let diagnostics: unknown[] | undefined;
          let onDiagnostics: (() => void) | undefined;
          worker.onerror = (e: { message: string }) => reject(new Error(e.message));
          worker.onmessage = (event: { data: { id?: number; method?: string; params?: { uri: string; diagnostics: unknown[] }; result?: unknown } }) => {
            const message = event.data;
            if ((message.method === 'pmLens/readFile' || message.method === 'pmLens/stat') && message.id !== undefined) {
              // The client side of the web server's file access: what is at a URI, a file's text.
              const served = files[message.params!.uri];
              if (message.method === 'pmLens/readFile') asked.push(message.params!.uri);
              const result = served === undefined ? null : message.method === 'pmLens/stat' ? { type: 'file', size: served.length } : served;
              worker.postMessage({ jsonrpc: '2.0', id: message.id, result });
            } else if (message.method !== undefined && message.id !== undefined) {
              worker.postMessage({ jsonrpc: '2.0', id: message.id, result: null });
            } else if (message.id !== undefined && pending.has(message.id)) {
              pending.get(message.id)!(message.result);
              pending.delete(message.id);
            } else if (message.method === 'textDocument/publishDiagnostics' && message.params?.uri === uri) {
              diagnostics = message.params.diagnostics;
              onDiagnostics?.();
            }
          };
          let nextId = 0;
          const request = (method: string, params: unknown): Promise<unknown> =>
            new Promise((done) => {
              const id = ++nextId;
              pending.set(id, done);
              worker.postMessage({ jsonrpc: '2.0', id, method, params });
            });
          const notify = (method: string, params: unknown): void => worker.postMessage({ jsonrpc: '2.0', method, params });
          void (async () => {
            const init = (await request('initialize', { processId: null, rootUri: null, workspaceFolders, capabilities: {} })) as { capabilities: Record<string, unknown> };
            notify('initialized', {});
            notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
            await new Promise<void>((done) => (diagnostics ? done() : (onDiagnostics = done)));
            const hover = (await request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 4 } })) as { contents: { value: string } };
            worker.terminate();
            resolve({ capabilities: init.capabilities, diagnostics: (diagnostics ?? []) as Seen['diagnostics'], hover: hover.contents.value, asked });
          })().catch(reject);
        }),
      { workspaceFolders: null, files: {}, ...session },
    )) as Seen & { asked: string[] };
    assert.deepEqual(errors, []);
    await page.close();
    return seen;
  }

  it('answers initialize, publishes diagnostics for an opened plan and hovers on a heading', async () => {
    const seen = await run({ uri: 'file:///work/checkout-prd.md', text: CHECKOUT_PRD });
    assert.equal(seen.capabilities.hoverProvider, true);
    assert.deepEqual(seen.diagnostics.map((d) => d.code).sort(), ['misplaced-concern', 'missing-concern', 'missing-concern', 'owner-mismatch', 'untagged-section', 'untagged-section']);
    assert.match(seen.hover, /^\*\*Product · User needs\*\* — Problem/);
  });

  it('reads .pmlens.json through the client (pmLens/stat, pmLens/readFile), in the scheme of the document', async () => {
    const folder = 'vscode-vfs://github/acme/plans';
    const seen = await run({
      uri: `${folder}/docs/checkout-prd.md`,
      text: CHECKOUT_PRD,
      workspaceFolders: [{ uri: folder, name: 'plans' }],
      files: { [`${folder}/.pmlens.json`]: '{ "rules": { "untagged-section": "off", "missing-concern": "error" } }' },
    });
    // Looked up from the document's folder to the workspace folder, as on the desktop: only the file that is there is read.
    assert.deepEqual(seen.asked, [`${folder}/.pmlens.json`]);
    assert.deepEqual(seen.diagnostics.map((d) => d.code).sort(), ['misplaced-concern', 'missing-concern', 'missing-concern', 'owner-mismatch']);
    assert.ok(seen.diagnostics.filter((d) => d.code === 'missing-concern').every((d) => (d as { severity?: number }).severity === 1), 'the file set the severity to error');
  });
});
