/**
 * `pmLens.asOf` in a real extension host: the date stale-date treats as today follows the setting,
 * and an empty setting is the clock's date.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhere, pmLens, revertAndCloseAll, setSetting } from './helpers';

const PLAN = ['---', 'plan: project-plan', '---', '# Pantry app rollout', '', '## Schedule', '- [ ] Beta with 40 households by 2026-01-15', '- [x] Vendor contract signed by 2025-11-01', ''].join('\n');

describe('pmLens.asOf', () => {
  afterEach(async () => {
    await setSetting('asOf', undefined);
    await revertAndCloseAll();
  });

  it('is the date stale-date checks against', async () => {
    await pmLens();
    await setSetting('asOf', '2026-01-01');
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: PLAN });
    await vscode.window.showTextDocument(document);
    const stale = (d: vscode.Diagnostic[]) => d.filter((x) => codeOf(x) === 'stale-date');
    // Analysed (other findings are there) and nothing stale before the due date.
    await diagnosticsWhere(document.uri, 'findings without stale-date', (d) => d.length > 0 && stale(d).length === 0);

    await setSetting('asOf', '2026-02-01');
    const after = await diagnosticsWhere(document.uri, 'stale-date after the due date', (d) => stale(d).length === 1);
    assert.match(stale(after)[0].message, /'Beta with 40 households' was due 2026-01-15, 17 days ago/);
    assert.equal(stale(after)[0].range.start.line, 6);

    // Empty is the clock's date, which is past 2026-01-15 for as long as this test lives.
    await setSetting('asOf', '');
    const today = await diagnosticsWhere(document.uri, 'stale-date against the clock', (d) => stale(d).length === 1 && !stale(d)[0].message.includes('17 days ago'));
    assert.match(stale(today)[0].message, /was due 2026-01-15, \d+ days ago/);
  });
});
