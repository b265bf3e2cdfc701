"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.activateCommon = activateCommon;
/**
 * What both entries (desktop `main.ts`, browser `web.ts`) do on activation: create the services,
 * register the providers and commands, and push every disposable into `context.subscriptions`.
 * Nothing is analysed here: the first analysis runs after activation returned.
 */
const vscode = __importStar(require("vscode"));
const analysisService_1 = require("./analysisService");
const codeActions_1 = require("./codeActions");
const codeLens_1 = require("./codeLens");
const configService_1 = require("./configService");
const constants_1 = require("./constants");
const diagnostics_1 = require("./diagnostics");
const hover_1 = require("./hover");
const log_1 = require("./log");
const settings_1 = require("./settings");
const statusBar_1 = require("./statusBar");
const summaryPanel_1 = require("./summaryPanel");
function activateCommon(context) {
    const log = new log_1.Logger();
    const configs = new configService_1.ConfigService(log);
    const service = new analysisService_1.AnalysisService(configs, log);
    const selector = { language: constants_1.MARKDOWN_LANGUAGE };
    const codeLens = new codeLens_1.PlanCodeLensProvider(service, log);
    const statusBar = new statusBar_1.BalanceStatusBar(service, log, true);
    context.subscriptions.push(log, configs, service, (0, diagnostics_1.registerDiagnostics)(service, log), codeLens, statusBar, vscode.languages.registerHoverProvider(selector, new hover_1.PlanHoverProvider(service, log)), vscode.languages.registerCodeActionsProvider(selector, new codeActions_1.PlanCodeActionProvider(service, log), codeActions_1.PlanCodeActionProvider.metadata), vscode.languages.registerCodeLensProvider(selector, codeLens), vscode.commands.registerCommand(constants_1.Commands.analyzeDocument, (0, log_1.guard)(log, constants_1.Commands.analyzeDocument, async (uri) => {
        const document = await documentFor(uri);
        return document ? (await service.optIn(document)) !== undefined : false;
    }, false)), vscode.commands.registerCommand(constants_1.Commands.tagAllSections, (0, log_1.guard)(log, constants_1.Commands.tagAllSections, async (uri) => (0, codeActions_1.tagAllSections)(service, await documentFor(uri)), false)), vscode.commands.registerCommand(constants_1.Commands.showOutput, () => log.show()), vscode.workspace.onDidChangeConfiguration((0, log_1.guardListener)(log, 'settings changed', (event) => {
        if (!(0, settings_1.affectsPmLens)(event))
            return;
        configs.settingsChanged();
        codeLens.refresh();
    })));
    // pmLens.openSummary, the panel serializer and the pmLens.isPlan context key.
    (0, summaryPanel_1.registerSummaryPanel)(context, service, log);
    // The first analysis waits until the host has finished activating us.
    const start = setTimeout((0, log_1.guardListener)(log, 'start', () => {
        configs.start();
        service.start();
        statusBar.update();
    }), 0);
    context.subscriptions.push({ dispose: () => clearTimeout(start) });
    return { service, configs, statusBar };
}
/** The document a command is for: the URI it was given (explorer, editor title) or the active editor's. */
async function documentFor(uri) {
    if (uri instanceof vscode.Uri)
        return vscode.workspace.openTextDocument(uri);
    return vscode.window.activeTextEditor?.document;
}
//# sourceMappingURL=activate.js.map