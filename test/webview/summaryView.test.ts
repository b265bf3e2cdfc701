/**
 * The Ownership Summary page in headless Chromium: the built dist/webview.js, the panel's real
 * HTML and CSP, a stub of the webview API, and summaries posted in as the host would.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { analyze } from '../../src/core/analyze';
import { readyModel } from '../../src/extension/summaryPanelModel';
import { summaryResult } from '../../src/server/summaries';
import { sumSummaries } from '../../src/core/summary';
import { changesModel } from '../../src/server/changes';
import type { PanelModel, ToHost } from '../../src/shared/panelProtocol';
import { checkoutSummary, DOC_URI, documentModel, EVIL_HEADING, OTHER_URI, row, startPageServer, STUB_SCRIPT, workspaceModel } from './fixtures';
import { defaultConfig } from '../../src/core/config/defaults';
import { fromRoot } from '../support/paths';

// Page-side globals, only ever touched inside page.evaluate callbacks.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const window: any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;

const CHROMIUM = process.env.PM_LENS_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

interface Harness {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly dialogs: string[];
  readonly errors: string[];
}

describe('summary panel page (Chromium)', function () {
  this.timeout(30000);
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startPageServer>>;
  const open: BrowserContext[] = [];

  before(async () => {
    server = await startPageServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    for (const context of open.splice(0)) await context.close();
  });

  async function openPage(viewport = { width: 900, height: 420 }): Promise<Harness> {
    const context = await browser.newContext({ viewport });
    open.push(context);
    const page = await context.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await context.addInitScript(STUB_SCRIPT);
    await page.goto(`${server.origin}/`);
    await waitForPosted(page, (m) => m.type === 'ready');
    return { page, context, dialogs, errors };
  }

  /** Posts a message as the host would and returns once the page's own listener has run. */
  async function send(page: Page, message: unknown): Promise<void> {
    await page.evaluate(
      (m) =>
        new Promise<void>((resolve) => {
          // Registered after the page's listener, so it runs after it.
          window.addEventListener('message', () => resolve(), { once: true });
          window.postMessage(m, '*');
        }),
      message,
    );
  }

  async function posted(page: Page): Promise<ToHost[]> {
    return page.evaluate(() => window.__posted as ToHost[]);
  }

  async function waitForPosted(page: Page, test: (m: ToHost) => boolean): Promise<ToHost> {
    for (;;) {
      const found = (await posted(page)).find(test);
      if (found) return found;
      await page.waitForFunction((n) => window.__posted.length > n, (await posted(page)).length);
    }
  }

  const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();
  const visibleHeadings = (page: Page, scope: string) => page.locator(`${scope} li.row-item:visible .row-heading`).allTextContents();
  const rowFor = (page: Page, scope: string, section: number, uri = DOC_URI) => page.locator(`${scope} li.row-item[data-key="${uri}#${section}"]`);

  it('asks the host for data once loaded, without any CSP violation', async () => {
    const { page, errors } = await openPage();
    const first = (await posted(page))[0];
    assert.deepEqual(first, { type: 'ready', scope: 'document' });
    // The stylesheet loaded through the CSP: the page is laid out by it.
    assert.equal(await page.locator('.columns').evaluate((el) => window.getComputedStyle(el).display), 'grid');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);
  });

  it('draws product on the left and project on the right, grouped by concern', async () => {
    const { page } = await openPage({ width: 1000, height: 700 });
    await send(page, { type: 'update', model: documentModel() });

    assert.deepEqual(await texts(page, '.side.product .group-name'), ['Vision', 'User needs', 'Metrics', 'Other']);
    assert.deepEqual(await texts(page, '.side.project .group-name'), ['Schedule', 'Resources']);
    assert.deepEqual(await visibleHeadings(page, '.side.product'), ['Vision', 'North star', EVIL_HEADING, 'Success metrics', 'Launch budget']);
    assert.deepEqual(await visibleHeadings(page, '.side.project'), ['Timeline', 'Team']);
    assert.deepEqual(await visibleHeadings(page, '.neither-side'), ['Glossary', 'Open questions']);
    assert.deepEqual(await texts(page, '.side.product .group-words'), ['160 words', '30 words', '50 words', '80 words']);

    const product = await page.locator('.side.product').boundingBox();
    const project = await page.locator('.side.project').boundingBox();
    assert.ok(product && project && product.x < project.x, 'product left of project');

    // A row: heading, words, concern, tag state, confidence, owners, findings.
    const northStar = rowFor(page, '.side.product', 1);
    assert.equal(await northStar.locator('.row-words').textContent(), '40 words');
    assert.equal(await northStar.locator('.concern').textContent(), 'Vision');
    assert.equal(await northStar.locator('.state').textContent(), 'inferred');
    assert.equal(await northStar.locator('.confidence').textContent(), '72%');
    assert.deepEqual(await northStar.locator('.chip.finding').allTextContents(), ['untagged-section']);
    const vision = rowFor(page, '.side.product', 0);
    assert.equal(await vision.locator('.state').textContent(), 'tagged');
    assert.equal(await vision.locator('.handles').textContent(), '@dana');
    assert.match((await vision.locator('button.row').getAttribute('aria-label')) ?? '', /^Vision, Vision, 120 words, tagged, owners @dana$/);

    assert.equal(await page.locator('.side.product .owners').textContent(), 'Owners: @dana');
    assert.equal(await page.locator('.side.project .owners').textContent(), 'Owners: @lee');
    assert.equal(await page.locator('.title').textContent(), 'checkout-prd.md');
    assert.equal(await page.locator('.kind').textContent(), 'prd');
    assert.deepEqual(await posted(page).then((p) => p.filter((m) => m.type === 'rendered')), [{ type: 'rendered', status: 'ready', rows: 9 }]);
  });

  it('shows the balance of words and the tray', async () => {
    const { page } = await openPage({ width: 1000, height: 700 });
    await send(page, { type: 'update', model: documentModel() });

    // 320 / 100 / 50 of 470 words: 68.1 %, 21.3 %, 10.6 % → 68 / 21 / 11 (largest remainder).
    const percents = await page.locator('.bar .segment').evaluateAll((els) => els.map((el) => [el.dataset.percent, el.style.width]));
    assert.deepEqual(percents, [['68', '68%'], ['21', '21%'], ['11', '11%']]);
    assert.deepEqual(await texts(page, '.legend-value'), ['320 words · 68%', '100 words · 21%', '50 words · 11%']);
    assert.equal(await page.locator('.bar').getAttribute('aria-label'), 'Product 68%, project 21%, neither 11% of 470 words');
    assert.equal(await page.locator('.side.product .side-words').textContent(), '320 words · 68%');
    const widths = await page.locator('.bar .segment').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().width));
    const bar = (await page.locator('.bar').boundingBox())!.width;
    assert.ok(Math.abs(widths[0] / bar - 0.68) < 0.02, `product segment is 68% wide, not ${widths[0] / bar}`);

    assert.deepEqual(await texts(page, '.tray-part.untagged .count'), ['5']);
    assert.deepEqual(await visibleHeadings(page, '.tray-part.untagged'), ['North star', EVIL_HEADING, 'Timeline', 'Glossary', 'Open questions']);
    assert.deepEqual(await visibleHeadings(page, '.tray-part.mixed'), ['Open questions']);
    assert.deepEqual(await visibleHeadings(page, '.tray-part.mismatched'), ['Launch budget']);
    // Tray rows say which side they sit on.
    assert.equal(await rowFor(page, '.tray-part.mismatched', 4).locator('.concern').textContent(), 'Product');
    assert.equal(await rowFor(page, '.tray-part.untagged', 5).locator('.concern').textContent(), 'Project · Schedule');
  });

  it('shows document text as text: a heading with markup creates no element and runs nothing', async () => {
    const { page, dialogs, errors } = await openPage();
    const summary = checkoutSummary();
    const nasty = { ...summary, owners: { product: ['@dana<script>alert(2)</script>'], project: ['@lee'] } };
    await send(page, { type: 'update', model: { ...documentModel(nasty), title: '<b onmouseover=alert(3)>x</b>.md', labels: { vision: '<i>Vision</i>' } } });
    await page.locator('.side.product li.row-item').first().hover();

    assert.equal(await page.locator('img, script:not([src]), b, i').count(), 0);
    assert.equal(await rowFor(page, '.side.product', 2).locator('.row-heading').textContent(), EVIL_HEADING);
    assert.equal(await page.locator('.title').textContent(), '<b onmouseover=alert(3)>x</b>.md');
    assert.equal(await page.locator('.side.product .owners').textContent(), 'Owners: @dana<script>alert(2)</script>');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
  });

  it('posts reveal with the section range on click and on Enter, and moves between rows with arrows', async () => {
    const { page } = await openPage({ width: 1000, height: 700 });
    await send(page, { type: 'update', model: documentModel() });

    await rowFor(page, '.side.project', 5).locator('button.row').click();
    assert.deepEqual((await posted(page)).at(-1), { type: 'reveal', uri: DOC_URI, range: { start: { line: 20, character: 0 }, end: { line: 23, character: 12 } } });

    await rowFor(page, '.side.product', 0).locator('button.row').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.closest('li').dataset.key), `${DOC_URI}#2`, 'down into the next concern');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => document.activeElement.closest('li').dataset.key), `${DOC_URI}#1`);
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted(page)).at(-1), { type: 'reveal', uri: DOC_URI, range: { start: { line: 4, character: 0 }, end: { line: 7, character: 12 } } });

    // Keyboard reachable: Tab from the filter box lands on the toolbar, then on rows.
    await page.locator('input.filter').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.closest('li.row-item')?.dataset.key), `${DOC_URI}#0`);
    const outline = await page.evaluate(() => window.getComputedStyle(document.activeElement).outlineStyle);
    assert.equal(outline, 'solid', 'focused row shows an outline');
  });

  it('updates in place as the document changes: same elements, scroll and focus kept', async () => {
    const { page } = await openPage({ width: 600, height: 300 });
    await send(page, { type: 'update', model: documentModel() });
    await page.evaluate(() => {
      document.querySelector(`.side.project li.row-item[data-key$="#6"]`).__mark = 'team';
      window.scrollTo(0, 180);
    });
    await rowFor(page, '.side.project', 6).locator('button.row').focus({});
    const scrolled = await page.evaluate(() => document.scrollingElement.scrollTop);
    assert.ok(scrolled > 0, 'the page scrolls');

    // The person typed: Timeline grew, a section was added to the project side.
    const summary = checkoutSummary();
    const grown = { ...summary.project[0].rows[0], words: 75 };
    const added = row({ section: 9, heading: 'Rollout checklist', role: 'project', concern: 'deliverables', words: 25 });
    const next = {
      ...summary,
      words: { ...summary.words, project: 140 },
      project: [{ concern: 'schedule', words: 75, rows: [grown] }, summary.project[1], { concern: 'deliverables', words: 25, rows: [added] }],
    };
    await send(page, { type: 'update', model: documentModel(next) });

    assert.equal(await page.evaluate(() => document.querySelector(`.side.project li.row-item[data-key$="#6"]`).__mark), 'team');
    assert.equal(await page.evaluate(() => document.activeElement.closest('li.row-item')?.dataset.key), `${DOC_URI}#6`);
    assert.equal(await page.evaluate(() => document.scrollingElement.scrollTop), scrolled);
    assert.equal(await rowFor(page, '.side.project', 5).locator('.row-words').textContent(), '75 words');
    assert.deepEqual(await visibleHeadings(page, '.side.project'), ['Timeline', 'Team', 'Rollout checklist']);
    assert.deepEqual(await texts(page, '.side.project .group-name'), ['Schedule', 'Resources', 'Deliverables']);
  });

  it('keeps the filter across updates and a reload, and restores the last picture at once', async () => {
    const { page } = await openPage({ width: 1000, height: 700 });
    await send(page, { type: 'update', model: documentModel() });
    await page.locator('input.filter').fill('untagged');
    assert.deepEqual(await visibleHeadings(page, '.columns'), ['North star', EVIL_HEADING, 'Timeline']);
    assert.equal(await page.locator('.side.project .group:visible').count(), 1);

    const summary = checkoutSummary();
    const extra = row({ section: 9, heading: 'Risks', role: 'project', concern: 'risks', words: 10, findings: ['untagged-section'] });
    const hidden = row({ section: 10, heading: 'Status', role: 'project', concern: 'status', words: 10, tagged: true });
    await send(page, { type: 'update', model: documentModel({ ...summary, project: [...summary.project, { concern: 'risks', words: 10, rows: [extra] }, { concern: 'status', words: 10, rows: [hidden] }] }) });
    assert.equal(await page.locator('input.filter').inputValue(), 'untagged');
    assert.deepEqual(await visibleHeadings(page, '.columns'), ['North star', EVIL_HEADING, 'Timeline', 'Risks']);

    await page.locator('input.filter').fill('nothing like this');
    assert.equal(await page.locator('.no-match').textContent(), 'No section matches “nothing like this”.');
    await page.locator('input.filter').fill('dana');

    const before = (await posted(page)).length;
    await page.reload();
    await waitForPosted(page, (m) => m.type === 'ready');
    assert.ok((await posted(page)).length < before, 'a fresh page');
    assert.equal(await page.locator('input.filter').inputValue(), 'dana');
    // Drawn from saved state before the host answered.
    assert.deepEqual(await visibleHeadings(page, '.columns'), ['Vision']);
    assert.equal(await page.locator('.title').textContent(), 'checkout-prd.md');
  });

  it('switches scope, shows each row’s file in the workspace, and asks for exports', async () => {
    const { page } = await openPage({ width: 1000, height: 700 });
    await send(page, { type: 'update', model: documentModel() });
    assert.equal(await page.locator('button[data-scope="document"]').getAttribute('aria-pressed'), 'true');
    await page.locator('button[data-scope="workspace"]').click();
    assert.deepEqual((await posted(page)).at(-1), { type: 'scope', scope: 'workspace' });
    assert.equal(await page.locator('button[data-scope="workspace"]').getAttribute('aria-pressed'), 'true');

    await send(page, { type: 'update', model: workspaceModel() });
    assert.deepEqual(await texts(page, '.side.project .group-name'), ['Schedule', 'Resources', 'Budget']);
    assert.deepEqual(await visibleHeadings(page, '.side.project'), ['Timeline', 'Milestones', 'Team', 'Budget']);
    assert.equal(await rowFor(page, '.side.project', 0, OTHER_URI).locator('.file').textContent(), 'plans/warehouse-project-plan.md');
    assert.equal(await page.locator('.side.project .owners').textContent(), 'Owners: @lee, @kim');
    assert.deepEqual(await texts(page, '.legend-value'), ['320 words · 56%', '200 words · 35%', '50 words · 9%']);
    assert.equal(await page.locator('.kind').isVisible(), false);
    await rowFor(page, '.side.project', 1, OTHER_URI).locator('button.row').click();
    assert.equal(((await posted(page)).at(-1) as { uri?: string }).uri, OTHER_URI);

    await page.locator('button[data-action="copyMarkdown"]').click();
    await page.locator('button[data-action="saveJson"]').click();
    assert.deepEqual((await posted(page)).slice(-2), [{ type: 'copyMarkdown' }, { type: 'saveJson' }]);

    await send(page, { type: 'notice', text: 'Copied the summary as a Markdown table.' });
    assert.equal(await page.locator('.notice').textContent(), 'Copied the summary as a Markdown table.');
    assert.equal(await page.locator('.notice').getAttribute('aria-live'), 'polite');
  });

  it('says why it is empty', async () => {
    const { page } = await openPage();
    const empty = (status: PanelModel['status'], title = 'notes.md'): PanelModel => ({ ...documentModel(), status, title, documents: [] });
    await send(page, { type: 'update', model: empty('not-plan') });
    assert.equal(await page.locator('.empty-text').textContent(), '“notes.md” is not a plan document.');
    assert.equal(await page.locator('.content').isVisible(), false);
    assert.equal(await page.locator('button[data-action="copyMarkdown"]').isDisabled(), true);

    await send(page, { type: 'update', model: empty('no-editor', '') });
    assert.equal(await page.locator('.empty-text').textContent(), 'No plan document is open.');
    // A plan the server paused or failed on is a plan: the panel says what happened to it.
    await send(page, { type: 'update', model: empty('paused') });
    assert.equal(await page.locator('.empty-text').textContent(), 'Analyzing “notes.md” took too long, so it is paused.');
    await send(page, { type: 'update', model: empty('failed') });
    assert.equal(await page.locator('.empty-text').textContent(), 'PM Lens could not analyze “notes.md”.');
    assert.match((await page.locator('.empty-hint').textContent()) ?? '', /PM Lens: Show Output/);
    await send(page, { type: 'update', model: { ...documentModel(), documents: [{ uri: DOC_URI, label: 'x.md', summary: { ...checkoutSummary(), product: [], project: [], neither: [] } }] } });
    assert.equal(await page.locator('.empty-text').textContent(), 'No sections yet.');
    await send(page, { type: 'update', model: documentModel() });
    assert.equal(await page.locator('.empty').isVisible(), false);
    assert.equal(await page.locator('button[data-action="copyMarkdown"]').isDisabled(), false);
  });

  it('ignores unknown and malformed messages', async () => {
    const { page, errors } = await openPage();
    await send(page, { type: 'update', model: documentModel() });
    const before = await page.locator('#app').innerHTML();
    const bad: unknown[] = [
      { type: 'explode' },
      { type: 'update' },
      { type: 'update', model: { ...documentModel(), status: 'bogus' } },
      { type: 'update', model: { ...documentModel(), documents: [{ uri: DOC_URI, label: 'x', summary: { ...checkoutSummary(), product: 'lots' } }] } },
      { type: 'notice', text: 42 },
      'update',
      null,
    ];
    for (const message of bad) await send(page, message);
    assert.equal(await page.locator('#app').innerHTML(), before);
    assert.deepEqual(errors, []);
  });

  it('draws a summary the engine built, every section once', async () => {
    const text = [
      '---',
      'plan: prd',
      'owners:',
      '  product: "@dana"',
      '---',
      '# Checkout',
      '## Vision',
      '<!-- owner: product/vision -->',
      'Shoppers finish checkout in one step, on any device, without creating an account first.',
      '## Budget',
      'The launch costs $48,000 in contractor fees and $6,000 for load testing in Q3.',
      '## Glossary',
      'A basket is the list of items a shopper intends to buy.',
    ].join('\n');
    const analysis = analyze(text, { config: defaultConfig });
    const model = readyModel('document', 'checkout-prd.md', [{ ...summaryResult(DOC_URI, 0, analysis, defaultConfig), path: 'checkout-prd.md' }], sumSummaries([analysis.summary]));
    const { page } = await openPage({ width: 1000, height: 700 });
    await send(page, { type: 'update', model });

    const shown = await page.locator('.columns li.row-item .row-heading, .neither-side li.row-item .row-heading').allTextContents();
    assert.deepEqual([...shown].sort(), analysis.sections.map((s) => s.heading).sort());
    const rendered = (await posted(page)).filter((m) => m.type === 'rendered').at(-1);
    assert.deepEqual(rendered, { type: 'rendered', status: 'ready', rows: analysis.sections.length });
    assert.equal(await page.locator('.side.product .owners').textContent(), 'Owners: @dana');
  });

  describe('changes since last commit', () => {
    // The plan of the unit tests, as committed and as edited.
    const committed = readFileSync(fromRoot('test', 'fixtures', 'changes', 'tea-club-plan.committed.md'), 'utf8');
    const edited = readFileSync(fromRoot('test', 'fixtures', 'changes', 'tea-club-plan.edited.md'), 'utf8');
    const withChanges = () => {
      const after = analyze(edited, { config: defaultConfig });
      const model = readyModel('document', 'checkout-prd.md', [{ ...summaryResult(DOC_URI, 0, after, defaultConfig), path: 'checkout-prd.md' }], sumSummaries([after.summary]));
      const changes = changesModel({ status: 'ready', base: 'HEAD (1a2b3c4)', before: analyze(committed, { config: defaultConfig }), isNew: false }, after);
      return { ...model, changes };
    };

    it('lists what changed, escaped, with the balance before and after, and says so to the host', async () => {
      const { page, dialogs, errors } = await openPage({ width: 1000, height: 800 });
      const model = withChanges();
      // Whatever text a change carries stays text.
      const rows = model.changes.rows.map((r) => (r.kind === 'removed' ? { ...r, details: ['<script>alert(2)</script>'] } : r));
      await send(page, { type: 'update', model: { ...model, changes: { ...model.changes, rows } } });

      assert.equal(await page.locator('.changes-toggle').textContent(), 'Changes since last commit');
      assert.equal(await page.locator('.changes-toggle').getAttribute('aria-expanded'), 'true');
      assert.equal(await page.locator('.changes-headline').textContent(), '4 sections changed since HEAD (1a2b3c4): 1 added, 1 removed, 1 moved sides, 1 retagged.');
      assert.deepEqual(await texts(page, '.changes-list .change-kind'), ['Retagged', 'Moved sides', 'Added', 'Removed']);
      assert.deepEqual(await texts(page, '.changes-list .change-where'), ['Tea club › Vision', 'Tea club › Success metrics', 'Tea club › Timeline', 'Tea club › Glossary']);
      assert.deepEqual(await texts(page, '.changes-list li.change-item[data-kind="removed"] .change-detail'), ['<script>alert(2)</script>']);
      const moved = page.locator('.changes-list li.change-item[data-kind="moved"]');
      assert.equal(await moved.locator('.change-sides').textContent(), 'product/metrics (inferred) → project/schedule (inferred)');
      assert.match((await moved.locator('.change-detail').allTextContents()).join('|'), /now reads as project: .*“sprint(?: 14)?”/);
      assert.deepEqual(await texts(page, '.changes-owners li'), ['Product owners: @dana → @kim', 'Project owners: none → @lee']);
      assert.match((await texts(page, '.mini-text'))[0], /^Before: product \d+%, project 0%, neither \d+%$/);
      assert.match((await texts(page, '.mini-text'))[1], /^After: product \d+%, project [1-9]\d*%, neither \d+%$/);
      // A removed section is not in the text: nothing to reveal, so no button.
      assert.equal(await page.locator('.changes-list li.change-item[data-kind="removed"] button').count(), 0);
      assert.equal(await page.locator('img, script:not([src])').count(), 0);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(errors, []);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      const rendered = (await posted(page)).filter((m) => m.type === 'rendered').at(-1);
      assert.deepEqual(rendered, { type: 'rendered', status: 'ready', rows: model.documents[0].summary.product.flatMap((g) => g.rows).length + model.documents[0].summary.project.flatMap((g) => g.rows).length + model.documents[0].summary.neither.length, changes: { status: 'ready', rows: 4 } });
    });

    it('reveals a changed section on Enter, walks the changes with arrows, and folds from the keyboard', async () => {
      const { page } = await openPage({ width: 1000, height: 800 });
      const model = withChanges();
      await send(page, { type: 'update', model });

      const first = page.locator('.changes-list li.change-item button.change').first();
      await first.focus();
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.evaluate(() => document.activeElement.closest('li').dataset.kind), 'moved');
      await page.keyboard.press('Enter');
      const moved = model.changes.rows.find((r) => r.kind === 'moved')!;
      const { start, end } = moved.range!;
      assert.deepEqual((await posted(page)).at(-1), { type: 'reveal', uri: DOC_URI, range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } } });

      await page.locator('.changes-toggle').focus();
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('.changes-toggle').getAttribute('aria-expanded'), 'false');
      assert.equal(await page.locator('.changes-list').isVisible(), false);
      assert.equal(await page.locator('.changes-headline').isVisible(), true, 'the headline stays when folded');
      assert.equal(await page.evaluate(() => JSON.parse(window.sessionStorage.getItem('pm-lens-webview-state')).changesOpen), false, 'remembered in the view state');
      await page.keyboard.press('Space');
      assert.equal(await page.locator('.changes-toggle').getAttribute('aria-expanded'), 'true');
    });

    it('says why there is nothing to compare, and hides the part in the workspace scope', async () => {
      const { page } = await openPage();
      const base = withChanges();
      await send(page, { type: 'update', model: { ...base, changes: { status: 'no-git', base: '', isNew: false, detail: 'VS Code for the Web has no Git extension', rows: [], moved: 0, balance: {}, owners: {} } } });
      assert.equal(await page.locator('.changes-headline').textContent(), 'Git is not available here: VS Code for the Web has no Git extension.');
      assert.equal(await page.locator('.changes-list').isVisible(), false);
      assert.equal(await page.locator('.changes-balance').isVisible(), false);
      await send(page, { type: 'update', model: workspaceModel() });
      assert.equal(await page.locator('.changes').isVisible(), false);
    });
  });
});
