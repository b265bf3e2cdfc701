/**
 * Records keyed by names that come from documents and configuration (kinds, concerns, rules,
 * terms) are looked up with those names. A plain object would answer `constructor`, `toString`
 * or `__proto__` from `Object.prototype`; these helpers make records without a prototype and
 * read only a record's own keys.
 */
import type { Taxonomy } from '../taxonomy/types';

/** A copy of `record` with no prototype: `dict['constructor']` is undefined unless set. */
export function dictionary<T>(record: Readonly<Record<string, T>> | Iterable<readonly [string, T]>): Record<string, T> {
  const out: Record<string, T> = Object.create(null);
  const entries = Symbol.iterator in record ? (record as Iterable<readonly [string, T]>) : Object.entries(record);
  // With no prototype there is no `__proto__` setter: even that key is an ordinary one.
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/** `record[key]` when `key` is the record's own, else undefined (never a prototype member). */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** The taxonomy with prototype-free records: its concerns and every `termWeights`. */
export function taxonomyDictionaries(taxonomy: Taxonomy): Taxonomy {
  const concerns = dictionary(Object.entries(taxonomy.concerns).map(([name, def]) => [name, def.termWeights ? { ...def, termWeights: dictionary(def.termWeights) } : def] as const));
  const { neutral } = taxonomy;
  return { concerns, neutral: neutral.termWeights ? { ...neutral, termWeights: dictionary(neutral.termWeights) } : neutral };
}
