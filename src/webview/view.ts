/**
 * The panel's DOM. The skeleton is built once; every update reconciles keyed rows in place, so
 * typing in the editor never rebuilds the page: scroll, focus and the filter stay put.
 */
import type { PanelChangeRow, PanelChanges, PanelModel, PanelStatus, Scope, ToHost } from '../shared/panelProtocol';
import { CHANGE_KIND_LABEL, changeLabel, changesView, sidesText, type ChangesView } from './changesView';
import { h, reconcile, setAttr, setHidden, setText } from './dom';
import type { Balance } from '../shared/balance';
import { buildView, matches, type GroupView, type PanelView, type RowView, type Side } from './viewModel';

/** What the view needs from its page: a way to talk to the host and to save its state. */
export interface ViewHost {
  post(message: ToHost): void;
  saveState(state: { scope?: Scope; filter?: string; scrollTop?: number; changesOpen?: boolean; model?: PanelModel }): void;
}

const SIDE_NAME: Record<Side, string> = { product: 'Product', project: 'Project' };
const TRAY: readonly { key: 'untagged' | 'mixed' | 'mismatched'; title: string; help: string }[] = [
  { key: 'untagged', title: 'Untagged', help: 'No owner tag: the role shown is inferred.' },
  { key: 'mixed', title: 'Mixed', help: 'Strong product and project signals in one section.' },
  { key: 'mismatched', title: 'Mismatched', help: 'Tagged for one side, reads as the other.' },
];

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const fmt = (n: number): string => numberFormat.format(n);
const words = (n: number): string => `${fmt(n)} ${n === 1 ? 'word' : 'words'}`;

function emptyMessage(status: PanelStatus, title: string, scope: Scope): { text: string; hint: string } {
  switch (status) {
    case 'no-editor':
      return { text: 'No plan document is open.', hint: 'Open a Markdown plan (a PRD, a project plan, a charter…) to see who owns what.' };
    case 'not-plan':
      return {
        text: `“${title}” is not a plan document.`,
        hint: 'A Markdown file is a plan when its front matter has a plan: key, it holds an owner tag such as <!-- owner: product -->, or its name matches pmLens.documents. Run “PM Lens: Analyze This Document” to analyze it anyway.',
      };
    case 'no-sections':
      return { text: 'No sections yet.', hint: 'Add a heading, for example “## Vision”, and the summary fills in as you type.' };
    case 'too-large':
      return { text: `“${title}” is too large to analyze.`, hint: 'Raise pmLens.maxFileSize to analyze it.' };
    case 'paused':
      return { text: `Analyzing “${title}” took too long, so it is paused.`, hint: 'Edit it, or run “PM Lens: Analyze This Document”, to try again.' };
    case 'failed':
      return { text: `PM Lens could not analyze “${title}”.`, hint: 'Run “PM Lens: Show Output” for the details; an edit tries again.' };
    case 'no-plans':
      return { text: 'No plan documents in this workspace.', hint: 'PM Lens looks for Markdown files that are plans by their front matter, owner tags or name.' };
    case 'loading':
      return { text: scope === 'workspace' ? 'Reading the plan documents of the workspace…' : 'Reading the document…', hint: '' };
    case 'ready':
      return { text: '', hint: '' };
  }
}

/** One small balance bar of "Changes since last commit" (before or after). */
interface MiniBar {
  readonly root: HTMLElement;
  readonly bar: HTMLElement;
  readonly segments: Record<Side | 'neither', HTMLElement>;
  readonly text: HTMLElement;
}

interface ChangesParts {
  readonly root: HTMLElement;
  readonly toggle: HTMLButtonElement;
  readonly headline: HTMLElement;
  readonly body: HTMLElement;
  readonly hint: HTMLElement;
  readonly balance: HTMLElement;
  readonly before: MiniBar;
  readonly after: MiniBar;
  readonly owners: HTMLUListElement;
  readonly list: HTMLUListElement;
}

interface SideParts {
  readonly root: HTMLElement;
  readonly words: HTMLElement;
  readonly owners: HTMLElement;
  readonly list: HTMLUListElement;
  readonly none: HTMLElement;
}

export class SummaryView {
  private view: PanelView | undefined;
  private scope: Scope;
  private filter: string;
  private readonly rows = new Map<string, RowView>();

