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
exports.BalanceStatusBar = void 0;
const vscode = __importStar(require("vscode"));
const analysisService_1 = require("./analysisService");
const constants_1 = require("./constants");
const lazy_1 = require("./lazy");
const log_1 = require("./log");
/**
 * One status-bar item for the active editor: the balance of product and project words of a
 * plan, or a note that a plan was skipped for its size. Hidden for anything else.
 */
class BalanceStatusBar {
    service;
    openSummary;
    item;
    disposables = [];
    /** `openSummary`: whether clicking may run the summary command (it exists). */
    constructor(service, log, openSummary) {
        this.service = service;
        this.openSummary = openSummary;
        this.item = vscode.window.createStatusBarItem('pmLens.balance', vscode.StatusBarAlignment.Right, 100);
        this.item.name = 'PM Lens Balance';
        this.disposables.push(this.item, service.onDidAnalyze((0, log_1.guardListener)(log, 'status bar', (e) => {
            if (e.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString())
                this.update();
        })), vscode.window.onDidChangeActiveTextEditor((0, log_1.guardListener)(log, 'status bar', () => this.update())));
    }
    update() {
        const document = vscode.window.activeTextEditor?.document;
        if (!document)
            return this.item.hide();
        const skipped = this.service.skipped(document.uri);
        if (skipped) {
            this.item.text = '$(warning) PM Lens: skipped';
            this.item.tooltip = `PM Lens skipped this document: ${(0, analysisService_1.formatBytes)(skipped.size)} is above pmLens.maxFileSize (${(0, analysisService_1.formatBytes)(skipped.limit)}).`;
            this.item.command = undefined;
            return this.item.show();
        }
        const result = this.service.get(document.uri);
        if (!result)
            return this.item.hide();
        const balance = (0, lazy_1.engine)().balanceOf(result.analysis.summary);
        this.item.text = `$(graph) ${balance.text}`;
        this.item.tooltip = `PM Lens: ${balance.tooltip}${this.openSummary ? '. Click for the ownership summary.' : ''}`;
        this.item.command = this.openSummary ? constants_1.Commands.openSummary : undefined;
        this.item.show();
    }
    /** The text on the item now (tests read it). */
    get text() {
        return this.item.text;
    }
    dispose() {
        for (const d of this.disposables)
            d.dispose();
    }
}
exports.BalanceStatusBar = BalanceStatusBar;
//# sourceMappingURL=statusBar.js.map