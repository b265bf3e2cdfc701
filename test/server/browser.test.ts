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

  it('answers initialize, publishes diagnostics for an opened plan and hovers on a heading', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/`);
    const seen = (await page.evaluate(
      ({ text }) =>
        new Promise((resolve, reject) => {
          const worker = new Worker('/server.js');
          const uri = 'file:///work/checkout-prd.md';
          const pending = new Map<number, (result: unknown) => void>();
          let diagnostics: unknown[] | undefined;
          let onDiagnostics: (() => void) | undefined;
          worker.onerror = (e: { message: string }) => reject(new Error(e.message));
          worker.onmessage = (event: { data: { id?: number; method?: string; params?: { uri: string; diagnostics: unknown[] }; result?: unknown } }) => {
            const message = event.data;
            if (message.id !== undefined && pending.has(message.id)) {
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
            const init = (await request('initialize', { processId: null, rootUri: null, capabilities: {} })) as { capabilities: Record<string, unknown> };
            notify('initialized', {});
            notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
            await new Promise<void>((done) => (diagnostics ? done() : (onDiagnostics = done)));
            const hover = (await request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 4 } })) as { contents: { value: string } };
            worker.terminate();
            resolve({ capabilities: init.capabilities, diagnostics: (diagnostics ?? []) as Seen['diagnostics'], hover: hover.contents.value });
          })().catch(reject);
        }),
      { text: CHECKOUT_PRD },
    )) as Seen;
    assert.deepEqual(errors, []);
    assert.equal(seen.capabilities.hoverProvider, true);
    assert.deepEqual(seen.diagnostics.map((d) => d.code).sort(), ['misplaced-concern', 'missing-concern', 'missing-concern', 'owner-mismatch', 'untagged-section', 'untagged-section']);
    assert.match(seen.hover, /^\*\*Product · User needs\*\* — Problem/);
    await page.close();
  });
});
