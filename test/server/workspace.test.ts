import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as net from 'node:net';
import {
  CancellationTokenSource,
  createProtocolConnection,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  FileChangeType,
  HoverRequest,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  LSPErrorCodes,
  ResponseError,
  SocketMessageReader,
  SocketMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { StatsRequest, SummaryRequest } from '../../src/shared/serverProtocol';
import { fromRoot } from '../support/paths';
import { TestClient } from './client';
import { CHECKOUT_PRD, NOTES, TAGGED_PLAN } from './fixtures';

/** Notes that only a `documents` glob can make a plan. */
const NOTES_AS_PLAN = NOTES;

function codes(client: TestClient, uri: string): string[] {
  return (client.latest(uri)?.diagnostics ?? []).map((d) => String(d.code)).sort();
}

describe('language server: configuration files, folders, cancellation', function () {
  this.timeout(30000);
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('reports a broken .pmlens.json on the file itself and analyses the plan with the defaults', async () => {
    client = await TestClient.start({ files: { '.pmlens.json': '{ "rules": { "untagged-section": "off", }' } });
    const uri = await client.open('checkout-prd.md', CHECKOUT_PRD);
    await client.diagnosticsFor(uri, 1);
    assert.ok(codes(client, uri).includes('untagged-section'), 'the broken file changed nothing');
    const configUri = client.uri('.pmlens.json');
    await client.until('diagnostics on .pmlens.json', () => client!.latest(configUri) !== undefined);
    const [problem] = client.latest(configUri)!.diagnostics;
    assert.match(problem.message, /is not valid JSON/);
    assert.equal(problem.severity, 1);
  });

  it('watches .pmlens.json: a repaired file applies and its diagnostics clear', async () => {
    client = await TestClient.start({ files: { '.pmlens.json': '{ "rules": { "untagged-section": "off" ' } });
    const uri = await client.open('checkout-prd.md', CHECKOUT_PRD);
    await client.diagnosticsFor(uri, 1);
    const configUri = client.uri('.pmlens.json');
    await client.until('diagnostics on .pmlens.json', () => (client!.latest(configUri)?.diagnostics.length ?? 0) > 0);
    const published = client.diagnostics.get(uri)!.length;
    client.writeFile('.pmlens.json', '{ "rules": { "untagged-section": "off" } }');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: configUri, type: FileChangeType.Changed }] });
    await client.until('the plan analysed again', () => client!.diagnostics.get(uri)!.length > published);
    assert.ok(!codes(client, uri).includes('untagged-section'));
    assert.deepEqual(client.latest(configUri)!.diagnostics, []);
  });

  it('classifies with the model a .pmlens.json names; a bad one is reported on the key and the built-in model stands', async () => {
    const guide = '# Harbour guide\n\n## Glossary\n\n- **Berth**: a place where a boat is moored.\n- **Slipway**: a ramp for boats.\n';
    // Reads every section the rule leaves undecided as product.
    const model = JSON.stringify({ format: 'pm-lens-model/1', bias: [10, 0, 0], weights: {}, promote: 0.5, veto: 0.5 });
    const glossaryHint = (uri: string): string | undefined => client!.latest(uri)?.diagnostics.find((d) => d.code === 'untagged-section' && d.message.includes('Glossary'))?.message;
    client = await TestClient.start({ files: { '.pmlens.json': '{ "model": "models/team.json" }', 'models/team.json': model } });
    const uri = await client.open('guide-plan.md', guide);
    await client.diagnosticsFor(uri, 1);
    assert.match(glossaryHint(uri) ?? '', /reads as product/);
    const configUri = client.uri('.pmlens.json');
    client.writeFile('.pmlens.json', '{\n  "model": "../team.json"\n}\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: configUri, type: FileChangeType.Changed }] });
    await client.until('the plan analysed with the built-in model', () => /reads as neither side/.test(glossaryHint(uri) ?? ''));
    await client.until('diagnostics on .pmlens.json', () => (client!.latest(configUri)?.diagnostics.length ?? 0) > 0);
    const [problem] = client.latest(configUri)!.diagnostics;
    assert.match(problem.message, /Model '\.\.\/team\.json' must stay inside the configuration file's folder; the built-in model is used/);
    assert.equal(problem.range.start.line, 1);
  });

  it('follows workspace folders: outside every folder no .pmlens.json is read', async () => {
    client = await TestClient.start({ files: { 'other/.pmlens.json': '{ "rules": { "owner-mismatch": "off" } }' } });
    const uri = await client.open('other/checkout-prd.md', CHECKOUT_PRD);
    await client.diagnosticsFor(uri, 1);
    assert.ok(!codes(client, uri).includes('owner-mismatch'), 'inside the root folder the nearest file applies');
    const published = client.diagnostics.get(uri)!.length;
    await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [], removed: [{ uri: client.uri(''), name: 'workspace' }] },
    });
    await client.until('the plan analysed again outside every folder', () => client!.diagnostics.get(uri)!.length > published);
    assert.ok(codes(client, uri).includes('owner-mismatch'), 'outside every workspace folder no configuration file is read');
  });

  it('leaves out the globs of .pmlens.json when the client says the workspace is untrusted', async () => {
    const files = { '.pmlens.json': '{ "documents": ["**/*notes*.md"] }' };
    for (const trusted of [true, false]) {
      client = await TestClient.start({ files, trusted });
      const uri = await client.open('team-notes.md', NOTES_AS_PLAN);
      await client.connection.sendRequest(SummaryRequest, { uri });
      const status = client.statuses.get(uri)?.at(-1)?.state;
      assert.equal(status, trusted ? 'analysed' : undefined, `trusted: ${trusted}`);
      await client.stop();
      client = undefined;
    }
  });

  it('fails a request overtaken by a newer version with ContentModified', async () => {
    client = await TestClient.start({ settings: { debounceMs: 0 } });
    const uri = await client.open('checkout-prd.md', CHECKOUT_PRD);
    const hover = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 4 } });
    await client.change(uri, CHECKOUT_PRD.replace('Problem', 'Problems'));
    await assert.rejects(hover, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.ContentModified);
    const fresh = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 4 } });
    assert.match(JSON.stringify(fresh), /Problems/);
  });

  it('fails a request the client cancelled with RequestCancelled', async () => {
    client = await TestClient.start();
    const uri = await client.open('checkout-prd.md', CHECKOUT_PRD);
    const source = new CancellationTokenSource();
    const hover = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 4 } }, source.token);
    source.cancel();
    await assert.rejects(hover, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
  });

  it('serves more than eight open plans from its pool of workers, each keeping its analysis state', async () => {
    client = await TestClient.start({ settings: { debounceMs: 0 } });
    const uris: string[] = [];
    for (let i = 0; i < 12; i++) uris.push(await client.open(`plan-${i}.md`, TAGGED_PLAN.replace('Warehouse', `Warehouse ${i}`)));
    for (const uri of uris) await client.diagnosticsFor(uri, 1);
    const stats = await client.connection.sendRequest(StatsRequest);
    assert.deepEqual(Object.values(stats.workerDocuments).flat().sort(), [...uris].sort(), 'every open plan is held by a worker');
    assert.ok(Object.keys(stats.workerDocuments).length <= 4, `a pool, not a thread per plan: ${Object.keys(stats.workerDocuments).join(', ')}`);
    // The first plan, opened before the eleven others, is analysed again on an edit.
    const version = await client.change(uris[0], TAGGED_PLAN.replace('Warehouse', 'Edited warehouse'));
    await client.diagnosticsFor(uris[0], version);
    assert.ok(client.statuses.get(uris[0])?.some((s) => s.state === 'analysed' && s.version === version), 'the edited version was analysed');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uris[0] }, position: { line: 0, character: 3 } });
    assert.match(JSON.stringify(hover), /Edited warehouse/);
  });

  it('sends diagnostics again only when they changed, and says each analysed version in its status', async () => {
    const server = (client = await TestClient.start({ settings: { debounceMs: 0 } }));
    const uri = await server.open('checkout-prd.md', CHECKOUT_PRD);
    const first = await client.diagnosticsFor(uri, 1);
    assert.ok(first.diagnostics.length > 0, 'the plan has findings');
    // A blank line at the end changes no finding: the version is analysed, nothing is re-sent.
    const same = await client.change(uri, CHECKOUT_PRD + '\n');
    const unchanged = await client.diagnosticsFor(uri, same);
    assert.ok(client.statuses.get(uri)?.some((s) => s.state === 'analysed' && s.version === same));
    assert.ok(!client.diagnostics.get(uri)?.some((d) => d.version === same), 'equal diagnostics are not sent twice');
    assert.deepEqual(unchanged.diagnostics, first.diagnostics);
    // Text that changes the findings is sent at once.
    const changed = await client.change(uri, '');
    await server.until('diagnostics of the emptied plan', () => server.diagnostics.get(uri)?.some((d) => d.version === changed) === true);
    assert.notDeepEqual(client.latest(uri)!.diagnostics, first.diagnostics);
  });

  it('frees what a document held when it closes, even mid-analysis', async () => {
    client = await TestClient.start();
    const kept = await client.open('warehouse-plan.md', TAGGED_PLAN);
    await client.diagnosticsFor(kept, 1);
    const uri = await client.open('big-plan.md', TAGGED_PLAN.repeat(400));
    // Closed before its first analysis can have finished.
    await client.close(uri);
    const stats = await client.connection.sendRequest(StatsRequest);
    assert.deepEqual(Object.values(stats.workerDocuments).flat(), [kept], 'only the open plan keeps analysis state in a worker');
    assert.equal(stats.documents, 1);
    await new Promise((r) => setTimeout(r, 300));
    assert.ok((client.latest(uri)?.diagnostics ?? []).length === 0, 'no diagnostics stay for a closed document');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: kept }, position: { line: 2, character: 4 } });
    assert.ok(hover, 'the server still answers');
  });
});

