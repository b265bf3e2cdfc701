// The performance benchmark (`npm run bench`): generates plan-like documents of 10 KB, 100 KB,
// 1 MB and 5 MB (scripts/gen-plan.mjs, seeded, so every run reads the same text) and measures,
// each in a fresh Node process so that memory peaks do not mix:
//   (a) the baseline: unified + remark-parse + remark-gfm + remark-frontmatter on the whole text,
//       as npm installs them (the same packages PM Lens parses with);
//   (b) PM Lens full analysis: analyze(text);
//   (c) re-analysis after a one-character edit in the middle (IncrementalAnalyzer primed with the
//       original text, then 40 keystrokes of warm-up, as in an editing session);
//   (d) the CLI, `node dist/cli.js check FILE`, on the 1 MB file, end to end;
//   typing that inserts in the 1 MB plan (each keystroke moves everything after it);
// plus the longest synchronous slice of analyzeAsync on 1 MB. Prints medians, ratios to (a), the
// rise of each process's peak RSS over its RSS before the work, a Markdown table for the README
// and the bars of issue 7.
//
//   (e) a repository run: `pm-lens check` on generated plan files of 5–40 KB against
//       markdownlint-cli2 on the same files, interleaved.
//
//   node scripts/bench.mjs [--quick] [--sizes 10kb,100kb] [--skip-baseline 5mb] [--no-repo] [--repo-files N]
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { generatePlan, parseSize, prng } from './gen-plan.mjs';

const root = join(import.meta.dirname, '..');
const out = join(root, '.bench');
const quick = process.argv.includes('--quick');
// Sizes whose baseline is not measured (the 5 MB remark parse alone takes minutes on a busy machine).
const skipBaseline = process.argv.includes('--skip-baseline') ? process.argv[process.argv.indexOf('--skip-baseline') + 1].split(',') : [];
const sizesArg = process.argv.includes('--sizes') ? process.argv[process.argv.indexOf('--sizes') + 1] : '10kb,100kb,1mb,5mb';

// Repetitions per measurement (each measurement is one fresh process; the median of its runs
// counts). The 5 MB baseline alone takes 15–55 s a run, so 5 MB gets fewer.
const plan = {
  '10kb': { baseline: 15, analyze: 15, reanalyze: 41, warmup: true },
  '100kb': { baseline: 7, analyze: 7, reanalyze: 41, warmup: true },
  '1mb': { baseline: 3, analyze: 3, reanalyze: 21, warmup: false },
  '5mb': { baseline: 1, analyze: 3, reanalyze: 5, warmup: false },
};
if (quick) for (const p of Object.values(plan)) Object.assign(p, { baseline: 1, analyze: 1, reanalyze: 5 });

