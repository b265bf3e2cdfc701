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
exports.PlanHoverProvider = void 0;
const vscode = __importStar(require("vscode"));
const convert_1 = require("./convert");
const lazy_1 = require("./lazy");
const log_1 = require("./log");
/**
 * Hovers on a heading (what the section is, and why) and on an owner tag or directive (what it
 * means, or what would be valid). The words come from the core; document text is escaped there.
 */
class PlanHoverProvider {
    service;
    provideHover;
    constructor(service, log) {
        this.service = service;
        this.provideHover = (0, log_1.guard)(log, 'hover', (document, position, token) => this.hover(document, position, token), undefined);
    }
    async hover(document, position, token) {
        const result = await this.service.ensure(document);
        if (!result || token.isCancellationRequested || result.version !== document.version)
            return undefined;
        const { analysis, config } = result;
        const offset = document.offsetAt(position);
        const text = document.getText();
        const { commentHover, rules, sectionAtHeadingLine, sectionHover } = (0, lazy_1.engine)();
        const comment = commentHover(text, offset, config.taxonomy, rules, analysis);
        if (comment) {
            return new vscode.Hover(markdown(comment.markdown), new vscode.Range(document.positionAt(comment.start), document.positionAt(comment.end)));
        }
        const section = sectionAtHeadingLine(analysis, position.line);
        if (!section)
            return undefined;
        return new vscode.Hover(markdown(sectionHover(section, config.taxonomy)), (0, convert_1.toRange)(section.headingRange));
    }
}
exports.PlanHoverProvider = PlanHoverProvider;
/** Untrusted Markdown: no command links, no HTML. */
function markdown(value) {
    const md = new vscode.MarkdownString(value);
    md.isTrusted = false;
    md.supportHtml = false;
    return md;
}
//# sourceMappingURL=hover.js.map