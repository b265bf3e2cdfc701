// Runs the grammar tests: every test/grammar/*.md is a vscode-tmgrammar-test file of scope
// assertions on real lines. The PM Lens injection grammars come from package.json
// (contributes.grammars, as VS Code loads them); the grammars they are injected into are VS
// Code's Markdown and HTML grammars (from the tm-grammars package) and a model of VS Code's YAML
// grammar (test/grammar/fixtures). Each file counts as one check; the last line is what
// scripts/test-all.mjs reads:  @@pm-lens-counts {"passed":N,"failed":M}
//   node scripts/test-grammar.mjs [name-filter…]
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

const filters = process.argv.slice(2);
const files = readdirSync(join(root, 'test/grammar'))
  .filter((f) => f.endsWith('.md') && (filters.length === 0 || filters.some((o) => f.includes(o))))
  .sort()
  .map((f) => `test/grammar/${f}`);
if (files.length === 0) {
  console.error('no grammar test files in test/grammar');
  console.log('@@pm-lens-counts {"passed":0,"failed":1}');
  process.exit(1);
}

const result = spawnSync(process.execPath, [cli, '--config', join(root, 'package.json'), ...grammars.flatMap((g) => ['-g', g]), ...files], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, FORCE_COLOR: '0' },
});
// Languages embedded in HTML (CSS, JavaScript) are not loaded: their "not found" notes are noise.
const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
  .split('\n')
  .filter((line) => line.trim() !== '' && !/^grammar not found for/.test(line));
console.log(output.join('\n'));
// A file passed when the tool says so by name; one it does not mention (a crash) failed.
const passedFiles = files.filter((f) => output.some((line) => line.startsWith(`✓ ${f} `)));
const passed = passedFiles.length;
const failed = files.length - passed;
if (result.status !== 0 && failed === 0) {
  console.error(`vscode-tmgrammar-test exited with ${result.status ?? result.signal}`);
  console.log(`@@pm-lens-counts ${JSON.stringify({ passed, failed: 1 })}`);
  process.exit(1);
}
console.log(`@@pm-lens-counts ${JSON.stringify({ passed, failed })}`);
process.exit(failed > 0 ? 1 : 0);
