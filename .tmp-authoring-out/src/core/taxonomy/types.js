"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.taxonomySchema = exports.concernSchema = exports.structureSchema = exports.patternSchema = void 0;
const zod_1 = require("zod");
/**
 * A structural pattern: a regular expression (source, always matched with the `giu` flags).
 * `where`: `body` text only, `heading` only, or `any` (both).
 */
exports.patternSchema = zod_1.z.object({
    name: zod_1.z.string().min(1),
    regex: zod_1.z.string().min(1),
    weight: zod_1.z.number().positive().default(1),
    where: zod_1.z.enum(['body', 'heading', 'any']).default('body'),
});
/**
 * Built-in detectors for signals a regular expression cannot see in the parsed Markdown:
 * `task-list` (checklist items), `gantt` (a mermaid `gantt` or `timeline` code block),
 * `raci` (a table whose header names Responsible/Accountable/Consulted/Informed),
 * `work-breakdown` (a numbered outline of work items: `1.1`, `2.3.1`, `WP2`, `T3.1`).
 */
exports.structureSchema = zod_1.z.enum(['task-list', 'gantt', 'raci', 'work-breakdown']);
/**
 * Term syntax: a word or a phrase, matched case-insensitively on whole words, plural-insensitive
 * ("risk" matches "risks", "dependency" matches "dependencies"); hyphens and spaces are the same
 * ("go-to-market" = "go to market"); a trailing `*` matches a prefix ("compet*": competitor,
 * competition, competitive).
 */
exports.concernSchema = zod_1.z.object({
    role: zod_1.z.enum(['product', 'project']),
    label: zod_1.z.string().min(1),
    /** One line: what this concern covers, shown in hovers. */
    description: zod_1.z.string().min(1),
    /** Strong: a heading that names one of these says what the section is. */
    headingTerms: zod_1.z.array(zod_1.z.string().min(1)).default([]),
    /** Weaker: words and phrases of the body. */
    bodyTerms: zod_1.z.array(zod_1.z.string().min(1)).default([]),
    /** Column names of tables. */
    tableHeaders: zod_1.z.array(zod_1.z.string().min(1)).default([]),
    patterns: zod_1.z.array(exports.patternSchema).default([]),
    /** Built-in structural detectors that speak for this concern. */
    structures: zod_1.z.array(exports.structureSchema).optional(),
    /** Per-term weight multipliers (term as written in a list above → factor), for broad words. */
    termWeights: zod_1.z.record(zod_1.z.string(), zod_1.z.number().positive()).optional(),
});
exports.taxonomySchema = zod_1.z.object({
    concerns: zod_1.z.record(zod_1.z.string().regex(/^[a-z][a-z0-9-]*$/), exports.concernSchema),
    /** Words that say a section is on neither side (architecture, glossary, references…). */
    neutral: zod_1.z.object({
        headingTerms: zod_1.z.array(zod_1.z.string().min(1)).default([]),
        bodyTerms: zod_1.z.array(zod_1.z.string().min(1)).default([]),
        tableHeaders: zod_1.z.array(zod_1.z.string().min(1)).optional(),
        patterns: zod_1.z.array(exports.patternSchema).optional(),
        termWeights: zod_1.z.record(zod_1.z.string(), zod_1.z.number().positive()).optional(),
    }),
});
//# sourceMappingURL=types.js.map