import { defaultTaxonomy } from '../taxonomy/default';
import { rules } from '../rules/registry';
import { dictionary, taxonomyDictionaries } from './dictionary';
import type { KindDef, ResolvedConfig } from './types';

/** The configuration file PM Lens looks for, nearest up the folder tree. */
export const CONFIG_FILE_NAME = '.pmlens.json';

/** Globs that make a Markdown file a plan by its name (case-insensitive). */
export const DEFAULT_DOCUMENT_GLOBS: readonly string[] = [
  '**/*prd*.md',
  '**/*plan*.md',
  '**/*charter*.md',
  '**/*roadmap*.md',
  '**/*brief*.md',
  '**/*proposal*.md',
];

/** The built-in document kinds (`plan:` in front matter) and the concerns each must cover. */
export const DEFAULT_KINDS: Readonly<Record<string, KindDef>> = dictionary({
  prd: { role: 'product', required: ['vision', 'user-needs', 'market', 'metrics'] },
  'project-plan': { role: 'project', required: ['schedule', 'budget', 'resources'] },
  mixed: { role: 'mixed', required: [] },
});

/** What the engine runs on when nothing is configured. */
export const defaultConfig: ResolvedConfig = {
  rules: dictionary(rules.map((rule) => [rule.id, rule.defaultSeverity] as const)),
  documents: DEFAULT_DOCUMENT_GLOBS,
  kinds: DEFAULT_KINDS,
  taxonomy: taxonomyDictionaries(defaultTaxonomy),
  analyzeAllMarkdown: false,
};
