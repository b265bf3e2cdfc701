#!/usr/bin/env node
// Fits the classifier's model to labelled plans and measures it by cross-validation grouped by
// document: no plan is scored by a model fitted on it.
//
// usage: npm run train -- --corpus DIR [--out FILE] [--folds 10] [--quiet]
//
// DIR holds docs/*.md and labels/*.json ({ sections: [{ line, label }] }, labels product |
// project | neither, as in the evaluation corpus). Features come from the engine itself
// (src/core: analyze with a feature observer), so training reads exactly what run time reads.
// The model has two stages, each a multinomial logistic regression (product / project / none)
// with an L2 penalty, fitted by L-BFGS: the first reads the section's own signals and context;
// the second reads the first's probabilities of the section, its parent, subsections, siblings
// and the document (src/core/classify/stack.ts). The second stage is fitted on out-of-fold
// first-stage probabilities, and under cross-validation that happens inside each training fold
// (nested), so no figure scores a document with anything fitted on it. Penalties, temperature
// and the side threshold are chosen by the grouped cross-validation, never by the in-sample
// score. Deterministic: fixed folds (documents in name order, round robin), no randomness.
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, fitModel, reliability } from './train/fit.mjs';

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
      contents: "export { analyze } from './src/core/analyze'; export { loadModel } from './src/core/classify/model'; export { stackContext, stackFeatures } from './src/core/classify/stack'; export { SCORING } from './src/core/classify/scoring';",
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
const { mixStrong: MIX_STRONG, mixRatio: MIX_RATIO } = engine.SCORING;
const ALL_WORDS = { has: () => true, size: 1 };
const LABEL = { product: 0, project: 1, neither: 2 };
/** @type {{ doc: number, section: number, features: Map<string, number>, label: number }[]} */
const samples = [];
/** Per document: every section's first-stage features and the sections' places (labelled or not). */
const docs = [];
for (const [d, name] of docNames.entries()) {
  const text = readFileSync(join(corpus, 'docs', name), 'utf8');
  const labels = JSON.parse(readFileSync(join(corpus, 'labels', name.replace(/\.md$/, '.json')), 'utf8')).sections;
  const observed = new Map();
  let nodes;
  const analysis = engine.analyze(text, { observe: (i, f) => observed.set(i, new Map(f)), observeStructure: (n) => (nodes = n), vocabulary: ALL_WORDS });
  const atLine = new Map(analysis.sections.map((s) => [s.headingRange.start.line + 1, s.index]));
  let missing = 0;
  for (const label of labels) {
    const index = atLine.get(label.line) ?? atLine.get(label.line + 1) ?? atLine.get(label.line - 1);
    if (index === undefined || !(label.label in LABEL)) {
      missing++;
      continue;
    }
    // Both sides strong on their own (the engine's `bothStrong`, read from the scores it reports).
    const { product, project } = analysis.sections[index].inferred.scores;
    const weak = Math.min(product, project);
    const bothStrong = weak >= MIX_STRONG && weak >= MIX_RATIO * Math.max(product, project);
    samples.push({ doc: d, section: index, features: observed.get(index), label: LABEL[label.label], bothStrong });
  }
  if (missing) log(`${name}: ${missing} labelled sections not found`);
  docs.push({ name, text, nodes, features: analysis.sections.map((s) => observed.get(s.index)) });
}
const foldOf = (doc) => doc % folds;
const pct = (x) => `${(100 * x).toFixed(1)}%`;
log(`${samples.length} labelled sections in ${docNames.length} documents, ${folds} folds by document`);

