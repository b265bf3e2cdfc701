#!/usr/bin/env node
// Fits the classifier's model to labelled plans and measures it by cross-validation grouped by
// document: no plan is scored by a model fitted on it.
//
// usage: npm run train -- --corpus DIR [--out FILE] [--folds 10] [--lambdas L,L…] [--min-df N,N…]
//        [--class-weight balanced|none] [--errors FILE] [--quiet]
//
// DIR holds docs/*.md and labels/*.json ({ sections: [{ line, label }] }, labels product |
// project | neither, as in the evaluation corpus). Features come from the engine itself
// (src/core: analyze with a feature observer), so training reads exactly what run time reads.
// The model is a multinomial logistic regression (product / project / none) with an L2 penalty,
// fitted by L-BFGS with the classes weighed alike (`--class-weight balanced`, the default; `none`
// weighs every section alike); the penalty's strength, the vocabulary's minimum document
// frequency, the temperature and the decision thresholds are chosen by the grouped
// cross-validation, never by the in-sample score. Deterministic: fixed folds (documents in name
// order, round robin), no randomness.
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decide, evaluate, fitCalibration, fitModel, reliability } from './train/fit.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const corpusArg = opt('--corpus', undefined);
if (!corpusArg) {
  console.error('usage: npm run train -- --corpus DIR [--out FILE] [--folds 10]');
  process.exit(2);
}
const corpus = resolve(corpusArg);
const out = resolve(opt('--out', join(root, 'src/core/classify/weights.json')));
const folds = Number(opt('--folds', '10'));
const quiet = args.includes('--quiet');
const classWeight = opt('--class-weight', 'balanced');
if (classWeight !== 'balanced' && classWeight !== 'none') {
  console.error(`train: --class-weight is balanced or none, not ${classWeight}`);
  process.exit(2);
}
const log = (...a) => {
  if (!quiet) console.log(...a);
};

