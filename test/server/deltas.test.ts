import * as assert from 'node:assert/strict';
import { CodeLensRequest, type CodeLens } from 'vscode-languageserver-protocol/node';
import { applyListDelta, CODE_LENS_DELTAS } from '../../src/shared/deltas';
import { CodeLensesRequest, ResendDiagnosticsNotification } from '../../src/shared/serverProtocol';
import { DIAGNOSTICS_PER_PIECE } from '../../src/server/sentLists';
import { TestClient } from './client';
import { CHECKOUT_PRD } from './fixtures';

/** A plan of `count` untagged sections: one diagnostic or more each. */
function manySections(count: number): string {
  const sections = Array.from({ length: count }, (_, i) => `## Risk ${i + 1}\n\nThe payments team may slip by two weeks; the budget has no buffer.\n`);
  return `# Launch plan\n\n${sections.join('\n')}`;
}

describe('language server: diagnostics and lenses as deltas (the VS Code client)', function () {
  this.timeout(60000);
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('sends a large list in pieces, then after a new line only what changed, which applied equals a fresh publish', async () => {
    client = await TestClient.start({ settings: { debounceMs: 0 }, diagnosticDeltas: true });
    const text = manySections(300);
    const uri = await client.open('launch-plan.md', text);
    const first = await client.diagnosticsFor(uri, 1);
    assert.ok(first.diagnostics.length > DIAGNOSTICS_PER_PIECE, `${first.diagnostics.length} diagnostics`);
    assert.equal(client.pieces.get(uri), Math.ceil(first.diagnostics.length / DIAGNOSTICS_PER_PIECE));

    // A new line in the middle moves every diagnostic below it: one small piece says so.
    const middle = text.indexOf('## Risk 150');
    const moved = `${text.slice(0, middle)}\n${text.slice(middle)}`;
    const version = await client.change(uri, moved);
    const published = await client.diagnosticsFor(uri, version);
    assert.equal(client.pieces.get(uri), Math.ceil(first.diagnostics.length / DIAGNOSTICS_PER_PIECE) + 1);
    const fresh = await client.open('fresh-plan.md', moved);
    assert.deepEqual(published.diagnostics, (await client.diagnosticsFor(fresh, 1)).diagnostics);
    assert.ok(published.diagnostics.at(-1)!.range.start.line === first.diagnostics.at(-1)!.range.start.line + 1, 'the last one moved down a line');
    assert.deepEqual(client.deltaErrors, []);
    assert.ok(!client.standardPublishes.includes(uri));
  });

  it('sends the whole list again when the client asks (pmLens/resendDiagnostics)', async () => {
    client = await TestClient.start({ settings: { debounceMs: 0 }, diagnosticDeltas: true });
    const uri = await client.open('checkout-prd.md', CHECKOUT_PRD);
    const before = await client.diagnosticsFor(uri, 1);
    const shown = client.diagnostics.get(uri)!.length;
    await client.connection.sendNotification(ResendDiagnosticsNotification, { uri });
    await client.until('the diagnostics sent again', () => client!.diagnostics.get(uri)!.length > shown);
    assert.deepEqual(client.latest(uri)!.diagnostics, before.diagnostics);
  });

  it('answers pmLens/codeLenses with the change to the lenses held, which applied equals textDocument/codeLens', async () => {
    client = await TestClient.start({ settings: { debounceMs: 0 } });
    const uri = await client.open('checkout-prd.md', CHECKOUT_PRD);
    const lenses = async (): Promise<CodeLens[]> => (await client!.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];

    const whole = await client.connection.sendRequest(CodeLensesRequest, { uri, base: 0 });
    assert.equal(whole.base, 0);
    let held = applyListDelta(CODE_LENS_DELTAS, [], whole);
    assert.ok(held.length > 2);
    assert.deepEqual(held, await lenses());

    // Two blank lines under the title: the lenses below move, the title's stays (its content is
    // the same); nothing new is sent.
    await client.change(uri, CHECKOUT_PRD.replace('# Checkout revamp', '# Checkout revamp\n\n'));
    const moved = await client.connection.sendRequest(CodeLensesRequest, { uri, base: whole.list });
    assert.equal(moved.base, whole.list);
    assert.deepEqual({ head: moved.head, tailLineShift: moved.tailLineShift, items: moved.items.length }, { head: 1, tailLineShift: 2, items: 0 });
    held = applyListDelta(CODE_LENS_DELTAS, held, moved);
    assert.deepEqual(held, await lenses());

    // A client that holds another list gets the whole one.
    const stale = await client.connection.sendRequest(CodeLensesRequest, { uri, base: whole.list });
    assert.equal(stale.base, 0);
    assert.deepEqual(applyListDelta(CODE_LENS_DELTAS, [], stale), held);
  });
});
