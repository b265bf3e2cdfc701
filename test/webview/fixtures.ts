/**
 * Hand-written summaries for the panel's page tests, and the page itself: the panel's real HTML
 * (same CSP) served from a loopback-only server, with a stub of the webview API.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sumSummaries } from '../../src/core/summary';
import type { EffectiveRole, Summary, SummaryRow } from '../../src/core/types';
import { makeNonce, panelHtml } from '../../src/extension/summaryPanelHtml';
import type { PanelModel } from '../../src/shared/panelProtocol';
import { fromRoot } from '../support/paths';

export const DOC_URI = 'file:///work/plans/checkout-prd.md';
export const OTHER_URI = 'file:///work/plans/warehouse-project-plan.md';
export const EVIL_HEADING = '<img src=x onerror=alert(1)>';

interface RowSpec {
  readonly section: number;
  readonly heading: string;
  readonly role: EffectiveRole;
  readonly concern?: string;
  readonly words: number;
  readonly confidence?: number;
  readonly tagged?: boolean;
  readonly handles?: readonly string[];
  readonly findings?: readonly string[];
}

/** A row whose section starts at line `4 * section` and runs three lines. */
export function row(spec: RowSpec): SummaryRow {
  const line = 4 * spec.section;
  const at = (l: number, character: number) => ({ line: l, character, offset: l * 40 + character });
  return {
    section: spec.section,
    heading: spec.heading,
    level: 2,
    line,
    range: { start: at(line, 0), end: at(line + 3, 12) },
    role: spec.role,
    concern: spec.concern,
    words: spec.words,
    confidence: spec.confidence ?? (spec.tagged ? 1 : 0.7),
    tagged: spec.tagged ?? false,
    handles: spec.handles ?? [],
    findings: spec.findings ?? [],
  };
}

const group = (concern: string, rows: readonly SummaryRow[]) => ({ concern, words: rows.reduce((n, r) => n + r.words, 0), rows });

/**
 * A PRD: product 320 words (vision 160, user needs 30, metrics 50, one mismatched section of 80
 * with no concern), project 100 (schedule 60, resources 40), neither 50. Balance 68 / 21 / 11.
 */
export function checkoutSummary(): Summary {
  const vision = row({ section: 0, heading: 'Vision', role: 'product', concern: 'vision', words: 120, tagged: true, handles: ['@dana'] });
  const northStar = row({ section: 1, heading: 'North star', role: 'product', concern: 'vision', words: 40, confidence: 0.72, findings: ['untagged-section'] });
  const evil = row({ section: 2, heading: EVIL_HEADING, role: 'product', concern: 'user-needs', words: 30, confidence: 0.64, findings: ['untagged-section'] });
  const metrics = row({ section: 3, heading: 'Success metrics', role: 'product', concern: 'metrics', words: 50, tagged: true });
  const budget = row({ section: 4, heading: 'Launch budget', role: 'product', words: 80, tagged: true, findings: ['owner-mismatch'] });
  const timeline = row({ section: 5, heading: 'Timeline', role: 'project', concern: 'schedule', words: 60, confidence: 0.81, findings: ['untagged-section'] });
  const team = row({ section: 6, heading: 'Team', role: 'project', concern: 'resources', words: 40, tagged: true, handles: ['@lee'] });
  const glossary = row({ section: 7, heading: 'Glossary', role: 'none', words: 20, confidence: 0.9 });
  const questions = row({ section: 8, heading: 'Open questions', role: 'mixed', concern: 'schedule', words: 30, confidence: 0.4, findings: ['mixed-concerns'] });
  return {
    kind: 'prd',
    words: { product: 320, project: 100, neither: 50 },
    product: [group('vision', [vision, northStar]), group('user-needs', [evil]), group('metrics', [metrics]), group('', [budget])],
    project: [group('schedule', [timeline]), group('resources', [team])],
    neither: [glossary, questions],
    tray: { untagged: [1, 2, 5, 7, 8], mixed: [8], mismatched: [4] },
    owners: { product: ['@dana'], project: ['@lee'] },
  };
}

/** A small project plan for the workspace scope. */
export function warehouseSummary(): Summary {
  const schedule = row({ section: 0, heading: 'Milestones', role: 'project', concern: 'schedule', words: 70, tagged: true, handles: ['@kim'] });
  const budget = row({ section: 1, heading: 'Budget', role: 'project', concern: 'budget', words: 30, confidence: 0.9 });
  return {
    kind: 'project-plan',
    words: { product: 0, project: 100, neither: 0 },
    product: [],
    project: [group('schedule', [schedule]), group('budget', [budget])],
    neither: [],
    tray: { untagged: [1], mixed: [], mismatched: [] },
    owners: { product: [], project: ['@kim'] },
  };
}

