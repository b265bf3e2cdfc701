import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rules } from '../../src/core/rules/registry';
import { fromRoot } from '../support/paths';

/** The commands of the README's opening block, one per line, without their comments. */
function readmeCommands(): string[] {
  const readme = readFileSync(fromRoot('README.md'), 'utf8');
  const block = /```sh\n([\s\S]*?)```/.exec(readme);
  assert.ok(block, 'the README opens with a sh block');
  return block[1].split('\n').map((line) => line.replace(/#.*$/, '').trim()).filter(Boolean);
}

describe('README', () => {
  it('opens with two commands: the main job and every test', () => {
    const commands = readmeCommands();
    assert.equal(commands.length, 2);
    assert.match(commands[0], /npm start$/);
    assert.match(commands[1], /npm test$/);
  });

  it('its test command is what CI runs, and nothing less', () => {
    const ci = readFileSync(fromRoot('.ci/run'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#') && !line.startsWith('set ') && !line.startsWith('cd '))
      // The lines that point the editor host's cache at a new, empty folder (checked below).
      .filter((line) => !/^(PM_LENS_HOST_DIR=|export PM_LENS_HOST_DIR$|trap )/.test(line));
    const testCommand = readmeCommands()[1].split('&&').map((part) => part.trim());
    // .ci/run may add flags that keep npm quiet, never leave a step out.
    assert.equal(ci.length, testCommand.length);
    testCommand.forEach((step, i) => assert.ok(ci[i].startsWith(step), `CI step ${i + 1} '${ci[i]}' runs '${step}'`));
  });

  it('CI installs the editor host from nothing on every run', () => {
    const ci = readFileSync(fromRoot('.ci/run'), 'utf8');
    assert.match(ci, /^PM_LENS_HOST_DIR=\$\(mktemp -d [^\n]*\)\nexport PM_LENS_HOST_DIR$/m, 'the host cache is a new, empty folder');
    assert.ok(ci.indexOf('export PM_LENS_HOST_DIR') < ci.indexOf('npm test'), 'before the tests run');
    const setup = readFileSync(fromRoot('scripts/setup-host.sh'), 'utf8');
    assert.match(setup, /HOST_DIR=\$\{PM_LENS_HOST_DIR:-/, 'setup-host.sh installs where PM_LENS_HOST_DIR says');
  });

  it('its CI example, run at the root of this repository, reads no test fixture and answers 0 or 1', function () {
    this.timeout(60_000);
    const run = spawnSync(process.execPath, [fromRoot('bin', 'pm-lens.js'), 'check', '**/*.md', '--format', 'json'], { cwd: fromRoot(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
    const files = (JSON.parse(run.stdout) as { file: string }[]).map((f) => f.file);
    assert.ok(files.length > 0 && files.every((f) => !f.startsWith('test/')), files.join());
    assert.ok(files.some((f) => f.startsWith('examples/')), files.join());
  });

  it('every rule it links has a documentation page', () => {
    const readme = readFileSync(fromRoot('README.md'), 'utf8');
    const links = [...readme.matchAll(/\(docs\/rules\/([a-z-]+)\.md\)/g)].map((m) => m[1]);
    assert.equal(new Set(links).size, rules.length);
    for (const id of links) assert.ok(readFileSync(fromRoot('docs', 'rules', `${id}.md`), 'utf8').startsWith(`# ${id}`));
  });
});
