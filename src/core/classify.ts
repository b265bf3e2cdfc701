/**
 * The classifier: reads a section's heading and own body against the taxonomy and says which
 * side owns it, with the evidence. Deterministic; no network, no model.
 * (Placeholder scoring: heading and body terms only. Replaced by the tuned classifier.)
 */
import type { KindDef } from './config/types';
import type { BlockFact, HeadingFact } from './parse/facts';
import type { LineIndex } from './text';
import type { Taxonomy } from './taxonomy/types';
import type { Evidence, Role, Verdict } from './types';

export interface ClassifyInput {
  readonly text: string;
  readonly lines: LineIndex;
  readonly heading: HeadingFact;
  /** The own body's blocks (code, tables, paragraphs), in order. */
  readonly blocks: readonly BlockFact[];
}

export interface ClassifyContext {
  readonly taxonomy: Taxonomy;
  /** The document's declared kind, when known. */
  readonly kind: KindDef | undefined;
  /** The verdict of the enclosing section, when there is one. */
  readonly parent: Verdict | undefined;
}

export function classifySection(input: ClassifyInput, context: ClassifyContext): Verdict {
  const evidence: Evidence[] = [];
  const scores = { product: 0, project: 0, none: 0 };
  const byConcern = new Map<string, number>();
  const headingText = input.heading.text.toLowerCase();
  for (const [name, def] of Object.entries(context.taxonomy.concerns)) {
    for (const term of def.headingTerms) {
      const i = headingText.indexOf(term.toLowerCase());
      if (i >= 0) {
        scores[def.role] += 3;
        byConcern.set(name, (byConcern.get(name) ?? 0) + 3);
        evidence.push({ kind: 'heading-term', text: term, range: input.lines.range(input.heading.start, input.heading.end), concern: name, role: def.role, weight: 3 });
      }
    }
  }
  const role: Role | 'none' = scores.product > scores.project ? 'product' : scores.project > scores.product ? 'project' : 'none';
  const concern = [...byConcern.entries()].filter(([n]) => context.taxonomy.concerns[n].role === role).sort((a, b) => b[1] - a[1])[0]?.[0];
  return { role, concern, confidence: role === 'none' ? 0 : 0.5, scores, evidence };
}