// --- The two stages, fitted and cross-validated.
const lambdas = (opt('--lambdas', '0.003,0.01,0.03') ?? '').split(',').map(Number);
const stackLambdas = (opt('--stack-lambdas', '0.003,0.01,0.03,0.1') ?? '').split(',').map(Number);
const minDfs = (opt('--min-df', '0') ?? '').split(',').map(Number);
const useStack = !args.includes('--no-stack');
/** What a cross-role error costs, in other errors, when penalties and thresholds are chosen: wrong sides cost most. */
const CROSS_COST = Number(opt('--cross-cost', '4'));
const softmax1 = (z) => {
  const m = Math.max(...z);
  const e = z.map((x) => Math.exp(x - m));
  const s = e[0] + e[1] + e[2];
  return [e[0] / s, e[1] / s, e[2] / s];
};

/** First-stage probabilities of every section of documents `chosen`, by `model`, into `into[doc]`. */
function firstStage(model, chosen, into) {
  for (const [d, doc] of docs.entries()) {
    if (!chosen(d)) continue;
    into[d] = doc.features.map((f) => softmax1(model.logits(f)));
  }
}
/** Second-stage samples of the labelled sections of documents `chosen`, from first-stage probabilities `p1[doc]`. */
function stackSamples(p1, chosen) {
  const contexts = new Map();
  const out = [];
  samples.forEach((s, i) => {
    if (!chosen(s.doc)) return;
    let ctx = contexts.get(s.doc);
    if (!ctx) contexts.set(s.doc, (ctx = engine.stackContext(docs[s.doc].nodes, p1[s.doc])));
    const features = engine.stackFeatures(ctx, s.section);
    out.push({ doc: s.doc, label: s.label, features, at: i });
  });
  return out;
}
/** Out-of-fold first-stage probabilities of the documents `inside`, by folds `foldOfDoc` (documents in no fold are left out). */
function firstStageOof(setting, inside, foldOfDoc, nFolds) {
  const p1 = new Array(docs.length);
  const models = [];
  for (let f = 0; f < nFolds; f++) {
    const test = (d) => inside(d) && foldOfDoc(d) === f;
    if (!docs.some((_, d) => test(d))) continue;
    const model = fitModel(samples.filter((s) => inside(s.doc) && !test(s.doc)), setting);
    models[f] = model;
    firstStage(model, test, p1);
  }
  return { p1, models };
}

/**
 * Cross-validation by `foldOfDoc` (nFolds folds): out-of-fold logits of every labelled section,
 * and each fold's models. With the second stage, each fold's second stage is fitted on
 * first-stage probabilities that are themselves out-of-fold within the fold's training
 * documents (inner folds: the same round robin, `innerFolds`).
 */
function crossValidate(setting, stackSetting, foldOfDoc, nFolds) {
  const oof = new Array(samples.length);
  const models = [];
  for (let f = 0; f < nFolds; f++) {
    const test = (d) => foldOfDoc(d) === f;
    if (!docs.some((_, d) => test(d))) continue;
    const train = (d) => !test(d);
    const first = fitModel(samples.filter((s) => train(s.doc)), setting);
    if (!stackSetting) {
      models[f] = { first };
      samples.forEach((s, i) => {
        if (test(s.doc)) oof[i] = first.logits(s.features);
      });
      continue;
    }
    const inner = firstStageOof(setting, train, (d) => d % folds, folds);
    const second = fitModel(stackSamples(inner.p1, train), stackSetting);
    const p1 = new Array(docs.length);
    firstStage(first, test, p1);
    for (const row of stackSamples(p1, test)) oof[row.at] = second.logits(row.features);
    models[f] = { first, second };
  }
  return { oof, models };
}

