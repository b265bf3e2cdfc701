import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import type { Features } from '../../src/core/classify/model';
import type { Section } from '../../src/core/types';

/**
 * The one section `heading` under a title (`# title`), analysed with `body` as its own text,
 * and the features the classifier read in it.
 */
export function readSection(title: string, body: string, heading: string): { section: Section; features: Features } {
  const text = `# ${title}\n\n## ${heading}\n\n${body}\n`;
  const seen = new Map<number, Features>();
  const analysis = analyze(text, { observe: (index, features) => seen.set(index, new Map(features)) });
  const section = analysis.sections.find((s) => s.heading === heading);
  assert.ok(section, `a section '${heading}'`);
  return { section, features: seen.get(section.index) ?? new Map() };
}
