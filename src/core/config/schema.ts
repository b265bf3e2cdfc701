/**
 * The zod schema of `.pmlens.json` (and of the `pmLens.*` settings, which share its shape). The
 * JSON Schema users get completion from is generated from it (`scripts/gen-schema.mjs`).
 */
import { z } from 'zod';
import { parseIsoDay } from '../dates';
import { rules } from '../rules/registry';
import { concernSchema, patternSchema, taxonomySchema } from '../taxonomy/types';
import type { ConcernDef, Taxonomy } from '../taxonomy/types';
import type { Role, SeveritySetting } from '../types';
import { unsafeGlobReason, unsafeRegexReason } from './safety';

/** Every severity a rule may be set to. */
export const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'] as const;
/** Kind and concern names as front matter and tags write them. */
export const NAME_PATTERN = /^[a-z][a-z0-9-]*$/;

const severitySchema = z.enum(SEVERITIES);

/**
 * A regular expression that must compile with the flags the classifier uses, and must not be able
 * to backtrack catastrophically (see `./safety`).
 */
const regexSource = z
  .string()
  .min(1)
  .superRefine((source, ctx) => {
    if (!compiles(source)) ctx.addIssue({ code: 'custom', message: 'Not a valid regular expression' });
    else {
      const reason = unsafeRegexReason(source);
      if (reason) ctx.addIssue({ code: 'custom', message: `The regular expression is refused: it ${reason}` });
    }
  });

/** A `documents` glob of bounded matching cost (see `./safety`). */
const documentGlob = z
  .string()
  .min(1)
  .superRefine((glob, ctx) => {
    const reason = unsafeGlobReason(glob);
    if (reason) ctx.addIssue({ code: 'custom', message: `The glob is refused: it ${reason}` });
  });

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'giu');
    return true;
  } catch {
    return false;
  }
}

const userPatternSchema = z.strictObject({ ...patternSchema.shape, regex: regexSource.meta({ description: 'Regular expression source, matched with the flags giu' }) });

/** Descriptions of the taxonomy's fields, for completion in the editor. */
const FIELD_DESCRIPTIONS: Readonly<Record<string, string>> = {
  headingTerms: 'Terms that, in a heading, say the section is this concern (strong evidence)',
  bodyTerms: 'Words and phrases of the body that speak for this concern (weaker evidence)',
  tableHeaders: 'Table column names that speak for this concern',
  patterns: 'Regular expressions that speak for this concern',
  structures: 'Built-in structural detectors that speak for this concern',
  termWeights: 'Weight multipliers for single terms (term as written above → factor)',
};

/** Drops `.default()` and `.optional()` wrappers: config fields are all optional, never filled in. */
function bare(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
  return inner;
}

/** Every term field of a taxonomy object shape, optional, with patterns checked to compile. */
function termFields(shape: Record<string, z.ZodType>, skip: readonly string[]): Record<string, z.ZodType> {
  const out: Record<string, z.ZodType> = {};
  for (const [key, schema] of Object.entries(shape)) {
    if (skip.includes(key)) continue;
    const field = key === 'patterns' ? z.array(userPatternSchema) : bare(schema);
    const description = FIELD_DESCRIPTIONS[key];
    out[key] = (description ? field.meta({ description }) : field).optional();
  }
  return out;
}

const replaceField = z
  .boolean()
  .meta({ description: 'true: the lists given here replace the built-in ones; false (default): they are added to them' })
  .optional();

const concernPatchSchema = z
  .strictObject({
    role: z.enum(['product', 'project']).meta({ description: 'The side this concern belongs to (required for a new concern)' }).optional(),
    label: z.string().min(1).meta({ description: 'Name shown in hovers, the panel and messages' }).optional(),
    description: z.string().min(1).meta({ description: 'One line: what this concern covers' }).optional(),
    ...termFields(concernSchema.shape as unknown as Record<string, z.ZodType>, ['role', 'label', 'description']),
    replace: replaceField,
  })
  .meta({ description: 'A new concern (role required) or additions to a built-in one' });

