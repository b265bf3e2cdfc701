/**
 * Authoring in a real extension host: completion inside owner tags and directives, the template
 * commands, and the snippets as the editor itself expands them.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { documentTemplate, type TemplateKind } from '../../src/core/templates';
import { expandSnippet, skeletonFor, skeletons, snippetLines } from '../../src/core/skeletons';
import { analysed, codeOf, diagnosticsWhere, EXTENSION_ID, pmLens, revertAndCloseAll, type PmLensApiLike } from './helpers';

const ROLES = ['product', 'project', 'shared', 'none'];
const PROJECT_CONCERNS = ['schedule', 'budget', 'resources', 'risks', 'status', 'deliverables'];

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

/** Our completion items at a position (word-based suggestions, of kind Text, left out). */
async function completionsAt(document: vscode.TextDocument, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, trigger);
  return list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Text);
}

/** Opens an untitled Markdown document with this text. */
async function untitled(text: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  return vscode.window.showTextDocument(document);
}

/** Replaces a line's text and returns the position at its end. */
async function setLine(editor: vscode.TextEditor, line: number, text: string): Promise<vscode.Position> {
  const range = editor.document.lineAt(line).range;
  assert.ok(await editor.edit((edit) => edit.replace(range, text)), 'the edit was not applied');
  return new vscode.Position(line, text.length);
}

/** The handles in owner tags of the workspace's Markdown files, read here independently of PM Lens. */
async function workspaceHandles(): Promise<string[]> {
  const found = new Set<string>();
  for (const uri of await vscode.workspace.findFiles('**/*.md')) {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    for (const tag of text.matchAll(/^<!--\s*owner:([^>]*)-->/gm)) for (const h of tag[1].matchAll(/@[\w.-]+/g)) found.add(h[0]);
  }
  return [...found];
}

