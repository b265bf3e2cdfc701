// `npm run train` end to end, on a small labelled corpus of our own (test/fixtures/train): the
// script fits a model the engine loads and decides with, reports grouped cross-validation, and
// gives the same file twice from the same corpus.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { loadModel } from '../../src/core/classify/model';
import { fromRoot } from '../support/paths';

/** Runs the training script on `corpus` with 3 folds; its output and the fitted file. */
function train(corpus: string, out: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [fromRoot('scripts/train.mjs'), '--corpus', corpus, '--out', out, '--folds', '3'], { encoding: 'utf8', timeout: 300_000 });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('npm run train (slow)', function () {
  this.timeout(600_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-train-test-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('fits a model the engine loads, reports grouped cross-validation, and refits it byte for byte', () => {
    const corpus = fromRoot('test/fixtures/train');
    const first = train(corpus, path.join(dir, 'a.json'));
    assert.equal(first.status, 0, first.output);
    assert.match(first.output, /36 labelled sections in 6 documents, 3 folds by document/);
    assert.match(first.output, /grouped 3-fold CV: accuracy \d+\.\d%/);
    assert.match(first.output, /CV, thresholds without the fold: accuracy \d+\.\d%/);
    assert.match(first.output, /\| >= 0\.7 \| \d+ \|/);
    assert.match(first.output, /calibration error: \d/);

    const second = train(corpus, path.join(dir, 'b.json'));
    assert.equal(second.status, 0, second.output);
    const a = fs.readFileSync(path.join(dir, 'a.json'));
    assert.ok(a.equals(fs.readFileSync(path.join(dir, 'b.json'))), 'the same corpus gives the same file');

    const fitted = JSON.parse(a.toString('utf8')) as { calibration: number[][]; fit: { cv: { accuracy: number }; cvThresholdsWithoutFold: { accuracy: number } } };
    assert.ok(fitted.fit.cv.accuracy > 0.5 && fitted.fit.cvThresholdsWithoutFold.accuracy > 0.5, JSON.stringify(fitted.fit));
    assert.equal(fitted.calibration.length, 3, 'a calibration per verdict class');
    const model = loadModel(fitted);
    // A plan none of the corpus holds, decided with the fitted model: its clear sections take their sides.
    const plan = ['# Bike share pilot', '', '## User needs', 'Commuters want a bike within five minutes of the station and a simple way to pay.', '', '## Budget', 'Docks 40,000 EUR, maintenance contract 12,000 EUR a year, contingency 10%.', ''].join('\n');
    const roles = analyze(plan, { model }).sections.map((s) => s.inferred.role);
    assert.deepEqual(roles.slice(1), ['product', 'project']);
  });

  it('says what is wrong with a corpus it cannot read, and writes nothing', () => {
    const missing = train(path.join(dir, 'no-such-corpus'), path.join(dir, 'c.json'));
    assert.equal(missing.status, 2);
    assert.match(missing.output, /cannot read .*no-such-corpus/);
    assert.ok(!fs.existsSync(path.join(dir, 'c.json')));
  });
});
