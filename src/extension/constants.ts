/** Every id the extension shares with its manifest, in one place. */

/** Command ids, as contributed in package.json. */
export const Commands = {
  analyzeDocument: 'pmLens.analyzeDocument',
  tagAllSections: 'pmLens.tagAllSections',
  openSummary: 'pmLens.openSummary',
  showOutput: 'pmLens.showOutput',
} as const;

/** The settings section (`pmLens.<key>`); the server reads the settings. */
export const SETTINGS_SECTION = 'pmLens';

/** The language client's id (its `pmLens.trace.server` setting) and the name it shows. */
export const CLIENT_ID = 'pmLens';
export const CLIENT_NAME = 'PM Lens';

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
