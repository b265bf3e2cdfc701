/**
 * Everything the language server takes from the core, in one module: the server's other files
 * (and its analysis worker) import core code only from here, so a change in the core's shape is
 * adapted in this file alone.
 */
export { IncrementalAnalyzer } from '../core/incremental';
export { applySettings, readSettings as readConfigSettings } from '../core/config/settings';
export { CONFIG_FILE_NAME, defaultConfig } from '../core/config/defaults';
export { loadConfigFor, readConfigText, type LoadedConfig } from '../core/config/load';
export { isPlanDocument, mayHaveOwnerTag } from '../core/detect';
export { commentHover, disableRuleFix, lensTitle, roleLabel, sectionAtHeadingLine, sectionHover } from '../core/explain';
export { fixAllEdits, tagAllSectionsEdits } from '../core/fixes';
export { rules } from '../core/rules/registry';
export { ruleDocUrl } from '../core/rules/rule';
export { LineIndex } from '../core/text';
export { concernLabel, summaryReportToJson, summaryToMarkdown, totalToMarkdown } from '../core/report';
export { sumSummaries } from '../core/summary';
export { diffPlans, type SectionChange } from '../core/diff';
export { describeChange, roleOf, where } from '../core/report/diff';
export { collectHandles, TAG_TRIGGER_CHARACTERS, tagCompletionContext, tagCompletions, type TagCompletion, type TagCompletionKind } from '../core/completion';
export type { ConfigHost, ConfigProblem, FileStat, ResolvedConfig } from '../core/config/types';
export type { Analysis, Evidence, Finding, Fix, Position, Range, Section, SeveritySetting, TextEdit } from '../core/types';