describe('PM Lens authoring', () => {
  let api: PmLensApiLike;

  before(async () => {
    api = await pmLens();
  });

  afterEach(async () => {
    await revertAndCloseAll();
  });

  describe('completion inside tags', () => {
    it('offers the roles after owner:, then the concerns of the role, then the workspace handles', async () => {
      const editor = await untitled(['# Launch', '<!-- owner: product @authoring-ava -->', '', '## Costs', ''].join('\n'));
      const document = editor.document;

      let position = await setLine(editor, 4, '<!-- owner: ');
      const roles = await completionsAt(document, position, ' ');
      assert.deepEqual(roles.filter((i) => ROLES.includes(labelOf(i))).map(labelOf).sort(), [...ROLES].sort());
      assert.ok(!roles.some((i) => PROJECT_CONCERNS.includes(labelOf(i))), roles.map(labelOf).join(', '));
      const project = roles.find((i) => labelOf(i) === 'project')!;
      assert.equal(project.kind, vscode.CompletionItemKind.EnumMember);
      assert.deepEqual(project.range, new vscode.Range(4, 12, 4, 12));

      position = await setLine(editor, 4, '<!-- owner: project/');
      const concerns = (await completionsAt(document, position, '/')).map(labelOf);
      for (const concern of PROJECT_CONCERNS) assert.ok(concerns.includes(concern), `no ${concern} in ${concerns.join(', ')}`);
      assert.ok(!concerns.includes('vision') && !concerns.includes('product'), concerns.join(', '));

      position = await setLine(editor, 4, '<!-- owner: project/budget @');
      const handles = (await completionsAt(document, position, '@')).map(labelOf);
      const expected = await workspaceHandles();
      assert.ok(expected.length > 0, 'the fixture workspace names no handles');
      for (const handle of [...expected, '@authoring-ava']) assert.ok(handles.includes(handle), `no ${handle} in ${handles.join(', ')}`);
      assert.ok(handles.every((h) => h.startsWith('@')), handles.join(', '));

      position = await setLine(editor, 4, '<!-- owner: project/budget @authoring-ava @');
      const rest = (await completionsAt(document, position, '@')).map(labelOf);
      assert.ok(!rest.includes('@authoring-ava'), 'a handle already in the tag is offered again');
    });

    it('offers every rule id inside a directive', async () => {
      const editor = await untitled(['# Risks', '', 'Some text.'].join('\n'));
      const position = await setLine(editor, 1, '<!-- pm-lens-disable ');
      const labels = (await completionsAt(editor.document, position, ' ')).map(labelOf);
      const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
      const ruleIds = Object.keys(manifest.contributes.configuration.properties['pmLens.rules'].properties);
      assert.ok(ruleIds.length >= 8);
      for (const id of ruleIds) assert.ok(labels.includes(id), `no ${id} in ${labels.join(', ')}`);
    });

    it('stays out of fenced code and ordinary text', async () => {
      const editor = await untitled(['# Example', '```markdown', '', '```', 'Plain text '].join('\n'));
      const inCode = await setLine(editor, 2, '<!-- owner: ');
      const describe = (items: vscode.CompletionItem[]): string => items.map((i) => `${labelOf(i)}(${i.kind})`).join(', ');
      const codeItems = await completionsAt(editor.document, inCode, ' ');
      assert.ok(!codeItems.some((i) => ROLES.includes(labelOf(i))), `in code: ${describe(codeItems)} in ${editor.document.uri.toString()} v${editor.document.version} ${JSON.stringify(editor.document.getText())}; open: ${vscode.workspace.textDocuments.map((d) => `${d.uri.toString()} v${d.version} ${JSON.stringify(d.getText().slice(0, 40))}`).join(' | ')}`);
      const plain = new vscode.Position(4, 11);
      const plainItems = await completionsAt(editor.document, plain, ' ');
      assert.ok(!plainItems.some((i) => ROLES.includes(labelOf(i))), `in text: ${describe(plainItems)}`);
    });
  });

  describe('templates', () => {
    const commands: [string, TemplateKind][] = [
      ['pmLens.newPrd', 'prd'],
      ['pmLens.newProjectPlan', 'project-plan'],
    ];
    for (const [command, kind] of commands) {
      it(`${command} opens an untitled ${kind} that analyzes clean`, async () => {
        const uri = await vscode.commands.executeCommand<vscode.Uri>(command);
        assert.ok(uri instanceof vscode.Uri, `${command} returned ${String(uri)}`);
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        assert.ok(document);
        assert.equal(document.isUntitled, true);
        assert.equal(document.languageId, 'markdown');
        assert.equal(vscode.window.activeTextEditor?.document, document);
        // The editor's own snippet expansion gives exactly the core's text.
        assert.equal(document.getText(), documentTemplate(kind).text);
        // Tab starts at the title.
        const editor = vscode.window.activeTextEditor!;
        assert.match(document.getText(editor.selection), kind === 'prd' ? /^Product name/ : /^Project name/);

        const analysis = await analysed(api, document);
        const ids = analysis.findings.map((f) => f.ruleId);
        for (const bad of ['owner-mismatch', 'invalid-tag', 'missing-concern', 'mixed-concerns']) assert.ok(!ids.includes(bad), `${kind}: ${ids.join(', ')}`);
        // The title heading has no body of its own; every section under it is tagged.
        assert.ok(analysis.sections.length > 4 && analysis.sections.slice(1).every((s) => s.tagged));
        const diagnostics = await diagnosticsWhere(uri, 'the analysis’s diagnostics', (d) => d.length === analysis.findings.length);
        const loud = diagnostics.filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint);
        assert.deepEqual(loud.map((d) => `${codeOf(d)}: ${d.message}`), []);
      });
    }
  });

  describe('snippets', () => {
    for (const skeleton of skeletons) {
      it(`${skeleton.prefix} expands in the editor to ${skeleton.main ? 'the text the missing-concern quick fix inserts' : 'its plain text'}`, async () => {
        const editor = await untitled('');
        const body = snippetLines(skeleton).join('\n');
        assert.ok(await editor.insertSnippet(new vscode.SnippetString(body), new vscode.Position(0, 0)));
        assert.equal(editor.document.getText(), expandSnippet(body));
        if (skeleton.main) assert.equal(editor.document.getText(), skeletonFor(skeleton.concern, '\n'));
      });
    }

    it('are offered when typing a prefix', async () => {
      const editor = await untitled('# Plan\n\nproject-bud');
      const items = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(2, 11));
      const snippet = items.items.find((i) => i.kind === vscode.CompletionItemKind.Snippet && labelOf(i) === 'project-budget');
      assert.ok(snippet, items.items.map(labelOf).join(', '));
    });
  });
});
