"use strict";
/** Every id the extension shares with its manifest, in one place. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.IGNORED_SCHEMES = exports.MARKDOWN_LANGUAGE = exports.TAG_ALL_KIND_VALUE = exports.OUTPUT_CHANNEL_NAME = exports.CONFIG_FILE_NAME = exports.DIAGNOSTIC_SOURCE = exports.SettingDefaults = exports.Settings = exports.SETTINGS_SECTION = exports.Commands = void 0;
/** Command ids, as contributed in package.json. */
exports.Commands = {
    analyzeDocument: 'pmLens.analyzeDocument',
    tagAllSections: 'pmLens.tagAllSections',
    openSummary: 'pmLens.openSummary',
    showOutput: 'pmLens.showOutput',
};
/** The settings section and the keys under it (`pmLens.<key>`). */
exports.SETTINGS_SECTION = 'pmLens';
exports.Settings = {
    enable: 'enable',
    documents: 'documents',
    rules: 'rules',
    codeLensEnabled: 'codeLens.enabled',
    analyzeAllMarkdown: 'analyzeAllMarkdown',
    debounceMs: 'debounceMs',
    maxFileSize: 'maxFileSize',
};
/** Fallbacks when a setting is missing or of the wrong type (the manifest has the same). */
exports.SettingDefaults = {
    enable: true,
    codeLensEnabled: true,
    analyzeAllMarkdown: false,
    debounceMs: 300,
    maxFileSize: 5 * 1024 * 1024,
};
/** `Diagnostic.source` of every finding. */
exports.DIAGNOSTIC_SOURCE = 'pm-lens';
/** The per-folder configuration file. */
exports.CONFIG_FILE_NAME = '.pmlens.json';
exports.OUTPUT_CHANNEL_NAME = 'PM Lens';
/** The source action that tags every untagged section (a sub-kind of `source`). */
exports.TAG_ALL_KIND_VALUE = 'source.pmLens.tagAll';
/** Documents PM Lens reads. */
exports.MARKDOWN_LANGUAGE = 'markdown';
/** Schemes of documents that are views of something else (diffs, notebooks, chat): never analyzed. */
exports.IGNORED_SCHEMES = new Set([
    'git',
    'gitfs',
    'output',
    'vscode-scm',
    'vscode-notebook-cell',
    'vscode-chat-code-block',
    'comment',
    'vscode-interactive-input',
]);
//# sourceMappingURL=constants.js.map