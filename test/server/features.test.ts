import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DocumentSymbolRequest,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { AnalyzeRequest, SummaryRequest } from '../../src/shared/serverProtocol';
import { TestClient } from './client';
import { CHECKOUT_PRD, NOTES, TAGGED_PLAN } from './fixtures';

/** The edits of a code action on one document, applied to `text`. */
function applyAction(text: string, action: CodeAction): string {
  const change = action.edit?.documentChanges?.[0];
  assert.ok(change && 'edits' in change, `action '${action.title}' has versioned document edits`);
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), change.edits as TextEdit[]);
}

function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}

describe('language server: features over stdio', function () {
  this.timeout(30000);
  let client: TestClient;

  beforeEach(async () => {
    client = await TestClient.start();
  });
  afterEach(async () => {
    await client.stop();
  });

  it('answers initialize with every capability', () => {
    const caps = client.initializeResult.capabilities;
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.pmLens.tagAll', 'source.fixAll.pmLens']);
    assert.ok(caps.codeLensProvider);
    assert.ok(caps.documentSymbolProvider);
    assert.deepEqual(caps.completionProvider?.triggerCharacters, [':', '/', '@', ' ']);
    assert.equal(caps.workspace?.workspaceFolders?.changeNotifications, true);
  });

  it('publishes diagnostics for an opened plan, with rule links, for the version opened', async () => {
    const uri = await client.open('checkout-prd.md', CHECKOUT_PRD);
    const published = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(codes(published.diagnostics), ['misplaced-concern', 'missing-concern', 'missing-concern', 'owner-mismatch', 'untagged-section', 'untagged-section']);
    const mismatch = published.diagnostics.find((d) => d.code === 'owner-mismatch')!;
    assert.equal(mismatch.source, 'pm-lens');
    assert.equal(mismatch.range.start.line, 10);
    assert.match(mismatch.codeDescription!.href, /docs\/rules\/owner-mismatch\.md$/);
  });

  it('publishes nothing for Markdown that is not a plan, until Analyze This Document', async () => {
    const uri = await client.open('notes.md', NOTES);
    const status = await client.connection.sendRequest(AnalyzeRequest, { uri });
    assert.equal(status.state, 'analysed');
    const published = await client.diagnosticsFor(uri, 1);
    assert.equal(client.diagnostics.get(uri)!.length, 1, 'nothing was published before the opt-in');
    assert.deepEqual(codes(published.diagnostics), ['untagged-section']);
  });

  it('re-analyses after a change and publishes for the new version', async () => {
    const uri = await client.open('checkout-prd.md', CHECKOUT_PRD);
    await client.diagnosticsFor(uri, 1);
    client.settings = { debounceMs: 0 };
    const version = await client.change(uri, CHECKOUT_PRD.replace('<!-- owner: product/vision -->', '<!-- owner: project/budget -->'));
    const published = await client.diagnosticsFor(uri, version);
    assert.ok(!codes(published.diagnostics).includes('owner-mismatch'));
  });

  it('hovers on a heading (role, confidence, evidence) and on an owner tag', async () => {
    const uri = await client.open('checkout-prd.md', CHECKOUT_PRD);
    const heading = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 4 } });
    const headingText = (heading!.contents as MarkupContent).value;
    assert.match(headingText, /^\*\*Product · User needs\*\*/);
    assert.match(headingText, /Inferred from the content, confidence/);
    assert.deepEqual(heading!.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 10 } });
    const tag = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 10, character: 8 } });
    assert.match((tag!.contents as MarkupContent).value, /product/i);
    const body = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 12, character: 4 } });
    assert.equal(body, null);
  });

  it('offers the quick fixes of a diagnostic, and the fix repairs it', async () => {
    const uri = await client.open('checkout-prd.md', CHECKOUT_PRD);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const mismatch = diagnostics.find((d) => d.code === 'owner-mismatch')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: mismatch.range,
      context: { diagnostics: [mismatch] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(actions.every((a) => a.kind === 'quickfix'));
    assert.equal(titles.at(-1), 'Disable owner-mismatch for this section', 'turning the rule off comes last');
    const preferred = actions.find((a) => a.isPreferred)!;
    assert.match(preferred.title, /project\/budget/);
    const fixed = applyAction(CHECKOUT_PRD, preferred);
    client.settings = { debounceMs: 0 };
    const version = await client.change(uri, fixed);
    assert.ok(!codes((await client.diagnosticsFor(uri, version)).diagnostics).includes('owner-mismatch'));
  });

  it('offers Tag All Sections and source.fixAll.pmLens only when asked for', async () => {
    const uri = await client.open('checkout-prd.md', CHECKOUT_PRD);
    await client.diagnosticsFor(uri, 1);
    const whole = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };
    const none = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: whole, context: { diagnostics: [] } })) as CodeAction[];
    assert.deepEqual(none, []);
    const [tagAll] = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: whole, context: { diagnostics: [], only: ['source.pmLens.tagAll'] } })) as CodeAction[];
    assert.equal(tagAll.title, 'Tag all sections (2)');
    const tagged = applyAction(CHECKOUT_PRD, tagAll);
    assert.match(tagged, /## Problem\n<!-- owner: product\/user-needs -->/);
    assert.match(tagged, /## Timeline\n<!-- owner: project\/schedule -->/);
    // Fix all takes only the fixes that need no judgement: here there are none.
    const fixAllOf = async (): Promise<CodeAction[]> => (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: whole, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
    assert.deepEqual(await fixAllOf(), []);
    client.settings = { debounceMs: 0 };
    const misspelt = CHECKOUT_PRD.replace('plan: prd', 'plan: prdd').replace('<!-- owner: product/vision -->', '<!-- owner: prodct/vision -->');
    await client.diagnosticsFor(uri, await client.change(uri, misspelt));
    const [fixAll] = await fixAllOf();
    assert.equal(fixAll.kind, 'source.fixAll.pmLens');
    assert.equal(fixAll.title, 'Fix all misspelt and extra PM Lens tags (2)');
    const fixed = applyAction(misspelt, fixAll);
    assert.equal(fixed, CHECKOUT_PRD);
    const after = codes((await client.diagnosticsFor(uri, await client.change(uri, fixed))).diagnostics);
    // The tag the content contradicts and the untagged sections are a person's to settle.
    assert.ok(!after.includes('invalid-tag') && after.includes('owner-mismatch') && after.includes('untagged-section'), `left: ${after.join(', ')}`);
  });

  it('shows a lens above every heading, and none when pmLens.codeLens.enabled is false', async () => {
    const uri = await client.open('warehouse-plan.md', TAGGED_PLAN);
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    assert.deepEqual(
      lenses!.map((l) => [l.range.start.line, l.command?.title]),
      [
        [0, lenses![0].command!.title],
        [2, 'Project · schedule · tagged'],
        [7, 'Product · vision · tagged'],
      ],
    );
    client.settings = { codeLens: { enabled: false } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.deepEqual(await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }), []);
  });

  it('asks the client to refresh lenses only when no lens request waits for the analysis', async () => {
    const lensing = await TestClient.start({ lensRefresh: true, settings: { debounceMs: 50 } });
    try {
      const uri = await lensing.open('warehouse-plan.md', TAGGED_PLAN);
      await lensing.until('a refresh after the first analysis', () => lensing.lensRefreshes === 1);
      // An edit, then a lens request that waits for its analysis (as VS Code asks after an edit): answered, no refresh.
      const edited = await lensing.change(uri, `${TAGGED_PLAN}\nMore on the schedule.\n`);
      const lenses = await lensing.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
      assert.equal(lenses!.length, 3);
      await lensing.diagnosticsFor(uri, edited);
      // A round trip after the state: a refresh sent with it would have arrived before this answer.
      await lensing.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
      assert.equal(lensing.lensRefreshes, 1);
      // An edit no lens request waits for: the client is asked to refresh.
      await lensing.change(uri, `${TAGGED_PLAN}\nMore on the vision.\n`);
      await lensing.until('a refresh after the second edit', () => lensing.lensRefreshes === 2);
    } finally {
      await lensing.stop();
    }
  });

  it('lists the sections as an outline, with each role beside its heading', async () => {
    const uri = await client.open('warehouse-plan.md', TAGGED_PLAN);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].name, 'Warehouse move');
    assert.deepEqual(
      symbols[0].children!.map((s) => [s.name, s.detail]),
      [
        ['Schedule', 'Project · schedule · tagged'],
        ['Why we move', 'Product · vision · tagged'],
      ],
    );
  });

  it('completes roles, concerns, handles and rule ids inside tags and directives, nothing elsewhere', async () => {
    const text = `${TAGGED_PLAN}\n## Risks\n<!-- owner: \n<!-- owner: project/ \n<!-- owner: project/risks @\n<!-- pm-lens-disable \nplain text\n`;
    const uri = await client.open('warehouse-plan.md', text);
    const lines = text.split('\n');
    const at = async (line: number): Promise<string[]> => {
      const items = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character: lines[line].length } });
      const list = (Array.isArray(items) ? items : (items as CompletionList | null)?.items ?? []) as CompletionItem[];
      return list.map((i) => i.label);
    };
    const ownerLine = lines.indexOf('<!-- owner: ');
    assert.deepEqual((await at(ownerLine)).slice(0, 4), ['product', 'project', 'shared', 'none']);
    assert.ok((await at(ownerLine + 1)).includes('risks'));
    assert.deepEqual(await at(ownerLine + 2), ['@ines', '@omar']);
    assert.ok((await at(ownerLine + 3)).includes('owner-mismatch'));
    assert.deepEqual(await at(ownerLine + 4), []);
  });

  it('takes rule severities from workspace/configuration and re-analyses when they change', async () => {
    const uri = await client.open('checkout-prd.md', CHECKOUT_PRD);
    assert.ok(codes((await client.diagnosticsFor(uri, 1)).diagnostics).includes('untagged-section'));
    const before = client.diagnostics.get(uri)!.length;
    client.settings = { rules: { 'untagged-section': 'off', 'owner-mismatch': 'error', 'no-such-rule': 'off' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await client.until('diagnostics after the settings changed', () => client.diagnostics.get(uri)!.length > before);
    const after = client.latest(uri)!.diagnostics;
    assert.ok(!codes(after).includes('untagged-section'));
    assert.equal(after.find((d) => d.code === 'owner-mismatch')!.severity, 1);
  });

  it('answers pmLens/summary with the ownership split of the current version', async () => {
    const uri = await client.open('warehouse-plan.md', TAGGED_PLAN);
    const summary = await client.connection.sendRequest(SummaryRequest, { uri });
    assert.equal(summary!.version, 1);
    assert.deepEqual(summary!.summary.owners, { product: ['@omar'], project: ['@ines'] });
    assert.ok(summary!.summary.words.product > 0 && summary!.summary.words.project > 0);
    const notes = await client.open('notes.md', NOTES);
    assert.equal(await client.connection.sendRequest(SummaryRequest, { uri: notes }), null);
  });
});
