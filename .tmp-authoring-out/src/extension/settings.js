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
exports.readSettings = readSettings;
exports.affectsPmLens = affectsPmLens;
const vscode = __importStar(require("vscode"));
const constants_1 = require("./constants");
const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);
/** Reads the settings for `scope` (a document's folder settings win over the user's). */
function readSettings(scope) {
    const c = vscode.workspace.getConfiguration(constants_1.SETTINGS_SECTION, scope);
    const bool = (key, fallback) => {
        const v = c.get(key);
        return typeof v === 'boolean' ? v : fallback;
    };
    const count = (key, fallback) => {
        const v = c.get(key);
        return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback;
    };
    // Only what the user set explicitly overrides the defaults of the core (or of .pmlens.json).
    const documentsInspect = c.inspect(constants_1.Settings.documents);
    const documentsSet = documentsInspect?.workspaceFolderValue ?? documentsInspect?.workspaceValue ?? documentsInspect?.globalValue;
    const documents = Array.isArray(documentsSet) ? documentsSet.filter((g) => typeof g === 'string' && g !== '') : undefined;
    const rulesValue = c.get(constants_1.Settings.rules);
    const rules = {};
    if (rulesValue && typeof rulesValue === 'object' && !Array.isArray(rulesValue)) {
        for (const [id, severity] of Object.entries(rulesValue)) {
            if (typeof severity === 'string' && SEVERITIES.has(severity))
                rules[id] = severity;
        }
    }
    return {
        enable: bool(constants_1.Settings.enable, constants_1.SettingDefaults.enable),
        documents,
        rules,
        codeLensEnabled: bool(constants_1.Settings.codeLensEnabled, constants_1.SettingDefaults.codeLensEnabled),
        analyzeAllMarkdown: bool(constants_1.Settings.analyzeAllMarkdown, constants_1.SettingDefaults.analyzeAllMarkdown),
        debounceMs: count(constants_1.Settings.debounceMs, constants_1.SettingDefaults.debounceMs),
        maxFileSize: count(constants_1.Settings.maxFileSize, constants_1.SettingDefaults.maxFileSize),
    };
}
/** Whether a configuration change touches PM Lens. */
function affectsPmLens(event) {
    return event.affectsConfiguration(constants_1.SETTINGS_SECTION);
}
//# sourceMappingURL=settings.js.map