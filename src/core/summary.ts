/**
 * The ownership summary of a document — what the panel draws and `pm-lens summary` prints — and
 * the workspace total over many documents. Pure data in, pure data out.
 */
import { finish, type Steps } from './steps';
import { defaultTaxonomy } from './taxonomy/default';
import type { Taxonomy } from './taxonomy/types';
import type {
  ConcernGroup,
  ConcernTotal,
  Finding,
  FrontMatter,
  NeitherTotal,
  Role,
  Section,
  Summary,
  SummaryRow,
  SummaryTotal,
} from './types';

/** The group key of rows whose side is known but whose concern is not (a bare `owner: product`). */
export const NO_CONCERN = '';

const MISMATCH_RULE = 'owner-mismatch';

/**
 * Builds the ownership split of one analysed document.
 *
 * - Product and project columns, grouped by concern in taxonomy order (concerns the taxonomy
 *   does not know follow, then {@link NO_CONCERN}); rows in document order.
 * - Every row shows its section's effective role, concern and confidence exactly as the analysis
 *   gives them (the CodeLens, hover and `analyze` say the same of a section).
 * - Words per side: a `shared` section counts half to each side, `mixed` and `none` to neither.
 * - The tray: untagged sections with content, sections inferred `mixed` that are not tagged
 *   `shared` or `none`, and sections with an `owner-mismatch` finding.
 * - Owners per side: front-matter owners first, then the handles of the tags, each once.
 */
export function buildSummary(
  kind: string | undefined,
  sections: readonly Section[],
  findings: readonly Finding[],
  frontMatter: FrontMatter | undefined,
  taxonomy: Taxonomy = defaultTaxonomy,
): Summary {
  return finish(summarySteps(kind, sections, findings, frontMatter, taxonomy));
}

/** How many sections `summarySteps` handles between two pauses. */
const ROWS_PER_STEP = 512;

/** `buildSummary`, pausing every few hundred sections (for a long plan in the editor). */
export function* summarySteps(
  kind: string | undefined,
  sections: readonly Section[],
  findings: readonly Finding[],
  frontMatter: FrontMatter | undefined,
  taxonomy: Taxonomy = defaultTaxonomy,
): Steps<Summary> {
  const rulesBySection = new Map<number, string[]>();
  for (const finding of findings) {
    if (finding.section === undefined) continue;
    const ids = rulesBySection.get(finding.section) ?? [];
    if (!ids.includes(finding.ruleId)) ids.push(finding.ruleId);
    rulesBySection.set(finding.section, ids);
  }

  yield;
  const rows = yield* summaryRows(sections, rulesBySection);
  const words = { product: 0, project: 0, neither: 0 };
  const product: SummaryRow[] = [];
  const project: SummaryRow[] = [];
  const neither: SummaryRow[] = [];
  for (const row of rows) {
    if (row.role === 'product') {
      words.product += row.words;
      product.push(row);
    } else if (row.role === 'project') {
      words.project += row.words;
      project.push(row);
    } else {
      if (row.role === 'shared') {
        words.product += row.words / 2;
        words.project += row.words / 2;
      } else words.neither += row.words;
      neither.push(row);
    }
  }

  yield;
  const untagged: number[] = [];
  const mixed: number[] = [];
  const mismatched: number[] = [];
  for (const section of sections) {
    if (!section.tagged && section.wordCount > 0) untagged.push(section.index);
    const tagRole = section.tagged ? section.role : undefined;
    if ((section.inferred.role === 'mixed' || section.inferred.bothSides !== undefined) && tagRole !== 'shared' && tagRole !== 'none') mixed.push(section.index);
    if (rulesBySection.get(section.index)?.includes(MISMATCH_RULE)) mismatched.push(section.index);
  }

  yield;
  const owners = { product: new Handles(), project: new Handles() };
  owners.product.add(frontMatter?.owners.product ?? []);
  owners.project.add(frontMatter?.owners.project ?? []);
  for (const section of sections) {
    const tag = section.tags[0];
    if (!tag) continue;
    if (tag.role === 'product' || tag.role === 'shared') owners.product.add(tag.handles);
    if (tag.role === 'project' || tag.role === 'shared') owners.project.add(tag.handles);
  }

  return {
    kind,
    words,
    product: groupByConcern(product, concernOrder(taxonomy, 'product')),
    project: groupByConcern(project, concernOrder(taxonomy, 'project')),
    neither,
    tray: { untagged, mixed, mismatched },
    owners: { product: owners.product.list, project: owners.project.list },
  };
}