// The first stage's penalty, by its own out-of-fold log-loss.
let setting;
{
  let bestLoss = Infinity;
  for (const minDf of minDfs) {
    for (const lambda of lambdas) {
      const s = { lambda, minDf, docs: docNames.length };
      const { oof } = crossValidate(s, undefined, foldOf, folds);
      const tuned = tuneDecision(oof);
      const m = evaluate(samples, oof, tuned);
      log(`first stage, lambda ${lambda} min-df ${minDf}: accuracy ${pct(m.accuracy)}  cross-role ${pct(m.cross)}  macro-F1 ${pct(m.macroF1)}  log-loss ${m.logLoss.toFixed(3)}  (T ${tuned.temperature}, side ${tuned.side}, veto ${tuned.veto})`);
      if (m.logLoss < bestLoss) {
        bestLoss = m.logLoss;
        setting = s;
      }
    }
  }
}
// The second stage's penalty, by accuracy with a cross-role error costing CROSS_COST others.
let best;
for (const lambda of useStack ? stackLambdas : [undefined]) {
  const stackSetting = lambda === undefined ? undefined : { lambda, minDf: 0 };
  const { oof, models } = crossValidate(setting, stackSetting, foldOf, folds);
  const tuned = tuneDecision(oof);
  const m = evaluate(samples, oof, tuned);
  if (stackSetting) log(`second stage, lambda ${lambda}: accuracy ${pct(m.accuracy)}  cross-role ${pct(m.cross)}  macro-F1 ${pct(m.macroF1)}  log-loss ${m.logLoss.toFixed(3)}  (T ${tuned.temperature}, side ${tuned.side}, veto ${tuned.veto})`);
  const score = m.accuracy - CROSS_COST * m.cross;
  if (!best || score > best.score) best = { score, stackSetting, oof, models, tuned, m };
}

/** The temperature (by log-loss), and the side and veto thresholds (by accuracy, a cross-role error costing CROSS_COST others), for out-of-fold logits. */
function tuneDecision(oof) {
  let temperature = 1;
  let bestLoss = Infinity;
  for (let t = 0.5; t <= 3.001; t += 0.05) {
    const loss = evaluate(samples, oof, { temperature: t }).logLoss;
    if (loss < bestLoss - 1e-9) {
      bestLoss = loss;
      temperature = Math.round(t * 100) / 100;
    }
  }
  let side = 0.5;
  let veto = 1;
  let bestScore = -Infinity;
  // From the plain argmax up, and from no veto down: on a tie the setting that leaves fewer
  // sections unowned wins. The side threshold stays low (a section whose evidence leans clearly
  // to one side is not left `none` at a tiny probability of none); wrong sides are kept rare by
  // the veto on the other side's probability.
  for (let q = 0.35; q <= 0.551; q += 0.025) {
    for (const k of [1, 0.5, 0.45, 0.4, 0.35, 0.3, 0.25, 0.2, 0.15]) {
      const m = evaluate(samples, oof, { temperature, side: q, veto: k });
      const score = m.accuracy - CROSS_COST * m.cross;
      if (score > bestScore + 1e-9) {
        bestScore = score;
        side = Math.round(q * 1000) / 1000;
        veto = k;
      }
    }
  }
  return { temperature, side, veto };
}

// --- The chosen settings, fitted on everything, and measured by the engine itself.
const { stackSetting, tuned } = best;
/** A model file from a first stage and, when there is one, a second stage (its temperature the decision's). */
const modelJson = (first, second, extra) => {
  if (!second) return first.toJson(extra);
  const stage = second.toJson({});
  const { fit, ...decision } = extra;
  return first.toJson({ ...decision, temperature: 1, stack: { bias: stage.bias, weights: stage.weights, temperature: tuned.temperature }, ...(fit ? { fit } : {}) });
};
const finalFirst = fitModel(samples, setting);
let finalSecond;
if (stackSetting) {
  const outer = firstStageOof(setting, () => true, foldOf, folds);
  finalSecond = fitModel(stackSamples(outer.p1, () => true), stackSetting);
}
const json = modelJson(finalFirst, finalSecond, {
  ...tuned,
  fit: {
    corpus: `${docNames.length} documents, ${samples.length} labelled sections`,
    folds: `${folds}, grouped by document (documents in name order, round robin); the second stage nested in each`,
    lambda: setting.lambda,
    ...(stackSetting ? { stackLambda: stackSetting.lambda } : {}),
    minDf: setting.minDf,
  },
});

