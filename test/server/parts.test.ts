import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { resolveConfig } from '../../src/core/config/settings';
import { applyDiagnosticsUpdate, diagnosticsUpdate, sameJson } from '../../src/server/analysis/diagnosticsUpdate';
import { fileUriOf, pathOfUri, WorkspaceFolders } from '../../src/server/folders';
import { parseTransport } from '../../src/server/node';
import { readServerSettings } from '../../src/server/settings';

describe('language server parts', () => {
  it('reads one transport from the arguments, and says what is wrong otherwise', () => {
    assert.deepEqual(parseTransport(['--stdio']), { kind: 'stdio' });
    assert.deepEqual(parseTransport(['--node-ipc', '--clientProcessId=42']), { kind: 'node-ipc' });
    assert.deepEqual(parseTransport(['--socket=6009']), { kind: 'socket', port: 6009 });
    assert.equal(parseTransport([]), 'name one transport');
    assert.equal(parseTransport(['--stdio', '--node-ipc']), 'name only one transport');
    assert.equal(parseTransport(['--socket=0']), "--socket needs a port from 1 to 65535, got '0'");
    assert.equal(parseTransport(['--pipe=x']), "unknown option '--pipe=x'");
  });

  it('reads settings of any shape, falling back per key', () => {
    assert.deepEqual(readServerSettings(undefined), { enable: true, codeLensEnabled: true, debounceMs: 300, maxFileSize: 5 * 1024 * 1024, configLayer: {} });
    const reported: string[] = [];
    const s = readServerSettings({ enable: 'yes', codeLens: { enabled: false }, debounceMs: -1, maxFileSize: 10, rules: { 'owner-mismatch': 'off' }, documents: null }, (m) => reported.push(m));
    assert.deepEqual(s, { enable: true, codeLensEnabled: false, debounceMs: 300, maxFileSize: 10, configLayer: { rules: { 'owner-mismatch': 'off' } } });
    // Each bad value is said, with its setting and the default that stands; the good ones are not.
    assert.equal(reported.length, 2, reported.join('\n'));
    assert.match(reported[0], /^pmLens\.enable: .*\(got "yes"\); the default true applies$/);
    assert.match(reported[1], /^pmLens\.debounceMs: .*\(got -1\); the default 300 applies$/);
    assert.equal(readServerSettings({ 'codeLens.enabled': false }).codeLensEnabled, false, 'a flat dotted key counts too');
    assert.equal(readServerSettings([1, 2]).enable, true);
  });

  it('passes asOf to the core, and treats the empty default as today', () => {
    assert.deepEqual(readServerSettings({ asOf: '2025-12-02' }).configLayer, { asOf: '2025-12-02' });
    assert.deepEqual(readServerSettings({ asOf: '' }).configLayer, {});
    // A wrong date reaches the core's schema, which reports it and ignores it.
    const config = resolveConfig([readServerSettings({ asOf: '2025-13-45' }).configLayer]);
    assert.equal(config.asOf, undefined);
    assert.equal(resolveConfig([readServerSettings({ asOf: '2025-12-02' }).configLayer]).asOf, '2025-12-02');
  });

  it('names plans by their path in the innermost workspace folder', () => {
    const folders = new WorkspaceFolders();
    folders.set([{ uri: 'file:///work/', name: 'work' }, { uri: 'file:///work/docs', name: 'docs' }]);
    assert.equal(folders.folderOf('file:///work/docs/a.md')?.name, 'docs');
    assert.equal(folders.planPath('file:///work/docs/launch%20plan.md'), 'launch plan.md');
    assert.equal(folders.planPath('file:///elsewhere/x.md'), '/elsewhere/x.md');
    folders.change([], [{ uri: 'file:///work/docs', name: 'docs' }]);
    assert.equal(folders.planPath('file:///work/docs/a.md'), 'docs/a.md');
    assert.equal(pathOfUri('file:///c%3A/plans/a.md'), 'c:/plans/a.md');
    assert.equal(fileUriOf('c:/plans/a b.md'), 'file:///c:/plans/a%20b.md');
    assert.equal(fileUriOf('/a/b.md'), 'file:///a/b.md');
  });

  it('sends only the diagnostics that changed, and rebuilds the whole list from them', () => {
    const at = (line: number, message = `finding on line ${line}`): Diagnostic => ({ range: { start: { line, character: 0 }, end: { line, character: 4 } }, message, severity: 2, code: 'untagged-section', source: 'pm-lens' });
    const before = [at(1), at(5), at(9), at(12)];
    const cases: [string, Diagnostic[], { start: number; deleteCount: number; items: number }][] = [
      ['nothing changed', [at(1), at(5), at(9), at(12)], { start: 4, deleteCount: 0, items: 0 }],
      ['one in the middle changed', [at(1), at(5, 'other'), at(9), at(12)], { start: 1, deleteCount: 1, items: 1 }],
      ['one added at the start', [at(0), at(1), at(5), at(9), at(12)], { start: 0, deleteCount: 0, items: 1 }],
      ['one removed at the end', [at(1), at(5), at(9)], { start: 3, deleteCount: 1, items: 0 }],
      ['all moved down', [at(2), at(6), at(10), at(13)], { start: 0, deleteCount: 4, items: 4 }],
      ['all gone', [], { start: 0, deleteCount: 4, items: 0 }],
      ['a repeated one added', [at(1), at(5), at(5), at(9), at(12)], { start: 2, deleteCount: 0, items: 1 }],
    ];
    const held = { job: 7, diagnostics: before };
    for (const [name, next, expected] of cases) {
      const update = diagnosticsUpdate(held, next);
      assert.deepEqual({ start: update.start, deleteCount: update.deleteCount, items: update.items.length }, expected, name);
      assert.equal(update.base, 7, name);
      assert.deepEqual(applyDiagnosticsUpdate(held, update), next, name);
    }
    // Unchanged: the very same list, so the server can tell without comparing.
    assert.equal(applyDiagnosticsUpdate(held, diagnosticsUpdate(held, [...before])), before);
    // Without a list to build on, the whole list; built on another job's list, nothing.
    assert.deepEqual(applyDiagnosticsUpdate(undefined, diagnosticsUpdate(undefined, before)), before);
    assert.equal(applyDiagnosticsUpdate({ job: 6, diagnostics: before }, diagnosticsUpdate(held, [at(3)])), undefined);
    assert.equal(applyDiagnosticsUpdate(undefined, diagnosticsUpdate(held, [at(3)])), undefined);
  });

  it('compares diagnostics member by member', () => {
    assert.ok(sameJson({ a: [1, { b: 'x' }], c: null }, { c: null, a: [1, { b: 'x' }] }));
    assert.ok(!sameJson({ a: [1, 2] }, { a: [1, 2, 3] }));
    assert.ok(!sameJson({ a: 1 }, { a: 1, b: 2 }));
    assert.ok(!sameJson({ a: 1, b: 2 }, { a: 1, c: 2 }));
    assert.ok(!sameJson([1], { 0: 1 }));
    assert.ok(!sameJson({ a: '1' }, { a: 1 }));
  });
});
