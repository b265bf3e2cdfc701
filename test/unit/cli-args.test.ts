import * as assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { parseCli } from '../../src/cli/args';

describe('cli: arguments', function () {
  it('refuses a --jobs that is not a whole number of at least 1', function () {
    for (const bad of ['0', '-2', '1.5', 'many']) assert.equal(parseCli(['check', '--jobs', bad]).type, 'usage-error', bad);
  });

  it('reads --time-limit in seconds, 0 for none, and refuses anything else', function () {
    const limit = (value: string) => {
      const parsed = parseCli(['check', '--time-limit', value]);
      return parsed.type === 'run' ? parsed.options.timeLimit : parsed.type;
    };
    assert.equal(limit('0'), 0);
    assert.equal(limit('2.5'), 2.5);
    for (const bad of ['', ' ', '-1', '1e3', 'soon', '90000']) assert.equal(limit(bad), 'usage-error', bad);
  });

  it('reads a command, inputs and every option', function () {
    assert.deepEqual(parseCli(['check', 'a.md', '**/*.md', '--format', 'sarif', '--config', 'c.json', '--fail-on', 'warning', '--all', '--quiet', '--no-ignore', '--jobs', '3', '--time-limit', '30', '--as-of', '2026-01-15', '--plans-only', '--fix']), {
      type: 'run',
      options: { command: 'check', inputs: ['a.md', '**/*.md'], format: 'sarif', config: 'c.json', failOn: 'warning', all: true, quiet: true, noIgnore: true, jobs: 3, timeLimit: 30, asOf: '2026-01-15', plansOnly: true, failOnMoved: false, fix: true },
    });
  });

  it('defaults to text, error, no config, not all, not quiet, ignore files read', function () {
    assert.deepEqual(parseCli(['analyze']), {
      type: 'run',
      options: { command: 'analyze', inputs: [], format: 'text', config: undefined, failOn: 'error', all: false, quiet: false, noIgnore: false, jobs: availableParallelism(), timeLimit: undefined, asOf: undefined, plansOnly: false, failOnMoved: false, fix: false },
    });
  });

  it('reads diff BASE [HEAD] with --fail-on moved', function () {
    const parsed = parseCli(['diff', 'main', 'HEAD', '--fail-on', 'moved', '--format', 'markdown']);
    assert.ok(parsed.type === 'run');
    assert.deepEqual([parsed.options.inputs, parsed.options.failOnMoved, parsed.options.format], [['main', 'HEAD'], true, 'markdown']);
  });

  it('takes options before the command, --opt=value, and files after --', function () {
    const parsed = parseCli(['--format=json', 'summary', '--', '--odd-name.md']);
    assert.equal(parsed.type, 'run');
    if (parsed.type === 'run') {
      assert.equal(parsed.options.format, 'json');
      assert.deepEqual(parsed.options.inputs, ['--odd-name.md']);
    }
  });

  it('answers --help, help and --version before anything else', function () {
    assert.deepEqual(parseCli(['--help']), { type: 'help' });
    assert.deepEqual(parseCli(['check', '-h']), { type: 'help' });
    assert.deepEqual(parseCli(['help']), { type: 'help' });
    assert.deepEqual(parseCli(['--version']), { type: 'version' });
  });

  it('turns every mistake into a usage error, never an exception', function () {
    const cases: [string[], RegExp][] = [
      [[], /Missing command/],
      [['fix'], /Unknown command 'fix'/],
      [['check', '--nope'], /^Unknown option '--nope' \(see --help\)$/],
      [['check', '--format'], /^Option '--format' needs a value$/],
      [['check', '--format', 'xml'], /Unknown format 'xml'/],
      [['summary', '--format', 'sarif'], /'summary' cannot write sarif: use text, json, markdown/],
      [['check', '--fail-on', 'critical'], /Unknown --fail-on 'critical'/],
      [['check', '--config'], /--config/],
      [['check', '--config='], /--config needs a file/],
      [['check', '--all=yes'], /all/],
      [['check', '--as-of', '2026-02-30'], /--as-of '2026-02-30' is not a date/],
      [['diff'], /diff needs BASE/],
      [['diff', 'main', '--fail-on', 'error'], /Unknown diff --fail-on 'error': expected moved, never/],
      [['check', '--fail-on', 'moved'], /Unknown --fail-on 'moved'/],
      [['diff', 'main', '--format', 'sarif'], /'diff' cannot write sarif/],
    ];
    for (const [argv, message] of cases) {
      const parsed = parseCli(argv);
      assert.equal(parsed.type, 'usage-error', argv.join(' '));
      if (parsed.type === 'usage-error') assert.match(parsed.message, message);
    }
  });
});
