import * as assert from 'node:assert/strict';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { AnalyzeRequest } from '../../src/shared/serverProtocol';
import { TestClient } from './client';
import { deepQuotes, setextHeadings, TAGGED_PLAN, unclosedComments } from './fixtures';

const BUDGET_MS = 2000;
/**
 * Setext headings past the budget on any machine: 10,000 of them once took over a minute, and now
 * take about 2 s, which is the budget itself; 40,000 take well over it.
 */
const SLOW_SETEXT = 40_000;

describe('language server: time budget on pathological input', function () {
  this.timeout(60000);
  let client: TestClient;
  let other: string;

  beforeEach(async () => {
    client = await TestClient.start({ budgetMs: BUDGET_MS });
    other = await client.open('warehouse-plan.md', TAGGED_PLAN);
    await client.diagnosticsFor(other, 1);
  });
  afterEach(async () => {
    await client.stop();
  });

  /** Hovers on the other plan while the pathological one is being analysed; each answers within a second. */
  async function hoversWhileBusy(busyUntil: () => boolean): Promise<number[]> {
    const times: number[] = [];
    do {
      const started = Date.now();
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: other }, position: { line: 2, character: 4 } });
      times.push(Date.now() - started);
      assert.ok(hover, 'the other plan still has its hover');
      await new Promise((r) => setTimeout(r, 200));
    } while (!busyUntil() && times.length < 100);
    return times;
  }

  it('pauses 40,000 setext headings with one diagnostic, and keeps answering on another plan', async () => {
    const uri = await client.open('setext-plan.md', setextHeadings(SLOW_SETEXT));
    const started = Date.now();
    const times = await hoversWhileBusy(() => client.latest(uri) !== undefined);
    await client.diagnosticsFor(uri, 1);
    const elapsed = Date.now() - started;
    const { diagnostics } = client.latest(uri)!;
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].message, 'PM Lens: too complex to analyse in 2 s; analysis paused for this document');
    assert.ok(elapsed >= BUDGET_MS && elapsed < BUDGET_MS + 5000, `paused after ${elapsed} ms`);
    assert.ok(times.length >= 3, 'hovers ran while the analysis was busy');
    assert.ok(Math.max(...times) < 1000, `hover times ${times.join(', ')} ms`);
    assert.equal(client.statuses.get(uri)!.at(-1)!.state, 'paused');
  });

  it('analyses a paused document again when it is edited, and pauses it again while it stays too complex', async () => {
    const uri = await client.open('setext-plan.md', setextHeadings(SLOW_SETEXT));
    await client.diagnosticsFor(uri, 1);
    await client.until('the plan is paused', () => client.statuses.get(uri)?.at(-1)?.state === 'paused');
    client.settings = { debounceMs: 0 };
    // Still 10,000 setext headings: analysed again, past the budget again.
    const still = await client.change(uri, setextHeadings(SLOW_SETEXT) + 'More\n---\n');
    const next = await client.diagnosticsFor(uri, still);
    assert.match(next.diagnostics[0].message, /analysis paused/);
    // The pathological part taken out: the edit restarts the analysis, which now finishes.
    const fixed = await client.change(uri, TAGGED_PLAN);
    await client.until('the edited plan is analysed', () => client.statuses.get(uri)?.at(-1)?.state === 'analysed');
    const analysed = await client.diagnosticsFor(uri, fixed);
    assert.ok(analysed.diagnostics.every((d) => !/analysis paused/.test(d.message)), JSON.stringify(analysed.diagnostics));
    // Asked again, it runs once more.
    const status = await client.connection.sendRequest(AnalyzeRequest, { uri });
    assert.equal(status.state, 'analysed');
  });

  it('settles an unclosed <!-- repeated on one line, and keeps answering on another plan', async () => {
    const uri = await client.open('comment-plan.md', unclosedComments());
    const times = await hoversWhileBusy(() => client.latest(uri) !== undefined);
    await client.until('the comment plan settled', () => client.statuses.get(uri) !== undefined);
    const state = client.statuses.get(uri)!.at(-1)!.state;
    assert.ok(state === 'analysed' || state === 'paused', state);
    assert.ok(Math.max(...times) < 1000, `hover times ${times.join(', ')} ms`);
  });

  it('analyses a plan whose quotes nest 20,000 deep (they overflowed the parser\'s stack)', async () => {
    const uri = await client.open('deep-plan.md', deepQuotes());
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    await client.until('the deep plan is analysed', () => client.statuses.get(uri)?.at(-1)?.state === 'analysed');
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['misplaced-concern', 'missing-concern', 'missing-concern', 'missing-concern']);
  });
});
