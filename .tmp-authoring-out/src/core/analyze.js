"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.analyze = analyze;
/**
 * The engine's entry: text in, Analysis out. parse → sections → tags → classify → rules →
 * directives → summary. Pure: no I/O, no editor.
 */
const classify_1 = require("./classify");
const defaults_1 = require("./config/defaults");
const frontmatter_1 = require("./frontmatter");
const facts_1 = require("./parse/facts");
const registry_1 = require("./rules/registry");
const sections_1 = require("./sections");
const summary_1 = require("./summary");
const tags_1 = require("./tags");
const text_1 = require("./text");
function analyze(text, options = {}) {
    const config = options.config ?? defaults_1.defaultConfig;
    const lines = new text_1.LineIndex(text);
    const facts = options.facts ?? (0, facts_1.parseFacts)(text);
    const outline = (0, sections_1.outlineSections)(facts, text.length);
    const problems = [];
    let frontMatter;
    if (facts.frontMatter) {
        const read = (0, frontmatter_1.readFrontMatter)(facts.frontMatter, lines);
        frontMatter = read.frontMatter;
        problems.push(...read.problems);
    }
    const kind = frontMatter?.plan;
    const kindDef = kind !== undefined ? config.kinds[kind] : undefined;
    if (kind !== undefined && !kindDef && frontMatter) {
        problems.push({
            message: `Unknown plan kind '${kind}': expected one of ${Object.keys(config.kinds).join(', ')}`,
            range: frontMatter.range,
        });
    }
    const directives = [];
    const tagsOf = (comments, inPreamble) => {
        const tags = [];
        for (const comment of comments) {
            const reading = (0, tags_1.readComment)(comment, lines, config.taxonomy, registry_1.ruleIds);
            problems.push(...reading.problems);
            if (reading.meaning.type === 'directive')
                directives.push(reading.meaning.directive);
            else if (reading.meaning.type === 'owner') {
                if (inPreamble)
                    problems.push({ message: 'Owner tag stands before any heading: put it under the heading of the section it tags', range: reading.meaning.tag.range });
                else
                    tags.push(reading.meaning.tag);
            }
        }
        return tags;
    };
    tagsOf(outline.preamble.comments, true);
    const sections = [];
    const verdicts = [];
    for (const s of outline.sections) {
        const tags = tagsOf(s.comments, false);
        const verdict = (0, classify_1.classifySection)({ text, lines, heading: s.heading, blocks: s.blocks }, { taxonomy: config.taxonomy, kind: kindDef, parent: s.parent !== undefined ? verdicts[s.parent] : undefined });
        verdicts.push(verdict);
        const tag = tags[0];
        const words = s.blocks
            .filter((b) => b.kind !== 'code' && b.kind !== 'html')
            .reduce((n, b) => n + (0, text_1.countWords)(text.slice(b.start, b.end)), 0);
        sections.push({
            index: s.index,
            heading: s.heading.text,
            level: s.heading.level,
            headingRange: lines.range(s.heading.start, s.heading.end),
            range: lines.range(s.heading.start, s.end),
            bodyRange: lines.range(s.bodyStart, s.end),
            parent: s.parent,
            children: s.children,
            wordCount: words,
            tags,
            inferred: verdict,
            role: tag ? tag.role : verdict.role,
            concern: tag ? tag.concern ?? (tag.role === verdict.role ? verdict.concern : undefined) : verdict.concern,
            confidence: tag ? 1 : verdict.confidence,
            tagged: tag !== undefined,
        });
    }
    const context = { text, lines, config, kind, kindDef, frontMatter, sections, problems };
    const findings = [];
    for (const rule of registry_1.rules) {
        const severity = config.rules[rule.id] ?? rule.defaultSeverity;
        if (severity === 'off')
            continue;
        rule.check(context, (report) => {
            findings.push({
                ruleId: rule.id,
                severity: severity,
                message: report.message,
                range: report.range,
                section: report.section,
                fixes: report.fixes ?? [],
            });
        });
    }
    const kept = applyDirectives(findings, directives, sections, outline.sections[0]?.heading.start ?? text.length);
    kept.sort((a, b) => a.range.start.offset - b.range.start.offset || a.ruleId.localeCompare(b.ruleId));
    return { kind, frontMatter, sections, findings: kept, summary: (0, summary_1.buildSummary)(kind, sections, kept, frontMatter) };
}
/**
 * Drops findings that inline directives switch off, as markdownlint does:
 * `pm-lens-disable [rules]` until `pm-lens-enable [rules]`; `pm-lens-disable-next-section
 * [rules]` for the first section after it. A finding on the whole document (no section) is
 * switched off by a `pm-lens-disable` before the first heading.
 */
function applyDirectives(findings, directives, sections, firstHeading) {
    if (directives.length === 0)
        return findings;
    const matches = (d, ruleId) => d.rules.length === 0 || d.rules.includes(ruleId);
    const disabledAt = (ruleId, offset) => {
        let disabled = false;
        for (const d of directives) {
            if (d.range.start.offset > offset)
                break;
            if (!matches(d, ruleId))
                continue;
            if (d.kind === 'disable')
                disabled = true;
            else if (d.kind === 'enable')
                disabled = false;
        }
        return disabled;
    };
    const disabledForSection = (ruleId, section) => directives.some((d) => {
        if (d.kind !== 'disable-next-section' || !matches(d, ruleId))
            return false;
        const next = sections.find((s) => s.headingRange.start.offset >= d.range.end.offset);
        return next?.index === section;
    });
    return findings.filter((f) => {
        if (f.section === undefined) {
            return !directives.some((d) => d.kind === 'disable' && matches(d, f.ruleId) && d.range.start.offset < firstHeading);
        }
        return !disabledAt(f.ruleId, f.range.start.offset) && !disabledForSection(f.ruleId, f.section);
    });
}
//# sourceMappingURL=analyze.js.map