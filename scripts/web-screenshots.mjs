#!/usr/bin/env node
// Takes the README's screenshots from the real workbench: code-server serving PM Lens on
// examples/ (the same as `npm start` without `code` on PATH), driven by headless Chromium.
//
//   node scripts/web-screenshots.mjs [--out docs/images] [--url URL]
//   --url  use a server that is already running (the URL `npm start` printed) instead of starting one
//
// Writes editor-diagnostics.png (a plan with its squiggles and the Problems panel) and hover.png
// (the mouse on a heading).
// Env: PM_LENS_CHROMIUM (default /usr/bin/chromium).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.PM_LENS_CHROMIUM || '/usr/bin/chromium';
const PLAN = 'checkout-redesign-prd.md';
const HEADING = '## Launch budget';
const { values } = parseArgs({ options: { out: { type: 'string', default: path.join(root, 'docs', 'images') }, url: { type: 'string' } } });
const out = path.resolve(values.out);

/** Starts the serve mode of run-host-tests.mjs and resolves with the URL it prints. */
function serve() {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'run-host-tests.mjs'), '--serve', '--ext', root, '--workspace', path.join(root, 'examples')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const m = /URL:\s+(\S+)/.exec(text);
      if (m) resolve({ url: m[1], stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}) before printing its URL`)));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const server = values.url ? { url: values.url, stop: () => {} } : await serve();
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-shots-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  fs.mkdirSync(out, { recursive: true });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url, { waitUntil: 'commit' });
  await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
  await page.locator('.explorer-folders-view').waitFor({ timeout: 120_000 });

  // Open the plan through Quick Open, as a user would.
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(PLAN);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await sleep(500);
  await page.keyboard.press('Enter');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.waitFor();
  // Squiggles are drawn once the diagnostics arrive.
  await page.locator('.squiggly-warning, .squiggly-error').first().waitFor({ timeout: 60_000 });

  // Scroll so the mismatched section is in view, then show the Problems panel.
  await page.keyboard.press('Control+G');
  await page.keyboard.type('70');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row').first().waitFor();
  await sleep(1500);
  await page.screenshot({ path: path.join(out, 'editor-diagnostics.png') });
  console.log(`wrote ${path.join(out, 'editor-diagnostics.png')}`);

  // Hover the heading with the mouse.
  await page.keyboard.press('Control+J'); // hide the panel again: more room for the hover
  await sleep(1500); // the editor grows into the room: let the layout settle before hovering
  const heading = page.locator('.view-lines .view-line', { hasText: HEADING }).first();
  const hover = page.locator('.monaco-hover .hover-contents', { hasText: 'Why:' }).first();
  for (let attempt = 1; ; attempt++) {
    const box = await heading.boundingBox();
    if (!box) throw new Error(`heading '${HEADING}' not visible`);
    await page.mouse.move(box.x + 40, box.y + box.height / 2);
    await page.mouse.move(box.x + 60, box.y + box.height / 2);
    try {
      await hover.waitFor({ timeout: 15_000 });
      await sleep(500);
      if (await hover.isVisible()) break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
    await page.mouse.move(5, 400);
  }
  await page.screenshot({ path: path.join(out, 'hover.png') });
  console.log(`wrote ${path.join(out, 'hover.png')}`);
} finally {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
  server.stop();
}
