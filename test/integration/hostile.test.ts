/**
 * A hostile `.pmlens.json` and front matter in a real extension host: a catastrophic pattern is
 * refused with a diagnostic on its key while the rest of the file applies, and `plan: constructor`
 * is an unknown kind, not a crash. (The host runs with workspace trust off, so the workspace is
 * trusted; the untrusted reading is covered by the core's unit tests.)
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhere, fixture, openFixture, pmLens, revertAndCloseAll, waitFor } from './helpers';

describe('hostile input in the editor', () => {
  before(async () => {
    await pmLens();
  });
  after(revertAndCloseAll);

  it('refuses the catastrophic pattern and the costly glob with diagnostics on their keys', async () => {
    const config = fixture('hostile', '.pmlens.json');
    const refused = (d: vscode.Diagnostic) => /refused/.test(d.message);
    await waitFor('diagnostics on hostile/.pmlens.json', vscode.languages.onDidChangeDiagnostics, () => vscode.languages.getDiagnostics(config).filter(refused).length >= 2);
    const problems = vscode.languages.getDiagnostics(config).filter(refused);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(config));
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
    const regex = problems.find((d) => /regular expression is refused/.test(d.message));
    assert.ok(regex, problems.map((d) => d.message).join('; '));
    assert.equal(regex.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(regex.range.start.line, lineOf('"(a+)+$"'));
    const glob = problems.find((d) => /glob is refused/.test(d.message));
    assert.ok(glob && glob.range.start.line === lineOf('**/*a*a*a'), problems.map((d) => d.message).join('; '));
  });

  it('still applies the rest of that file, and reads plan: constructor as an unknown kind', async () => {
    const { document } = await openFixture('hostile', 'prototype-plan.md');
    const diagnostics = await diagnosticsWhere(document.uri, 'duplicate-tag and invalid-tag', (all) => all.some((d) => codeOf(d) === 'duplicate-tag') && all.some((d) => codeOf(d) === 'invalid-tag'));
    assert.equal(diagnostics.find((d) => codeOf(d) === 'duplicate-tag')?.severity, vscode.DiagnosticSeverity.Error, 'the rules of the file apply');
    assert.ok(diagnostics.some((d) => codeOf(d) === 'invalid-tag' && /constructor/.test(d.message)), diagnostics.map((d) => d.message).join('; '));
    const result = await (await pmLens()).plans.ensure(document);
    assert.deepEqual(result?.analysis.sections.map((s) => s.heading), ['Harbour ferry budget', 'Sailing schedule']);
  });

  it('still uses the glob the file gives that is safe', async () => {
    const document = await vscode.workspace.openTextDocument(fixture('hostile', 'hostile-notes.md'));
    await vscode.window.showTextDocument(document);
    const api = await pmLens();
    const result = await api.plans.ensure(document);
    assert.ok(result, 'hostile-notes.md is a plan by the glob **/*hostile-notes*.md');
  });
});
