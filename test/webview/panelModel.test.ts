/**
 * The panel's data side, without a browser: what the host builds and sends, the message schemas
 * both sides validate with, the page's CSP, and exports that match the command line exactly.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { analyze } from '../../src/core/analyze';
import { defaultConfig } from '../../src/core/config/defaults';
import { makeNonce, panelCsp, panelHtml } from '../../src/extension/summaryPanelHtml';
import { emptyModel, readyModel, type PanelFile } from '../../src/extension/summaryPanelModel';
import { sumSummaries } from '../../src/core/summary';
import { panelModelSchema, parseToHost, parseToWebview, parseViewState, summarySchema } from '../../src/shared/panelProtocol';
import { exportSummaries, summaryResult } from '../../src/server/summaries';
import { fromRoot } from '../support/paths';
import { documentModel } from './fixtures';

const WORKSPACE = fromRoot('test', 'fixtures', 'workspace');
const PLANS = ['panel-launch-plan.md', 'panel-tea-plan.md'];

function panelFile(name: string): PanelFile {
  const text = fs.readFileSync(fromRoot('test', 'fixtures', 'workspace', name), 'utf8');
  const { summary, labels } = summaryResult(`file:///plans/${name}`, 0, analyze(text, { config: defaultConfig }), defaultConfig);
  return { uri: `file:///plans/${name}`, path: name, summary, labels };
}

/** `pm-lens summary` on the fixture plans, run from the fixture folder (so paths are bare names). */
function cli(format: 'json' | 'markdown', files: readonly string[]): string {
  return execFileSync(process.execPath, [fromRoot('bin', 'pm-lens.js'), 'summary', '--format', format, '--no-ignore', ...files], { cwd: WORKSPACE, encoding: 'utf8' });
}

const summaryJson = (files: readonly PanelFile[]): string => exportSummaries({ files, format: 'json' });
const summaryMarkdown = (files: readonly PanelFile[]): string => exportSummaries({ files, format: 'markdown' });

