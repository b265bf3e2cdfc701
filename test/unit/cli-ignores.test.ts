import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expandInputs } from '../../src/cli/files';
import { ConfigFiles, openConfigSource } from '../../src/cli/engine';
import { IgnoreRules } from '../../src/cli/ignores';

describe('cli: ignore files and the ignores key', function () {
  let root = '';
  const write = (rel: string, text = '# x\n') => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  const expand = (args: string[], cwd = root) => expandInputs(args, cwd, IgnoreRules.forWorkingFolder(cwd));
  const shown = (args: string[], cwd = root) => expand(args, cwd).files.map((f) => f.display);

  beforeEach(function () {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-ignores-'));
    fs.mkdirSync(path.join(root, '.git'));
    for (const rel of ['a-plan.md', 'build/out-plan.md', 'test/fixtures/bad-plan.md', 'docs/b-plan.md', 'docs/drafts/c-plan.md', 'docs/drafts/keep-plan.md']) write(rel);
  });
  afterEach(function () {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('leaves out what .gitignore and .pmlensignore list, folders without entering them', function () {
    write('.gitignore', 'build/\n');
    write('.pmlensignore', '# fixtures are wrong on purpose\ntest/\n');
    assert.deepEqual(shown(['.']), ['a-plan.md', 'docs/b-plan.md', 'docs/drafts/c-plan.md', 'docs/drafts/keep-plan.md']);
    assert.deepEqual(shown(['**/*.md']), ['a-plan.md', 'docs/b-plan.md', 'docs/drafts/c-plan.md', 'docs/drafts/keep-plan.md']);
    assert.equal(expand(['**/*.md']).ignored, 2, 'an ignored folder counts once, and is never entered');
  });

  it('reads nested ignore files relative to their folder; the deeper one wins, as in git', function () {
    write('.pmlensignore', '**/drafts/*.md\n');
    write('docs/drafts/.pmlensignore', '!keep-plan.md\n');
    assert.deepEqual(shown(['docs']), ['docs/b-plan.md', 'docs/drafts/keep-plan.md']);
    assert.equal(expand(['docs']).ignored, 1);
  });

  it('takes the ignores key of a .pmlens.json as an ignore file in its folder', function () {
    write('docs/.pmlens.json', JSON.stringify({ ignores: ['drafts/'] }));
    assert.deepEqual(shown(['.']), ['a-plan.md', 'build/out-plan.md', 'docs/b-plan.md', 'test/fixtures/bad-plan.md']);
  });

  it('reads a .pmlens.json once for its ignores and its configuration', async function () {
    write('docs/.pmlens.json', JSON.stringify({ ignores: ['drafts/'], rules: { 'untagged-section': 'off' } }));
    const files = new ConfigFiles();
    const listed = expandInputs(['.'], root, IgnoreRules.forWorkingFolder(root, files)).files.map((f) => f.display);
    assert.ok(!listed.includes('docs/drafts/c-plan.md'));
    const source = openConfigSource(undefined, root, files);
    assert.ok(!('error' in source));
    const { config, issues } = await source.configFor(path.join(root, 'docs', 'b-plan.md'));
    assert.equal(config.rules['untagged-section'], 'off');
    assert.deepEqual(issues, []);
    assert.equal(files.parses, 1);
  });

  it('reads no ignore or configuration file that is not a small regular file', function () {
    fs.mkdirSync(path.join(root, '.pmlensignore'));
    write('docs/.gitignore', `${'#'.repeat(1024 * 1024)}\ndrafts/\n`);
    assert.deepEqual(shown(['docs']), ['docs/b-plan.md', 'docs/drafts/c-plan.md', 'docs/drafts/keep-plan.md']);
  });

  it('applies the rules from the repository root when the walk starts below it', function () {
    write('.pmlensignore', 'drafts/\n');
    assert.deepEqual(shown(['.'], path.join(root, 'docs')), ['b-plan.md']);
  });

  it('leaves out named files too, and says which folder\'s rules did', function () {
    write('.pmlensignore', 'test/\n');
    const expansion = expand(['test/fixtures/bad-plan.md', 'a-plan.md']);
    assert.deepEqual(expansion.files.map((f) => f.display), ['a-plan.md']);
    assert.deepEqual(expansion.ignoredExplicit, [{ display: 'test/fixtures/bad-plan.md', source: '.' }]);
  });

  it('reads everything without the rules (--no-ignore)', function () {
    write('.pmlensignore', '*\n');
    assert.equal(expandInputs(['.'], root).files.length, 6);
    assert.equal(expand(['.']).files.length, 0);
  });

  it('says a glob that matches only ignored files matched nothing, and why', function () {
    write('.pmlensignore', 'test/\n');
    assert.deepEqual(expand(['test/**/*.md']).problems, ["no files match 'test/**/*.md' outside what the ignore rules leave out (--no-ignore reads it all)"]);
    write('.pmlensignore', '*-plan.md\n');
    assert.deepEqual(expand(['**/*.md']).problems, ["no files match '**/*.md' outside what the ignore rules leave out (--no-ignore reads it all)"]);
    assert.equal(expand(['**/*.md']).ignored, 6);
  });

  it('never reads an ignore file that is a folder or a FIFO', function () {
    fs.mkdirSync(path.join(root, '.pmlensignore'));
    assert.equal(shown(['.']).length, 6);
  });
});
