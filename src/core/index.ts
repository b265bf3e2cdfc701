/** The public face of the core: everything the CLI and the extension use. */
export { analyze, type AnalyzeOptions } from './analyze';
export { defaultConfig } from './config/defaults';
export type { KindDef, ResolvedConfig } from './config/types';
export { rules, ruleIds } from './rules/registry';
export { ruleDocUrl, type Rule } from './rules/rule';
export { buildSummary, NO_CONCERN, sumSummaries } from './summary';
export * from './report';
export { LineIndex } from './text';
export type * from './types';