// The measuring side, bundled with the core so the numbers are those of the shipped code.
const worker = `
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { analyze } from './src/core/analyze';
import { defaultConfig } from './src/core/config/defaults';
import { IncrementalAnalyzer } from './src/core/incremental';

const [mode, file, repsText, warmupText] = process.argv.slice(2);
const reps = Number(repsText);
const text = readFileSync(file, 'utf8');
const mid = text.length >> 1;
/** The text with one character typed in the middle; a different one each time. */
const typed = (i) => text.slice(0, mid) + 'abcdefghijklmnopqrstuvwxyz'[i % 26] + text.slice(mid);
const now = () => performance.now();
/** Keystrokes analysed before re-analysis is timed: the first few dozen run code not yet optimised. */
const WARM_UP_KEYSTROKES = 40;
// Each run's process CPU time too (all threads: GC and compiler helpers included), which a busy machine disturbs far less than wall time.
const cpuTimes = [];
const time = (f) => { const c = process.cpuUsage(); const t = now(); f(); const wall = now() - t; const u = process.cpuUsage(c); cpuTimes.push((u.user + u.system) / 1000); return wall; };
const rssBefore = process.memoryUsage().rss;
const times = [];
const extra = {};

if (mode === 'baseline') {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
  if (warmupText === '1') processor.parse(text);
  for (let i = 0; i < reps; i++) times.push(time(() => processor.parse(text)));
} else if (mode === 'analyze') {
  if (warmupText === '1') analyze(text, { config: defaultConfig });
  for (let i = 0; i < reps; i++) times.push(time(() => analyze(text, { config: defaultConfig })));
} else if (mode === 'reanalyze') {
  const analyzer = new IncrementalAnalyzer();
  analyzer.analyze(text, defaultConfig);
  // As in an editor, where the first keystrokes of a session warm the code up.
  for (let i = 0; i < WARM_UP_KEYSTROKES; i++) analyzer.analyze(typed(reps + i), defaultConfig);
  // Each run sees a new version: one character typed in the middle, differing from the version before.
  for (let i = 0; i < reps; i++) times.push(time(() => analyzer.analyze(typed(i), defaultConfig)));
  extra.parsedChunks = analyzer.stats.parsedChunks;
  extra.chunks = analyzer.stats.chunks;
} else if (mode === 'insert') {
  // Typing that inserts: each keystroke adds a character after the last one, so everything after
  // it moves (unlike (c), where versions differ by one character in place).
  const analyzer = new IncrementalAnalyzer();
  analyzer.analyze(text, defaultConfig);
  let current = text;
  let at = mid;
  const type = (i) => {
    current = current.slice(0, at) + 'abcdefghijklmnopqrstuvwxyz'[i % 26] + current.slice(at);
    at++;
    // Flat, as an editor's text is (a joined string is flattened on first read, in the timed run otherwise).
    current.charCodeAt(0);
  };
  for (let i = 0; i < WARM_UP_KEYSTROKES; i++) {
    type(i);
    analyzer.analyze(current, defaultConfig);
  }
  for (let i = 0; i < reps; i++) {
    type(i);
    times.push(time(() => analyzer.analyze(current, defaultConfig)));
  }
} else if (mode === 'slices') {
  // The longest stretch the event loop was blocked: the largest gap between timer ticks.
  const longest = async (run) => {
    let last = now();
    let max = 0;
    let done = false;
    const tick = () => { const t = now(); max = Math.max(max, t - last); last = t; if (!done) setTimeout(tick, 0); };
    setTimeout(tick, 0);
    const result = await run();
    done = true;
    await new Promise((r) => setTimeout(r, 2));
    if (!result) throw new Error('analysis gave up');
    return max;
  };
  const analyzer = new IncrementalAnalyzer();
  const t = now();
  extra.fullSlice = await longest(() => analyzer.analyzeAsync(text, defaultConfig));
  extra.fullAsync = now() - t;
  // Typing: after the warm-up keystrokes, twenty more, each analysed in slices as the extension does.
  for (let i = 0; i < WARM_UP_KEYSTROKES; i++) analyzer.analyze(typed(100 + i), defaultConfig);
  const edits = [];
  for (let i = 0; i < 20; i++) edits.push(await longest(() => analyzer.analyzeAsync(typed(i), defaultConfig)));
  edits.sort((x, y) => x - y);
  extra.editSlice = edits[edits.length - 1];
  extra.editSliceMedian = edits[(edits.length - 1) >> 1];
}
process.stdout.write(JSON.stringify({ times, cpuTimes, rssBefore, maxRss: process.resourceUsage().maxRSS * 1024, extra }));
`;

// Records the peak RSS of a process we do not control (the CLI) when it exits.
const rssHook = `
process.on('exit', () => {
  require('node:fs').writeFileSync(process.env.PM_LENS_BENCH_RSS, JSON.stringify({ maxRss: process.resourceUsage().maxRSS * 1024 }));
});
`;

