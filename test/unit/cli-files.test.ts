import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expandInputs } from '../../src/cli/files';

describe('cli: files, folders and globs', function () {
  let root = '';
  const touch = (rel: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), '# x\n');
  };
  const shown = (args: string[], cwd = root) => expandInputs(args, cwd).files.map((f) => (f.explicit ? `!${f.display}` : f.display));

  before(function () {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-files-'));
    for (const rel of ['a-plan.md', 'README.md', 'notes.txt', 'docs/b-prd.md', 'docs/deep/c-brief.markdown', 'docs/deep/d.MD', 'node_modules/x/e-plan.md', '.git/f-plan.md', 'docs/node_modules/g.md', '.github/h-plan.md']) touch(rel);
  });
  after(function () {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('walks a folder for Markdown, in name order, never into node_modules or .git', function () {
    assert.deepEqual(shown(['.']), ['.github/h-plan.md', 'README.md', 'a-plan.md', 'docs/b-prd.md', 'docs/deep/c-brief.markdown', 'docs/deep/d.MD']);
    assert.deepEqual(shown(['docs/']), ['docs/b-prd.md', 'docs/deep/c-brief.markdown', 'docs/deep/d.MD']);
  });

  it('expands globs itself, relative to the folder they name, without dot folders', function () {
    assert.deepEqual(shown(['**/*.md']), ['README.md', 'a-plan.md', 'docs/b-prd.md']);
    assert.deepEqual(shown(['docs/**/*.{md,markdown}']), ['docs/b-prd.md', 'docs/deep/c-brief.markdown']);
    assert.deepEqual(shown(['./docs/*.md']), ['./docs/b-prd.md']);
    assert.deepEqual(shown(['*.txt']), ['notes.txt'], 'a glob takes what it matches');
    assert.deepEqual(shown([path.join(root, 'docs', '*.md').split(path.sep).join('/')]), [path.join(root, 'docs', 'b-prd.md').split(path.sep).join('/')]);
  });

  it('marks files named on the command line explicit, even when a glob also finds them', function () {
    assert.deepEqual(shown(['README.md']), ['!README.md']);
    assert.deepEqual(shown(['**/*.md', 'README.md']), ['!README.md', 'a-plan.md', 'docs/b-prd.md']);
    assert.deepEqual(shown(['docs/b-prd.md', 'docs']), ['!docs/b-prd.md', 'docs/deep/c-brief.markdown', 'docs/deep/d.MD']);
  });

  it('leaves out what a !glob matches', function () {
    assert.deepEqual(shown(['.', '!**/deep/**', '!README.md']), ['.github/h-plan.md', 'a-plan.md', 'docs/b-prd.md']);
  });

  it('reports names that match nothing, and keeps going', function () {
    const expansion = expandInputs(['missing.md', 'nothing/**/*.md', 'a-plan.md'], root);
    assert.deepEqual(expansion.problems, ["cannot read 'missing.md': no such file or directory", "no files match 'nothing/**/*.md'"]);
    assert.deepEqual(expansion.files.map((f) => f.display), ['a-plan.md']);
    assert.equal(expansion.files[0].absolute, path.join(root, 'a-plan.md'));
  });
});
