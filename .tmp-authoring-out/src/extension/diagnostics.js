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
exports.registerDiagnostics = registerDiagnostics;
const vscode = __importStar(require("vscode"));
const constants_1 = require("./constants");
const convert_1 = require("./convert");
const log_1 = require("./log");
/** Publishes every analysis as diagnostics, and clears them when a document stops being analysed. */
function registerDiagnostics(service, log) {
    const collection = vscode.languages.createDiagnosticCollection(constants_1.DIAGNOSTIC_SOURCE);
    const didAnalyze = (event) => {
        if (event.analysis)
            collection.set(event.uri, (0, convert_1.toDiagnostics)(event.analysis.findings));
        else
            collection.delete(event.uri);
    };
    return vscode.Disposable.from(collection, service.onDidAnalyze((0, log_1.guardListener)(log, 'publishing diagnostics', didAnalyze)));
}
//# sourceMappingURL=diagnostics.js.map