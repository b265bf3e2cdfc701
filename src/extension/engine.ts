/**
 * Everything the extension calls in the core, in one module that is loaded on first use, not at
 * activation: the core builds its schemas and taxonomy when it loads, and activation must stay
 * cheap. Other files import core *types* freely but reach core *code* only through `engine()`
 * (src/extension/lazy.ts); a static import of core code from any file that activation loads
 * brings that cost back.
 */
export { analyze } from '../core/analyze';
export { IncrementalAnalyzer } from '../core/incremental';
export { applySettings, readSettings as readConfigSettings } from '../core/config/settings';
export { defaultConfig } from '../core/config/defaults';
export { loadConfigFor, readConfigFile, readConfigText } from '../core/config/load';
export { isPlanDocument } from '../core/detect';
export { balanceOf, commentHover, disableRuleFix, lensTitle, sectionAtHeadingLine, sectionHover } from '../core/explain';
export { tagAllSectionsEdits } from '../core/fixes';
export { rules } from '../core/rules/registry';
export { LineIndex } from '../core/text';
// The summary panel.
export { concernLabel, summaryReportToJson, summaryToMarkdown, totalToMarkdown } from '../core/report';
export { sumSummaries } from '../core/summary';
// Authoring.
export { collectHandles, tagCompletionContext, tagCompletions } from '../core/completion';
export { documentTemplate } from '../core/templates';
