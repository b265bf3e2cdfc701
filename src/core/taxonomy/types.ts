import { z } from 'zod';

/**
 * A structural pattern: a regular expression (source, always matched with the `giu` flags).
 * `where`: `body` text only, `heading` only, or `any` (both).
 * `starts`: where a match can begin — words (lower-case; a trailing `*` for a prefix), `#` for a
 * number, or single symbol characters (`$`, `@`, `✅`). With it the pattern is only tried at
 * those places, which keeps scanning fast; without it, it runs over the whole text.
 */
export const patternSchema = z.object({
  name: z.string().min(1),
  regex: z.string().min(1),
  weight: z.number().positive().default(1),
  where: z.enum(['body', 'heading', 'any']).default('body'),
  starts: z.array(z.string().min(1)).optional(),
});

/**
 * Built-in detectors for signals a regular expression cannot see in the parsed Markdown:
 * `task-list` (checklist items), `gantt` (a mermaid `gantt` or `timeline` code block),
 * `raci` (a table whose header names Responsible/Accountable/Consulted/Informed),
 * `work-breakdown` (a numbered outline of work items: `1.1`, `2.3.1`, `WP2`, `T3.1`).
 */
export const structureSchema = z.enum(['task-list', 'gantt', 'raci', 'work-breakdown']);

/**
 * Whether a word is written in capitals, as an acronym is (`SAM`, `REST`, and `SAMs` in the
 * plural, `B2B`): a capital letter, then capitals and digits, nothing in lower case but a
 * plural's `s`.
 */
export function inCapitals(word: string): boolean {
  const letters = word.endsWith('s') ? word.slice(0, -1) : word;
  return /^\p{Lu}[\p{Lu}\p{N}]+$/u.test(letters);
}

/**
 * Term syntax: a word or a phrase, matched case-insensitively on whole words, plural-insensitive
 * ("risk" matches "risks", "dependency" matches "dependencies"); hyphens and spaces are the same
 * ("go-to-market" = "go to market"); a trailing `*` matches a prefix ("compet*": competitor,
 * competition, competitive). A single word written in capitals is an acronym and matches only in
 * capitals ("SAM" matches "SAM" and "SAMs", not the name "Sam").
 */
export const concernSchema = z.object({
  role: z.enum(['product', 'project']),
  label: z.string().min(1),
  /** One line: what this concern covers, shown in hovers. */
  description: z.string().min(1),
  /** Strong: a heading that names one of these says what the section is. */
  headingTerms: z.array(z.string().min(1)).default([]),
  /** Weaker: words and phrases of the body. */
  bodyTerms: z.array(z.string().min(1)).default([]),
  /** Column names of tables. */
  tableHeaders: z.array(z.string().min(1)).default([]),
  patterns: z.array(patternSchema).default([]),
  /** Built-in structural detectors that speak for this concern. */
  structures: z.array(structureSchema).optional(),
  /** Per-term weight multipliers (term as written in a list above → factor), for broad words. */
  termWeights: z.record(z.string(), z.number().positive()).optional(),
});

export const taxonomySchema = z.object({
  concerns: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), concernSchema),
  /** Words that say a section is on neither side (architecture, glossary, references…). */
  neutral: z.object({
    headingTerms: z.array(z.string().min(1)).default([]),
    bodyTerms: z.array(z.string().min(1)).default([]),
    tableHeaders: z.array(z.string().min(1)).optional(),
    patterns: z.array(patternSchema).optional(),
    termWeights: z.record(z.string(), z.number().positive()).optional(),
  }),
});

export type PatternDef = z.infer<typeof patternSchema>;
export type StructureKind = z.infer<typeof structureSchema>;
export type ConcernDef = z.infer<typeof concernSchema>;
export type Taxonomy = z.infer<typeof taxonomySchema>;
