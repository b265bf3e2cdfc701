import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { defaultConfig } from '../../src/core/config/defaults';
import { resolveConfig } from '../../src/core/config/settings';
import { isPlanDocument, matchingGlob } from '../../src/core/detect';
import { IncrementalAnalyzer } from '../../src/core/incremental';
import { parseFacts } from '../../src/core/parse/facts';

const config = defaultConfig;
const plain = '# Notes\n\nNothing to see.\n';

describe('plan detection (isPlanDocument)', () => {
  it('by path: the default globs, case-insensitively, anywhere in the tree', () => {
    for (const path of ['checkout-prd.md', 'docs/Checkout-PRD.MD', 'plans/q3-plan.md', 'Project Charter.md', 'a/b/c/roadmap-2025.md', 'design-brief.md', 'grant-proposal.md', '.github/plan.md', 'C:\\work\\docs\\PRD.md', '/home/dana/ws/prd.md', './prd.md']) {
      const decision = isPlanDocument({ path, text: plain, config });
      assert.equal(decision.isPlan, true, path);
      assert.match(decision.reason, /^path matches \*\*\//, path);
    }
  });

  it('not by path: other names, other extensions, globs only within one name', () => {
    for (const path of ['notes.md', 'docs/guide.md', 'plan.txt', 'planning/notes.md', 'prd.md.bak', 'docs/prd/notes.md']) {
      assert.equal(isPlanDocument({ path, text: plain, config }).isPlan, false, path);
    }
  });

  it('by front matter: a plan: key, whatever its value', () => {
    const decision = isPlanDocument({ path: 'notes.md', text: '---\nplan: prd\ntitle: x\n---\n# Notes\n', config });
    assert.deepEqual([decision.isPlan, decision.reason], [true, 'front matter says plan: prd']);
    assert.equal(isPlanDocument({ path: 'notes.md', text: '\uFEFF---\r\nplan: grant\r\n---\r\n# Notes\r\n', config }).isPlan, true, 'BOM and CRLF');
    assert.equal(isPlanDocument({ path: 'notes.md', text: '---\nplan: 42\n---\n', config }).isPlan, true, 'an invalid value still says it is a plan');
    assert.equal(isPlanDocument({ path: 'notes.md', text: '---\ntitle: x\n---\n# Notes\n', config }).isPlan, false, 'other front matter');
    assert.equal(isPlanDocument({ path: 'notes.md', text: '---\nplan: [unclosed\n---\n', config }).isPlan, false, 'broken YAML');
    assert.equal(isPlanDocument({ path: 'notes.md', text: '---\nplan: prd\n', config }).isPlan, false, 'never closed: not front matter');
  });

  it('by owner tag, but not by one inside code', () => {
    assert.deepEqual(isPlanDocument({ path: 'notes.md', text: '# Notes\n<!-- owner: product -->\n', config }).reason, 'has owner tags');
    assert.equal(isPlanDocument({ path: 'notes.md', text: '# Notes\n<!-- owner: prodcut -->\n', config }).isPlan, true, 'a misspelt tag still means a plan');
    const documented = '# Tags\n\n```markdown\n<!-- owner: product -->\n```\n\n    <!-- owner: project -->\n';
    assert.equal(isPlanDocument({ path: 'notes.md', text: documented, config }).isPlan, false);
    assert.equal(isPlanDocument({ path: 'notes.md', text: '# Notes\n<!-- Owner to confirm -->\n', config }).isPlan, false, 'prose');
  });

  it('README and CHANGELOG: never by path or analyzeAllMarkdown, yes when asked, tagged or keyed', () => {
    const all = resolveConfig([{ analyzeAllMarkdown: true, documents: ['**/*.md'] }]);
    for (const path of ['README.md', 'docs/readme.md', 'CHANGELOG.md', 'packages/x/Changelog.markdown', 'README']) {
      const decision = isPlanDocument({ path, text: plain, config: all });
      assert.equal(decision.isPlan, false, path);
      assert.match(decision.reason, /only when asked for or tagged/);
      assert.equal(isPlanDocument({ path, text: plain, config: all, explicitlyRequested: true }).isPlan, true, path);
    }
    assert.equal(isPlanDocument({ path: 'README.md', text: '# Plan\n<!-- owner: project -->\n', config }).isPlan, true);
    assert.equal(isPlanDocument({ path: 'README.md', text: '---\nplan: prd\n---\n', config }).isPlan, true);
    assert.equal(isPlanDocument({ path: 'readme-plan.md', text: plain, config }).isPlan, true, 'only the exact names are kept out');
  });

  it('explicitly requested: any file', () => {
    const decision = isPlanDocument({ path: 'whatever.txt', config, explicitlyRequested: true });
    assert.deepEqual(decision, { isPlan: true, reason: 'asked for explicitly' });
  });

  it('analyzeAllMarkdown: every Markdown file, nothing else', () => {
    const all = resolveConfig([{ analyzeAllMarkdown: true }]);
    assert.equal(isPlanDocument({ path: 'docs/guide.md', text: plain, config: all }).reason, 'analyzeAllMarkdown is on');
    assert.equal(isPlanDocument({ path: 'docs/guide.mdx', text: plain, config: all }).isPlan, true);
    assert.equal(isPlanDocument({ path: 'docs/guide.txt', text: plain, config: all }).isPlan, false);
  });

  it('configured globs replace the defaults; a glob with a slash matches the whole relative path', () => {
    const custom = resolveConfig([{ documents: ['plans/**/*.md', '*.spec.md'] }]);
    assert.equal(isPlanDocument({ path: 'plans/2025/q3.md', text: plain, config: custom }).isPlan, true);
    assert.equal(isPlanDocument({ path: 'PLANS/q3.MD', text: plain, config: custom }).isPlan, true);
    assert.equal(isPlanDocument({ path: 'docs/api.spec.md', text: plain, config: custom }).isPlan, true);
    assert.equal(isPlanDocument({ path: 'other/plans/q3.md', text: plain, config: custom }).isPlan, false);
    assert.equal(isPlanDocument({ path: 'prd.md', text: plain, config: custom }).isPlan, false, 'the defaults are replaced');
    assert.equal(matchingGlob('x.md', ['[unclosed', '*.md']), '*.md', 'a glob that cannot be read matches nothing');
  });

  it('without text only the path decides; given facts and front matter are used as they are', () => {
    assert.equal(isPlanDocument({ path: 'notes.md', config }).isPlan, false);
    const text = '---\nplan: prd\n---\n# Notes\n<!-- owner: product -->\n';
    const facts = parseFacts(text);
    const decision = isPlanDocument({ path: 'notes.md', facts, text, config });
    assert.equal(decision.isPlan, true);
    assert.equal(decision.facts, facts);
    const { frontMatter } = analyze(text);
    assert.equal(isPlanDocument({ path: 'notes.md', frontMatter, config }).isPlan, true);
  });

  it('hands back the facts it parsed, for the analysis to reuse', () => {
    const text = '# Notes\n<!-- owner: product -->\n\nOne tap.\n';
    const decision = isPlanDocument({ path: 'notes.md', text, config });
    assert.ok(decision.facts);
    assert.deepEqual(analyze(text, { facts: decision.facts }), analyze(text));
  });

  it('parses with an incremental analyzer when given one, so the analysis after it parses nothing again', () => {
    const text = '# Notes\n<!-- owner: product -->\n\nOne tap.\n';
    const analyzer = new IncrementalAnalyzer();
    assert.equal(isPlanDocument({ path: 'notes.md', text, config, parse: (t) => analyzer.facts(t) }).isPlan, true);
    assert.ok(analyzer.stats.parsedChunks > 0);
    assert.deepEqual(analyzer.analyze(text, config), analyze(text, { config }));
    assert.equal(analyzer.stats.parsedChunks, 0, 'the detection parse is reused');
  });

  it('a large document that is no plan is not parsed at all', () => {
    const big = '# Notes\n\n' + 'Plain words and more plain words.\n'.repeat(100_000);
    const decision = isPlanDocument({ path: 'notes.md', text: big, config });
    assert.equal(decision.isPlan, false);
    assert.equal(decision.facts, undefined);
  });
});
