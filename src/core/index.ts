/** The public face of the core: everything the CLI and the extension use. */
export { analyze, type AnalyzeOptions } from './analyze';
export { CONFIG_FILE_NAME, defaultConfig, DEFAULT_DOCUMENT_GLOBS } from './config/defaults';
export { loadConfigFor, type LoadedConfig } from './config/load';
export { parseConfigText, type ParsedConfig } from './config/parse';
export { pmLensConfigSchema, pmLensJsonSchema, type PmLensSettings } from './config/schema';
export { applySettings, readSettings, resolveConfig, type ProblemSink } from './config/settings';
export type { ConfigHost, ConfigProblem, KindDef, ResolvedConfig } from './config/types';
export { isPlanDocument, matchingGlob, type PlanDecision, type PlanQuery } from './detect';
export { inferredTag, ownerTagText, tagAllSectionsEdits } from './fixes';
export { rules, ruleIds } from './rules/registry';
export { ruleDocUrl, type Rule } from './rules/rule';
export { buildSummary, NO_CONCERN, sumSummaries } from './summary';
export * from './report';
export { LineIndex } from './text';
export type * from './types';
