// Generates schemas/pmlens.schema.json, the JSON Schema of `.pmlens.json`, from the zod schema
// in src/core/config/schema.ts (bundled in memory with esbuild, so no prior build is needed).
//   node scripts/gen-schema.mjs           write the file
//   node scripts/gen-schema.mjs --check   exit 1 when the checked-in file differs
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'schemas', 'pmlens.schema.json');

const bundle = await esbuild.build({
  entryPoints: [path.join(root, 'src/core/config/schema.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
const code = bundle.outputFiles[0].text;
const { pmLensJsonSchema } = await import('data:text/javascript;base64,' + Buffer.from(code).toString('base64'));
const text = JSON.stringify(pmLensJsonSchema(), null, 2) + '\n';

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {
    // Missing counts as drift.
  }
  if (current !== text) {
    console.error(`${path.relative(root, out)} is out of date: run node scripts/gen-schema.mjs`);
    process.exit(1);
  }
  console.log(`${path.relative(root, out)} is up to date`);
} else {
  writeFileSync(out, text);
  console.log(`wrote ${path.relative(root, out)}`);
}
