/**
 * What both entries (desktop `main.ts`, browser `web.ts`) do on activation: create the language
 * client and VS Code's own parts (status bar, Ownership Summary, commands, templates), and push
 * every disposable into `context.subscriptions`. Diagnostics, hovers, code actions, CodeLens,
 * completion and the outline come from the language server through the client. Nothing is
 * started here: the server starts after activation returned.
 */
import type * as vscode from 'vscode';
import { registerDocumentCommands } from './commands';
import { guardListener, Logger } from './log';
import { PlanClient, type ClientFactory } from './planClient';
import { BalanceStatusBar } from './statusBar';
import { registerSummaryPanel } from './summaryPanelHost';
import { registerTemplateCommands } from './templates';

/** What `activate()` returns: the running parts, for tests and for other extensions. */
export interface PmLensApi {
  /** The client of the language server: statuses, summaries and analyses of documents. */
  readonly plans: PlanClient;
  readonly statusBar: BalanceStatusBar;
}

export function activateCommon(context: vscode.ExtensionContext, createClient: ClientFactory): PmLensApi {
  const log = new Logger();
  const plans = new PlanClient(createClient, log);
  const statusBar = new BalanceStatusBar(plans, log);
  context.subscriptions.push(log, plans, statusBar);
  registerDocumentCommands(context, plans, log);
  // pmLens.openSummary, the panel serializer and the pmLens.isPlan context key.
  registerSummaryPanel(context, plans, log);
  // pmLens.newPrd and pmLens.newProjectPlan.
  registerTemplateCommands(context);

  // The server starts once the host has finished activating us.
  const start = setTimeout(guardListener(log, 'start', async () => {
    await plans.start();
    await statusBar.update();
  }), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(start) });
  return { plans, statusBar };
}
