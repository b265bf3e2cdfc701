import { parseDocument, isMap } from 'yaml';
import { detach } from './parse/collect';
import type { FrontMatterFact } from './parse/facts';
import type { LineIndex } from './text';
import { changeTo, didYouMean, nearest, type TagProblem } from './tags';
import type { FrontMatter, Range } from './types';

/** Something wrong in the front matter, with where it is (and its fix, when one is close), as tags have. */
export type FrontMatterProblem = TagProblem;

export interface FrontMatterResult {
  readonly frontMatter: FrontMatter;
  readonly problems: readonly FrontMatterProblem[];
}

/**
 * Reads the YAML front matter with a real YAML parser: `plan:` and `owners:`. Syntax errors and
 * wrongly shaped keys become problems with precise ranges; they never throw.
 */
export function readFrontMatter(fact: FrontMatterFact, lines: LineIndex): FrontMatterResult {
  // Front matter stands first: the same text up to its end reads the same, at the same places.
  // Editing a plan's body leaves it unchanged, so the last reading is kept (one, small).
  const source = lines.text.slice(0, fact.end);
  if (lastRead && lastRead.source === source && lastRead.start === fact.start && lastRead.valueStart === fact.valueStart) return lastRead.result;
  const result = readYaml(fact, lines);
  lastRead = { source: detach(source), start: fact.start, valueStart: fact.valueStart, result };
  return result;
}

let lastRead: { readonly source: string; readonly start: number; readonly valueStart: number; readonly result: FrontMatterResult } | undefined;

function readYaml(fact: FrontMatterFact, lines: LineIndex): FrontMatterResult {
  const problems: FrontMatterProblem[] = [];
  const at = (start: number, end: number): Range =>
    lines.range(fact.valueStart + Math.max(0, start), fact.valueStart + Math.max(start, end));
  const whole = lines.range(fact.start, fact.end);
  const doc = parseDocument(fact.value, { prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    const [s, e] = error.pos;
    problems.push({ message: `Front matter is not valid YAML: ${firstLine(error.message)}`, range: at(s, e) });
  }
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    return { frontMatter: { range: whole, plan: undefined, owners: {}, data: undefined }, problems };
  }
  let data: Record<string, unknown>;
  try {
    data = doc.toJS() as Record<string, unknown>;
  } catch (error) {
    // yaml refuses alias bombs (and the like) by throwing; a document must never make us throw.
    problems.push({ message: `Front matter cannot be read: ${firstLine(error instanceof Error ? error.message : String(error))}`, range: whole });
    return { frontMatter: { range: whole, plan: undefined, owners: {}, data: undefined }, problems };
  }
  const rangeOfKey = (...path: string[]): Range => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? at(node.range[0], node.range[1]) : whole;
  };
  /** The key itself (not its value) of `key` in the mapping at `path`. */
  const rangeOfMapKey = (path: string[], key: string): Range => {
    const map = doc.getIn(path, true);
    if (isMap(map)) {
      for (const pair of map.items) {
        const node = pair.key as { value?: unknown; range?: [number, number, number] } | null;
        if (node && String(node.value) === key && node.range) return at(node.range[0], node.range[1]);
      }
    }
    return rangeOfKey(...path, key);
  };

  let plan: string | undefined;
  let planRange: Range | undefined;
  if ('plan' in data) {
    if (typeof data.plan === 'string' && data.plan.trim() !== '') {
      plan = data.plan.trim().toLowerCase();
      planRange = rangeOfKey('plan');
    } else problems.push({ message: "Front matter 'plan' must be a document kind such as prd or project-plan", range: rangeOfKey('plan') });
  }

  const owners: { product?: string[]; project?: string[] } = {};
  if ('owners' in data) {
    const value = data.owners;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.push({ message: "Front matter 'owners' must map product and project to handles", range: rangeOfKey('owners') });
    } else {
      for (const [key, handles] of Object.entries(value as Record<string, unknown>)) {
        if (key !== 'product' && key !== 'project') {
          // Renaming to a side the mapping already has would only make a duplicate key.
          const near = nearest(key.toLowerCase(), ['product', 'project'].filter((side) => !(side in value)));
          problems.push({ message: `Front matter 'owners' has unknown side '${key}': ${didYouMean(near, 'expected product or project')}`, range: rangeOfMapKey(['owners'], key), suggestion: changeTo(near) });
          continue;
        }
        const list = (Array.isArray(handles) ? handles : [handles]).map(String);
        const text = list.join(' ').split(/[\s,]+/).filter(Boolean);
        const bad = text.filter((h) => !/^@[A-Za-z0-9._-]+$/.test(h));
        if (bad.length > 0 || text.length === 0) {
          problems.push({ message: `Front matter owners.${key} must be @handles, found '${bad[0] ?? ''}'`, range: rangeOfKey('owners', key) });
        }
        owners[key] = text.filter((h) => /^@[A-Za-z0-9._-]+$/.test(h));
      }
    }
  }
  return { frontMatter: { range: whole, plan, planRange, owners, data }, problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
