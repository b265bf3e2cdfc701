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
exports.WAIT_MS = exports.EXTENSION_ID = void 0;
exports.pmLens = pmLens;
exports.fixture = fixture;
exports.openFixture = openFixture;
exports.waitFor = waitFor;
exports.anyOf = anyOf;
exports.pmDiagnostics = pmDiagnostics;
exports.codeOf = codeOf;
exports.diagnosticsWhere = diagnosticsWhere;
exports.analysed = analysed;
exports.rangeOf = rangeOf;
exports.replaceText = replaceText;
exports.hoverText = hoverText;
exports.revertAndCloseAll = revertAndCloseAll;
exports.setSetting = setSetting;
/**
 * What the integration tests share: the fixture workspace, the running extension, and waiting on
 * editor events with a time limit (never a fixed sleep). A limit that runs out fails the test
 * with what it was waiting for.
 */
const assert = __importStar(require("node:assert/strict"));
const vscode = __importStar(require("vscode"));
/** The extension's id: `<publisher>.<name>` of package.json. */
exports.EXTENSION_ID = 'pm-lens.pm-lens';
/** How long any single wait may take before the test fails. */
exports.WAIT_MS = 20_000;
/** Activates the extension (if the host has not yet) and returns its API. */
async function pmLens() {
    const extension = vscode.extensions.getExtension(exports.EXTENSION_ID);
    assert.ok(extension, `extension ${exports.EXTENSION_ID} is not installed in the host`);
    return extension.activate();
}
/** A URI in the fixture workspace (test/fixtures/workspace). */
function fixture(...parts) {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the host has no workspace folder open');
    return vscode.Uri.joinPath(folder.uri, ...parts);
}
/** Opens a fixture in an editor and returns it. */
async function openFixture(...parts) {
    const document = await vscode.workspace.openTextDocument(fixture(...parts));
    return vscode.window.showTextDocument(document);
}
/**
 * Resolves with the first event value that passes `accept`, or rejects after `ms`. `check` runs
 * first and after each event, so a state already reached needs no event.
 */
function waitFor(what, event, check, ms = exports.WAIT_MS) {
    return new Promise((resolve, reject) => {
        let done = false;
        const finish = (error) => {
            if (done)
                return;
            done = true;
            clearTimeout(timer);
            subscription.dispose();
            if (error)
                reject(error);
            else
                resolve();
        };
        const subscription = event(() => {
            try {
                if (check())
                    finish();
            }
            catch (error) {
                finish(error);
            }
        });
        const timer = setTimeout(() => finish(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
        try {
            if (check())
                finish();
        }
        catch (error) {
            finish(error);
        }
    });
}
/** An event that fires whenever any of `events` fires. */
function anyOf(...events) {
    return (listener, thisArgs, disposables) => {
        const subscriptions = events.map((event) => event(() => listener.call(thisArgs)));
        const all = vscode.Disposable.from(...subscriptions);
        disposables?.push(all);
        return all;
    };
}
/** PM Lens diagnostics of a document now. */
function pmDiagnostics(uri) {
    return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pm-lens');
}
/** The rule id of a diagnostic (its `code.value`). */
function codeOf(diagnostic) {
    const code = diagnostic.code;
    return typeof code === 'object' && code !== null ? String(code.value) : code === undefined ? undefined : String(code);
}
/** Waits until the document's PM Lens diagnostics pass `accept`, and returns them. */
async function diagnosticsWhere(uri, what, accept, ms = exports.WAIT_MS) {
    await waitFor(`${what} on ${vscode.workspace.asRelativePath(uri)}`, vscode.languages.onDidChangeDiagnostics, () => accept(pmDiagnostics(uri)), ms).catch((error) => {
        const now = pmDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`);
        throw new Error(`${error.message}; diagnostics now: [${now.join(', ')}]`);
    });
    return pmDiagnostics(uri);
}
/** Waits until the document has been analysed at its current version, and returns the analysis. */
async function analysed(api, document) {
    const result = await api.service.ensure(document);
    assert.ok(result, `${vscode.workspace.asRelativePath(document.uri)} is not analysed as a plan`);
    return result.analysis;
}
/** The range of the `occurrence`-th match of `needle` in the document. */
function rangeOf(document, needle, occurrence = 1) {
    const text = document.getText();
    let at = -1;
    for (let i = 0; i < occurrence; i++) {
        at = text.indexOf(needle, at + 1);
        assert.ok(at >= 0, `'${needle}' (#${occurrence}) not found in ${vscode.workspace.asRelativePath(document.uri)}`);
    }
    return new vscode.Range(document.positionAt(at), document.positionAt(at + needle.length));
}
/** Replaces `needle` in the document with `replacement` through a WorkspaceEdit. */
async function replaceText(document, needle, replacement) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, rangeOf(document, needle), replacement);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
}
/** Hover texts at a position, joined. */
async function hoverText(uri, position) {
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, position);
    return hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : c.value))
        .join('\n---\n');
}
/**
 * Undoes every unsaved change of the open documents and closes all editors, so the next test
 * starts from the files on disk and no "save changes?" dialog can appear.
 */
async function revertAndCloseAll() {
    for (const document of vscode.workspace.textDocuments) {
        if (!document.isDirty)
            continue;
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
/** Sets a `pmLens.*` user setting (undefined removes it); tests then wait for its effect. */
async function setSetting(key, value) {
    await vscode.workspace.getConfiguration('pmLens').update(key, value, vscode.ConfigurationTarget.Global);
}
//# sourceMappingURL=helpers.js.map