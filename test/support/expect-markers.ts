import type { Finding } from '../../src/core/types';

/**
 * The findings a fixture expects: `<!-- expect: rule-a rule-b -->` (or, in YAML front matter,
 * `# expect: rule-a`) on the line where each must appear. As `line:rule` pairs, 0-based lines.
 */
export function expectedFindings(text: string): Set<string> {
  const out = new Set<string>();
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    for (const m of line.matchAll(/<!--\s*expect:\s*(.*?)\s*-->|\s#\s*expect:\s*(.*)$/g)) {
      for (const id of (m[1] ?? m[2]).split(/[\s,]+/).filter(Boolean)) out.add(`${i}:${id}`);
    }
  });
  return out;
}

/** The findings an analysis gave, as the same `line:rule` pairs. */
export function actualFindings(findings: readonly Finding[], ruleIds?: ReadonlySet<string>): Set<string> {
  return new Set(findings.filter((f) => !ruleIds || ruleIds.has(f.ruleId)).map((f) => `${f.range.start.line}:${f.ruleId}`));
}

/** Sorted, for readable assertion diffs. */
export function sorted(pairs: Set<string>): string[] {
  return [...pairs].sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b));
}