describe('summary panel model', () => {
  describe('exports', () => {
    it('saves the same JSON as `pm-lens summary --format json`', () => {
      assert.equal(summaryJson([panelFile(PLANS[0])]), cli('json', [PLANS[0]]));
      assert.equal(summaryJson(PLANS.map(panelFile)), cli('json', PLANS));
    });

    it('copies the same Markdown as `pm-lens summary --format markdown`', () => {
      const one = summaryMarkdown([panelFile(PLANS[0])]);
      assert.equal(one, cli('markdown', [PLANS[0]]));
      assert.match(one, /^## Ownership summary\n\n### panel-launch-plan\.md\n/);
      assert.match(one, /\| Product \| Vision \| Vision \(line 10\) \| 38 \| 1\.00 \| tagged \|/);
      const both = summaryMarkdown(PLANS.map(panelFile));
      assert.equal(both, cli('markdown', PLANS));
      assert.match(both, /### Total/);
    });
  });

  describe('models', () => {
    it('carries each document’s summary, the total and the labels of the concerns that occur', () => {
      const files = PLANS.map(panelFile);
      const model = readyModel('workspace', 'plans', files, sumSummaries(files.map((f) => f.summary)));
      assert.equal(model.status, 'ready');
      assert.deepEqual(model.documents.map((d) => d.label), PLANS);
      assert.equal(model.documents[0].summary, files[0].summary);
      const words = (side: 'product' | 'project' | 'neither') => files.reduce((n, f) => n + f.summary.words[side], 0);
      assert.deepEqual(model.total.words, { product: words('product'), project: words('project'), neither: words('neither') });
      assert.equal(model.total.documents, 2);
      assert.equal(model.labels['user-needs'], 'User needs');
      assert.equal(model.labels.resources, defaultConfig.taxonomy.concerns.resources.label);
      assert.equal(model.labels[''], undefined, 'no label for the “no concern” group');
      assert.ok(panelModelSchema.safeParse(JSON.parse(JSON.stringify(model))).success, 'what the host sends passes the page’s validation');
    });

    it('says why there is nothing to draw', () => {
      const model = emptyModel('document', 'not-plan', 'README.md');
      assert.deepEqual({ ...model, total: undefined }, { scope: 'document', status: 'not-plan', title: 'README.md', documents: [], total: undefined, labels: {} });
      assert.equal(model.total.documents, 0);
      assert.ok(panelModelSchema.safeParse(model).success);
    });
  });

  describe('messages', () => {
    it('the engine’s summaries fit the schema the page validates with', () => {
      for (const name of [...PLANS, 'checkout-prd.md', 'warehouse-project-plan.md']) {
        const summary = panelFile(name).summary;
        const result = summarySchema.safeParse(JSON.parse(JSON.stringify(summary)));
        assert.ok(result.success, `${name}: ${result.success ? '' : JSON.stringify(result.error.issues.slice(0, 3))}`);
      }
    });

    it('accepts the host’s messages and drops malformed or unknown ones', () => {
      assert.ok(parseToWebview({ type: 'update', model: documentModel() }));
      assert.deepEqual(parseToWebview({ type: 'notice', text: 'Copied' }), { type: 'notice', text: 'Copied' });
      for (const bad of [undefined, null, 'update', {}, { type: 'update' }, { type: 'notice' }, { type: 'eval', code: 'alert(1)' }, { type: 'update', model: { ...documentModel(), scope: 'galaxy' } }]) {
        assert.equal(parseToWebview(bad), undefined, JSON.stringify(bad));
      }
    });

    it('accepts the page’s messages and drops malformed or unknown ones', () => {
      const range = { start: { line: 4, character: 0 }, end: { line: 7, character: 12 } };
      assert.deepEqual(parseToHost({ type: 'reveal', uri: 'file:///a.md', range }), { type: 'reveal', uri: 'file:///a.md', range });
      assert.deepEqual(parseToHost({ type: 'scope', scope: 'workspace' }), { type: 'scope', scope: 'workspace' });
      assert.deepEqual(parseToHost({ type: 'copyMarkdown', extra: 1 }), { type: 'copyMarkdown' });
      for (const bad of [
        { type: 'reveal', uri: '', range },
        { type: 'reveal', uri: 'file:///a.md', range: { start: { line: -1, character: 0 }, end: range.end } },
        { type: 'reveal', uri: 'file:///a.md', range: { start: { line: 1.5, character: 0 }, end: range.end } },
        { type: 'scope', scope: 'everything' },
        { type: 'runCommand', command: 'workbench.action.quit' },
        42,
      ]) {
        assert.equal(parseToHost(bad), undefined, JSON.stringify(bad));
      }
    });

    it('restores saved view state, falling back piece by piece', () => {
      assert.deepEqual(parseViewState(undefined), { scope: 'document', filter: '', scrollTop: 0, changesOpen: true });
      assert.deepEqual(parseViewState({ scope: 'workspace', filter: 'budget', scrollTop: 120 }), { scope: 'workspace', filter: 'budget', scrollTop: 120, changesOpen: true });
      // A model from an older version no longer validates: the filter and scope still come back.
      assert.deepEqual(parseViewState({ scope: 'workspace', filter: 'budget', scrollTop: 5, model: { old: true } }), { scope: 'workspace', filter: 'budget', scrollTop: 5, changesOpen: true });
      assert.deepEqual(parseViewState({ scope: 'nowhere', filter: 3, changesOpen: 'no' }), { scope: 'document', filter: '', scrollTop: 0, changesOpen: true });
      assert.equal(parseViewState({ changesOpen: false }).changesOpen, false, 'a folded "Changes since last commit" stays folded');
    });
  });

  describe('page', () => {
    it('has a strict CSP: nothing but its own nonce’d script and its stylesheet', () => {
      assert.equal(panelCsp('https://res.example', 'abc'), "default-src 'none'; script-src 'nonce-abc'; style-src https://res.example");
      const nonce = makeNonce();
      assert.match(nonce, /^[0-9a-f]{32}$/);
      assert.notEqual(makeNonce(), nonce);
      const html = panelHtml({ cspSource: 'https://res.example', nonce, scriptUri: 'https://res.example/dist/webview.js?a="b"', styleUri: 'https://res.example/media/summary.css' });
      assert.ok(html.includes(`content="default-src 'none'; script-src 'nonce-${nonce}'; style-src https://res.example"`));
      assert.ok(html.includes(`<script nonce="${nonce}" src="https://res.example/dist/webview.js?a=&quot;b&quot;"></script>`));
      assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script');
      assert.ok(!/unsafe-|\sstyle=|\son[a-z]+=/.test(html), 'no inline style or handlers');
    });
  });
});