// The engine, bundled from its sources for this run.
const dir = mkdtempSync(join(tmpdir(), 'pm-lens-train-'));
let engine;
try {
  const file = join(dir, 'engine.cjs');
  await esbuild.build({
    stdin: {
      contents: "export { analyze } from './src/core/analyze'; export { calibratedConfidence, loadModel } from './src/core/classify/model';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: file,
    logLevel: 'error',
  });
  engine = createRequire(import.meta.url)(file);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// --- Reading the corpus: every labelled section's features, as the engine computes them.
let docNames;
try {
  docNames = readdirSync(join(corpus, 'docs')).filter((f) => f.endsWith('.md')).sort();
} catch (e) {
  console.error(`train: cannot read ${join(corpus, 'docs')}: ${e.message}`);
  process.exit(2);
}
if (docNames.length < folds) {
  console.error(`train: ${docNames.length} documents is fewer than ${folds} folds`);
  process.exit(2);
}
const ALL_WORDS = { has: () => true, size: 1 };
const LABEL = { product: 0, project: 1, neither: 2 };
/** @type {{ doc: number, features: Map<string, number>, label: number }[]} */
const samples = [];
const docs = [];
for (const [d, name] of docNames.entries()) {
  const text = readFileSync(join(corpus, 'docs', name), 'utf8');
  const labels = JSON.parse(readFileSync(join(corpus, 'labels', name.replace(/\.md$/, '.json')), 'utf8')).sections;
  const observed = new Map();
  const analysis = engine.analyze(text, { observe: (i, f) => observed.set(i, new Map(f)), vocabulary: ALL_WORDS });
  const atLine = new Map(analysis.sections.map((s) => [s.headingRange.start.line + 1, s.index]));
  let missing = 0;
  for (const label of labels) {
    const index = atLine.get(label.line) ?? atLine.get(label.line + 1) ?? atLine.get(label.line - 1);
    if (index === undefined || !(label.label in LABEL)) {
      missing++;
      continue;
    }
    samples.push({ doc: d, section: index, features: observed.get(index), label: LABEL[label.label] });
  }
  if (missing) log(`${name}: ${missing} labelled sections not found`);
  docs.push({ name, text });
}
const foldOf = (doc) => doc % folds;
const pct = (x) => `${(100 * x).toFixed(1)}%`;
log(`${samples.length} labelled sections in ${docNames.length} documents, ${folds} folds by document`);

// --- Choosing the penalty and the vocabulary by grouped cross-validation.
const lambdas = (opt('--lambdas', '0.01,0.03,0.05,0.07,0.1') ?? '').split(',').map(Number);
const minDfs = (opt('--min-df', '0') ?? '').split(',').map(Number);
/** Out-of-fold logits for one setting, with documents in folds by `foldOfDoc` (0 … nFolds - 1). */
function crossValidate(setting, foldOfDoc = foldOf, nFolds = folds) {
  const oof = new Array(samples.length);
  const models = [];
  for (let f = 0; f < nFolds; f++) {
    const train = samples.filter((s) => foldOfDoc(s.doc) !== f);
    const model = fitModel(train, setting);
    models.push(model);
    samples.forEach((s, i) => {
      if (foldOfDoc(s.doc) === f) oof[i] = model.logits(s.features);
    });
  }
  return { oof, models };
}
let best;
for (const minDf of minDfs) {
  for (const lambda of lambdas) {
    const setting = { lambda, minDf, docs: docNames.length, balanced: classWeight === 'balanced' };
    const { oof, models } = crossValidate(setting);
    const tuned = tuneDecision(oof);
    const m = evaluate(samples, oof, tuned);
    log(`lambda ${lambda} min-df ${minDf}: accuracy ${pct(m.accuracy)}  cross-role ${pct(m.cross)}  macro-F1 ${pct(m.macroF1)}  log-loss ${m.logLoss.toFixed(3)}  (T ${tuned.temperature}, veto ${tuned.veto}, promote ${tuned.promote}, quiet ${tuned.quiet}, dominant ${tuned.dominant})`);
    const score = m.accuracy - 2 * Math.max(0, m.cross - 0.015);
    if (!best || score > best.score) best = { score, setting, oof, models, tuned, m };
  }
}

/**
 * The temperature (by log-loss), and the veto, promotion, quiet and dominance thresholds (by
 * accuracy, cross-role errors weighed double), for the out-of-fold logits of `among` (all samples
 * unless given: `oof[i]` belongs to `among[i]`).
 */
function tuneDecision(oof, among = samples) {
  let temperature = 1;
  let bestLoss = Infinity;
  for (let t = 0.5; t <= 3.001; t += 0.05) {
    const loss = evaluate(among, oof, { temperature: t }).logLoss;
    if (loss < bestLoss - 1e-9) {
      bestLoss = loss;
      temperature = Math.round(t * 100) / 100;
    }
  }
  let best = { veto: 1, promote: 1, quiet: 1, dominant: 1 };
  let bestScore = -Infinity;
  // From 1 (never) down: on a tie the thresholds that change fewer of the rule's verdicts win.
  const steps = (from, to) => Array.from({ length: Math.round((from - to) / 0.05) + 1 }, (_, i) => Math.round((from - 0.05 * i) * 100) / 100);
  for (const veto of steps(1, 0.5)) {
    for (const promote of steps(1, 0.6)) {
      for (const quiet of steps(1, 0.25)) {
        for (const dominant of steps(1, 0.5)) {
          const m = evaluate(among, oof, { temperature, veto, promote, quiet, dominant });
          const score = m.accuracy - 2 * m.cross;
          if (score > bestScore + 1e-9) {
            bestScore = score;
            best = { veto, promote, quiet, dominant };
          }
        }
      }
    }
  }
  return { temperature, ...best };
}


// --- The chosen setting, fitted on everything, and measured by the engine itself.
const { setting, tuned } = best;
const final = fitModel(samples, setting);

// Cross-validated by the engine: each fold's model, with the chosen decision, loaded as run
// time loads it and run through analyze on the documents it was not fitted on.
const cvPredictions = new Array(samples.length);
for (let f = 0; f < folds; f++) {
  const foldModel = engine.loadModel(best.models[f].toJson({ ...tuned }));
  scoreDocs(foldModel, (d) => foldOf(d) === f, cvPredictions);
}

// The confidence: how often out-of-fold verdicts of each class are right against their
// probability, fitted on every fold for the model shipped. For the reliability table each fold's
// verdicts are calibrated by a fit without that fold, so no verdict's confidence saw its own answer.
const verdicts = samples.map((s, i) => ({ cls: cvPredictions[i], p: decide(best.oof[i], s.features, tuned).confidence, right: cvPredictions[i] === s.label }));
const calibration = fitCalibration(verdicts);
const cvConfidence = new Array(samples.length);
for (let f = 0; f < folds; f++) {
  const foldCalibration = fitCalibration(verdicts.filter((_, i) => foldOf(samples[i].doc) !== f));
  samples.forEach((s, i) => {
    if (foldOf(s.doc) === f) cvConfidence[i] = engine.calibratedConfidence({ calibration: foldCalibration }, verdicts[i].cls, verdicts[i].p);
  });
}

const json = final.toJson({
  ...tuned,
  calibration,
  fit: {
    corpus: `${docNames.length} documents, ${samples.length} labelled sections`,
    folds: `${folds}, grouped by document (documents in name order, round robin)`,
    lambda: setting.lambda,
    minDf: setting.minDf,
    classWeight,
  },
});
const inPredictions = new Array(samples.length);
scoreDocs(engine.loadModel(json), () => true, inPredictions);

/** Runs the engine with `model` on the chosen documents and fills in each labelled section's verdict. */
function scoreDocs(model, chosen, predictions) {
  for (const [d, doc] of docs.entries()) {
    if (!chosen(d)) continue;
    const run = engine.analyze(doc.text, { model });
    samples.forEach((sample, i) => {
      if (sample.doc !== d) return;
      const verdict = run.sections[sample.section].inferred;
      predictions[i] = verdict.role === 'product' ? 0 : verdict.role === 'project' ? 1 : 2;
    });
  }
}

const report = (name, predictions) => {
  const m = evaluate(samples, undefined, undefined, predictions);
  log(`${name}: accuracy ${pct(m.accuracy)}  cross-role ${pct(m.cross)} (${m.crossCount})  macro-F1 ${pct(m.macroF1)}  (F1 product ${pct(m.f1[0])}, project ${pct(m.f1[1])}, neither ${pct(m.f1[2])})`);
  return { accuracy: round(m.accuracy), crossRole: round(m.cross), macroF1: round(m.macroF1), confusion: m.confusion };
};
const round = (x) => Math.round(x * 1000) / 1000;
log('');
log(`chosen: lambda ${setting.lambda}, min-df ${setting.minDf}, temperature ${tuned.temperature}, veto ${tuned.veto}, promote ${tuned.promote}, quiet ${tuned.quiet}, dominant ${tuned.dominant}, ${Object.keys(json.weights).length} features`);
const cv = report(`grouped ${folds}-fold CV`, cvPredictions);
const inSample = report('in-sample          ', inPredictions);
// The thresholds above were chosen on every plan's out-of-fold logits, the scored plan's too.
// Chosen again for each fold without it, they say how much of the figure that choice holds.
const nestedPredictions = new Array(samples.length);
for (let f = 0; f < folds; f++) {
  const others = samples.flatMap((s, i) => (foldOf(s.doc) === f ? [] : [i]));
  const foldTuned = tuneDecision(others.map((i) => best.oof[i]), others.map((i) => samples[i]));
  samples.forEach((s, i) => {
    if (foldOf(s.doc) === f) nestedPredictions[i] = decide(best.oof[i], s.features, foldTuned).cls;
  });
}
const nested = report('CV, thresholds without the fold', nestedPredictions);
const table = reliability(samples, cvPredictions, cvConfidence);
log('');
log('reliability under CV (confidence of the verdict against how often it is right):');
log('| confidence | sections | right |');
log('| --- | --- | --- |');
for (const row of table.rows) log(`| ${row.bin} | ${row.count} | ${row.count ? pct(row.accuracy) : '–'} |`);
log(`| >= 0.7 | ${table.high.count} | ${pct(table.high.accuracy)} |`);
const uncalibrated = reliability(samples, cvPredictions, verdicts.map((v) => v.p));
log(`calibration error: ${table.calibrationError} (the probability uncalibrated: ${uncalibrated.calibrationError}, ${uncalibrated.high.count} verdicts at 0.7 and above, ${pct(uncalibrated.high.accuracy)} right)`);
// Plans of a kind the model has never seen: each kind held out in turn (the kinds come from the
// corpus's sources.jsonl when it has one), fitted on the other kinds with the chosen setting and
// decision. The gap to the grouped cross-validation is what a new kind of plan costs.
const kindReport = leaveKindOut();
function leaveKindOut() {
  let sources;
  try {
    sources = readFileSync(join(corpus, 'sources.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  } catch {
    return undefined;
  }
  const kindOf = new Map(sources.map((s) => [s.file, s.kind ?? 'other']));
  const kinds = [...new Set(docNames.map((n) => kindOf.get(n) ?? 'other'))].sort();
  if (kinds.length < 2) return undefined;
  const foldOfKind = (d) => kinds.indexOf(kindOf.get(docNames[d]) ?? 'other');
  const { oof } = crossValidate(setting, foldOfKind, kinds.length);
  log('');
  log('leave-kind-out (each kind scored by a model fitted on the other kinds only):');
  log('| kind held out | plans | sections | accuracy | cross-role |');
  log('| --- | --- | --- | --- | --- |');
  const rows = [];
  for (const [k, kind] of kinds.entries()) {
    const chosen = samples.flatMap((s, i) => (foldOfKind(s.doc) === k ? [i] : []));
    const m = evaluate(chosen.map((i) => samples[i]), chosen.map((i) => oof[i]), tuned);
    const plans = docNames.filter((_, d) => foldOfKind(d) === k).length;
    log(`| ${kind} | ${plans} | ${chosen.length} | ${pct(m.accuracy)} | ${pct(m.cross)} |`);
    rows.push({ kind, plans, sections: chosen.length, accuracy: round(m.accuracy), crossRole: round(m.cross) });
  }
  const all = evaluate(samples, oof, tuned);
  log(`| all, each by a model that never saw its kind | ${docNames.length} | ${samples.length} | ${pct(all.accuracy)} | ${pct(all.cross)} |`);
  return { rows, accuracy: round(all.accuracy), crossRole: round(all.cross) };
}
const errorsFile = opt('--errors', undefined);
if (errorsFile) {
  // Every section the cross-validation got wrong: document, line, label, verdict, heading.
  const names = ['product', 'project', 'neither'];
  const lines = samples.flatMap((sample, i) => {
    if (cvPredictions[i] === sample.label) return [];
    const doc = docs[sample.doc];
    const heading = engine.analyze(doc.text, { model: engine.loadModel(json) }).sections[sample.section];
    return [`${doc.name}:${heading.headingRange.start.line + 1}\t${names[sample.label]}\t-> ${names[cvPredictions[i]]} (${cvConfidence[i].toFixed(2)})\t${heading.heading}`];
  });
  writeFileSync(resolve(errorsFile), lines.join('\n') + '\n');
}
json.fit = { ...json.fit, cv, cvThresholdsWithoutFold: nested, inSample, reliability: table, ...(kindReport ? { leaveKindOut: kindReport } : {}) };
writeFileSync(out, JSON.stringify(json, null, 1) + '\n');
log(`\nwrote ${out}`);