  private readonly title: HTMLElement;
  private readonly kind: HTMLElement;
  private readonly scopeButtons: Record<Scope, HTMLButtonElement>;
  private readonly filterInput: HTMLInputElement;
  private readonly copyButton: HTMLButtonElement;
  private readonly saveButton: HTMLButtonElement;
  private readonly notice: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly emptyText: HTMLElement;
  private readonly emptyHint: HTMLElement;
  private readonly content: HTMLElement;
  private readonly bar: HTMLElement;
  private readonly segments: Record<Side | 'neither', HTMLElement>;
  private readonly legend: Record<Side | 'neither', HTMLElement>;
  private readonly sides: Record<Side, SideParts>;
  private readonly neitherSection: HTMLElement;
  private readonly neitherList: HTMLUListElement;
  private readonly traySection: HTMLElement;
  private readonly trayParts: Record<'untagged' | 'mixed' | 'mismatched', { root: HTMLElement; count: HTMLElement; list: HTMLUListElement }>;
  private readonly noMatch: HTMLElement;
  private readonly changes: ChangesParts;
  private changesOpen: boolean;
  /** The changed sections drawn now, by key, and the document they are in. */
  private readonly changeRows = new Map<string, PanelChangeRow>();
  private changesUri: string | undefined;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: ViewHost,
    initial: { scope: Scope; filter: string; changesOpen?: boolean },
  ) {
    this.scope = initial.scope;
    this.filter = initial.filter;
    this.changesOpen = initial.changesOpen ?? true;

    this.title = h('h1', { class: 'title', attrs: { id: 'panel-title' } });
    this.kind = h('span', { class: 'kind badge' });
    this.scopeButtons = {
      document: h('button', { class: 'scope-button', attrs: { type: 'button', 'data-scope': 'document' }, text: 'This document' }),
      workspace: h('button', { class: 'scope-button', attrs: { type: 'button', 'data-scope': 'workspace' }, text: 'Workspace' }),
    };
    this.filterInput = h('input', {
      class: 'filter',
      attrs: { type: 'search', placeholder: 'Filter sections', 'aria-label': 'Filter sections by heading, concern, owner or finding', spellcheck: 'false' },
    });
    this.filterInput.value = this.filter;
    this.copyButton = h('button', { class: 'action', attrs: { type: 'button', 'data-action': 'copyMarkdown', title: 'Copy the summary as a Markdown table' }, text: 'Copy as Markdown' });
    this.saveButton = h('button', { class: 'action', attrs: { type: 'button', 'data-action': 'saveJson', title: 'Save the summary as JSON' }, text: 'Save as JSON' });
    this.notice = h('div', { class: 'notice', attrs: { role: 'status', 'aria-live': 'polite' } });

    const header = h(
      'header',
      { class: 'header' },
      h('div', { class: 'title-row' }, this.title, this.kind),
      h(
        'div',
        { class: 'toolbar' },
        h('div', { class: 'scope', attrs: { role: 'group', 'aria-label': 'Scope' } }, this.scopeButtons.document, this.scopeButtons.workspace),
        this.filterInput,
        h('div', { class: 'actions' }, this.copyButton, this.saveButton),
      ),
      this.notice,
    );

    this.emptyText = h('p', { class: 'empty-text' });
    this.emptyHint = h('p', { class: 'empty-hint' });
    this.empty = h('div', { class: 'empty', attrs: { role: 'status' } }, this.emptyText, this.emptyHint);

    // Balance bar: three segments sized through the CSSOM (allowed by the CSP, unlike style="").
    this.segments = {
      product: h('span', { class: 'segment product' }),
      project: h('span', { class: 'segment project' }),
      neither: h('span', { class: 'segment neither' }),
    };
    this.bar = h('div', { class: 'bar', attrs: { role: 'img' } }, this.segments.product, this.segments.project, this.segments.neither);
    this.legend = {
      product: h('span', { class: 'legend-value' }),
      project: h('span', { class: 'legend-value' }),
      neither: h('span', { class: 'legend-value' }),
    };
    const legendItem = (key: Side | 'neither', name: string) =>
      h('li', { class: `legend-item ${key}` }, h('span', { class: `swatch ${key}`, attrs: { 'aria-hidden': 'true' } }), h('span', { class: 'legend-name', text: name }), this.legend[key]);
    const balance = h(
      'section',
      { class: 'balance', attrs: { 'aria-label': 'Balance of words' } },
      this.bar,
      h('ul', { class: 'legend', attrs: { role: 'list' } }, legendItem('product', 'Product'), legendItem('project', 'Project'), legendItem('neither', 'Neither')),
    );

    this.sides = { product: this.buildSide('product'), project: this.buildSide('project') };
    this.noMatch = h('p', { class: 'no-match', attrs: { role: 'status' } });

    this.neitherList = h('ul', { class: 'rows', attrs: { role: 'list', 'aria-label': 'Sections on neither side' } });
    this.neitherSection = h(
      'section',
      { class: 'neither-side', attrs: { 'aria-labelledby': 'neither-title' } },
      h('h2', { attrs: { id: 'neither-title' }, text: 'Shared or neither side' }),
      this.neitherList,
    );

    const trayPart = (key: 'untagged' | 'mixed' | 'mismatched', title: string, help: string) => {
      const count = h('span', { class: 'count badge' });
      const list = h('ul', { class: 'rows', attrs: { role: 'list', 'aria-label': `${title} sections` } });
      const root = h('div', { class: `tray-part ${key}`, attrs: { 'data-tray': key } }, h('h3', {}, h('span', { text: title }), count), h('p', { class: 'help', text: help }), list);
      return { root, count, list };
    };
    this.trayParts = {
      untagged: trayPart('untagged', TRAY[0].title, TRAY[0].help),
      mixed: trayPart('mixed', TRAY[1].title, TRAY[1].help),
      mismatched: trayPart('mismatched', TRAY[2].title, TRAY[2].help),
    };
    this.traySection = h(
      'section',
      { class: 'tray', attrs: { 'aria-labelledby': 'tray-title' } },
      h('h2', { attrs: { id: 'tray-title' }, text: 'Needs attention' }),
      h('div', { class: 'tray-parts' }, this.trayParts.untagged.root, this.trayParts.mixed.root, this.trayParts.mismatched.root),
    );

    this.changes = buildChanges();

    this.content = h(
      'main',
      { class: 'content' },
      balance,
      this.changes.root,
      h('div', { class: 'columns' }, this.sides.product.root, this.sides.project.root),
      this.noMatch,
      this.traySection,
      this.neitherSection,
    );

    root.replaceChildren(header, this.empty, this.content);
    this.showChangesOpen();
    this.listen();
    this.showScope();
    this.showEmpty('loading', '');
  }

  /** Draws a model; everything that stays the same stays untouched. */
  render(model: PanelModel): void {
    this.scope = model.scope;
    this.showScope();
    setText(this.title, model.title || 'Ownership Summary');

    const view = model.status === 'ready' ? buildView(model) : undefined;
    const status: PanelStatus = view && view.rowCount === 0 ? 'no-sections' : model.status;
    const hasContent = status === 'ready' && view !== undefined;
    this.copyButton.disabled = !hasContent;
    this.saveButton.disabled = !hasContent;
    if (!hasContent) {
      this.view = undefined;
      this.showEmpty(status, model.title);
      setText(this.kind, '');
      setHidden(this.kind, true);
      this.host.saveState({ model, scope: this.scope });
      this.host.post({ type: 'rendered', status, rows: 0 });
      return;
    }
    this.view = view;
    setHidden(this.empty, true);
    setHidden(this.content, false);
    setText(this.kind, view.kind ?? '');
    setHidden(this.kind, !view.kind);

    this.rows.clear();
    this.renderBalance(view);
    const changes = this.renderChanges(model);
    this.renderSide('product', view.product, view.owners.product, view.balance.product, view.balance.percent.product);
    this.renderSide('project', view.project, view.owners.project, view.balance.project, view.balance.percent.project);
    this.renderRows(this.neitherList, view.neither, true);
    setHidden(this.neitherSection, view.neither.length === 0);
    for (const part of TRAY) {
      const rows = view.tray[part.key];
      this.renderRows(this.trayParts[part.key].list, rows, true);
      setText(this.trayParts[part.key].count, fmt(rows.length));
      setHidden(this.trayParts[part.key].root, rows.length === 0);
    }
    setHidden(this.traySection, TRAY.every((p) => view.tray[p.key].length === 0));
    this.applyFilter();
    this.host.saveState({ model, scope: this.scope });
    this.host.post({ type: 'rendered', status: 'ready', rows: view.rowCount, ...(changes ? { changes: { status: changes.status, rows: changes.rows.length } } : {}) });
  }

  /** Shows a short confirmation from the host, announced by screen readers. */
  showNotice(text: string): void {
    setText(this.notice, text);
    if (this.noticeTimer !== undefined) clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => setText(this.notice, ''), 5000);
  }

  /** Draws "Changes since last commit" (the document scope only); returns what it drew. */
  private renderChanges(model: PanelModel): ChangesView | undefined {
    const parts = this.changes;
    const changes: PanelChanges | undefined = model.scope === 'document' ? model.changes : undefined;
    setHidden(parts.root, changes === undefined);
    this.changeRows.clear();
    if (!changes) {
      this.changesUri = undefined;
      return undefined;
    }
    const view = changesView(changes, model.title);
    this.changesUri = model.documents[0]?.uri;
    setAttr(parts.root, 'data-status', view.status);
    setText(parts.headline, view.headline);
    setText(parts.hint, view.hint);
    setHidden(parts.hint, view.hint === '');
    renderMiniBar(parts.before, 'Before', view.before);
    renderMiniBar(parts.after, 'After', view.after);
    setHidden(parts.balance, view.status !== 'ready');
    reconcile(parts.owners, view.owners, (line) => line, () => h('li', { class: 'owner-change' }), (el, line) => setText(el, line));
    setHidden(parts.owners, view.owners.length === 0);
    for (const row of view.rows) this.changeRows.set(changeKey(row), row);
    reconcile(parts.list, view.rows, changeKey, createChange, updateChange);
    setHidden(parts.list, view.rows.length === 0);
    return view;
  }

  private showChangesOpen(): void {
    setAttr(this.changes.toggle, 'aria-expanded', String(this.changesOpen));
    setHidden(this.changes.body, !this.changesOpen);
  }

  private revealChange(button: HTMLElement): void {
    const row = this.changeRows.get(button.closest<HTMLElement>('li.change-item')?.dataset.key ?? '');
    if (!row?.range || !this.changesUri) return;
    const { start, end } = row.range;
    this.host.post({
      type: 'reveal',
      uri: this.changesUri,
      range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } },
    });
  }

  private buildSide(side: Side): SideParts {
    const id = `${side}-title`;
    const words = h('span', { class: 'side-words' });
    const owners = h('p', { class: 'owners' });
    const list = h('ul', { class: 'groups', attrs: { role: 'list', 'aria-labelledby': id } });
    const none = h('p', { class: 'side-empty' });
    const root = h(
      'section',
      { class: `side ${side}`, attrs: { 'data-side': side } },
      h('div', { class: 'side-header' }, h('h2', { attrs: { id }, text: SIDE_NAME[side] }), words),
      owners,
      list,
      none,
    );
    return { root, words, owners, list, none };
  }

  private renderBalance(view: PanelView): void {
    const { balance } = view;
    for (const key of ['product', 'project', 'neither'] as const) {
      const percent = balance.percent[key];
      const segment = this.segments[key];
      const width = `${percent}%`;
      if (segment.style.width !== width) segment.style.width = width;
      setAttr(segment, 'data-percent', String(percent));
      setHidden(segment, percent === 0);
      setText(this.legend[key], `${words(balance[key])} · ${percent}%`);
    }
    setAttr(
      this.bar,
      'aria-label',
      balance.total === 0
        ? 'No words yet'
        : `Product ${balance.percent.product}%, project ${balance.percent.project}%, neither ${balance.percent.neither}% of ${words(balance.total)}`,
    );
  }

  private renderSide(side: Side, groups: readonly GroupView[], owners: readonly string[], wordCount: number, percent: number): void {
    const parts = this.sides[side];
    setText(parts.words, `${words(wordCount)} · ${percent}%`);
    setText(parts.owners, owners.length > 0 ? `Owners: ${owners.join(', ')}` : 'No owner named');
    parts.owners.classList.toggle('unnamed', owners.length === 0);
    reconcile(
      parts.list,
      groups,
      (g) => `${side}:${g.concern}`,
      (g) => {
        const titleId = `group-${side}-${cssIdent(g.concern)}`;
        return h(
          'li',
          { class: 'group', attrs: { role: 'listitem' } },
          h('h3', { class: 'group-title', attrs: { id: titleId } }, h('span', { class: 'group-name' }), h('span', { class: 'group-words' })),
          h('ul', { class: 'rows', attrs: { role: 'list', 'aria-labelledby': titleId } }),
        );
      },
      (el, g) => {
        setText(el.querySelector('.group-name')!, g.label);
        setText(el.querySelector('.group-words')!, words(g.words));
        this.renderRows(el.querySelector('ul.rows')!, g.rows, false);
      },
    );
    setText(parts.none, `No ${side} sections.`);
    setHidden(parts.none, groups.length > 0);
  }

  private renderRows(list: HTMLUListElement, rows: readonly RowView[], showRole: boolean): void {
    for (const row of rows) this.rows.set(row.key, row);
    reconcile(list, rows, (r) => r.key, () => createRow(), (el, r) => updateRow(el, r, showRole));
  }

  private applyFilter(): void {
    const view = this.view;
    if (!view) return;
    const query = this.filter.trim();
    let shown = 0;
    for (const item of this.content.querySelectorAll<HTMLElement>('li.row-item')) {
      const row = this.rows.get(item.dataset.key ?? '');
      const visible = row !== undefined && (query === '' || matches(row, query));
      setHidden(item, !visible);
      if (visible && item.closest('.columns, .neither-side')) shown++;
    }
    // Hide what the filter emptied: concern groups, tray parts, whole sections.
    for (const container of this.content.querySelectorAll<HTMLElement>('li.group, .tray-part, .neither-side, .tray')) {
      const any = container.querySelector('li.row-item:not([hidden])') !== null;
      setHidden(container, !any);
    }
    for (const side of ['product', 'project'] as const) {
      const parts = this.sides[side];
      const any = parts.list.querySelector('li.row-item:not([hidden])') !== null;
      setText(parts.none, query && view[side].length > 0 ? `No ${side} section matches.` : `No ${side} sections.`);
      setHidden(parts.none, any);
    }
    setText(this.noMatch, query && shown === 0 ? `No section matches “${query}”.` : '');
    setHidden(this.noMatch, !(query && shown === 0));
  }

  private showEmpty(status: PanelStatus, title: string): void {
    const message = emptyMessage(status, title, this.scope);
    setText(this.emptyText, message.text);
    setText(this.emptyHint, message.hint);
    setHidden(this.emptyHint, message.hint === '');
    setAttr(this.empty, 'data-status', status);
    setHidden(this.empty, false);
    setHidden(this.content, true);
  }

  private showScope(): void {
    for (const scope of ['document', 'workspace'] as const) {
      setAttr(this.scopeButtons[scope], 'aria-pressed', String(this.scope === scope));
    }
  }

  private listen(): void {
    this.root.addEventListener('click', (event) => {
      const target = event.target instanceof Element ? event.target : null;
      const changeButton = target?.closest<HTMLElement>('button.change');
      if (changeButton) {
        this.revealChange(changeButton);
        return;
      }
      if (target?.closest('button.changes-toggle')) {
        this.changesOpen = !this.changesOpen;
        this.showChangesOpen();
        this.host.saveState({ changesOpen: this.changesOpen });
        return;
      }
      const rowButton = target?.closest<HTMLElement>('button.row');
      if (rowButton) {
        this.reveal(rowButton);
        return;
      }
      const scopeButton = target?.closest<HTMLElement>('button.scope-button');
      if (scopeButton) {
        const scope = scopeButton.dataset.scope === 'workspace' ? 'workspace' : 'document';
        if (scope !== this.scope) {
          this.scope = scope;
          this.showScope();
          this.host.saveState({ scope });
          this.host.post({ type: 'scope', scope });
        }
        return;
      }
      const action = target?.closest<HTMLButtonElement>('button.action');
      if (action && !action.disabled) {
        this.host.post({ type: action.dataset.action === 'saveJson' ? 'saveJson' : 'copyMarkdown' });
      }
    });
    this.root.addEventListener('keydown', (event) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (!target?.matches('button.row')) return;
      const moves: Record<string, (i: number, n: number) => number> = {
        ArrowDown: (i, n) => Math.min(i + 1, n - 1),
        ArrowUp: (i) => Math.max(i - 1, 0),
        Home: () => 0,
        End: (_, n) => n - 1,
      };
      const move = moves[event.key];
      if (!move) return;
      // Arrows walk the rows of one block (a column, a tray part, the neither list, the changes).
      const block = target.closest('.side, .tray-part, .neither-side, .changes');
      const buttons = Array.from(block?.querySelectorAll<HTMLElement>('li:not([hidden]) > button.row') ?? []);
      const index = buttons.indexOf(target);
      if (index < 0) return;
      event.preventDefault();
      buttons[move(index, buttons.length)].focus();
    });
    this.filterInput.addEventListener('input', () => this.setFilter(this.filterInput.value));
    this.filterInput.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.filterInput.value !== '') {
        this.filterInput.value = '';
        this.setFilter('');
      }
    });
  }

  private setFilter(filter: string): void {
    this.filter = filter;
    this.applyFilter();
    this.host.saveState({ filter });
  }

  private reveal(button: HTMLElement): void {
    const row = this.rows.get(button.closest<HTMLElement>('li.row-item')?.dataset.key ?? '');
    if (!row) return;
    const { start, end } = row.row.range;
    this.host.post({
      type: 'reveal',
      uri: row.uri,
      range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } },
    });
  }
}