const neutralPatchSchema = z
  .strictObject({
    ...termFields(taxonomySchema.shape.neutral.shape as unknown as Record<string, z.ZodType>, []),
    replace: replaceField,
  })
  .meta({ description: 'The neutral vocabulary: words that pull a section toward neither side' });

const kindSchema = z
  .strictObject({
    role: z
      .enum(['product', 'project', 'mixed'])
      .meta({ description: 'The side documents of this kind speak for; mixed documents hold both (required for a new kind)' })
      .optional(),
    required: z
      .array(z.string().regex(NAME_PATTERN))
      .meta({ description: 'Concerns that must each have a section (missing-concern)' })
      .optional(),
  })
  .meta({ description: 'A document kind, named by `plan:` in front matter' });

const rulesSchema = z
  .strictObject(Object.fromEntries(rules.map((rule) => [rule.id, severitySchema.meta({ description: `${rule.description}. Default: ${rule.defaultSeverity}` }).optional()])))
  .meta({ description: 'Severity per rule id: error, warning, info, hint or off' });

/** `.pmlens.json`, and the `pmLens.*` settings of the editor. */
export const pmLensConfigSchema = z
  .strictObject({
    $schema: z.string().meta({ description: 'The JSON Schema of this file' }).optional(),
    rules: rulesSchema.optional(),
    documents: z
      .array(documentGlob)
      .meta({ description: 'Globs (case-insensitive) that make a Markdown file a plan document by its path; they replace the defaults' })
      .optional(),
    ignores: z
      .array(z.string().min(1).max(1024))
      .meta({ description: 'Files the command line never reads, in .gitignore syntax, relative to this file\'s folder (like a .pmlensignore there)' })
      .optional(),
    analyzeAllMarkdown: z
      .boolean()
      .meta({ description: 'Analyze every Markdown file, not only plan documents (README and CHANGELOG still only when asked)' })
      .optional(),
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date written YYYY-MM-DD')
      .refine((value) => parseIsoDay(value) !== undefined, { message: 'Not a calendar date' })
      .meta({ description: "Today's date for stale-date (YYYY-MM-DD), so checks are reproducible; the clock's date when absent" })
      .optional(),
    model: z
      .string()
      .min(1)
      .max(1024)
      .meta({ description: 'A classifier model fitted to your own labelled plans (npm run train -- --corpus DIR --out FILE), as a path relative to this file\'s folder and inside it; the built-in model when absent or unusable' })
      .optional(),
    kinds: z
      .record(z.string().regex(NAME_PATTERN), kindSchema)
      .meta({ description: 'Document kinds (prd, project-plan, mixed, or new ones): their side and required concerns' })
      .optional(),
    concerns: z
      .record(z.string().regex(NAME_PATTERN), concernPatchSchema)
      .meta({ description: 'New concerns, or terms added to (or replacing) those of built-in ones' })
      .optional(),
    neutral: neutralPatchSchema.optional(),
  })
  .meta({ title: 'PM Lens configuration', description: 'Configuration of PM Lens for the documents in this folder and below' });

/** A concern as configuration may give it: any field, plus whether its lists replace the built-in ones. */
export type ConcernPatch = Partial<ConcernDef> & { readonly replace?: boolean };
export type NeutralPatch = Partial<Taxonomy['neutral']> & { readonly replace?: boolean };

/** Validated settings from one source (`.pmlens.json` or the editor's settings): every part optional. */
export interface PmLensSettings {
  readonly $schema?: string;
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  readonly documents?: readonly string[];
  readonly ignores?: readonly string[];
  readonly analyzeAllMarkdown?: boolean;
  readonly asOf?: string;
  readonly model?: string;
  readonly kinds?: Readonly<Record<string, { readonly role?: Role | 'mixed'; readonly required?: readonly string[] }>>;
  readonly concerns?: Readonly<Record<string, ConcernPatch>>;
  readonly neutral?: NeutralPatch;
}

/** The JSON Schema (draft-07, which the VS Code JSON service reads fully) of `.pmlens.json`. */
export function pmLensJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(pmLensConfigSchema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
}
