import type { Finding, FrontMatter, Section, Summary } from './types';

/** Placeholder: replaced by the real summary model. */
export function buildSummary(kind: string | undefined, _sections: readonly Section[], _findings: readonly Finding[], _frontMatter: FrontMatter | undefined): Summary {
  return { kind, words: { product: 0, project: 0, neither: 0 }, product: [], project: [], neither: [], tray: { untagged: [], mixed: [], mismatched: [] }, owners: { product: [], project: [] } };
}
