"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SRCROOT = exports.TOOL_INFORMATION_URI = exports.SARIF_SCHEMA = void 0;
exports.sarifLevel = sarifLevel;
exports.toSarif = toSarif;
/**
 * SARIF 2.1.0 output, as GitHub code scanning ingests it: the tool and every rule (with its doc
 * link and default level) in `runs[0].tool.driver`, one result per finding with a physical
 * location relative to `%SRCROOT%`. Regions are 1-based; columns count UTF-16 code units (SARIF's
 * default `columnKind`, and the core's own unit), end columns exclusive.
 */
const rule_1 = require("../rules/rule");
const common_1 = require("./common");
exports.SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
exports.TOOL_INFORMATION_URI = 'https://github.com/pm-lens/pm-lens';
/** The base id relative artifact URIs start from. */
exports.SRCROOT = '%SRCROOT%';
/** A SARIF level for a PM Lens severity: info and hint are notes. */
function sarifLevel(severity) {
    return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}
function defaultConfiguration(setting) {
    return setting === 'off' ? { level: 'note', enabled: false } : { level: sarifLevel(setting) };
}
/** The SARIF log of the findings of `files`. */
function toSarif(files, options) {
    const descriptors = options.rules.map((rule) => {
        const sentence = rule.description.replace(/\.?\s*$/, '.');
        return {
            id: rule.id,
            name: rule.id,
            shortDescription: { text: rule.description },
            fullDescription: { text: sentence },
            helpUri: (0, rule_1.ruleDocUrl)(rule.id),
            help: { text: `${sentence} See ${(0, rule_1.ruleDocUrl)(rule.id)}`, markdown: `${sentence} [Documentation](${(0, rule_1.ruleDocUrl)(rule.id)})` },
            defaultConfiguration: defaultConfiguration(rule.defaultSeverity),
        };
    });
    const indexOf = new Map(descriptors.map((d, i) => [d.id, i]));
    const results = [];
    for (const file of files) {
        for (const finding of file.analysis.findings) {
            let ruleIndex = indexOf.get(finding.ruleId);
            if (ruleIndex === undefined) {
                ruleIndex = descriptors.length;
                indexOf.set(finding.ruleId, ruleIndex);
                descriptors.push({
                    id: finding.ruleId,
                    name: finding.ruleId,
                    shortDescription: { text: finding.ruleId },
                    fullDescription: { text: finding.ruleId },
                    helpUri: (0, rule_1.ruleDocUrl)(finding.ruleId),
                    help: { text: `See ${(0, rule_1.ruleDocUrl)(finding.ruleId)}`, markdown: `[Documentation](${(0, rule_1.ruleDocUrl)(finding.ruleId)})` },
                    defaultConfiguration: { level: sarifLevel(finding.severity) },
                });
            }
            const at = (0, common_1.oneBased)(finding.range);
            results.push({
                ruleId: finding.ruleId,
                ruleIndex,
                level: sarifLevel(finding.severity),
                message: { text: finding.message },
                locations: [
                    {
                        physicalLocation: {
                            artifactLocation: file.relative ? { uri: file.uri, uriBaseId: exports.SRCROOT } : { uri: file.uri },
                            region: { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn },
                        },
                    },
                ],
            });
        }
    }
    const run = {
        tool: { driver: { name: 'pm-lens', informationUri: exports.TOOL_INFORMATION_URI, version: options.toolVersion, rules: descriptors } },
        ...(options.srcRoot ? { originalUriBaseIds: { [exports.SRCROOT]: { uri: options.srcRoot } } } : {}),
        columnKind: 'utf16CodeUnits',
        results,
    };
    return { $schema: exports.SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}
//# sourceMappingURL=sarif.js.map