// Cross-validated by the engine: each fold's models, with the chosen decision, loaded as run
// time loads them and run through analyze on the documents they were not fitted on.
const cvPredictions = new Array(samples.length);
const cvConfidence = new Array(samples.length);
for (let f = 0; f < folds; f++) {
  const foldModel = engine.loadModel(modelJson(best.models[f].first, best.models[f].second, { ...tuned }));
  scoreDocs(foldModel, (d) => foldOf(d) === f, cvPredictions, cvConfidence);
}
const inPredictions = new Array(samples.length);
const inConfidence = new Array(samples.length);
scoreDocs(engine.loadModel(json), () => true, inPredictions, inConfidence);

/** Runs the engine with `model` on the chosen documents and fills in each labelled section's verdict. */
function scoreDocs(model, chosen, predictions, confidence) {
  for (const [d, doc] of docs.entries()) {
    if (!chosen(d)) continue;
    const run = engine.analyze(doc.text, { model });
    samples.forEach((sample, i) => {
      if (sample.doc !== d) return;
      const verdict = run.sections[sample.section].inferred;
      predictions[i] = verdict.role === 'product' ? 0 : verdict.role === 'project' ? 1 : 2;
      confidence[i] = verdict.confidence;
    });
  }
}

const report = (name, predictions, confidence) => {
  const m = evaluate(samples, undefined, undefined, predictions);
  log(`${name}: accuracy ${pct(m.accuracy)}  cross-role ${pct(m.cross)} (${m.crossCount})  macro-F1 ${pct(m.macroF1)}  (F1 product ${pct(m.f1[0])}, project ${pct(m.f1[1])}, neither ${pct(m.f1[2])})`);
  return { accuracy: round(m.accuracy), crossRole: round(m.cross), macroF1: round(m.macroF1), confusion: m.confusion };
};
const round = (x) => Math.round(x * 1000) / 1000;
log('');
log(`chosen: lambda ${setting.lambda}, min-df ${setting.minDf}${stackSetting ? `, second stage lambda ${stackSetting.lambda}` : ''}, temperature ${tuned.temperature}, side ${tuned.side}, veto ${tuned.veto}, ${Object.keys(json.weights).length} features${json.stack ? ` + ${Object.keys(json.stack.weights).length}` : ''}`);
const cv = report(`grouped ${folds}-fold CV`, cvPredictions, cvConfidence);
const inSample = report('in-sample          ', inPredictions, inConfidence);
const table = reliability(samples, cvPredictions, cvConfidence);
log('');
log('reliability under CV (confidence of the verdict against how often it is right):');
log('| confidence | sections | right |');
log('| --- | --- | --- |');
for (const row of table.rows) log(`| ${row.bin} | ${row.count} | ${row.count ? pct(row.accuracy) : '–'} |`);
log(`| >= 0.7 | ${table.high.count} | ${pct(table.high.accuracy)} |`);
// Plans of a kind the model has never seen: each kind held out in turn (the kinds come from the
// corpus's sources.jsonl when it has one), the rest fitted as above, the decision as chosen.
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
  const { oof } = crossValidate(setting, stackSetting, foldOfKind, kinds.length);
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
  log(`| all, each by its kind's model | ${docNames.length} | ${samples.length} | ${pct(all.accuracy)} | ${pct(all.cross)} |`);
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
    return [`${doc.name}:${heading.headingRange.start.line + 1}\t${names[sample.label]}\t-> ${names[cvPredictions[i]]} (${cvConfidence[i]})\t${heading.heading}`];
  });
  writeFileSync(resolve(errorsFile), lines.join('\n') + '\n');
}
json.fit = { ...json.fit, cv, inSample, reliability: table, ...(kindReport ? { leaveKindOut: kindReport } : {}) };
writeFileSync(out, JSON.stringify(json, null, 1) + '\n');
log(`\nwrote ${out}`);
