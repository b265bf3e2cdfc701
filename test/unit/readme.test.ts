import * as assert from 'node:assert/strict';
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
      .filter((line) => line && !line.startsWith('#') && !line.startsWith('set ') && !line.startsWith('cd '));
    const testCommand = readmeCommands()[1].split('&&').map((part) => part.trim());
    // .ci/run may add flags that keep npm quiet, never leave a step out.
    assert.equal(ci.length, testCommand.length);
    testCommand.forEach((step, i) => assert.ok(ci[i].startsWith(step), `CI step ${i + 1} '${ci[i]}' runs '${step}'`));
  });

  it('every rule it links has a documentation page', () => {
    const readme = readFileSync(fromRoot('README.md'), 'utf8');
    const links = [...readme.matchAll(/\(docs\/rules\/([a-z-]+)\.md\)/g)].map((m) => m[1]);
    assert.equal(new Set(links).size, rules.length);
    for (const id of links) assert.ok(readFileSync(fromRoot('docs', 'rules', `${id}.md`), 'utf8').startsWith(`# ${id}`));
  });
});