describe('language server: transports', function () {
  this.timeout(20000);
  /** Listens, asserts that the server answers initialize, then closes everything. */
  async function answersInitialize(connection: ProtocolConnection, ...close: (() => void)[]): Promise<void> {
    connection.listen();
    try {
      assert.ok(await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null }));
    } finally {
      connection.dispose();
      for (const c of close) c();
    }
  }

  it('speaks over --node-ipc', async () => {
    const child = fork(fromRoot('bin/pm-lens.js'), ['lsp', '--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    await answersInitialize(createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child)), () => child.kill());
  });

  it('connects to a client listening on 127.0.0.1 with --socket=PORT', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
    const child = fork(fromRoot('bin/pm-lens.js'), ['lsp', `--socket=${port}`], { stdio: 'ignore' });
    const socket = await accepted;
    assert.equal(socket.remoteAddress?.replace(/^::ffff:/, ''), '127.0.0.1');
    await answersInitialize(createProtocolConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket)), () => child.kill(), () => server.close());
  });

  it('says what is wrong when no transport is named', async () => {
    const child = fork(fromRoot('bin/pm-lens.js'), ['lsp'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 2);
    assert.match(stderr, /pm-lens lsp: name one transport/);
    assert.match(stderr, /--socket=PORT/);
  });
});
