// What "Changes since last commit" adds to each refresh of the Ownership Summary, measured against
// the analysis the panel already waits for, in the same process and run (a ratio, since absolute
// times on a shared machine are noise). For each size a generated plan (scripts/gen-plan.mjs,
// seeded) is the committed version and the same plan with every fourth section rewritten is the
// edited one; the panel's committed analysis is cached per commit, so a refresh costs:
//   (a) the baseline: analyze(edited), a full analysis (opening the plan, or the panel);
//   (b) the incremental re-analysis after one character typed (IncrementalAnalyzer, warmed up),
//       what the editor does on each keystroke before the panel refreshes;
//   (c) the changes: changesModel (the core's diffPlans and each change's wording) on the two
//       analyses, what the panel adds to each refresh.
//
//   node scripts/bench-changes.mjs [--sizes 10kb,100kb,1mb] [--reps N]
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generatePlan, parseSize } from './gen-plan.mjs';

const root = join(import.meta.dirname, '..');
const out = join(root, '.bench');
const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const sizes = arg('--sizes', '10kb,100kb,1mb').split(',').map((s) => s.trim().toLowerCase());
const reps = Number(arg('--reps', '9'));

// The shipped code: the core and the panel's model, bundled as the extension bundles them.
const entry = `
export { analyze } from './src/core/analyze';
export { IncrementalAnalyzer } from './src/core/incremental';
export { defaultConfig } from './src/core/config/defaults';
export { changesModel } from './src/extension/summaryPanelModel';
`;
mkdirSync(out, { recursive: true });
const outfile = join(out, 'changes-bench.mjs');
await esbuild.build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'changes-bench.ts' },
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['vscode'],
  // As scripts/build.mjs: jsonc-parser's UMD main loads its parts with requires esbuild cannot follow.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  logLevel: 'warning',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
const { analyze, IncrementalAnalyzer, defaultConfig, changesModel } = await import(pathToFileURL(outfile).href);

/** Every fourth section's body rewritten as delivery talk: the edits a review would see. */
function edit(text) {
  let n = 0;
  return text.replace(/^(#{2,6} .*\n)/gm, (heading) => (++n % 4 === 0 ? `${heading}Ship by March 3, 2026, sprint 14, budget $48,000, milestone sign-off.\n\n` : heading));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const time = (f) => {
  const t = performance.now();
  const r = f();
  return [performance.now() - t, r];
};

console.log(`Changes since last commit — Node ${process.version}, ${reps} runs per size, medians`);
console.log('| size | sections | changes | analyze (a) | keystroke (b) | changes (c) | c / a | c / b |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const size of sizes) {
  const committed = generatePlan(parseSize(size));
  const edited = edit(committed);
  const before = analyze(committed, { config: defaultConfig });
  const mid = edited.length >> 1;
  const typed = (i) => edited.slice(0, mid) + 'abcdefghijklmnopqrstuvwxyz'[i % 26] + edited.slice(mid);
  const incremental = new IncrementalAnalyzer();
  incremental.analyze(edited, defaultConfig);
  // Warm-up keystrokes, as in an editing session.
  for (let i = 0; i < 20; i++) incremental.analyze(typed(100 + i), defaultConfig);
  // And as many diffs: the panel has run them on every refresh before.
  const warm = analyze(edited, { config: defaultConfig });
  for (let i = 0; i < 20; i++) changesModel({ status: 'ready', base: 'HEAD (bench)', before, isNew: false }, warm);
  const a = [];
  const b = [];
  const c = [];
  let rows = 0;
  let after;
  for (let i = 0; i < reps; i++) {
    let t;
    [t, after] = time(() => analyze(edited, { config: defaultConfig }));
    a.push(t);
    [t] = time(() => incremental.analyze(typed(i), defaultConfig));
    b.push(t);
    let model;
    [t, model] = time(() => changesModel({ status: 'ready', base: 'HEAD (bench)', before, isNew: false }, after));
    c.push(t);
    rows = model.rows.length;
  }
  const [ma, mb, mc] = [median(a), median(b), median(c)];
  console.log(`| ${size} | ${after.sections.length} | ${rows} | ${ma.toFixed(1)} ms | ${mb.toFixed(2)} ms | ${mc.toFixed(2)} ms | ${(mc / ma).toFixed(3)} | ${(mc / mb).toFixed(2)} |`);
}
