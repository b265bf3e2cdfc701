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
exports.PlanCodeActionProvider = exports.TAG_ALL_KIND = void 0;
exports.tagAllAction = tagAllAction;
exports.tagAllSections = tagAllSections;
const vscode = __importStar(require("vscode"));
const convert_1 = require("./convert");
const lazy_1 = require("./lazy");
const log_1 = require("./log");
/** `source.pmLens.tagAll` (TAG_ALL_KIND_VALUE): the source action that tags every untagged section. */
exports.TAG_ALL_KIND = vscode.CodeActionKind.Source.append('pmLens').append('tagAll');
/**
 * Quick fixes straight from the engine's fixes (the preferred one marked), "Disable RULE for
 * this section", and *Tag All Sections* as a source action. Every edit is one WorkspaceEdit.
 */
class PlanCodeActionProvider {
    service;
    static metadata = {
        providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, exports.TAG_ALL_KIND],
    };
    provideCodeActions;
    constructor(service, log) {
        this.service = service;
        this.provideCodeActions = (0, log_1.guard)(log, 'code actions', (document, range, context, token) => this.actions(document, range, context, token), []);
    }
    async actions(document, range, context, token) {
        const result = await this.service.ensure(document);
        // Fixes carry ranges of one version: only offer them for the version on screen.
        if (!result || token.isCancellationRequested || result.version !== document.version)
            return [];
        const actions = [];
        const only = context.only;
        if (!only || only.contains(vscode.CodeActionKind.QuickFix) || vscode.CodeActionKind.QuickFix.contains(only)) {
            actions.push(...this.quickFixes(document, range, context, result));
        }
        if (only && (only.contains(exports.TAG_ALL_KIND) || exports.TAG_ALL_KIND.contains(only))) {
            const tagAll = tagAllAction(document, result);
            if (tagAll)
                actions.push(tagAll);
        }
        return actions;
    }
    quickFixes(document, range, context, result) {
        const text = document.getText();
        const actions = [];
        const disables = [];
        const seenDisable = new Set();
        for (const finding of result.analysis.findings) {
            const diagnostic = context.diagnostics.find((d) => (0, convert_1.isDiagnosticOf)(d, finding));
            if (!diagnostic || !diagnostic.range.intersection(range))
                continue;
            for (const fix of finding.fixes)
                actions.push((0, convert_1.toCodeAction)(document.uri, fix, vscode.CodeActionKind.QuickFix, [diagnostic]));
            const key = `${finding.ruleId}\u0000${finding.section ?? 'document'}`;
            if (seenDisable.has(key))
                continue;
            seenDisable.add(key);
            const disable = (0, lazy_1.engine)().disableRuleFix(text, result.analysis, finding);
            if (disable)
                disables.push((0, convert_1.toCodeAction)(document.uri, disable, vscode.CodeActionKind.QuickFix, [diagnostic]));
        }
        // Real fixes first; turning a rule off is the last resort.
        return [...actions, ...disables];
    }
}
exports.PlanCodeActionProvider = PlanCodeActionProvider;
/** The *Tag All Sections* action for the current analysis, or undefined when nothing is left to tag. */
function tagAllAction(document, result) {
    const edits = (0, lazy_1.engine)().tagAllSectionsEdits(result.analysis, document.getText());
    if (edits.length === 0)
        return undefined;
    const action = new vscode.CodeAction(`Tag all sections (${edits.length})`, exports.TAG_ALL_KIND);
    action.edit = (0, convert_1.toWorkspaceEdit)(document.uri, edits);
    return action;
}
/** The command behind *Tag All Sections*: tags the document in one undoable edit. */
async function tagAllSections(service, document) {
    if (!document)
        return false;
    const result = await service.ensure(document);
    if (!result || result.version !== document.version)
        return false;
    const edits = (0, lazy_1.engine)().tagAllSectionsEdits(result.analysis, document.getText());
    if (edits.length === 0)
        return true;
    return vscode.workspace.applyEdit((0, convert_1.toWorkspaceEdit)(document.uri, edits));
}
//# sourceMappingURL=codeActions.js.map