#!/usr/bin/env node
// `npm run package`: builds the bundles and packs the extension into a VSIX with @vscode/vsce.
//
//   node scripts/package.mjs [--out FILE.vsix]        (default: pm-lens.vsix in the repository)
//
// esbuild bundles every runtime dependency into dist/, so vsce runs with --no-dependencies and
// .vscodeignore lets in only what runs. vsce needs no network for this.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string', default: path.join(root, 'pm-lens.vsix') } } });
const out = path.resolve(values.out);

function step(what, args) {
  console.log(`> ${what}`);
  // stdin closed: vsce must never wait on a question.
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error(`package: ${what} failed`);
    process.exit(result.status ?? 1);
  }
}

step('build', ['scripts/build.mjs']);
fs.mkdirSync(path.dirname(out), { recursive: true });
step('vsce package', [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', out]);
console.log(`${path.relative(process.cwd(), out) || out}: ${(fs.statSync(out).size / 1024).toFixed(1)} KiB`);
