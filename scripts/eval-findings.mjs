// Measures the findings and hovers that depend on the classifier against a labelled corpus (the
// layout of ../shared/eval/corpus: docs/*.md and labels/*.json, every heading labelled product,
// project or neither):
// - mixed-concerns: how often it fires, and on what labels (a section labelled product or project
//   where it fired is a wrong warning: the labeller found one side dominant);
// - untagged-section on sections inferred `none`: what it says there, by label;
// - the heading hovers: contradictory context lines, a word listed twice, Markdown left in the
//   quoted words, words taken from identifiers, code, URLs or currency codes.
//   node scripts/eval-findings.mjs [--corpus DIR]
import * as esbuild from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--corpus');
// The evaluation kit stands beside the repository (../shared) or beside the worktrees' folder.
const corpus = path.resolve(at >= 0 ? args[at + 1] : [path.join(root, '..', 'shared', 'eval', 'corpus'), path.join(root, '..', '..', 'shared', 'eval', 'corpus')].find((dir) => existsSync(dir)) ?? 'corpus');

const bundle = await esbuild.build({
  stdin: {
    contents: "export { analyze } from './src/core/analyze';\nexport { sectionHover } from './src/core/explain';\nexport { defaultConfig } from './src/core/config/defaults';\n",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  write: false,
  format: 'cjs',
  platform: 'node',
  logLevel: 'warning',
});
// Bundled as CommonJS (some dependencies require() at run time) and loaded from a temporary file.
const bundled = path.join(mkdtempSync(path.join(tmpdir(), 'pm-lens-eval-')), 'core.cjs');
writeFileSync(bundled, bundle.outputFiles[0].text);
const { analyze, sectionHover, defaultConfig } = createRequire(import.meta.url)(bundled);
rmSync(path.dirname(bundled), { recursive: true, force: true });

const docs = readdirSync(path.join(corpus, 'docs')).filter((f) => f.endsWith('.md')).sort();
const mixed = { fired: 0, product: 0, project: 0, neither: 0 };
const untaggedNone = { sections: 0, fired: 0, firedOnNeither: 0, suggestsNone: 0 };
const hovers = { count: 0, contradictory: 0, duplicateWord: 0, markdownLeft: 0, fromIdentifier: 0, fromCode: 0, fromUrl: 0, currencyCode: 0 };
const examples = [];

for (const doc of docs) {
  const text = readFileSync(path.join(corpus, 'docs', doc), 'utf8');
  const labels = JSON.parse(readFileSync(path.join(corpus, 'labels', doc.replace(/\.md$/, '.json')), 'utf8')).sections;
  const analysis = analyze(text);
  const labelAt = (line) => labels.find((l) => Math.abs(l.line - line) <= 1)?.label;
  for (const f of analysis.findings) {
    const section = f.section !== undefined ? analysis.sections[f.section] : undefined;
    if (!section) continue;
    const label = labelAt(section.headingRange.start.line + 1);
    if (f.ruleId === 'mixed-concerns') {
      mixed.fired++;
      if (label) mixed[label]++;
    }
    if (f.ruleId === 'untagged-section' && section.inferred.role === 'none') {
      untaggedNone.fired++;
      if (label === 'neither') untaggedNone.firedOnNeither++;
      if (f.fixes.some((x) => x.title === 'Tag as none')) untaggedNone.suggestsNone++;
    }
  }
  for (const section of analysis.sections) {
    if (section.inferred.role === 'none' && !section.tagged && section.wordCount > 0) untaggedNone.sections++;
    const hover = sectionHover(section, defaultConfig.taxonomy);
    hovers.count++;
    const problems = hoverProblems(hover, section, text);
    for (const p of problems) {
      hovers[p]++;
      if (examples.length < 12) examples.push(`${doc}:${section.headingRange.start.line + 1} ${p}`);
    }
  }
}

/** What is wrong with one hover, as counter names. */
function hoverProblems(hover, section, text) {
  const out = new Set();
  if (/parent section leans product/.test(hover) && /parent section leans project/.test(hover)) out.add('contradictory');
  if (/document leans product/.test(hover) && /document leans project/.test(hover)) out.add('contradictory');
  const quoted = [...hover.matchAll(/^- [^"\n]*"((?:[^"\\]|\\.)*)"/gm)].map((m) => m[1].replace(/\\(.)/g, '$1'));
  const words = quoted.map((q) => q.toLowerCase());
  if (new Set(words).size < words.length) out.add('duplicateWord');
  if (quoted.some((q) => /[*_`]|\]\(|^#|^>/.test(q))) out.add('markdownLeft');
  const shown = new Set(words);
  for (const e of section.inferred.evidence) {
    if (e.kind === 'context' || !shown.has(e.text.replace(/[*_`~]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase())) continue;
    const s = e.range.start.offset;
    const end = e.range.end.offset;
    const before = text.slice(Math.max(0, s - 1), s);
    const after = text.slice(end, end + 2);
    // Patterns (a date inside `Update-2023-06`, a risk id) are read whole on purpose: only words.
    const word = e.kind !== 'pattern';
    if (word && (/^-\d/.test(after) || before === '_' || after[0] === '_' || /^\.[A-Za-z]/.test(after))) out.add('fromIdentifier');
    const lineStart = text.lastIndexOf('\n', s - 1) + 1;
    if (((text.slice(lineStart, s).match(/`/g) ?? []).length % 2) === 1) out.add('fromCode');
    // The text just before the word, back to a space or the end of an HTML tag: the link text of
    // `<a href="https://…">API</a>` follows the URL with no space between them.
    const token = text.slice(lineStart, s).split(/[\s>]/).pop() ?? '';
    if (/:\/\/|^www\./.test(token)) out.add('fromUrl');
    // A currency code in a data description: a list item or table row that names a field in code or its type.
    const line = text.slice(lineStart, text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end));
    const describesData = /^\s*(?:[-*+]|\d+\.|\|)/.test(line) && /`[^`]+`|\((?:string|number|decimal|integer|int|float|boolean|date|enum)\b/i.test(line);
    if (/^(USD|EUR|GBP|JPY|CHF|CAD|AUD|CNY|INR)$/.test(e.text.trim()) && describesData) out.add('currencyCode');
  }
  return [...out];
}

const pct = (a, b) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
console.log(`corpus: ${docs.length} documents`);
console.log(`mixed-concerns: fired ${mixed.fired} times; on sections labelled product ${mixed.product}, project ${mixed.project}, neither ${mixed.neither}; wrong (labelled one side) ${mixed.product + mixed.project} = ${pct(mixed.product + mixed.project, mixed.fired)}`);
console.log(`untagged-section on ${untaggedNone.sections} untagged sections inferred none: fired ${untaggedNone.fired} (${untaggedNone.firedOnNeither} labelled neither), suggests none ${untaggedNone.suggestsNone}`);
console.log(`hovers: ${hovers.count}; contradictory context ${hovers.contradictory}, a word listed twice ${hovers.duplicateWord}, Markdown left ${hovers.markdownLeft}, from identifiers ${hovers.fromIdentifier}, from code ${hovers.fromCode}, from URLs ${hovers.fromUrl}, currency codes ${hovers.currencyCode}`);
for (const e of examples) console.log(`  ${e}`);
