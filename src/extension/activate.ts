/**
 * What both entries (desktop `main.ts`, browser `web.ts`) do on activation: create the services,
 * register the providers and commands, and push every disposable into `context.subscriptions`.
 * Nothing is analysed here: the first analysis runs after activation returned.
 */
import * as vscode from 'vscode';
import { AnalysisService } from './analysisService';
import { PlanCodeActionProvider, tagAllSections } from './codeActions';
import { PlanCodeLensProvider } from './codeLens';
import { registerCompletion } from './completion';
import { ConfigService } from './configService';
import { Commands, MARKDOWN_LANGUAGE } from './constants';
import { registerDiagnostics } from './diagnostics';
import { PlanHoverProvider } from './hover';
import { guard, guardListener, Logger } from './log';
import { affectsPmLens } from './settings';
import { BalanceStatusBar } from './statusBar';
import { registerSummaryPanel } from './summaryPanel';
import { registerTemplateCommands } from './templates';

/** What `activate()` returns: the running services, for tests and for other extensions. */
export interface PmLensApi {
  readonly service: AnalysisService;
  readonly configs: ConfigService;
  readonly statusBar: BalanceStatusBar;
}

export function activateCommon(context: vscode.ExtensionContext): PmLensApi {
  const log = new Logger();
  const configs = new ConfigService(log);
  const service = new AnalysisService(configs, log);
  const selector: vscode.DocumentSelector = { language: MARKDOWN_LANGUAGE };
  const codeLens = new PlanCodeLensProvider(service, log);
  const statusBar = new BalanceStatusBar(service, log, true);

  context.subscriptions.push(
    log,
    configs,
    service,
    registerDiagnostics(service, log),
    codeLens,
    statusBar,
    vscode.languages.registerHoverProvider(selector, new PlanHoverProvider(service, log)),
    vscode.languages.registerCodeActionsProvider(selector, new PlanCodeActionProvider(service, log), PlanCodeActionProvider.metadata),
    vscode.languages.registerCodeLensProvider(selector, codeLens),
    vscode.commands.registerCommand(
      Commands.analyzeDocument,
      guard(log, Commands.analyzeDocument, async (uri?: vscode.Uri) => {
        const document = await documentFor(uri);
        return document ? (await service.optIn(document)) !== undefined : false;
      }, false),
    ),
    vscode.commands.registerCommand(
      Commands.tagAllSections,
      guard(log, Commands.tagAllSections, async (uri?: vscode.Uri) => tagAllSections(service, await documentFor(uri)), false),
    ),
    vscode.commands.registerCommand(Commands.showOutput, () => log.show()),
    vscode.workspace.onDidChangeConfiguration(
      guardListener(log, 'settings changed', (event: vscode.ConfigurationChangeEvent) => {
        if (!affectsPmLens(event)) return;
        configs.settingsChanged();
        codeLens.refresh();
      }),
    ),
  );

  // pmLens.openSummary, the panel serializer and the pmLens.isPlan context key.
  registerSummaryPanel(context, service, log);
  // Authoring: completion inside tags and directives, pmLens.newPrd and pmLens.newProjectPlan.
  registerCompletion(context, configs);
  registerTemplateCommands(context);

  // The first analysis waits until the host has finished activating us.
  const start = setTimeout(guardListener(log, 'start', () => {
    configs.start();
    service.start();
    statusBar.update();
  }), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(start) });
  return { service, configs, statusBar };
}

/** The document a command is for: the URI it was given (explorer, editor title) or the active editor's. */
async function documentFor(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  return vscode.window.activeTextEditor?.document;
}
