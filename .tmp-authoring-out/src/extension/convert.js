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
exports.SEVERITY = void 0;
exports.toPosition = toPosition;
exports.toRange = toRange;
exports.toTextEdit = toTextEdit;
exports.toDiagnostic = toDiagnostic;
exports.toDiagnostics = toDiagnostics;
exports.ruleIdOf = ruleIdOf;
exports.isDiagnosticOf = isDiagnosticOf;
exports.toWorkspaceEdit = toWorkspaceEdit;
exports.toCodeAction = toCodeAction;
/**
 * The one mapping from the core's plain objects to editor objects: positions, ranges, edits,
 * findings → diagnostics. Every other file of the extension goes through here.
 */
const vscode = __importStar(require("vscode"));
const rule_1 = require("../core/rules/rule");
const constants_1 = require("./constants");
/** Severity of a finding in the editor; `off` (undefined) drops it. */
exports.SEVERITY = {
    error: vscode.DiagnosticSeverity.Error,
    warning: vscode.DiagnosticSeverity.Warning,
    info: vscode.DiagnosticSeverity.Information,
    hint: vscode.DiagnosticSeverity.Hint,
    off: undefined,
};
function toPosition(position) {
    return new vscode.Position(position.line, position.character);
}
function toRange(range) {
    return new vscode.Range(toPosition(range.start), toPosition(range.end));
}
function toTextEdit(edit) {
    return new vscode.TextEdit(toRange(edit.range), edit.newText);
}
/** A finding as a diagnostic whose code links to the rule's page; undefined when its severity is off. */
function toDiagnostic(finding) {
    const severity = exports.SEVERITY[finding.severity];
    if (severity === undefined)
        return undefined;
    const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, severity);
    diagnostic.source = constants_1.DIAGNOSTIC_SOURCE;
    diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse((0, rule_1.ruleDocUrl)(finding.ruleId)) };
    return diagnostic;
}
function toDiagnostics(findings) {
    const out = [];
    for (const finding of findings) {
        const diagnostic = toDiagnostic(finding);
        if (diagnostic)
            out.push(diagnostic);
    }
    return out;
}
/** The rule id of a PM Lens diagnostic, or undefined for anyone else's. */
function ruleIdOf(diagnostic) {
    if (diagnostic.source !== constants_1.DIAGNOSTIC_SOURCE)
        return undefined;
    const code = diagnostic.code;
    if (typeof code === 'object' && code !== null)
        return String(code.value);
    return code === undefined ? undefined : String(code);
}
/** Whether a diagnostic (as the editor hands it back) is the one made from `finding`. */
function isDiagnosticOf(diagnostic, finding) {
    return ruleIdOf(diagnostic) === finding.ruleId && diagnostic.range.isEqual(toRange(finding.range)) && diagnostic.message === finding.message;
}
/** Text edits on one document as a WorkspaceEdit: applied, and undone, in one step. */
function toWorkspaceEdit(uri, edits) {
    const edit = new vscode.WorkspaceEdit();
    edit.set(uri, edits.map(toTextEdit));
    return edit;
}
/** A core fix as a quick fix for `diagnostics`. */
function toCodeAction(uri, fix, kind, diagnostics) {
    const action = new vscode.CodeAction(fix.title, kind);
    action.edit = toWorkspaceEdit(uri, fix.edits);
    action.diagnostics = diagnostics;
    if (fix.preferred)
        action.isPreferred = true;
    return action;
}
//# sourceMappingURL=convert.js.map