export const LABELS: Readonly<Record<string, string>> = {
  vision: 'Vision',
  'user-needs': 'User needs',
  metrics: 'Metrics',
  schedule: 'Schedule',
  budget: 'Budget',
  resources: 'Resources',
};

export function documentModel(summary: Summary = checkoutSummary()): PanelModel {
  return {
    scope: 'document',
    status: 'ready',
    title: 'checkout-prd.md',
    documents: [{ uri: DOC_URI, label: 'plans/checkout-prd.md', summary }],
    total: sumSummaries([summary]),
    labels: LABELS,
  };
}

export function workspaceModel(): PanelModel {
  const summaries = [checkoutSummary(), warehouseSummary()];
  return {
    scope: 'workspace',
    status: 'ready',
    title: 'work · 2 plan documents',
    documents: [
      { uri: DOC_URI, label: 'plans/checkout-prd.md', summary: summaries[0] },
      { uri: OTHER_URI, label: 'plans/warehouse-project-plan.md', summary: summaries[1] },
    ],
    total: sumSummaries(summaries),
    labels: LABELS,
  };
}

/**
 * Serves the panel's page on 127.0.0.1: `/` is the panel's own HTML (with its CSP, the origin as
 * `cspSource`), `/dist/webview.js` and `/media/summary.css` the built assets.
 */
export async function startPageServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const assets: Record<string, { file: string; type: string }> = {
    '/dist/webview.js': { file: fromRoot('dist', 'webview.js'), type: 'text/javascript' },
    '/media/summary.css': { file: fromRoot('media', 'summary.css'), type: 'text/css' },
  };
  let origin = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/') {
      const html = panelHtml({ cspSource: origin, nonce: makeNonce(), scriptUri: `${origin}/dist/webview.js`, styleUri: `${origin}/media/summary.css` });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    const asset = assets[url.pathname];
    if (!asset) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': `${asset.type}; charset=utf-8` }).end(fs.readFileSync(asset.file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A few colours of VS Code's Dark Modern theme, which VS Code sets on a webview's <html>. */
const THEME: Readonly<Record<string, string>> = {
  '--vscode-font-family': 'system-ui, sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-font-weight': 'normal',
  '--vscode-editor-font-family': 'monospace',
  '--vscode-foreground': '#cccccc',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-focusBorder': '#0078d4',
  '--vscode-widget-border': '#313131',
  '--vscode-badge-background': '#616161',
  '--vscode-badge-foreground': '#f8f8f8',
  '--vscode-button-background': '#0078d4',
  '--vscode-button-foreground': '#ffffff',
  '--vscode-button-hoverBackground': '#026ec1',
  '--vscode-button-secondaryBackground': '#313131',
  '--vscode-button-secondaryForeground': '#cccccc',
  '--vscode-button-secondaryHoverBackground': '#3c3c3c',
  '--vscode-input-background': '#313131',
  '--vscode-input-foreground': '#cccccc',
  '--vscode-input-border': '#3c3c3c',
  '--vscode-input-placeholderForeground': '#989898',
  '--vscode-list-hoverBackground': '#2a2d2e',
  '--vscode-list-focusBackground': '#04395e',
  '--vscode-textLink-foreground': '#4daafc',
  '--vscode-charts-blue': '#3794ff',
  '--vscode-charts-green': '#89d185',
  '--vscode-problemsWarningIcon-foreground': '#cca700',
};

/**
 * Stands in for VS Code's `acquireVsCodeApi` (once per page, as VS Code's), records what the page
 * posts, keeps its state in sessionStorage (so it survives a reload), records CSP violations, and
 * sets theme variables the way VS Code does (through the CSSOM, which the CSP allows).
 */
export const STUB_SCRIPT = `(() => {
  const theme = ${JSON.stringify(THEME)};
  document.addEventListener('DOMContentLoaded', () => {
    for (const [name, value] of Object.entries(theme)) document.documentElement.style.setProperty(name, value);
    document.body.classList.add('vscode-dark');
  });
  const KEY = 'pm-lens-webview-state';
  window.__posted = [];
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi may only be called once');
    acquired = true;
    return {
      postMessage: (m) => { window.__posted.push(JSON.parse(JSON.stringify(m))); },
      getState: () => { const s = sessionStorage.getItem(KEY); return s ? JSON.parse(s) : undefined; },
      setState: (s) => { sessionStorage.setItem(KEY, JSON.stringify(s)); },
    };
  };
})();`;
