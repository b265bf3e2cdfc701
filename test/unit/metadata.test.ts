import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { rules } from '../../src/core/rules/registry';
import { fromRoot } from '../support/paths';

/** Rule ids must agree everywhere they are written down: registry, settings, schema, docs. */
describe('rule metadata', () => {
  const ids = rules.map((rule) => rule.id).sort();
  const json = (file: string): Record<string, any> => JSON.parse(readFileSync(fromRoot(file), 'utf8'));

  it('the registry holds the rules of the design', () => {
    assert.deepEqual(ids, ['duplicate-tag', 'invalid-tag', 'misplaced-concern', 'misplaced-metric', 'missing-concern', 'missing-owner', 'mixed-concerns', 'owner-mismatch', 'stale-date', 'unmeasured-metric', 'untagged-section']);
  });

  it('the pmLens.rules setting offers every rule, with its default severity', () => {
    const configuration = json('package.json').contributes.configuration;
    const properties = (Array.isArray(configuration) ? configuration : [configuration]).reduce((all: Record<string, any>, c: any) => ({ ...all, ...c.properties }), {});
    const ruleSettings = properties['pmLens.rules'].properties as Record<string, { default?: string }>;
    assert.deepEqual(Object.keys(ruleSettings).sort(), ids);
    for (const rule of rules) {
      if (ruleSettings[rule.id].default !== undefined) assert.equal(ruleSettings[rule.id].default, rule.defaultSeverity, rule.id);
    }
  });

  it('the .pmlens.json schema knows every rule', () => {
    assert.deepEqual(Object.keys(json('schemas/pmlens.schema.json').properties.rules.properties).sort(), ids);
  });

  it('every rule has its documentation page, and no page is left over', () => {
    const pages = readdirSync(fromRoot('docs', 'rules')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
    assert.deepEqual(pages, ids);
  });
});