mkdirSync(out, { recursive: true });
/** Bundles the measuring side into `.bench/<name>`. */
const buildWorker = (name) =>
  esbuild.build({
    stdin: { contents: worker, resolveDir: root, loader: 'ts', sourcefile: 'bench-worker.ts' },
    outfile: join(out, name),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    logLevel: 'warning',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
await buildWorker('worker.mjs');
writeFileSync(join(out, 'rss-hook.cjs'), rssHook);

const sizes = sizesArg.split(',').map((s) => s.trim().toLowerCase());
const files = {};
for (const size of sizes) {
  const file = join(out, `plan-${size}.md`);
  const text = generatePlan(parseSize(size));
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  files[size] = file;
}

const started = Date.now();
const loadStart = loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`PM Lens benchmark — Node ${process.version}, ${availableParallelism()} × ${cpus()[0]?.model ?? 'cpu'}${quick ? ', quick' : ''}`);

/** Runs one measurement in a fresh process. */
function measure(mode, size, reps, warmup, label = mode) {
  const result = spawnSync(process.execPath, [join(out, 'worker.mjs'), mode, files[size], String(reps), warmup ? '1' : '0'], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${mode} ${size} failed:\n${result.stderr}`);
  const data = JSON.parse(result.stdout);
  const times = [...data.times].sort((x, y) => x - y);
  const median = times.length ? times[(times.length - 1) >> 1] : NaN;
  const rise = Math.max(0, data.maxRss - data.rssBefore);
  process.stdout.write(`  ${label.padEnd(10)} ${size.padEnd(6)} ${times.length ? `median ${fmtMs(median)} of ${times.length}` : ''} peak RSS +${mb(rise)}${data.extra && Object.keys(data.extra).length ? ' ' + JSON.stringify(roundAll(data.extra)) : ''}\n`);
  const cpu = [...(data.cpuTimes ?? [])].sort((x, y) => x - y);
  return { median, rise, extra: data.extra, runs: times.length, cpu: cpu.length ? cpu[(cpu.length - 1) >> 1] : NaN };
}

/** The CLI end to end, in its own process each run. */
function measureCli(size, reps) {
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) return undefined;
  const rssFile = join(out, 'cli-rss.json');
  const times = [];
  let rise = 0;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    const result = spawnSync(process.execPath, ['--require', join(out, 'rss-hook.cjs'), cli, 'check', '--no-ignore', files[size]], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, PM_LENS_BENCH_RSS: rssFile },
    });
    times.push(performance.now() - t);
    if (result.status === 2 || result.status === null) throw new Error(`CLI failed:\n${result.stderr}`);
    // Compared with a bare Node process's RSS, as the other measurements are with theirs.
    rise = Math.max(rise, JSON.parse(readFileSync(rssFile, 'utf8')).maxRss - bareRss);
  }
  times.sort((x, y) => x - y);
  const median = times[(times.length - 1) >> 1];
  console.log(`  cli check  ${size.padEnd(6)} median ${fmtMs(median)} of ${times.length} peak RSS +${mb(rise)}`);
  return { median, rise, runs: times.length };
}

/** (e): the CLI and markdownlint-cli2 over one folder of generated plans, interleaved runs. */
function measureRepository(count, runs) {
  const cli = join(root, 'dist', 'cli.js');
  const lint = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  if (!existsSync(cli) || !existsSync(lint)) return undefined;
  const dir = join(out, `repo-${count}`);
  mkdirSync(dir, { recursive: true });
  const rand = prng(11);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const file = join(dir, `plan-${i}.md`);
    const text = generatePlan(5 * 1024 + Math.floor(rand() * 35 * 1024), i + 1);
    bytes += text.length;
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  }
  const time = (cmd, args) => {
    const t = performance.now();
    const result = spawnSync(process.execPath, [cmd, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (result.status === null || result.error) throw new Error(`${cmd} failed: ${result.error ?? result.signal}`);
    return performance.now() - t;
  };
  const pm = [];
  const ml = [];
  for (let i = 0; i < runs; i++) {
    pm.push(time(cli, ['check', '--all', '--no-ignore', '.']));
    ml.push(time(lint, ['**/*.md']));
  }
  const median = (xs) => [...xs].sort((x, y) => x - y)[(xs.length - 1) >> 1];
  const result = { files: count, bytes, runs, pmLens: median(pm), markdownlint: median(ml) };
  console.log(`  repository ${count} files: pm-lens ${fmtMs(result.pmLens)}, markdownlint-cli2 ${fmtMs(result.markdownlint)}`);
  return result;
}

const bare = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.resourceUsage().maxRSS * 1024))'], { encoding: 'utf8' });
const bareRss = Number(bare.stdout);

const results = {};
for (const size of sizes) {
  const p = plan[size] ?? { baseline: 3, analyze: 3, reanalyze: 11, warmup: false };
  results[size] = {
    baseline: skipBaseline.includes(size) ? { median: NaN, rise: NaN, runs: 0, cpu: NaN } : measure('baseline', size, p.baseline, p.warmup),
    analyze: measure('analyze', size, p.analyze, p.warmup),
    reanalyze: measure('reanalyze', size, p.reanalyze, p.warmup),
  };
}
const insert = results['1mb'] ? measure('insert', '1mb', quick ? 5 : 21, false) : undefined;
const cli = results['1mb'] ? measureCli('1mb', quick ? 1 : 3) : undefined;
const slices = results['1mb'] ? measure('slices', '1mb', 0, false).extra : undefined;
const repoFiles = process.argv.includes('--repo-files') ? Number(process.argv[process.argv.indexOf('--repo-files') + 1]) : quick ? 200 : 2000;
const repo = process.argv.includes('--no-repo') ? undefined : measureRepository(repoFiles, quick ? 1 : 3);

// The table for the README.
const rows = [
  '| Plan | remark parse (a) | PM Lens analysis (b) | b / a | re-analysis after a 1-char edit (c) | c / b | peak RSS rise a / b / c |',
  '|---|---:|---:|---:|---:|---:|---:|',
];
for (const size of sizes) {
  const r = results[size];
  const runs = `${r.baseline.runs === 1 ? ' ¹' : ''}`;
  rows.push(
    `| ${size.toUpperCase().replace('KB', ' KB').replace('MB', ' MB')}${runs} | ${fmtMs(r.baseline.median)} | ${fmtMs(r.analyze.median)} | ${ratio(r.analyze.median, r.baseline.median)} | ${fmtMs(r.reanalyze.median)} | 1/${Math.round(r.analyze.median / r.reanalyze.median)} | +${mb(r.baseline.rise)} / +${mb(r.analyze.rise)} / +${mb(r.reanalyze.rise)} |`,
  );
}
console.log('\n' + rows.join('\n'));
const notes = [];
if (cli) notes.push(`CLI \`pm-lens check\` on the 1 MB plan, end to end: ${fmtMs(cli.median)} (${ratio(cli.median, results['1mb'].baseline.median)} of (a)), peak RSS +${mb(cli.rise)} over a bare Node process.`);
else if (results['1mb']) notes.push('CLI `pm-lens check` on the 1 MB plan: n/a (dist/cli.js not built).');
if (insert) notes.push(`Typing that inserts in the 1 MB plan (everything after the keystroke moves): re-analysis median ${fmtMs(insert.median)} (process CPU ${fmtMs(insert.cpu)}), against ${fmtMs(results['1mb'].reanalyze.median)} (CPU ${fmtMs(results['1mb'].reanalyze.cpu)}) for (c).`);
if (slices) notes.push(`Longest synchronous slice of \`analyzeAsync\` on 1 MB: ${fmtMs(slices.fullSlice)} analysing from scratch (${fmtMs(slices.fullAsync)} in all), ${fmtMs(slices.editSlice)} at most re-analysing after each of 20 keystrokes (median ${fmtMs(slices.editSliceMedian)}).`);
if (repo) notes.push(`Repository run, ${repo.files} generated plans of 5–40 KB (${mb(repo.bytes)}), interleaved, median of ${repo.runs}: \`pm-lens check\` (--jobs ${availableParallelism()}) ${fmtMs(repo.pmLens)}, markdownlint-cli2 ${fmtMs(repo.markdownlint)} (${ratio(repo.pmLens, repo.markdownlint)}).`);
if (Object.values(results).some((r) => r.baseline.runs === 1)) notes.push('¹ One run of each baseline (it takes minutes at 5 MB); other sizes: medians of 3 to 41 runs.');
const cpuRows = sizes.filter((size) => Number.isFinite(results[size].reanalyze.cpu)).map((size) => {
  const { baseline, analyze, reanalyze } = results[size];
  const base = Number.isFinite(baseline.cpu) ? `parse (a) ${fmtMs(baseline.cpu)}, ` : '';
  const full = Number.isFinite(baseline.cpu) ? ` (${ratio(analyze.cpu, baseline.cpu)} of (a))` : '';
  return `${size}: ${base}full ${fmtMs(analyze.cpu)}${full}, re-analysis ${fmtMs(reanalyze.cpu)} (1/${Math.round(analyze.cpu / reanalyze.cpu)})`;
});
if (cpuRows.length) notes.push(`Process CPU time, medians (steadier than wall time on a busy machine): ${cpuRows.join('; ')}.`);
notes.push(`Medians; each measurement in a fresh Node ${process.version} process; peak RSS rise = the process's peak RSS minus its RSS before the work. Load average at the start: ${loadStart}, at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}.`);
console.log('\n' + notes.join('\n'));

// The bars of issue 14.
const bars = [];
const bar = (ok, text) => bars.push(`${ok ? 'met    ' : 'NOT MET'}  ${text}`);
const r1 = results['1mb'];
const r5 = results['5mb'];
const r100 = results['100kb'];
if (r1) bar(r1.analyze.median <= r1.baseline.median, `full analysis ≤ 1.0× baseline on 1 MB: ${ratio(r1.analyze.median, r1.baseline.median)}`);
if (r1 && r5) bar(r5.analyze.median <= 6 * r1.analyze.median, `5 MB analysis within 6× of 1 MB: ${ratio(r5.analyze.median, r1.analyze.median)}`);
if (r1) bar(r1.reanalyze.median <= r1.analyze.median / 50, `re-analysis after a 1-char edit ≤ 1/50 of the full analysis on 1 MB: 1/${Math.round(r1.analyze.median / r1.reanalyze.median)} (1/${Math.round(r1.baseline.median / r1.reanalyze.median)} of the baseline)`);
if (r100) bar(r100.reanalyze.median < 10, `re-analysis after a 1-char edit < 10 ms on 100 KB: ${fmtMs(r100.reanalyze.median)}`);
if (r1) bar(r1.analyze.rise <= r1.baseline.rise / 3, `peak RSS rise of a 1 MB analysis ≤ 1/3 of the baseline's: +${mb(r1.analyze.rise)} vs +${mb(r1.baseline.rise)} (${ratio(r1.analyze.rise, r1.baseline.rise)})`);
if (repo) bar(repo.pmLens < repo.markdownlint, `repository run faster than markdownlint-cli2: ${fmtMs(repo.pmLens)} vs ${fmtMs(repo.markdownlint)}`);
console.log('\nBars (issue 14):\n' + bars.join('\n'));
console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);

function fmtMs(ms) {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 10000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(1)} ms`;
}
function mb(bytes) {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
function ratio(x, y) {
  return `${(x / y).toFixed(x / y < 0.1 ? 3 : 2)}×`;
}
function roundAll(o) {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 10) / 10 : v]));
}
