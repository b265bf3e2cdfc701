/** Every id the extension shares with its manifest, in one place. */

/** Command ids, as contributed in package.json. */
export const Commands = {
  analyzeDocument: 'pmLens.analyzeDocument',
  tagAllSections: 'pmLens.tagAllSections',
  openSummary: 'pmLens.openSummary',
  showOutput: 'pmLens.showOutput',
} as const;

/** The settings section and the keys under it (`pmLens.<key>`). */
export const SETTINGS_SECTION = 'pmLens';
export const Settings = {
  enable: 'enable',
  documents: 'documents',
  rules: 'rules',
  codeLensEnabled: 'codeLens.enabled',
  analyzeAllMarkdown: 'analyzeAllMarkdown',
  debounceMs: 'debounceMs',
  maxFileSize: 'maxFileSize',
  asOf: 'asOf',
} as const;

/** Fallbacks when a setting is missing or of the wrong type (the manifest has the same). */
export const SettingDefaults = {
  enable: true,
  codeLensEnabled: true,
  analyzeAllMarkdown: false,
  debounceMs: 300,
  maxFileSize: 5 * 1024 * 1024,
} as const;

/** `Diagnostic.source` of every finding. */
export const DIAGNOSTIC_SOURCE = 'pm-lens';
/** The per-folder configuration file. */
export const CONFIG_FILE_NAME = '.pmlens.json';
export const OUTPUT_CHANNEL_NAME = 'PM Lens';
/** The source action that tags every untagged section (a sub-kind of `source`). */
export const TAG_ALL_KIND_VALUE = 'source.pmLens.tagAll';
/** Documents PM Lens reads. */
export const MARKDOWN_LANGUAGE = 'markdown';
/** Schemes of documents that are views of something else (diffs, notebooks, chat): never analyzed. */
export const IGNORED_SCHEMES: ReadonlySet<string> = new Set([
  'git',
  'gitfs',
  'output',
  'vscode-scm',
  'vscode-notebook-cell',
  'vscode-chat-code-block',
  'comment',
  'vscode-interactive-input',
]);
