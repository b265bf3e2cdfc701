/**
 * The core code the Ownership Summary panel's exports need: the Markdown and JSON texts of
 * `pm-lens summary` and the total of many documents. Loaded on first use (summaryPanelModel.ts),
 * not at activation: the core builds its taxonomy when it loads, and activation must stay cheap.
 * Every analysis runs in the language server; nothing here keeps state.
 */
export { summaryReportToJson, summaryToMarkdown, totalToMarkdown } from '../core/report';
export { sumSummaries } from '../core/summary';
