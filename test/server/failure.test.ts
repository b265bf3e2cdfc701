import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { fromRoot } from '../support/paths';
import { TestClient } from './client';
import { TAGGED_PLAN } from './fixtures';

/**
 * An analysis that fails for a reason of PM Lens's own, not of the document: here an install that
 * lacks the analysis worker's bundle (dist/cli.js copied alone), so every worker thread fails as it
 * loads. The user must see it where diagnostics are, not only in a log.
 */
describe('language server: an analysis that fails', function () {
  this.timeout(60000);
  let client: TestClient;
  let install: string;

  beforeEach(async () => {
    install = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-broken-'));
    fs.mkdirSync(path.join(install, 'dist'));
    fs.copyFileSync(fromRoot('dist/cli.js'), path.join(install, 'dist', 'cli.js'));
    client = await TestClient.start({ entry: path.join(install, 'dist', 'cli.js') });
  });
  afterEach(async () => {
    await client.stop();
    fs.rmSync(install, { recursive: true, force: true });
  });

  it('publishes one diagnostic and a failed status that say why, tries again on the next edit, and keeps answering', async () => {
    const uri = await client.open('warehouse-plan.md', TAGGED_PLAN);
    const first = await client.diagnosticsFor(uri, 1);
    assert.equal(first.diagnostics.length, 1, JSON.stringify(first.diagnostics));
    const [diagnostic] = first.diagnostics;
    assert.equal(diagnostic.code, 'analysis-failed');
    assert.match(diagnostic.message, /^PM Lens could not analyse this document \(.*analysisWorker\.js.*\); the PM Lens output has the details/);
    await client.until('the failed status', () => client.statuses.get(uri)?.at(-1)?.state === 'failed');
    const status = client.statuses.get(uri)!.at(-1)!;
    assert.ok(status.state === 'failed' && /analysisWorker\.js/.test(status.reason) && !/^Error: /.test(status.reason), JSON.stringify(status));

    // Not stuck on the first failure: the edit is analysed again (and fails again, for the same reason).
    await client.change(uri, `${TAGGED_PLAN}\nOne more line.\n`);
    const second = await client.diagnosticsFor(uri, 2);
    assert.equal(second.diagnostics[0]?.code, 'analysis-failed');
    await client.until('the failed status of version 2', () => client.statuses.get(uri)?.at(-1)?.version === 2);

    // Requests about the document answer (with nothing) instead of failing.
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 2 } });
    assert.equal(hover, null);
  });
});