/**
 * Adds up the summaries of many documents: words per side, words and sections per concern
 * (taxonomy order), sections on neither side, tray sizes and every owner named.
 */
export function sumSummaries(summaries: readonly Summary[], taxonomy: Taxonomy = defaultTaxonomy): SummaryTotal {
  const words = { product: 0, project: 0, neither: 0 };
  const sides = { product: new Map<string, { words: number; sections: number }>(), project: new Map<string, { words: number; sections: number }>() };
  const owners = { product: new Handles(), project: new Handles() };
  const tray = { untagged: 0, mixed: 0, mismatched: 0 };
  const neither = new Map<NeitherTotal['role'], NeitherTotal>();
  for (const summary of summaries) {
    words.product += summary.words.product;
    words.project += summary.words.project;
    words.neither += summary.words.neither;
    for (const side of ['product', 'project'] as const) {
      for (const group of summary[side]) {
        const total = sides[side].get(group.concern) ?? { words: 0, sections: 0 };
        total.words += group.words;
        total.sections += group.rows.length;
        sides[side].set(group.concern, total);
      }
      owners[side].add(summary.owners[side]);
    }
    for (const row of summary.neither) {
      const role = row.role === 'shared' || row.role === 'mixed' ? row.role : 'none';
      const known = neither.get(role) ?? { role, words: 0, sections: 0 };
      neither.set(role, { role, words: known.words + row.words, sections: known.sections + 1 });
    }
    tray.untagged += summary.tray.untagged.length;
    tray.mixed += summary.tray.mixed.length;
    tray.mismatched += summary.tray.mismatched.length;
  }
  const totals = (side: Role): ConcernTotal[] =>
    orderConcerns([...sides[side].keys()], concernOrder(taxonomy, side)).map((concern) => ({ concern, ...sides[side].get(concern)! }));
  return {
    documents: summaries.length,
    words,
    product: totals('product'),
    project: totals('project'),
    neither: NEITHER_ORDER.filter((role) => neither.has(role)).map((role) => neither.get(role)!),
    tray,
    owners: { product: owners.product.list, project: owners.project.list },
  };
}

const NEITHER_ORDER: readonly NeitherTotal['role'][] = ['shared', 'mixed', 'none'];

/** One row per section, in document order, pausing every few hundred. */
function* summaryRows(sections: readonly Section[], rulesBySection: ReadonlyMap<number, readonly string[]>): Steps<SummaryRow[]> {
  const rows: SummaryRow[] = [];
  for (const section of sections) {
    if (section.index % ROWS_PER_STEP === 0) yield;
    rows.push({
      section: section.index,
      heading: section.heading,
      level: section.level,
      line: section.headingRange.start.line,
      range: section.range,
      role: section.role,
      concern: section.concern,
      words: section.wordCount,
      confidence: section.confidence,
      tagged: section.tagged,
      handles: section.tags[0]?.handles ?? [],
      findings: rulesBySection.get(section.index) ?? [],
    });
  }
  return rows;
}

/** A side's concern keys in taxonomy order. */
function concernOrder(taxonomy: Taxonomy, side: Role): string[] {
  return Object.entries(taxonomy.concerns)
    .filter(([, def]) => def.role === side)
    .map(([key]) => key);
}

/** Known concerns in taxonomy order, then unknown ones as they came, then NO_CONCERN. */
function orderConcerns(present: readonly string[], order: readonly string[]): string[] {
  const known = order.filter((key) => present.includes(key));
  const unknown = present.filter((key) => key !== NO_CONCERN && !order.includes(key));
  return [...known, ...unknown, ...(present.includes(NO_CONCERN) ? [NO_CONCERN] : [])];
}

function groupByConcern(rows: readonly SummaryRow[], order: readonly string[]): ConcernGroup[] {
  const groups = new Map<string, SummaryRow[]>();
  for (const row of rows) {
    const key = row.concern ?? NO_CONCERN;
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }
  return orderConcerns([...groups.keys()], order).map((concern) => {
    const members = groups.get(concern)!;
    return { concern, words: members.reduce((n, row) => n + row.words, 0), rows: members };
  });
}

/** Handles, each once (compared without case, as GitHub does), in the order first named. */
class Handles {
  private readonly seen = new Set<string>();
  readonly list: string[] = [];

  add(handles: readonly string[]): void {
    for (const handle of handles) {
      const key = handle.toLowerCase();
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.list.push(handle);
    }
  }
}
