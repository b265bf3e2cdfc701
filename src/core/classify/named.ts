/**
 * The product by its name: the words of a document's title that name no concern and no kind of
 * document (`Harbour Berths` in "Harbour Berths: requirements") are most often the product's
 * name, and prose that names it describes what it is or does. Computed once per document; a
 * paragraph is read in one pass over its tokens.
 */
import type { LineIndex } from '../text';
import type { CompiledTaxonomy } from './compile';
import { featureId, type FeatureVector } from './features';
import type { Tokens } from './read';
import { tokenize } from './read';
import { headingOutline, maskProse } from './scan';

/** Title words that say what kind of document it is, or join words: never a name. */
const NOT_A_NAME = new Set([
  'the', 'and', 'for', 'with', 'from', 'into', 'our', 'your', 'new', 'about', 'plan', 'roadmap', 'proposal',
  'prd', 'requirement', 'spec', 'specification', 'document', 'draft', 'rfc', 'product', 'project', 'design',
  'overview', 'summary', 'grant', 'application', 'version', 'feature', 'support',
]);

const NO_NAME: ReadonlySet<string> = new Set();
const nameCache = new WeakMap<LineIndex, WeakMap<CompiledTaxonomy, ReadonlySet<string>>>();

/**
 * The stems of the document title's words that can be the product's name: three letters or
 * more, no taxonomy term, no word of a document's kind. Empty when the document has no heading.
 */
export function productName(compiled: CompiledTaxonomy, lines: LineIndex): ReadonlySet<string> {
  let perTaxonomy = nameCache.get(lines);
  if (!perTaxonomy) nameCache.set(lines, (perTaxonomy = new WeakMap()));
  let name = perTaxonomy.get(compiled);
  if (!name) {
    const first = headingOutline(lines).headings[0];
    const found = new Set<string>();
    if (first) {
      for (const info of tokenize(compiled, maskProse(lines.text.slice(first[1], first[2]))).infos) {
        if (info.stem.length >= 3 && !/^\d+$/.test(info.stem) && info.terms.length === 0 && !NOT_A_NAME.has(info.stem)) found.add(info.stem);
      }
    }
    perTaxonomy.set(compiled, (name = found.size > 0 ? found : NO_NAME));
  }
  return name;
}

/** How many times a paragraph names the product (words of an identifier left out). */
export function countNamed(tokens: Tokens, name: ReadonlySet<string>): number {
  if (name.size === 0) return 0;
  let count = 0;
  for (let i = 0; i < tokens.count; i++) if (tokens.identifier[i] === 0 && name.has(tokens.infos[i].stem)) count++;
  return count;
}

const NAMES_PRODUCT = featureId('name:product');

/** Adds the feature of a body that names the product, growing with diminishing returns. */
export function addNameFeatures(out: FeatureVector, named: number): void {
  if (named > 0) out.set(NAMES_PRODUCT, Math.log1p(named));
}