/** The "Changes since last commit" block: a toggle, a headline that stays when folded, the rest. */
function buildChanges(): ChangesParts {
  const toggle = h(
    'button',
    { class: 'changes-toggle', attrs: { type: 'button', id: 'changes-title', 'aria-controls': 'changes-body' } },
    h('span', { class: 'twisty', attrs: { 'aria-hidden': 'true' } }),
    h('span', { text: 'Changes since last commit' }),
  );
  const headline = h('p', { class: 'changes-headline' });
  const hint = h('p', { class: 'changes-hint' });
  const before = buildMiniBar();
  const after = buildMiniBar();
  const balance = h('div', { class: 'changes-balance', attrs: { role: 'group', 'aria-label': 'Balance of words before and after' } }, before.root, after.root);
  const owners = h('ul', { class: 'changes-owners', attrs: { role: 'list', 'aria-label': 'Owners changed' } });
  const list = h('ul', { class: 'changes-list', attrs: { role: 'list', 'aria-labelledby': 'changes-title' } });
  const body = h('div', { class: 'changes-body', attrs: { id: 'changes-body' } }, hint, balance, owners, list);
  const root = h('section', { class: 'changes', attrs: { 'aria-labelledby': 'changes-title' } }, h('h2', { class: 'changes-title' }, toggle), headline, body);
  return { root, toggle, headline, body, hint, balance, before, after, owners, list };
}

