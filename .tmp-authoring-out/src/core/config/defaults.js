"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defaultConfig = exports.DEFAULT_KINDS = exports.DEFAULT_DOCUMENT_GLOBS = exports.CONFIG_FILE_NAME = void 0;
const default_1 = require("../taxonomy/default");
const registry_1 = require("../rules/registry");
/** The configuration file PM Lens looks for, nearest up the folder tree. */
exports.CONFIG_FILE_NAME = '.pmlens.json';
/** Globs that make a Markdown file a plan by its name (case-insensitive). */
exports.DEFAULT_DOCUMENT_GLOBS = [
    '**/*prd*.md',
    '**/*plan*.md',
    '**/*charter*.md',
    '**/*roadmap*.md',
    '**/*brief*.md',
    '**/*proposal*.md',
];
exports.DEFAULT_KINDS = {
    prd: { role: 'product', required: ['vision', 'user-needs', 'market', 'metrics'] },
    'project-plan': { role: 'project', required: ['schedule', 'budget', 'resources'] },
    mixed: { role: 'mixed', required: [] },
};
exports.defaultConfig = {
    rules: Object.fromEntries(registry_1.rules.map((rule) => [rule.id, rule.defaultSeverity])),
    documents: exports.DEFAULT_DOCUMENT_GLOBS,
    kinds: exports.DEFAULT_KINDS,
    taxonomy: default_1.defaultTaxonomy,
    analyzeAllMarkdown: false,
};
//# sourceMappingURL=defaults.js.map