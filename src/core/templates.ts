/**
 * Whole-document templates: a new PRD or project plan with front matter (`plan:`, `owners:`) and
 * every section its kind requires, each already tagged, built from the section skeletons.
 */
import { expandSnippet, shiftTabStops, skeletonByPrefix, snippetLines, tabStops, type Skeleton } from './skeletons';

/** The document kinds that have a template. */
export type TemplateKind = 'prd' | 'project-plan';

export interface DocumentTemplate {
  readonly kind: TemplateKind;
  /** The document in snippet syntax: the title first, then the owners and every section. */
  readonly snippet: string;
  /** The same document as plain text (every tab stop at its default). */
  readonly text: string;
}

interface TemplateDef {
  readonly title: string;
  /** Skeleton prefixes, in document order. */
  readonly sections: readonly string[];
}

const TEMPLATES: Readonly<Record<TemplateKind, TemplateDef>> = {
  prd: {
    title: 'Product name: product requirements',
    sections: ['product-vision', 'product-problem', 'product-personas', 'product-user-stories', 'product-market', 'product-requirements', 'product-metrics', 'product-roadmap'],
  },
  'project-plan': {
    title: 'Project name: project plan',
    sections: ['project-deliverables', 'project-schedule', 'project-budget', 'project-resources', 'project-raci', 'project-risks', 'project-status'],
  },
};

/** The kinds a template exists for. */
export const TEMPLATE_KINDS: readonly TemplateKind[] = ['prd', 'project-plan'];

/** The skeletons a kind's template is made of, in order. */
export function templateSkeletons(kind: TemplateKind): Skeleton[] {
  return TEMPLATES[kind].sections.map((prefix) => {
    const skeleton = skeletonByPrefix(prefix);
    if (!skeleton) throw new Error(`Template ${kind} names an unknown skeleton '${prefix}'`);
    return skeleton;
  });
}

/** A new document of the kind, with `eol` line breaks. */
export function documentTemplate(kind: TemplateKind, eol = '\n'): DocumentTemplate {
  const def = TEMPLATES[kind];
  const lines = [
    '---',
    `plan: ${kind}`,
    'owners:',
    '  product: "${2:@product-owner}"',
    '  project: "${3:@project-manager}"',
    '---',
    '',
    `# \${1:${def.title}}`,
  ];
  let next = 4;
  for (const skeleton of templateSkeletons(kind)) {
    const section = snippetLines(skeleton).join('\n');
    const stops = tabStops(section).filter((n) => n > 0);
    lines.push('', shiftTabStops(section, next - 1).replace(/\n+$/, ''));
    next += stops.length > 0 ? Math.max(...stops) : 0;
  }
  lines.push('$0');
  const snippet = lines.join('\n').split('\n').join(eol);
  return { kind, snippet, text: expandSnippet(snippet) };
}
