// SARIF output checked by the official validator: the SARIF Multitool (@microsoft/sarif-multitool,
// a self-contained binary from npm that runs offline), on logs written by the CLI's own code.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { defaultConfig } from '../../src/core/config/defaults';
import { toSarif } from '../../src/core/report/sarif';
import { rules } from '../../src/core/rules/registry';
import { fromRoot } from '../support/paths';

interface ValidatorResult {
  readonly ruleId: string;
  readonly level?: string;
  readonly message: { readonly text?: string };
}

/** Runs `sarif validate` on `log`; returns what it reports (its own SARIF log's results). */
function validate(log: unknown): ValidatorResult[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-sarif-'));
  try {
    const input = path.join(dir, 'pm-lens.sarif');
    const output = path.join(dir, 'validation.sarif');
    fs.writeFileSync(input, JSON.stringify(log, null, 2));
    const run = spawnSync(process.execPath, [fromRoot('node_modules/@microsoft/sarif-multitool/bin.js'), 'validate', input, '--output', output], { encoding: 'utf8', timeout: 120_000 });
    assert.ok(fs.existsSync(output), `the validator ran (${run.status}): ${run.stdout}${run.stderr}`);
    const report = JSON.parse(fs.readFileSync(output, 'utf8')) as { runs: { results?: ValidatorResult[] }[] };
    return report.runs.flatMap((r) => r.results ?? []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('SARIF, by the official validator (slow)', function () {
  this.timeout(300_000);

  it('finds no error or warning in a log with findings of every kind', () => {
    const dir = fromRoot('test/fixtures/rules');
    const files = fs.readdirSync(dir).flatMap((rule) =>
      fs.readdirSync(path.join(dir, rule)).filter((f) => f.startsWith('report')).map((f) => path.join(rule, f)),
    );
    const config = { ...defaultConfig, rules: { ...defaultConfig.rules, 'missing-owner': 'warning' as const } };
    const analysed = files.map((file) => ({ path: file, uri: file.split(path.sep).join('/'), relative: true, analysis: analyze(fs.readFileSync(path.join(dir, file), 'utf8'), { config }) }));
    assert.ok(analysed.some((f) => f.analysis.findings.length > 0));
    const results = validate(toSarif(analysed, { toolVersion: '0.1.0', rules, srcRoot: 'file:///work/repo/' }));
    const serious = results.filter((r) => r.level === 'error' || r.level === 'warning' || r.level === undefined);
    assert.deepEqual(serious.map((r) => `${r.ruleId}: ${r.message.text ?? ''}`), []);
  });

  it('the validator does report a broken log (it is really checking)', () => {
    const results = validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'pm-lens', rules: [{ id: 'a', name: 'a' }] } }, results: [{ ruleId: 'a', message: {} }] }] });
    assert.ok(results.some((r) => r.level === 'error' || r.level === 'warning' || r.level === undefined), JSON.stringify(results));
  });
});