function buildMiniBar(): MiniBar {
  const segments = {
    product: h('span', { class: 'segment product' }),
    project: h('span', { class: 'segment project' }),
    neither: h('span', { class: 'segment neither' }),
  };
  const bar = h('div', { class: 'mini-bar', attrs: { role: 'img' } }, segments.product, segments.project, segments.neither);
  const text = h('span', { class: 'mini-text' });
  return { root: h('div', { class: 'mini-balance' }, bar, text), bar, segments, text };
}

function renderMiniBar(mini: MiniBar, label: string, balance: Balance | undefined): void {
  setHidden(mini.root, balance === undefined);
  if (!balance) return;
  for (const key of ['product', 'project', 'neither'] as const) {
    const width = `${balance.percent[key]}%`;
    if (mini.segments[key].style.width !== width) mini.segments[key].style.width = width;
    setHidden(mini.segments[key], balance.percent[key] === 0);
  }
  const text = `${label}: product ${balance.percent.product}%, project ${balance.percent.project}%, neither ${balance.percent.neither}%`;
  setText(mini.text, text);
  setAttr(mini.bar, 'aria-label', text);
}

/** A changed section can be revealed only when it is in the current text: a button, else plain. */
function changeKey(row: PanelChangeRow): string {
  return `${row.range ? 'at' : 'gone'}:${row.key}`;
}

