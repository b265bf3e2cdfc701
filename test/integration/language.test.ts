/**
 * The language features in a real extension host: diagnostics, hovers, code actions, CodeLens,
 * commands, configuration and settings, on the fixture workspace (test/fixtures/workspace).
 * Every wait is on an editor event with a time limit; nothing sleeps.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, TAG_ALL_KIND_VALUE } from '../../src/extension/constants';
import {
  analysed,
  anyOf,
  codeOf,
  diagnosticsWhere,
  fixture,
  hoverText,
  openFixture,
  pmDiagnostics,
  pmLens,
  rangeOf,
  replaceText,
  revertAndCloseAll,
  setSetting,
  settled,
  waitFor,
  type PmLensApiLike,
} from './helpers';

const has = (code: string) => (diagnostics: vscode.Diagnostic[]) => diagnostics.some((d) => codeOf(d) === code);
const hasNo = (code: string) => (diagnostics: vscode.Diagnostic[]) => !diagnostics.some((d) => codeOf(d) === code);
const RULE_DOC = /^https:\/\/.+\/rules\/[a-z-]+\.md$/;

describe('PM Lens language features', () => {
  let api: PmLensApiLike;

  before(async () => {
    api = await pmLens();
  });

  afterEach(async () => {
    await revertAndCloseAll();
  });

  describe('diagnostics', () => {
    it('reports findings on a plan with rule codes linked to their pages and exact ranges', async () => {
      const { document } = await openFixture('checkout-prd.md');
      const diagnostics = await diagnosticsWhere(document.uri, 'invalid-tag and duplicate-tag', (d) => has('invalid-tag')(d) && has('duplicate-tag')(d));

      const invalid = diagnostics.find((d) => codeOf(d) === 'invalid-tag');
      assert.ok(invalid);
      assert.equal(invalid.source, 'pm-lens');
      assert.equal(invalid.severity, vscode.DiagnosticSeverity.Error);
      assert.deepEqual(invalid.range, rangeOf(document, 'prodcut'));
      assert.match(invalid.message, /prodcut/);
      const code = invalid.code as { value: string; target: vscode.Uri };
      assert.match(code.target.toString(), RULE_DOC);
      assert.ok(code.target.toString().endsWith('/invalid-tag.md'));

      const duplicate = diagnostics.find((d) => codeOf(d) === 'duplicate-tag');
      assert.ok(duplicate);
      assert.equal(duplicate.severity, vscode.DiagnosticSeverity.Warning);
      assert.deepEqual(duplicate.range, rangeOf(document, '<!-- owner: project/schedule -->'));

      // The budget section is tagged product but is all costs.
      const mismatch = diagnostics.find((d) => codeOf(d) === 'owner-mismatch');
      assert.ok(mismatch, 'owner-mismatch on the launch budget');
      assert.deepEqual(mismatch.range, rangeOf(document, '<!-- owner: product -->'));
      assert.ok(diagnostics.every((d) => d.source === 'pm-lens'));
    });

    it('updates as you type: a fixed tag loses its diagnostic, and undo brings it back', async () => {
      const { document } = await openFixture('checkout-prd.md');
      await diagnosticsWhere(document.uri, 'invalid-tag', has('invalid-tag'));
      await replaceText(document, 'prodcut', 'product');
      await diagnosticsWhere(document.uri, 'no invalid-tag', hasNo('invalid-tag'));
      await vscode.commands.executeCommand('undo');
      assert.ok(document.getText().includes('<!-- owner: prodcut -->'));
      await diagnosticsWhere(document.uri, 'invalid-tag again', has('invalid-tag'));
    });

    it('keeps only the newest version: a burst of edits ends with the diagnostics of the last text', async () => {
      const { document } = await openFixture('checkout-prd.md');
      await diagnosticsWhere(document.uri, 'invalid-tag', has('invalid-tag'));
      // Three edits in a row, no waiting: the last one fixes the typo.
      await replaceText(document, 'prodcut', 'prodcat');
      await replaceText(document, 'prodcat', 'prodact');
      await replaceText(document, 'prodact', 'product');
      await diagnosticsWhere(document.uri, 'no invalid-tag', hasNo('invalid-tag'));
      const result = await api.plans.ensure(document);
      assert.equal(result?.version, document.version);
      assert.ok(!result.analysis.findings.some((f) => f.ruleId === 'invalid-tag'));
    });

    it('after edits that move them, shows what a fresh document of the same text shows, and their quick fixes still apply', async () => {
      const { document } = await openFixture('checkout-prd.md');
      await diagnosticsWhere(document.uri, 'invalid-tag', has('invalid-tag'));
      // Two new lines under the title move every diagnostic below it; then one goes, and a line goes again.
      await replaceText(document, '# One-page checkout', '# One-page checkout\n\nIntro line.');
      await replaceText(document, '<!-- owner: project/schedule -->', '');
      await replaceText(document, '\n\nIntro line.', '');
      await replaceText(document, '# One-page checkout', '# One-page checkout\n');
      const shown = await settled(api, document);
      const fresh = await vscode.workspace.openTextDocument({ language: 'markdown', content: document.getText() });
      await vscode.window.showTextDocument(fresh);
      const expected = await settled(api, fresh);
      const plain = (d: vscode.Diagnostic) => ({ code: codeOf(d), target: (d.code as { target?: vscode.Uri }).target?.toString(), range: d.range, message: d.message, severity: d.severity });
      assert.ok(expected.length > 2, `${expected.length} diagnostics`);
      assert.deepEqual(shown.map(plain), expected.map(plain));

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, rangeOf(document, 'prodcut'), vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title === "Change to 'product'");
      assert.ok(fix?.edit, `quick fixes: ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      await diagnosticsWhere(document.uri, 'no invalid-tag', hasNo('invalid-tag'));
    });

    it('clears diagnostics when the document is closed', async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Budget\n<!-- owner: prodcut -->\n\nIt costs $5,000.\n' });
      await vscode.window.showTextDocument(document);
      await diagnosticsWhere(document.uri, 'any finding', (d) => d.length > 0);
      // A new language closes the Markdown document and opens a plain-text one: a real close
      // event, without waiting for the editor to let go of a closed tab's document.
      const closed = new Promise<void>((resolve) => {
        const subscription = vscode.workspace.onDidCloseTextDocument((d) => {
          if (d.uri.toString() === document.uri.toString() && d.languageId === 'markdown') {
            subscription.dispose();
            resolve();
          }
        });
      });
      await vscode.languages.setTextDocumentLanguage(document, 'plaintext');
      await closed;
      await diagnosticsWhere(document.uri, 'no diagnostics', (d) => d.length === 0);
    });

    it('leaves a README alone', async () => {
      const { document } = await openFixture('README.md');
      assert.equal(await api.plans.ensure(document), undefined);
      assert.deepEqual(pmDiagnostics(document.uri), []);
    });

    it('analyses an untitled plan', async () => {
      const document = await vscode.workspace.openTextDocument({
        language: 'markdown',
        content: '---\nplan: prd\n---\n\n# Vision\n<!-- owner: prodct/vision -->\n\nWhy we build this.\n',
      });
      await vscode.window.showTextDocument(document);
      const diagnostics = await diagnosticsWhere(document.uri, 'invalid-tag', has('invalid-tag'));
      assert.deepEqual(diagnostics.find((d) => codeOf(d) === 'invalid-tag')?.range, rangeOf(document, 'prodct'));
    });
  });

  describe('configuration', () => {
    it('reads .pmlens.json of the folder: rule severities change', async () => {
      const { document } = await openFixture('custom', 'support-plan.md');
      const diagnostics = await diagnosticsWhere(document.uri, 'duplicate-tag', has('duplicate-tag'));
      assert.equal(diagnostics.find((d) => codeOf(d) === 'duplicate-tag')?.severity, vscode.DiagnosticSeverity.Error);
      // untagged-section is off there, though "Opening hours" has no tag.
      assert.ok(hasNo('untagged-section')(diagnostics));
    });

    it('reports a broken .pmlens.json on the file and still analyses plans next to it with defaults', async () => {
      const config = fixture('broken', '.pmlens.json');
      const problems = await waitFor('diagnostics on broken/.pmlens.json', vscode.languages.onDidChangeDiagnostics, () => vscode.languages.getDiagnostics(config).length > 0).then(() =>
        vscode.languages.getDiagnostics(config),
      );
      assert.ok(problems.some((d) => /loud/.test(d.message)), problems.map((d) => d.message).join('; '));
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(config));
      const loud = text.indexOf('"loud"');
      const problem = problems.find((d) => /loud/.test(d.message));
      assert.ok(problem && problem.range.start.line === text.slice(0, loud).split('\n').length - 1, 'the problem points at the failing line');

      const { document } = await openFixture('broken', 'vendor-roadmap.md');
      const diagnostics = await diagnosticsWhere(document.uri, 'invalid-tag', has('invalid-tag'));
      assert.deepEqual(diagnostics.find((d) => codeOf(d) === 'invalid-tag')?.range, rangeOf(document, 'user-neds'));
    });

    it('re-analyses open plans when a .pmlens.json appears, changes and goes', async () => {
      const folder = fixture('live-config');
      const plan = vscode.Uri.joinPath(folder, 'team-plan.md');
      const config = vscode.Uri.joinPath(folder, '.pmlens.json');
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
      try {
        await vscode.workspace.fs.writeFile(plan, new TextEncoder().encode('# Team\n<!-- owner: project/resources -->\n<!-- owner: project -->\n\nTwo engineers at 0.5 FTE.\n'));
        const document = await vscode.workspace.openTextDocument(plan);
        await vscode.window.showTextDocument(document);
        const severity = (d: vscode.Diagnostic[]) => d.find((x) => codeOf(x) === 'duplicate-tag')?.severity;
        await diagnosticsWhere(plan, 'duplicate-tag as a warning', (d) => severity(d) === vscode.DiagnosticSeverity.Warning);
        await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{ "rules": { "duplicate-tag": "error" } }\n'));
        await diagnosticsWhere(plan, 'duplicate-tag as an error', (d) => severity(d) === vscode.DiagnosticSeverity.Error);
        await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{ "rules": { "duplicate-tag": "off" } }\n'));
        await diagnosticsWhere(plan, 'duplicate-tag off', hasNo('duplicate-tag'));
        await vscode.workspace.fs.delete(config);
        await diagnosticsWhere(plan, 'duplicate-tag as a warning again', (d) => severity(d) === vscode.DiagnosticSeverity.Warning);
      } finally {
        await revertAndCloseAll();
        await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
      }
    });

    it('re-analyses open plans when pmLens settings change', async () => {
      const { document } = await openFixture('checkout-prd.md');
      await diagnosticsWhere(document.uri, 'duplicate-tag', has('duplicate-tag'));
      try {
        await setSetting('rules', { 'duplicate-tag': 'off', 'owner-mismatch': 'error' });
        await diagnosticsWhere(document.uri, 'duplicate-tag off and owner-mismatch an error', (d) =>
          hasNo('duplicate-tag')(d) && d.some((x) => codeOf(x) === 'owner-mismatch' && x.severity === vscode.DiagnosticSeverity.Error),
        );
      } finally {
        await setSetting('rules', undefined);
      }
      await diagnosticsWhere(document.uri, 'duplicate-tag back', has('duplicate-tag'));
    });

    it('analyses every Markdown document with pmLens.analyzeAllMarkdown, but never a README unasked', async () => {
      const { document: notes } = await openFixture('notes', 'meeting-notes.md');
      assert.equal(await api.plans.ensure(notes), undefined);
      const { document: readme } = await openFixture('README.md');
      try {
        await setSetting('analyzeAllMarkdown', true);
        await diagnosticsWhere(notes.uri, 'untagged-section hints on the notes', has('untagged-section'));
        assert.equal(await api.plans.ensure(readme), undefined);
        assert.deepEqual(pmDiagnostics(readme.uri), []);
      } finally {
        await setSetting('analyzeAllMarkdown', undefined);
      }
      await diagnosticsWhere(notes.uri, 'the notes clean again', (d) => d.length === 0);
    });

    it('turns off with pmLens.enable and skips documents above pmLens.maxFileSize with a status-bar note', async () => {
      const { document } = await openFixture('checkout-prd.md');
      await diagnosticsWhere(document.uri, 'findings', (d) => d.length > 0);
      try {
        await setSetting('enable', false);
        await diagnosticsWhere(document.uri, 'no diagnostics when disabled', (d) => d.length === 0);
        await setSetting('enable', undefined);
        await diagnosticsWhere(document.uri, 'findings again', (d) => d.length > 0);
        await setSetting('maxFileSize', 200);
        await diagnosticsWhere(document.uri, 'no diagnostics above the size limit', (d) => d.length === 0);
        // The status bar follows the analysis that cleared the diagnostics: wait for it, not for a turn of luck.
        await waitFor('the skipped note in the status bar', anyOf(api.statusBar.onDidChange, vscode.window.onDidChangeActiveTextEditor), () => /skipped/.test(api.statusBar.text));
      } finally {
        await setSetting('enable', undefined);
        await setSetting('maxFileSize', undefined);
      }
      await diagnosticsWhere(document.uri, 'findings after the limit is lifted', (d) => d.length > 0);
      await waitFor('the balance in the status bar', anyOf(api.statusBar.onDidChange, vscode.window.onDidChangeActiveTextEditor), () => /Product \d+% · Project \d+%|No owned sections/.test(api.statusBar.text));
    });
  });

  describe('hovers', () => {
    it('explain a heading: role, tagged or inferred, evidence and what the role owns', async () => {
      const { document } = await openFixture('checkout-prd.md');
      await analysed(api, document);
      const heading = rangeOf(document, '## Launch budget');
      const text = await hoverText(document.uri, heading.start.translate(0, 4));
      assert.match(text, /\*\*Product\*\*/);
      assert.match(text, /Tagged/);
      assert.match(text, /Why:/);
      assert.match(text, /budget/i);
      assert.match(text, /Product owns:\n- \*\*Vision\*\*/);
      assert.match(text, /The tag says Product, the content says Project/);
    });

    it('explain an untagged heading as inferred', async () => {
      const { document } = await openFixture('warehouse-project-plan.md');
      await analysed(api, document);
      const text = await hoverText(document.uri, rangeOf(document, '## Budget').start.translate(0, 4));
      assert.match(text, /\*\*Project · Budget\*\*/);
      assert.match(text, /Inferred from the content, confidence \d\.\d\d/);
      assert.match(text, /Project owns:\n- /);
    });

    it('explain an owner tag, and say what is valid for an invalid one', async () => {
      const { document } = await openFixture('checkout-prd.md');
      await analysed(api, document);
      const valid = await hoverText(document.uri, rangeOf(document, 'product/vision').start);
      assert.match(valid, /\*\*Owner tag\*\*/);
      assert.match(valid, /Vision/);
      const invalid = await hoverText(document.uri, rangeOf(document, 'prodcut').start);
      assert.match(invalid, /Invalid owner tag/);
      assert.match(invalid, /roles: product, project, shared, none/);
    });

    it('explain a directive', async () => {
      const document = await vscode.workspace.openTextDocument({
        language: 'markdown',
        content: '# Plan\n<!-- owner: project -->\n\n<!-- pm-lens-disable-next-section owner-mismatch -->\n## Costs\n<!-- owner: product -->\n\nIt costs $5,000.\n',
      });
      await vscode.window.showTextDocument(document);
      await analysed(api, document);
      const text = await hoverText(document.uri, rangeOf(document, 'pm-lens-disable-next-section').start.translate(0, 3));
      assert.match(text, /\*\*Directive\*\*/);
      assert.match(text, /for the next section only/);
      assert.match(text, /owner-mismatch/);
    });

    it('escape document text', async () => {
      const document = await vscode.workspace.openTextDocument({
        language: 'markdown',
        content: '---\nplan: prd\n---\n\n# Budget *[click](command:workbench.action.quit)* <img src=x>\n<!-- owner: project/budget -->\n\nIt costs $5,000.\n',
      });
      await vscode.window.showTextDocument(document);
      await analysed(api, document);
      const text = await hoverText(document.uri, new vscode.Position(4, 3));
      assert.ok(!text.includes('[click](command:'), text);
      assert.ok(!text.includes('<img'), text);
    });
  });

  describe('review rules: stale-date and misplaced-metric', () => {
    const plan = [
      '---',
      'plan: prd',
      'asOf: 2025-12-02',
      '---',
      '# Fridge app',
      '',
      '## Success metrics',
      '',
      '- Weekly active households above 1,200',
      '- Launch the Android app by Q3 2025',
      '',
      '## Delivery success criteria',
      '',
      '- Every milestone met on time',
      '',
      '## Schedule',
      '<!-- owner: project/schedule -->',
      '',
      '- [ ] Beta with 300 households: 2025-10-01',
      '',
    ].join('\n');

    it('report with their severities and doc links; the quick fixes apply and undo; a directive silences one', async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: plan });
      await vscode.window.showTextDocument(document);
      const diagnostics = await diagnosticsWhere(document.uri, 'stale-date and misplaced-metric', (d) => has('stale-date')(d) && has('misplaced-metric')(d));
      const stale = diagnostics.find((d) => codeOf(d) === 'stale-date')!;
      assert.equal(stale.severity, vscode.DiagnosticSeverity.Information);
      assert.equal(stale.message, "'Beta with 300 households' was due 2025-10-01, 62 days ago, and is not marked done");
      assert.ok((stale.code as { target: vscode.Uri }).target.toString().endsWith('/stale-date.md'));
      const misplaced = diagnostics.find((d) => codeOf(d) === 'misplaced-metric')!;
      assert.equal(misplaced.severity, vscode.DiagnosticSeverity.Warning);
      assert.deepEqual(misplaced.range, rangeOf(document, 'Launch the Android app by Q3 2025'));

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, stale.range, vscode.CodeActionKind.QuickFix.value);
      const done = actions.find((a) => a.title === 'Mark it done');
      assert.ok(done?.edit, `quick fixes: ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(done.edit));
      assert.ok(document.getText().includes('- [x] Beta with 300 households: 2025-10-01'));
      await diagnosticsWhere(document.uri, 'no stale-date', hasNo('stale-date'));

      const moves = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, misplaced.range, vscode.CodeActionKind.QuickFix.value);
      const move = moves.find((a) => a.title === "Move to 'Delivery success criteria'");
      assert.ok(move?.edit, `quick fixes: ${moves.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(move.edit));
      assert.ok(document.getText().includes('- Every milestone met on time\n- Launch the Android app by Q3 2025\n'), document.getText());
      await diagnosticsWhere(document.uri, 'no misplaced-metric', hasNo('misplaced-metric'));
      await vscode.commands.executeCommand('undo');
      await diagnosticsWhere(document.uri, 'misplaced-metric again', has('misplaced-metric'));

      await replaceText(document, '## Success metrics', '<!-- pm-lens-disable-next-section misplaced-metric -->\n## Success metrics');
      await diagnosticsWhere(document.uri, 'misplaced-metric silenced', hasNo('misplaced-metric'));
    });
  });

  describe('code actions', () => {
    it('offer the engine fix as the preferred quick fix; applying it fixes the text, undo restores it', async () => {
      const { document } = await openFixture('checkout-prd.md');
      await diagnosticsWhere(document.uri, 'invalid-tag', has('invalid-tag'));
      const range = rangeOf(document, 'prodcut');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title === "Change to 'product'");
      assert.ok(fix, `quick fixes: ${actions.map((a) => a.title).join(', ')}`);
      assert.equal(fix.isPreferred, true);
      assert.ok(fix.edit);
      const before = document.getText();
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.ok(document.getText().includes('## Open questions\n<!-- owner: product -->'));
      await diagnosticsWhere(document.uri, 'no invalid-tag', hasNo('invalid-tag'));
      await vscode.commands.executeCommand('undo');
      assert.equal(document.getText(), before);
    });

    it('retag a mismatched section to what it reads as', async () => {
      const { document } = await openFixture('checkout-prd.md');
      const diagnostics = await diagnosticsWhere(document.uri, 'owner-mismatch', has('owner-mismatch'));
      const mismatch = diagnostics.find((d) => codeOf(d) === 'owner-mismatch')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, mismatch.range);
      const retag = actions.find((a) => a.isPreferred && /^Retag as project/.test(a.title));
      assert.ok(retag?.edit, `actions: ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(retag.edit));
      assert.match(document.getText(), /## Launch budget\n<!-- owner: project\/budget -->/);
      await diagnosticsWhere(document.uri, 'no owner-mismatch', hasNo('owner-mismatch'));
    });

    it('disable a rule for one section with a directive above its heading', async () => {
      const { document } = await openFixture('checkout-prd.md');
      const diagnostics = await diagnosticsWhere(document.uri, 'owner-mismatch', has('owner-mismatch'));
      const mismatch = diagnostics.find((d) => codeOf(d) === 'owner-mismatch')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, mismatch.range);
      const disable = actions.find((a) => a.title === 'Disable owner-mismatch for this section');
      assert.ok(disable?.edit, `actions: ${actions.map((a) => a.title).join(', ')}`);
      assert.notEqual(disable.isPreferred, true);
      assert.ok(await vscode.workspace.applyEdit(disable.edit));
      assert.ok(document.getText().includes('<!-- pm-lens-disable-next-section owner-mismatch -->\n## Launch budget\n'));
      await diagnosticsWhere(document.uri, 'no owner-mismatch', hasNo('owner-mismatch'));
      await vscode.commands.executeCommand('undo');
      assert.ok(!document.getText().includes('pm-lens-disable-next-section'));
      await diagnosticsWhere(document.uri, 'owner-mismatch again', has('owner-mismatch'));
    });

    it('Fix All corrects the misspelt values and the extra tag in one undoable edit, and leaves the mismatch to a person', async () => {
      const content = [
        '---',
        'plan: prdd',
        '---',
        '# Checkout',
        '',
        '## Launch budget',
        '<!-- owner: product/vision -->',
        '<!-- owner: shared -->',
        '',
        'The launch costs $48,000 in contractor fees over two sprints, within budget.',
        '',
        '## Open questions',
        '<!-- owner: prodcut -->',
        '',
        'Which payment providers do shoppers ask for most?',
        '',
      ].join('\n');
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
      await vscode.window.showTextDocument(document);
      await diagnosticsWhere(document.uri, 'invalid-tag, duplicate-tag and owner-mismatch', (d) => has('invalid-tag')(d) && has('duplicate-tag')(d) && has('owner-mismatch')(d));
      // The editor's own Fix All asks every source.fixAll provider, as "source.fixAll" on save does.
      await vscode.commands.executeCommand('editor.action.fixAll');
      await waitFor('the fixes applied', vscode.workspace.onDidChangeTextDocument, () => document.getText() !== content);
      assert.equal(document.getText(), content.replace('plan: prdd', 'plan: prd').replace('<!-- owner: shared -->\n', '').replace('owner: prodcut', 'owner: product'));
      await diagnosticsWhere(document.uri, 'owner-mismatch alone', (d) => hasNo('invalid-tag')(d) && hasNo('duplicate-tag')(d) && has('owner-mismatch')(d));
      await vscode.commands.executeCommand('undo');
      assert.equal(document.getText(), content);
    });

    it('offer Tag All Sections as a source action', async () => {
      const { document } = await openFixture('warehouse-project-plan.md');
      await analysed(api, document);
      const whole = new vscode.Range(0, 0, document.lineCount, 0);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, TAG_ALL_KIND_VALUE);
      const tagAll = actions.find((a) => a.kind?.value === TAG_ALL_KIND_VALUE);
      assert.ok(tagAll?.edit, `actions: ${actions.map((a) => `${a.title} (${a.kind?.value})`).join(', ')}`);
      assert.match(tagAll.title, /^Tag all sections \(\d+\)$/);
    });
  });

  describe('commands', () => {
    it('pmLens.tagAllSections tags every section with content in one undoable edit', async () => {
      const { document } = await openFixture('warehouse-project-plan.md');
      const before = await analysed(api, document);
      const withContent = before.sections.filter((s) => s.wordCount > 0);
      assert.ok(withContent.length >= 4 && withContent.every((s) => !s.tagged));
      const original = document.getText();
      assert.equal(await vscode.commands.executeCommand(Commands.tagAllSections), true);
      const after = await analysed(api, document);
      for (const section of after.sections.filter((s) => s.wordCount > 0)) {
        assert.ok(section.tagged, `'${section.heading}' is tagged`);
        assert.equal(section.role, 'project', `'${section.heading}' is tagged project`);
      }
      assert.match(document.getText(), /## Schedule\n<!-- owner: project\/schedule -->\n/);
      assert.match(document.getText(), /## Budget\n<!-- owner: project\/budget -->\n/);
      await diagnosticsWhere(document.uri, 'no untagged-section', hasNo('untagged-section'));
      await vscode.commands.executeCommand('undo');
      assert.equal(document.getText(), original);
    });

    it('pmLens.analyzeDocument opts a non-plan in', async () => {
      const { document } = await openFixture('notes', 'meeting-notes.md');
      assert.equal(await api.plans.ensure(document), undefined);
      assert.deepEqual(pmDiagnostics(document.uri), []);
      assert.equal(await vscode.commands.executeCommand(Commands.analyzeDocument), true);
      await diagnosticsWhere(document.uri, 'untagged-section hints', has('untagged-section'));
    });

    it('pmLens.showOutput shows the PM Lens output channel', async () => {
      const isOurChannel = (d: vscode.TextDocument): boolean => d.uri.scheme === 'output' && decodeURIComponent(d.uri.toString()).includes('PM Lens');
      assert.equal(await vscode.commands.executeCommand(Commands.showOutput), 'PM Lens');
      // The output view opens the channel's document; the server's log lines are in it.
      await waitFor('the PM Lens channel open in the output view', vscode.workspace.onDidOpenTextDocument, () => vscode.workspace.textDocuments.some(isOurChannel));
    });
  });

  describe('CodeLens', () => {
    it('stands above every heading with role, concern and confidence or tagged', async () => {
      const { document } = await openFixture('checkout-prd.md');
      const analysis = await analysed(api, document);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100);
      const titles = lenses.map((l) => l.command?.title ?? '');
      assert.equal(lenses.length, analysis.sections.length);
      const vision = lenses.find((l) => l.range.start.line === rangeOf(document, '## Vision').start.line);
      assert.equal(vision?.command?.title, 'Product · vision · tagged');
      const metrics = lenses.find((l) => l.range.start.line === rangeOf(document, '## Success metrics').start.line);
      assert.equal(metrics?.command?.title, 'Product · metrics · tagged');
      // The top heading has no tag: its lens shows a confidence.
      assert.match(titles[0], /^(Product|Project|Mixed|None)( · [a-z-]+)? · \d\.\d\d$/);
    });

    it('follows edits: after a new line every lens stands above its heading again', async () => {
      const { document } = await openFixture('checkout-prd.md');
      await analysed(api, document);
      await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100);
      await replaceText(document, '## Vision', '\n## Vision');
      const analysis = await analysed(api, document);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100);
      assert.equal(lenses.length, analysis.sections.length);
      const headings = document
        .getText()
        .split('\n')
        .flatMap((line, i) => (/^#{1,6} /.test(line) ? [i] : []));
      const lensLines = lenses.map((l) => l.range.start.line);
      for (const line of headings) assert.ok(lensLines.includes(line), `a lens on line ${line}: ${lensLines.join(', ')}`);
      assert.equal(lenses.find((l) => l.range.start.line === rangeOf(document, '## Vision').start.line)?.command?.title, 'Product · vision · tagged');
    });

    it('goes away with pmLens.codeLens.enabled off', async () => {
      const { document } = await openFixture('checkout-prd.md');
      await analysed(api, document);
      try {
        await setSetting('codeLens.enabled', false);
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100);
        assert.equal(lenses.length, 0);
      } finally {
        await setSetting('codeLens.enabled', undefined);
      }
    });
  });

  describe('status bar', () => {
    it('shows the balance of the active plan', async () => {
      const { document } = await openFixture('warehouse-project-plan.md');
      await analysed(api, document);
      await waitFor('the balance', anyOf(api.statusBar.onDidChange, vscode.window.onDidChangeActiveTextEditor), () => /Product \d+% · Project \d+%/.test(api.statusBar.text));
      assert.match(api.statusBar.text, /Project (\d+)%/);
    });

    it('notes a plan paused at the budget, and another plan is analysed meanwhile', async function () {
      this.timeout(120_000);
      // One paragraph of `*_` pairs takes the parser minutes: its analysis worker is ended at the
      // budget (10 s), and the other plan goes to another worker of the pool.
      const slow = await vscode.workspace.openTextDocument({ language: 'markdown', content: `---\nplan: prd\n---\n# Checkout\n\n${'*_'.repeat(50_000)}\n` });
      await vscode.window.showTextDocument(slow);
      const { document: other } = await openFixture('warehouse-project-plan.md');
      await analysed(api, other);
      assert.ok(!has('analysis-paused')(pmDiagnostics(slow.uri)), 'the other plan was analysed while the slow one still was');
      await vscode.window.showTextDocument(slow);
      const [paused] = await diagnosticsWhere(slow.uri, 'the paused note', has('analysis-paused'), 60_000);
      assert.match(paused.message, /too complex to analyse in 10 s/);
      await waitFor('paused in the status bar', anyOf(api.statusBar.onDidChange, vscode.window.onDidChangeActiveTextEditor), () => /PM Lens: paused/.test(api.statusBar.text), 30_000);
    });
  });
});
