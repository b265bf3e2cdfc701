// What the fitted classifier costs: the analysis of the 1 MB plan now, against the engine as it
// was before the classifier became a fitted model (the revision below), in one run. Both engines
// are bundled from their own sources with their own locked dependencies and run on the same
// generated text, alternately, each measurement in a fresh Node process after a warm-up analysis.
// Each measurement is split where the engines' own API splits it: the parse (`parseFacts`; the
// parser itself changed in between, to unified + remark-parse) and everything after it (sections,
// classification, rules: analyze with the parsed facts), which holds the classifier.
//
// Rules have joined since (stale-date, the metric rules), and their cost is not the classifier's:
// the engine now is measured twice, with every rule and with only the rules the engine before had
// (the others turned off in its configuration). The classifier's bar is the second, like for like;
// the first is what a user of the whole analysis sees. Beside the time, the CPU time of every
// thread in the process over the same analysis (V8 compiles and collects on helper threads): on a
// small, busy machine the time swings with who gets a core, the work done much less. Last, the
// same analysis repeated in the process, warm, as a language server repeats it on every edit:
// the measured one is the second in its process, and part of it is V8 still compiling.
//
//   node scripts/bench-classifier.mjs [--against REV] [--runs N] [--size 1mb]
//
// Needs the repository's history (a clone, not an archive) and the npm registry or its cache;
// without them it says why and measures nothing.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePlan, parseSize } from './gen-plan.mjs';

/** Analyses repeated after the measured one in each process (their median is the warm figure). */
const REPEATS = 5;

/** The last revision whose classifier was hand-set, before `npm run train` fitted it. */
const BEFORE_FITTED_CLASSIFIER = 'b56373f';

const root = join(import.meta.dirname, '..');
const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const against = arg('--against', BEFORE_FITTED_CLASSIFIER);
const runs = Number(arg('--runs', '7'));
const size = arg('--size', '1mb');
const out = join(root, '.bench');
mkdirSync(out, { recursive: true });