function createChange(row: PanelChangeRow): HTMLElement {
  const parts = [
    h('span', { class: 'change-main' }, h('span', { class: 'chip change-kind' }), h('span', { class: 'change-where' }), h('span', { class: 'change-line' })),
    h('span', { class: 'change-sides' }),
    h('span', { class: 'change-details' }),
  ];
  const body = row.range ? h('button', { class: 'row change', attrs: { type: 'button' } }, ...parts) : h('div', { class: 'change gone' }, ...parts);
  return h('li', { class: 'change-item', attrs: { role: 'listitem' } }, body);
}

function updateChange(el: HTMLElement, row: PanelChangeRow): void {
  setAttr(el, 'data-kind', row.kind);
  setText(el.querySelector('.change-kind')!, CHANGE_KIND_LABEL[row.kind]);
  setText(el.querySelector('.change-where')!, row.where || '(untitled)');
  setText(el.querySelector('.change-line')!, row.kind === 'removed' ? `was line ${row.line}` : `line ${row.line}`);
  setText(el.querySelector('.change-sides')!, sidesText(row));
  const details = el.querySelector<HTMLElement>('.change-details')!;
  reconcile(details, row.details.map((text, i) => ({ text, key: `${i}` })), (d) => d.key, () => h('span', { class: 'change-detail' }), (d, item) => setText(d, item.text));
  setHidden(details, row.details.length === 0);
  const target = el.firstElementChild as HTMLElement;
  setAttr(target, 'aria-label', changeLabel(row));
  if (row.range) setAttr(target, 'title', `Reveal “${row.heading}” in the editor`);
}

