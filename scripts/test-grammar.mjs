// Runs the grammar tests: every test/grammar/*.md is a vscode-tmgrammar-test file of scope
// assertions. The PM Lens injection grammars come from package.json (contributes.grammars, as VS
// Code loads them); the base grammars they are injected into are VS Code's Markdown and HTML
// grammars (from the tm-grammars package) and a model of VS Code's YAML grammar
// (test/grammar/fixtures). Each file runs as one check; the last line is the count that
// scripts/test-all.mjs reads:  @@pm-lens-counts {"passed":N,"failed":M}
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const tmGrammar = (name) => require.resolve(`tm-grammars/grammars/${name}.json`);
const cli = require.resolve('vscode-tmgrammar-test/dist/unit.js');
const grammars = [
  tmGrammar('markdown'),
  tmGrammar('html'),
  tmGrammar('html-derivative'),
  join(root, 'test/grammar/fixtures/yaml-model.tmLanguage.json'),
];

const only = process.argv.slice(2);
const files = readdirSync(join(root, 'test/grammar'))
  .filter((f) => f.endsWith('.md') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
let passed = 0;
let failed = 0;
for (const file of files) {
  const result = spawnSync(process.execPath, [cli, '--config', join(root, 'package.json'), ...grammars.flatMap((g) => ['-g', g]), join('test/grammar', file)], {
    cwd: root,
    encoding: 'utf8',
  });
  // Languages embedded in HTML (CSS, JavaScript) are not loaded: their "not found" notes are noise.
  const output = `${result.stdout}${result.stderr}`
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^grammar not found for/.test(line))
    .join('\n');
  if (result.status === 0) passed++;
  else failed++;
  console.log(output || `${result.status === 0 ? '✓' : '✗'} ${file}`);
}
if (files.length === 0) {
  console.error('no grammar test files in test/grammar');
  failed++;
}
console.log(`@@pm-lens-counts ${JSON.stringify({ passed, failed })}`);
process.exit(failed > 0 ? 1 : 0);
