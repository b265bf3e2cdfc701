import { z } from 'zod';

/** A structural pattern: a regular expression (source, always matched with the `giu` flags). */
export const patternSchema = z.object({
  name: z.string().min(1),
  regex: z.string().min(1),
  weight: z.number().positive().default(1),
  /** Where it is looked for: `body` text, or `any` (headings too). */
  where: z.enum(['body', 'any']).default('body'),
});

export const concernSchema = z.object({
  role: z.enum(['product', 'project']),
  label: z.string().min(1),
  /** One line: what this concern covers, shown in hovers. */
  description: z.string().min(1),
  headingTerms: z.array(z.string().min(1)).default([]),
  bodyTerms: z.array(z.string().min(1)).default([]),
  tableHeaders: z.array(z.string().min(1)).default([]),
  patterns: z.array(patternSchema).default([]),
});

export const taxonomySchema = z.object({
  concerns: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), concernSchema),
  /** Words that say a section is on neither side (architecture, glossary, references…). */
  neutral: z.object({
    headingTerms: z.array(z.string().min(1)).default([]),
    bodyTerms: z.array(z.string().min(1)).default([]),
  }),
});

export type PatternDef = z.infer<typeof patternSchema>;
export type ConcernDef = z.infer<typeof concernSchema>;
export type Taxonomy = z.infer<typeof taxonomySchema>;
