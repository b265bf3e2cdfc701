/**
 * "Changes since last commit" without an editor: the host's model of the core's ownership diff
 * (what the panel sends), and what the page says about it (headline, balance, owners, rows).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { analyze } from '../../src/core/analyze';
import { defaultConfig } from '../../src/core/config/defaults';
import { changesModel } from '../../src/server/changes';
import { panelChangesSchema, parseToWebview, type PanelChanges } from '../../src/shared/panelProtocol';
import { changeLabel, changesView, sidesText } from '../../src/webview/changesView';
import { fromRoot } from '../support/paths';

const COMMITTED = fromRoot('test', 'fixtures', 'changes', 'tea-club-plan.committed.md');
const EDITED = fromRoot('test', 'fixtures', 'changes', 'tea-club-plan.edited.md');
const analysisOf = (file: string) => analyze(fs.readFileSync(file, 'utf8'), { config: defaultConfig });
const BASE = 'HEAD (1a2b3c4)';

describe('changes since last commit', () => {
  describe('the model the host sends', () => {
    const model = changesModel({ status: 'ready', base: BASE, before: analysisOf(COMMITTED), isNew: false }, analysisOf(EDITED));
    const row = (kind: string) => {
      const found = model.rows.find((r) => r.kind === kind);
      assert.ok(found, `a ${kind} row in ${JSON.stringify(model.rows.map((r) => r.kind))}`);
      return found;
    };

    it('lists each changed section once, by kind, in the order of the edited plan, removed ones last', () => {
      assert.equal(model.status, 'ready');
      assert.equal(model.base, BASE);
      assert.deepEqual(
        model.rows.map((r) => [r.kind, r.where]),
        [
          ['retagged', 'Tea club › Vision'],
          ['moved', 'Tea club › Success metrics'],
          ['added', 'Tea club › Timeline'],
          ['removed', 'Tea club › Glossary'],
        ],
      );
      assert.equal(model.moved, 1);
      assert.equal(new Set(model.rows.map((r) => r.key)).size, model.rows.length, 'keys are unique');
    });

    it('says what moved a section: its sides before and after, and the evidence gained and lost', () => {
      const moved = row('moved');
      assert.equal(moved.before, 'product/metrics (inferred)');
      assert.equal(moved.after, 'project/schedule (inferred)');
      assert.equal(moved.line, 11);
      const gained = moved.details.find((d) => d.startsWith('now reads as project:'));
      assert.ok(gained, `evidence gained in ${JSON.stringify(moved.details)}`);
      assert.match(gained, /“sprint(?: 14)?”/);
      assert.ok(moved.details.some((d) => d.startsWith('no longer:') && d.includes('“net promoter”')), JSON.stringify(moved.details));
      // The row shows before → after itself; the details do not repeat it.
      assert.ok(!moved.details.some((d) => d.includes('→')), JSON.stringify(moved.details));
    });

    it('reports tags and owners changed, and an added section as its new side', () => {
      assert.deepEqual(row('retagged').details, ['owners @dana → @kim']);
      const added = row('added');
      assert.equal(added.after, 'project/schedule (tagged)');
      assert.equal(added.before, undefined);
      const removed = row('removed');
      assert.equal(removed.before, 'none (inferred)');
      assert.equal(removed.range, undefined, 'a removed section is not in the text to reveal');
    });

    it('gives sections of the current text the range to reveal', () => {
      const edited = analysisOf(EDITED);
      const timeline = edited.sections.find((s) => s.heading === 'Timeline');
      assert.ok(timeline);
      assert.deepEqual(row('added').range, timeline.range);
      assert.deepEqual(row('moved').range, edited.sections.find((s) => s.heading === 'Success metrics')?.range);
    });

    it('carries the balance and the owners before and after', () => {
      assert.deepEqual(model.balance.before, analysisOf(COMMITTED).summary.words);
      assert.deepEqual(model.balance.after, analysisOf(EDITED).summary.words);
      assert.ok(model.balance.before!.product > model.balance.after!.product);
      assert.deepEqual(model.owners.after, analysisOf(EDITED).summary.owners);
    });

    it('is the same diff as `pm-lens diff` on the two versions', () => {
      const cli = JSON.parse(execFileSync(process.execPath, [fromRoot('bin', 'pm-lens.js'), 'diff', COMMITTED, EDITED, '--format', 'json'], { encoding: 'utf8' })) as {
        files: { diff: { moved: number; changes: { type: string; moved?: boolean; after?: { line: number }; before?: { line: number } }[] } }[];
      };
      const diff = cli.files[0].diff;
      assert.equal(model.moved, diff.moved);
      assert.deepEqual(
        model.rows.map((r) => r.line),
        diff.changes.map((c) => (c.after ?? c.before)!.line),
      );
    });

    it('passes the page’s validation', () => {
      const sent = parseToWebview({ type: 'update', model: { scope: 'document', status: 'ready', title: 't', documents: [], total: { documents: 0, words: { product: 0, project: 0, neither: 0 }, product: [], project: [], neither: [], tray: { untagged: 0, mixed: 0, mismatched: 0 }, owners: { product: [], project: [] } }, labels: {}, changes: JSON.parse(JSON.stringify(model)) } });
      assert.ok(sent, 'a model with changes is a valid update');
      assert.ok(!panelChangesSchema.safeParse({ ...model, status: 'nope' }).success);
    });

    it('counts every section of a file that is not in the last commit as added', () => {
      const fresh = changesModel({ status: 'ready', base: BASE, before: undefined, isNew: true }, analysisOf(EDITED));
      assert.ok(fresh.isNew);
      assert.ok(fresh.rows.length > 0);
      assert.ok(fresh.rows.every((r) => r.kind === 'added'));
      assert.equal(fresh.rows.length, analysisOf(EDITED).sections.length);
      assert.equal(fresh.balance.before, undefined);
    });

    it('keeps apart two changed sections of the same heading and place', () => {
      const twice = analyze('---\nplan: prd\n---\n## Notes\nOne.\n\n## Notes\nTwo.\n', { config: defaultConfig });
      const fresh = changesModel({ status: 'ready', base: BASE, before: undefined, isNew: true }, twice);
      assert.equal(fresh.rows.length, 2);
      assert.notEqual(fresh.rows[0].key, fresh.rows[1].key);
    });

    it('passes a reason through, with nothing to list', () => {
      const none = changesModel({ status: 'no-repository' }, analysisOf(EDITED));
      assert.deepEqual(none, { status: 'no-repository', base: '', isNew: false, detail: '', rows: [], moved: 0, balance: {}, owners: {} });
      assert.equal(changesModel({ status: 'error', detail: 'fatal: bad object' }, analysisOf(EDITED)).detail, 'fatal: bad object');
    });
  });

  describe('what the page says', () => {
    const ready = changesModel({ status: 'ready', base: BASE, before: analysisOf(COMMITTED), isNew: false }, analysisOf(EDITED));
    const empty = (status: PanelChanges['status'], detail = ''): PanelChanges => ({ status, base: '', isNew: false, detail, rows: [], moved: 0, balance: {}, owners: {} });

    it('sums the changes up against the commit', () => {
      const view = changesView(ready, 'tea-club-plan.md');
      assert.equal(view.headline, `4 sections changed since ${BASE}: 1 added, 1 removed, 1 moved sides, 1 retagged.`);
      assert.equal(view.rows.length, 4);
      assert.deepEqual(view.owners, ['Product owners: @dana → @kim', 'Project owners: none → @lee']);
      assert.ok(view.before && view.after);
      assert.equal(view.before.percent.project, 0);
      assert.equal(view.after.percent.product + view.after.percent.project + view.after.percent.neither, 100);
    });

    it('says when nothing changed, and when the file is new', () => {
      const same = changesModel({ status: 'ready', base: BASE, before: analysisOf(EDITED), isNew: false }, analysisOf(EDITED));
      assert.equal(changesView(same, 'x').headline, `No ownership changes since ${BASE}.`);
      const fresh = changesModel({ status: 'ready', base: BASE, before: undefined, isNew: true }, analysisOf(EDITED));
      assert.equal(changesView(fresh, 'x').headline, `Not in ${BASE}: all ${fresh.rows.length} sections are new.`);
      assert.equal(changesView(fresh, 'x').before, undefined);
    });

    it('names the document owners that changed', () => {
      const owners = { ...ready, owners: { before: { product: ['@dana'], project: [] }, after: { product: ['@dana', '@kim'], project: ['@lee'] } } };
      assert.deepEqual(changesView(owners, 'x').owners, ['Product owners: @dana → @dana @kim', 'Project owners: none → @lee']);
    });

    it('has a sentence for every state without a comparison, with what git said', () => {
      for (const status of ['loading', 'unsaved', 'no-git', 'git-disabled', 'no-repository', 'too-large', 'error'] as const) {
        const view = changesView(empty(status), 'plan.md');
        assert.equal(view.status, status);
        assert.ok(view.headline.length > 10, status);
        assert.equal(view.rows.length, 0);
        assert.equal(view.before, undefined);
      }
      assert.equal(changesView(empty('no-git', 'VS Code for the Web has no Git extension'), 'x').headline, 'Git is not available here: VS Code for the Web has no Git extension.');
      assert.match(changesView(empty('no-repository'), 'plan.md').headline, /“plan\.md” is not in a Git repository/);
      assert.match(changesView(empty('error', 'fatal: bad object'), 'x').headline, /Could not read the last commit: fatal: bad object\./);
    });

    it('writes each row’s sides and an accessible label', () => {
      const moved = ready.rows.find((r) => r.kind === 'moved')!;
      assert.equal(sidesText(moved), 'product/metrics (inferred) → project/schedule (inferred)');
      assert.match(changeLabel(moved), /^Moved sides: Tea club › Success metrics, line 11, product\/metrics/);
      const removed = ready.rows.find((r) => r.kind === 'removed')!;
      assert.equal(sidesText(removed), 'was none (inferred)');
      assert.match(changeLabel(removed), /was line 15/);
    });
  });
});