/** A row: a button (click, Enter and Space all reveal) inside a list item. */
function createRow(): HTMLElement {
  return h(
    'li',
    { class: 'row-item', attrs: { role: 'listitem' } },
    h(
      'button',
      { class: 'row', attrs: { type: 'button' } },
      h('span', { class: 'row-main' }, h('span', { class: 'row-heading' }), h('span', { class: 'row-words' })),
      h(
        'span',
        { class: 'row-meta' },
        h('span', { class: 'chip concern' }),
        h('span', { class: 'chip state' }),
        h('span', { class: 'confidence' }),
        h('span', { class: 'handles' }),
        h('span', { class: 'file' }),
        h('span', { class: 'findings' }),
      ),
    ),
  );
}

function updateRow(el: HTMLElement, view: RowView, showRole: boolean): void {
  const { row } = view;
  const button = el.querySelector<HTMLElement>('button.row')!;
  const role = { product: 'Product', project: 'Project', shared: 'Shared', none: 'Neither', mixed: 'Mixed' }[row.role];
  const sided = row.role === 'product' || row.role === 'project' || row.role === 'shared';
  const concern = showRole ? (sided && row.concern ? `${role} · ${view.concern}` : role) : view.concern;
  const confidence = `${Math.round(row.confidence * 100)}%`;
  setText(el.querySelector('.row-heading')!, row.heading || '(untitled)');
  setText(el.querySelector('.row-words')!, words(row.words));
  setText(el.querySelector('.concern')!, concern);
  const state = el.querySelector<HTMLElement>('.state')!;
  setText(state, row.tagged ? 'tagged' : 'inferred');
  state.classList.toggle('tagged', row.tagged);
  // A tag decides the role outright; only an inferred role has a confidence worth showing.
  const confidenceEl = el.querySelector<HTMLElement>('.confidence')!;
  setText(confidenceEl, row.tagged ? '' : confidence);
  setHidden(confidenceEl, row.tagged);
  el.querySelector('.concern')!.classList.toggle('sided', showRole);
  const handles = el.querySelector<HTMLElement>('.handles')!;
  setText(handles, row.handles.join(' '));
  setHidden(handles, row.handles.length === 0);
  const file = el.querySelector<HTMLElement>('.file')!;
  setText(file, view.file ?? '');
  setHidden(file, view.file === undefined);
  const findings = el.querySelector<HTMLElement>('.findings')!;
  reconcile(
    findings,
    row.findings.map((id, i) => ({ id, key: `${id}#${i}` })),
    (f) => f.key,
    () => h('span', { class: 'chip finding' }),
    (chip, f) => {
      setText(chip, f.id);
      setAttr(chip, 'data-rule', f.id);
    },
  );
  setHidden(findings, row.findings.length === 0);
  setAttr(el, 'data-section', String(row.section));
  setAttr(el, 'data-level', String(row.level));
  const label = [
    row.heading || 'untitled section',
    view.file ? `in ${view.file}` : '',
    concern,
    words(row.words),
    row.tagged ? 'tagged' : `inferred, confidence ${confidence}`,
    row.handles.length > 0 ? `owners ${row.handles.join(' ')}` : '',
    row.findings.length > 0 ? `findings: ${row.findings.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  setAttr(button, 'aria-label', label);
  setAttr(button, 'title', `Reveal “${row.heading}” in the editor`);
}

function cssIdent(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_');
}
