import * as assert from 'node:assert/strict';
import { CodeLensRequest, DocumentSymbolRequest, HoverRequest, type DocumentSymbol, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { StatsRequest } from '../../src/shared/serverProtocol';
import { TestClient } from './client';
import { CHECKOUT_PRD, setextHeadings, TAGGED_PLAN } from './fixtures';

/** The diagnostics the server publishes for `text` in a document it never saw before (`name` a plan's). */
async function freshDiagnostics(client: TestClient, name: string, text: string): Promise<unknown> {
  const uri = await client.open(name, text);
  const { diagnostics } = await client.diagnosticsFor(uri, 1);
  await client.close(uri);
  return diagnostics;
}

describe('language server: while typing', function () {
  this.timeout(60000);
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('analyses a change at once when no older version is being analysed, whatever debounceMs says', async () => {
    client = await TestClient.start({ settings: { debounceMs: 5000 } });
    const uri = await client.open('checkout-prd.md', CHECKOUT_PRD);
    await client.diagnosticsFor(uri, 1);
    const version = await client.change(uri, CHECKOUT_PRD.replace('<!-- owner: product/vision -->', '<!-- owner: project/budget -->'));
    // Well inside the 5 s a debounce would wait before even starting.
    await client.until(`diagnostics of v${version} before the debounce ran out`, () => client!.statuses.get(uri)?.some((s) => s.version === version) === true, 4000);
    const published = await client.diagnosticsFor(uri, version);
    assert.ok(!published.diagnostics.some((d) => d.code === 'owner-mismatch'), 'the re-tagged section is no longer a mismatch');
  });

  it('starts a change that overtook one late analysis as soon as that stops, without waiting for a pause', async () => {
    client = await TestClient.start({ settings: { debounceMs: 5000 } });
    const uri = await client.open('setext-plan.md', TAGGED_PLAN);
    await client.diagnosticsFor(uri, 1);
    await client.change(uri, setextHeadings(300));
    const version = await client.change(uri, CHECKOUT_PRD);
    await client.until(`diagnostics of v${version} before a debounce would have run out`, () => client!.statuses.get(uri)?.some((s) => s.version === version) === true, 4000);
  });

  it('waits for a pause while changes keep overtaking analyses still running, and publishes the newest version', async () => {
    const debounceMs = 1200;
    client = await TestClient.start({ settings: { debounceMs } });
    const uri = await client.open('setext-plan.md', TAGGED_PLAN);
    await client.diagnosticsFor(uri, 1);
    // A version that takes a while to analyse (half a second or more), overtaken at once by the
    // next, itself overtaken while it waits for the slow one to stop or is being analysed: slow
    // too, so that on a busy machine it cannot finish before the newest arrives.
    const slow = await client.change(uri, setextHeadings(1000));
    const overtaken = await client.change(uri, setextHeadings(999));
    const sent = Date.now();
    const newest = await client.change(uri, CHECKOUT_PRD);
    const published = await client.diagnosticsFor(uri, newest);
    const elapsed = Date.now() - sent;
    assert.ok(elapsed >= debounceMs - 50, `the newest version waited for the pause (${elapsed} ms)`);
    for (const version of [slow, overtaken]) {
      assert.ok(!client.statuses.get(uri)?.some((s) => s.version === version), `overtaken v${version} settled nothing`);
      assert.ok(!client.diagnostics.get(uri)?.some((d) => d.version === version), `and published nothing`);
    }
    assert.deepEqual(published.diagnostics, await freshDiagnostics(client, 'fresh-prd.md', CHECKOUT_PRD));
  });

  it('analyses a change at once when the analysis it overtook has stopped, though an earlier change still waits for a pause', async () => {
    client = await TestClient.start({ settings: { debounceMs: 5000 } });
    const uri = await client.open('setext-plan.md', TAGGED_PLAN);
    await client.diagnosticsFor(uri, 1);
    // Changes that keep overtaking an analysis still running: the last waits for a pause (5 s).
    await client.change(uri, setextHeadings(300));
    await client.change(uri, TAGGED_PLAN);
    const waiting = await client.change(uri, CHECKOUT_PRD);
    const waitingSince = Date.now();
    // Long enough for the overtaken analysis (a fifth of a second) to stop; nothing tells the client when it did.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const typed = await client.change(uri, CHECKOUT_PRD.replace('Problem', 'Problems'));
    await client.until(`diagnostics of v${typed} before the earlier change's wait ran out`, () => client!.statuses.get(uri)?.some((s) => s.version === typed) === true, 5000 - (Date.now() - waitingSince) - 500);
    assert.ok(!client.statuses.get(uri)?.some((s) => s.version === waiting), 'the waiting change was overtaken, not analysed');
  });

  for (const diagnosticDeltas of [false, true]) {
    it(`publishes, edit after edit, the diagnostics a fresh analysis of the same text finds${diagnosticDeltas ? ' (as pmLens/diagnostics deltas)' : ''}`, async () => {
      client = await TestClient.start({ settings: { debounceMs: 0 }, diagnosticDeltas });
      const uri = await client.open('checkout-prd.md', CHECKOUT_PRD);
      await client.diagnosticsFor(uri, 1);
      const edits: ((text: string) => string)[] = [
        // Nothing changes: typing inside a paragraph.
        (t) => t.replace('slow and users', 'slow, and users'),
        // Every diagnostic moves down two lines.
        (t) => t.replace('# Checkout revamp', '# Checkout revamp\n\nIntro line.'),
        // One goes (the mis-tag is fixed), the others stay.
        (t) => t.replace('<!-- owner: product/vision -->', '<!-- owner: project/budget -->'),
        // One comes back in the middle.
        (t) => t.replace('<!-- owner: project/budget -->', '<!-- owner: product/vision -->'),
        // A new untagged section at the end.
        (t) => `${t}\n## Risks\n\nThe payments team may slip by two weeks; the budget has no buffer.\n`,
        // The first section gone.
        (t) => t.replace(/## Problem\n\n[^\n]*\n\n/, ''),
        // Everything gone, then back.
        () => '',
        () => CHECKOUT_PRD,
      ];
      let text = CHECKOUT_PRD;
      for (const [i, edit] of edits.entries()) {
        text = edit(text);
        const version = await client.change(uri, text);
        const published = await client.diagnosticsFor(uri, version);
        assert.deepEqual(published.diagnostics, await freshDiagnostics(client, `fresh-${i}-prd.md`, text), `after edit ${i}`);
      }
      assert.deepEqual(client.deltaErrors, []);
      if (diagnosticDeltas) assert.ok(!client.standardPublishes.includes(uri), 'no textDocument/publishDiagnostics for a plan');
    });
  }

  it('answers requests from an analysis fetched on demand, even once the worker that held it was stopped', async () => {
    client = await TestClient.start({ budgetMs: 1500, settings: { debounceMs: 0 } });
    // More plans than the pool has threads (at most 4), so the slow one shares a thread with one of them.
    const plans: string[] = [];
    for (let i = 0; i < 4; i++) plans.push(await client.open(`plan-${i}.md`, TAGGED_PLAN.replace('Warehouse move', `Warehouse move ${i}`)));
    for (const uri of plans) await client.diagnosticsFor(uri, 1);
    const slow = await client.open('setext-plan.md', setextHeadings(40_000));
    await client.until('the slow plan is paused', () => client!.statuses.get(slow)?.at(-1)?.state === 'paused', 30000);
    const stats = await client.connection.sendRequest(StatsRequest);
    const sharing = Object.values(stats.workerDocuments).find((held) => held.includes(slow))!;
    const neighbour = plans.find((uri) => sharing.includes(uri));
    assert.ok(neighbour, `a plan shared the slow one's thread: ${JSON.stringify(stats.workerDocuments)}`);
    const i = plans.indexOf(neighbour);
    // Nothing was asked of it before its thread was stopped: its analysis is fetched now, from a new one.
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: neighbour }, position: { line: 0, character: 3 } });
    assert.match((hover!.contents as MarkupContent).value, new RegExp(`Warehouse move ${i}`));
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: neighbour } })) as DocumentSymbol[];
    assert.equal(symbols[0].name, `Warehouse move ${i}`);
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: neighbour } });
    assert.ok(lenses && lenses.length > 0);
  });
});
