"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pmLensConfigSchema = exports.NAME_PATTERN = exports.SEVERITIES = void 0;
exports.pmLensJsonSchema = pmLensJsonSchema;
/**
 * The zod schema of `.pmlens.json` (and of the `pmLens.*` settings, which share its shape). The
 * JSON Schema users get completion from is generated from it (`scripts/gen-schema.mjs`).
 */
const zod_1 = require("zod");
const registry_1 = require("../rules/registry");
const types_1 = require("../taxonomy/types");
exports.SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];
/** Kind and concern names as front matter and tags write them. */
exports.NAME_PATTERN = /^[a-z][a-z0-9-]*$/;
const severitySchema = zod_1.z.enum(exports.SEVERITIES);
/** A regular expression that must compile with the flags the classifier uses. */
const regexSource = zod_1.z
    .string()
    .min(1)
    .refine((source) => compiles(source), { message: 'Not a valid regular expression' });
function compiles(source) {
    try {
        new RegExp(source, 'giu');
        return true;
    }
    catch {
        return false;
    }
}
const userPatternSchema = zod_1.z.strictObject({ ...types_1.patternSchema.shape, regex: regexSource.meta({ description: 'Regular expression source, matched with the flags giu' }) });
/** Descriptions of the taxonomy's fields, for completion in the editor. */
const FIELD_DESCRIPTIONS = {
    headingTerms: 'Terms that, in a heading, say the section is this concern (strong evidence)',
    bodyTerms: 'Words and phrases of the body that speak for this concern (weaker evidence)',
    tableHeaders: 'Table column names that speak for this concern',
    patterns: 'Regular expressions that speak for this concern',
    structures: 'Built-in structural detectors that speak for this concern',
    termWeights: 'Weight multipliers for single terms (term as written above → factor)',
};
/** Drops `.default()` and `.optional()` wrappers: config fields are all optional, never filled in. */
function bare(schema) {
    let inner = schema;
    while (inner instanceof zod_1.z.ZodDefault || inner instanceof zod_1.z.ZodOptional)
        inner = inner.unwrap();
    return inner;
}
/** Every term field of a taxonomy object shape, optional, with patterns checked to compile. */
function termFields(shape, skip) {
    const out = {};
    for (const [key, schema] of Object.entries(shape)) {
        if (skip.includes(key))
            continue;
        const field = key === 'patterns' ? zod_1.z.array(userPatternSchema) : bare(schema);
        const description = FIELD_DESCRIPTIONS[key];
        out[key] = (description ? field.meta({ description }) : field).optional();
    }
    return out;
}
const replaceField = zod_1.z
    .boolean()
    .meta({ description: 'true: the lists given here replace the built-in ones; false (default): they are added to them' })
    .optional();
const concernPatchSchema = zod_1.z
    .strictObject({
    role: zod_1.z.enum(['product', 'project']).meta({ description: 'The side this concern belongs to (required for a new concern)' }).optional(),
    label: zod_1.z.string().min(1).meta({ description: 'Name shown in hovers, the panel and messages' }).optional(),
    description: zod_1.z.string().min(1).meta({ description: 'One line: what this concern covers' }).optional(),
    ...termFields(types_1.concernSchema.shape, ['role', 'label', 'description']),
    replace: replaceField,
})
    .meta({ description: 'A new concern (role required) or additions to a built-in one' });
const neutralPatchSchema = zod_1.z
    .strictObject({
    ...termFields(types_1.taxonomySchema.shape.neutral.shape, []),
    replace: replaceField,
})
    .meta({ description: 'The neutral vocabulary: words that pull a section toward neither side' });
const kindSchema = zod_1.z
    .strictObject({
    role: zod_1.z
        .enum(['product', 'project', 'mixed'])
        .meta({ description: 'The side documents of this kind speak for; mixed documents hold both (required for a new kind)' })
        .optional(),
    required: zod_1.z
        .array(zod_1.z.string().regex(exports.NAME_PATTERN))
        .meta({ description: 'Concerns that must each have a section (missing-concern)' })
        .optional(),
})
    .meta({ description: 'A document kind, named by `plan:` in front matter' });
const rulesSchema = zod_1.z
    .strictObject(Object.fromEntries(registry_1.rules.map((rule) => [rule.id, severitySchema.meta({ description: `${rule.description}. Default: ${rule.defaultSeverity}` }).optional()])))
    .meta({ description: 'Severity per rule id: error, warning, info, hint or off' });
/** `.pmlens.json`, and the `pmLens.*` settings of the editor. */
exports.pmLensConfigSchema = zod_1.z
    .strictObject({
    $schema: zod_1.z.string().meta({ description: 'The JSON Schema of this file' }).optional(),
    rules: rulesSchema.optional(),
    documents: zod_1.z
        .array(zod_1.z.string().min(1))
        .meta({ description: 'Globs (case-insensitive) that make a Markdown file a plan document by its path; they replace the defaults' })
        .optional(),
    analyzeAllMarkdown: zod_1.z
        .boolean()
        .meta({ description: 'Analyze every Markdown file, not only plan documents (README and CHANGELOG still only when asked)' })
        .optional(),
    kinds: zod_1.z
        .record(zod_1.z.string().regex(exports.NAME_PATTERN), kindSchema)
        .meta({ description: 'Document kinds (prd, project-plan, mixed, or new ones): their side and required concerns' })
        .optional(),
    concerns: zod_1.z
        .record(zod_1.z.string().regex(exports.NAME_PATTERN), concernPatchSchema)
        .meta({ description: 'New concerns, or terms added to (or replacing) those of built-in ones' })
        .optional(),
    neutral: neutralPatchSchema.optional(),
})
    .meta({ title: 'PM Lens configuration', description: 'Configuration of PM Lens for the documents in this folder and below' });
/** The JSON Schema (draft-07, which the VS Code JSON service reads fully) of `.pmlens.json`. */
function pmLensJsonSchema() {
    return zod_1.z.toJSONSchema(exports.pmLensConfigSchema, { target: 'draft-7', io: 'input' });
}
//# sourceMappingURL=schema.js.map