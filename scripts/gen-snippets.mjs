// Writes snippets/pm-lens.code-snippets from the section skeletons in src/core/skeletons.ts, the
// one source of the text that snippets, templates and the missing-concern quick fix insert.
//   node scripts/gen-snippets.mjs           write the file
//   node scripts/gen-snippets.mjs --check   exit 1 when the checked-in file differs
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = `${root}snippets/pm-lens.code-snippets`;

// Bundle the TypeScript source in memory and load it, so the script needs no prior build.
const built = await esbuild.build({
  entryPoints: [`${root}src/core/skeletons.ts`],
  bundle: true,
  write: false,
  platform: 'neutral',
  format: 'esm',
  logLevel: 'warning',
});
const code = built.outputFiles[0].text;
const { renderSnippetsFile } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
const expected = renderSnippetsFile();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file is a drift like any other.
  }
  if (current !== expected) {
    console.error('snippets/pm-lens.code-snippets is out of date: run node scripts/gen-snippets.mjs');
    process.exit(1);
  }
  console.log('snippets/pm-lens.code-snippets is up to date');
} else {
  writeFileSync(target, expected);
  console.log(`wrote ${target}`);
}
