// Hostile-input benchmark (`node scripts/bench-hostile.mjs`, after `npx tsc -p tsconfig.json`):
// the reproducers of issue 13 measured as ratios in one run, never as absolute times (the machine
// is shared). Configuration checking must grow linearly: doubling the number of bad items should
// about double the time (a ratio near 2 per doubling; the quadratic checker this replaced gave 4).
// The refused regular expression and glob are set against what they cost when run unchecked.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const out = join(import.meta.dirname, '..', 'out', 'src');
const { parseConfigText } = require(join(out, 'core/config/parse.js'));
const { matchingGlob } = require(join(out, 'core/detect.js'));
const picomatch = require('picomatch/posix');

function median(fn, runs = 5) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const configs = {
  'documents: n numbers': (n) => JSON.stringify({ documents: new Array(n).fill(5) }),
  'concerns: n unknown keys': (n) => {
    const concerns = {};
    for (let i = 0; i < n; i++) concerns[`c${i}`] = { role: 'product', nonsense: 1 };
    return JSON.stringify({ concerns });
  },
};
console.log('Configuration checking (median of 5, ms; ratio to the size before):');
for (const [name, make] of Object.entries(configs)) {
  let previous;
  for (const n of [2500, 5000, 10000, 20000]) {
    const text = make(n);
    parseConfigText(text, '.pmlens.json'); // warm-up
    const ms = median(() => parseConfigText(text, '.pmlens.json'));
    console.log(`  ${name.padEnd(26)} n=${String(n).padStart(5)}  ${ms.toFixed(1).padStart(8)} ms${previous ? `  ×${(ms / previous).toFixed(2)}` : ''}`);
    previous = ms;
  }
}

console.log('\nThe catastrophic pattern (a+)+$ on a line of n a and a !: unchecked, then refused by the configuration:');
for (const n of [16, 18, 20, 22]) {
  const line = `${'a'.repeat(n)}!`;
  console.log(`  unchecked n=${n}: ${median(() => /(a+)+$/u.test(line), 1).toFixed(1)} ms`);
}
const catastrophic = JSON.stringify({ concerns: { budget: { patterns: [{ name: 'x', regex: '(a+)+$' }] } } });
console.log(`  checked and refused: ${median(() => parseConfigText(catastrophic, '.pmlens.json')).toFixed(2)} ms`);

console.log('\nThe glob **/*a*a*a*a*a*a*a*a*c.md on a name of n a (picomatch unchecked, then through detection):');
const glob = '**/*a*a*a*a*a*a*a*a*c.md';
const unchecked = picomatch(glob, { nocase: true, dot: true });
for (const n of [20, 25, 30, 35]) console.log(`  unchecked n=${n}: ${median(() => unchecked(`${'a'.repeat(n)}.md`), 1).toFixed(1)} ms`);
console.log(`  detection, n=255: ${median(() => matchingGlob(`${'a'.repeat(255)}.md`, [glob])).toFixed(3)} ms (refused: matches nothing)`);
console.log(`  three wildcards (the most allowed), n=255: ${median(() => matchingGlob(`${'a'.repeat(255)}.md`, ['**/*a*a*.md'])).toFixed(3)} ms`);