const run = (cmd, args, options = {}) => spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
// The other revision's sources and locked dependencies, in a folder of their own.
const dir = mkdtempSync(join(tmpdir(), 'pm-lens-before-'));
/** Says why nothing was measured and ends the run (exiting skips `finally`: the folder goes here). */
const fail = (why) => {
  console.log(`bench-classifier: not measured: ${why}`);
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
try {
  const archive = run('git', ['-C', root, 'archive', '--format=tar', against], { encoding: 'buffer' });
  if (archive.status !== 0) fail(`git archive ${against}: ${String(archive.stderr).trim() || 'no repository history'}`);
  const untar = run('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (untar.status !== 0) fail(`tar: ${untar.stderr.trim()}`);
  const install = run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
  if (install.status !== 0) fail(`npm ci for ${against}: ${install.stderr.trim().split('\n').slice(-3).join(' ')}`);

  // One measuring worker per engine, each bundled from its own tree.
  const worker = `
import { readFileSync } from 'node:fs';
import { analyze } from './src/core/analyze';
import { defaultConfig } from './src/core/config/defaults';
import { parseFacts } from './src/core/parse/facts';
const [file, off = ''] = process.argv.slice(2);
if (file === '--rules') {
  process.stdout.write(JSON.stringify(Object.keys(defaultConfig.rules)));
  process.exit(0);
}
// The rules named in \`off\` (comma-separated) turned off, as a configuration would.
const config = off === '' ? defaultConfig : { ...defaultConfig, rules: { ...defaultConfig.rules, ...Object.fromEntries(off.split(',').map((id) => [id, 'off'])) } };
const text = readFileSync(file, 'utf8');
analyze(text, { config });
const t0 = performance.now();
const facts = parseFacts(text);
const t1 = performance.now();
const cpu = process.cpuUsage();
analyze(text, { facts, config });
const t2 = performance.now();
const used = process.cpuUsage(cpu);
// Then the same analysis again and again, as a language server repeats it on every edit: by then
// the code is warm, and what is left is the work itself.
const again = [];
for (let i = 0; i < ${REPEATS}; i++) {
  const t = performance.now();
  analyze(text, { facts, config });
  again.push(performance.now() - t);
}
again.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ parse: t1 - t0, rest: t2 - t1, restCpu: (used.user + used.system) / 1000, repeated: again[again.length >> 1] }));
`;
  const bundle = async (tree, name) => {
    await esbuild.build({
      stdin: { contents: worker, resolveDir: tree, loader: 'ts', sourcefile: 'bench-classifier-worker.ts' },
      outfile: join(out, name),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error',
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    });
    return join(out, name);
  };
  const engines = { before: await bundle(dir, 'classifier-before.mjs'), now: await bundle(root, 'classifier-now.mjs') };

  const file = join(out, `plan-${size}.md`);
  if (!existsSync(file)) writeFileSync(file, generatePlan(parseSize(size)));
  // The rules the engine now has and the engine before did not.
  const ruleIds = (engine) => {
    const r = run(process.execPath, [engine, '--rules']);
    if (r.status !== 0) fail(`listing the rules: ${r.stderr.trim().split('\n')[0]}`);
    return JSON.parse(r.stdout);
  };
  const rulesBefore = new Set(ruleIds(engines.before));
  const added = ruleIds(engines.now).filter((id) => !rulesBefore.has(id));
  const variants = {
    before: [engines.before, file],
    now: [engines.now, file],
    'now, like for like': [engines.now, file, added.join(',')],
  };
  const names = Object.keys(variants);
  const times = Object.fromEntries(names.map((name) => [name, []]));
  // Alternately, in a turning order, so that no variant gets the quieter moments.
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length];
      const r = run(process.execPath, variants[name]);
      if (r.status !== 0) fail(`the ${name} engine failed: ${r.stderr.trim().split('\n')[0]}`);
      times[name].push(JSON.parse(r.stdout));
    }
  }
  const median = (a) => [...a].sort((x, y) => x - y)[(a.length - 1) >> 1];
  const row = (name, label) => {
    const parse = median(times[name].map((t) => t.parse));
    const rest = median(times[name].map((t) => t.rest));
    const restCpu = median(times[name].map((t) => t.restCpu));
    const repeated = median(times[name].map((t) => t.repeated));
    const total = median(times[name].map((t) => t.parse + t.rest));
    console.log(`| ${label} | ${total.toFixed(0)} ms | ${parse.toFixed(0)} ms | ${rest.toFixed(0)} ms | ${restCpu.toFixed(0)} ms | ${repeated.toFixed(0)} ms |`);
    return { total, rest, restCpu, repeated };
  };
  console.log(`\nAnalysis of the ${size.toUpperCase()} plan, medians of ${runs} fresh processes each, alternating (load ${loadavg().map((l) => l.toFixed(2)).join(' ')}):`);
  console.log(`| engine | whole analysis | parse | after the parse (sections, classifier, rules) | its CPU time, all threads | after the parse, repeated in the process (median of ${REPEATS} more) |`);
  console.log('| --- | --- | --- | --- | --- | --- |');
  const before = row('before', `before the fitted classifier (${against})`);
  const now = row('now', 'now, every rule');
  const alike = row('now, like for like', `now, the rules ${against} had (${added.join(', ') || 'none'} off)`);
  // Each round's variants ran one after another, seconds apart: their ratio within the round is
  // steadier than the medians' when the machine's speed drifts.
  const paired = (name, measure = 'rest') => median(times[name].map((t, i) => t[measure] / times.before[i][measure])).toFixed(2);
  const ratio = alike.rest / before.rest;
  const cpuRatio = (variant) => (variant.restCpu / before.restCpu).toFixed(2);
  console.log(`${ratio <= 1 ? '✓' : '✗'} the ${size.toUpperCase()} analysis after the parse, like for like, no slower than before the fitted classifier: ${ratio.toFixed(2)}× (round by round: ${paired('now, like for like')}×; CPU time ${cpuRatio(alike)}×)`);
  console.log(`  repeated in one process, as a language server repeats it (like for like): ${(alike.repeated / before.repeated).toFixed(2)}× (round by round: ${paired('now, like for like', 'repeated')}×)`);
  console.log(`  with every rule: ${(now.rest / before.rest).toFixed(2)}× after the parse (round by round: ${paired('now')}×; CPU time ${cpuRatio(now)}×), ${(now.total / before.total).toFixed(2)}× the whole analysis (the parse being remark's now)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
