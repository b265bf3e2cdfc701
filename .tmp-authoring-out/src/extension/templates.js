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
exports.TemplateCommands = void 0;
exports.registerTemplateCommands = registerTemplateCommands;
exports.openTemplate = openTemplate;
/**
 * *PM Lens: New PRD* and *PM Lens: New Project Plan*: open a new untitled Markdown document with
 * the kind's template inserted as a snippet, so Tab walks from the title through the owners and
 * every section. The text comes from the core (src/core/templates.ts).
 */
const vscode = __importStar(require("vscode"));
const templates_1 = require("../core/templates");
const constants_1 = require("./constants");
/** The template commands' ids, as contributed in package.json. */
exports.TemplateCommands = {
    newPrd: 'pmLens.newPrd',
    newProjectPlan: 'pmLens.newProjectPlan',
};
/** Registers the template commands; each resolves to the new document's URI. */
function registerTemplateCommands(context) {
    context.subscriptions.push(vscode.commands.registerCommand(exports.TemplateCommands.newPrd, () => openTemplate('prd')), vscode.commands.registerCommand(exports.TemplateCommands.newProjectPlan, () => openTemplate('project-plan')));
}
/** Opens an untitled Markdown editor and inserts the template. */
async function openTemplate(kind) {
    const document = await vscode.workspace.openTextDocument({ language: constants_1.MARKDOWN_LANGUAGE });
    const editor = await vscode.window.showTextDocument(document);
    // The editor turns the snippet's `\n` into the document's own line breaks.
    const inserted = await editor.insertSnippet(new vscode.SnippetString((0, templates_1.documentTemplate)(kind).snippet), new vscode.Position(0, 0));
    if (!inserted)
        throw new Error(`Could not insert the ${kind} template`);
    return document.uri;
}
//# sourceMappingURL=templates.js.map