import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { expandSnippet, renderSnippetsFile, skeletonFor, skeletons } from '../../src/core/skeletons';
import { fromRoot } from '../support/paths';

interface SnippetEntry {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

const snippetsPath = 'snippets/pm-lens.code-snippets';
const readSnippets = (): Record<string, SnippetEntry> => JSON.parse(readFileSync(fromRoot(snippetsPath), 'utf8'));

describe('snippets/pm-lens.code-snippets', () => {
  it('is exactly what scripts/gen-snippets.mjs generates from the skeletons (run it after editing src/core/skeletons.ts)', () => {
    assert.equal(readFileSync(fromRoot(snippetsPath), 'utf8'), renderSnippetsFile());
  });

  it('has one snippet per skeleton, with prefix, description and body', () => {
    const file = readSnippets();
    assert.equal(Object.keys(file).length, skeletons.length);
    for (const s of skeletons) {
      const entry = file[s.name];
      assert.ok(entry, `no snippet '${s.name}'`);
      assert.equal(entry.prefix, s.prefix);
      assert.ok(entry.description.length > 10);
      assert.ok(Array.isArray(entry.body) && entry.body.length > 3);
    }
  });

  it('inserts, once its tab stops are at their defaults, the same text as the missing-concern quick fix', () => {
    const file = readSnippets();
    for (const s of skeletons.filter((k) => k.main)) {
      const body = file[s.name].body;
      assert.equal(expandSnippet(Array.isArray(body) ? body.join('\n') : body), skeletonFor(s.concern, '\n'), s.prefix);
    }
  });

  it('is contributed for Markdown in package.json', () => {
    const manifest = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8'));
    const entries: { language: string; path: string }[] = manifest.contributes?.snippets ?? [];
    assert.ok(entries.some((e) => e.language === 'markdown' && e.path.replace(/^\.\//, '') === snippetsPath), JSON.stringify(entries));
  });
});
