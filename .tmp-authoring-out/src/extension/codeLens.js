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
exports.PlanCodeLensProvider = void 0;
const vscode = __importStar(require("vscode"));
const convert_1 = require("./convert");
const lazy_1 = require("./lazy");
const log_1 = require("./log");
const settings_1 = require("./settings");
/** A lens above every heading: `Product · vision · 0.86`, `Project · budget · tagged`. */
class PlanCodeLensProvider {
    service;
    changed = new vscode.EventEmitter();
    onDidChangeCodeLenses = this.changed.event;
    provideCodeLenses;
    subscription;
    constructor(service, log) {
        this.service = service;
        this.provideCodeLenses = (0, log_1.guard)(log, 'CodeLens', (document, token) => this.lenses(document, token), []);
        this.subscription = service.onDidAnalyze((0, log_1.guardListener)(log, 'CodeLens refresh', () => this.changed.fire()));
    }
    async lenses(document, token) {
        if (!(0, settings_1.readSettings)(document.uri).codeLensEnabled)
            return [];
        const result = await this.service.ensure(document);
        if (!result || token.isCancellationRequested)
            return [];
        return result.analysis.sections.map((section) => new vscode.CodeLens((0, convert_1.toRange)(section.headingRange), { title: (0, lazy_1.engine)().lensTitle(section), command: '' }));
    }
    /** Settings changed: ask the editor to fetch lenses again. */
    refresh() {
        this.changed.fire();
    }
    dispose() {
        this.subscription.dispose();
        this.changed.dispose();
    }
}
exports.PlanCodeLensProvider = PlanCodeLensProvider;
//# sourceMappingURL=codeLens.js.map