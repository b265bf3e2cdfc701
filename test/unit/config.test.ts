import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { CONFIG_FILE_NAME, defaultConfig, DEFAULT_DOCUMENT_GLOBS } from '../../src/core/config/defaults';
import { loadConfigFor } from '../../src/core/config/load';
import { parseConfigText } from '../../src/core/config/parse';
import { pmLensJsonSchema } from '../../src/core/config/schema';
import { readSettings, resolveConfig } from '../../src/core/config/settings';
import { MAX_MODEL_BYTES } from '../../src/core/config/model';
import type { ConfigHost, ConfigProblem, ResolvedConfig } from '../../src/core/config/types';
import { IncrementalAnalyzer } from '../../src/core/incremental';
import { rules } from '../../src/core/rules/registry';
import { LineIndex } from '../../src/core/text';
import { assertRange } from '../support/edits';
import { fromRoot } from '../support/paths';
import { PROPERTY_SEED } from '../support/property-seed';

/** The 0-based line and character where `needle` first stands in `text`. */
function where(text: string, needle: string): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `'${needle}' in the text`);
  const { line, character } = new LineIndex(text).positionAt(offset);
  return { line, character };
}

function startOf(problem: ConfigProblem): { line: number; character: number } {
  return { line: problem.range.start.line, character: problem.range.start.character };
}

function fixtureText(name: string): string {
  return readFileSync(fromRoot('test/fixtures/config', name), 'utf8');
}

describe('configuration: parseConfigText', () => {
  it('reads a valid file over the defaults', () => {
    const text = fixtureText('valid.pmlens.json');
    const { config, problems } = parseConfigText(text, '.pmlens.json');
    assert.deepEqual(problems, []);
    assert.equal(config.rules['untagged-section'], 'off');
    assert.equal(config.rules['missing-owner'], 'warning');
    assert.equal(config.rules['owner-mismatch'], 'warning', 'untouched rules keep their default');
    assert.deepEqual(config.documents, ['docs/**/*.md', '*.plan.md']);
    assert.equal(config.analyzeAllMarkdown, false);
    assert.deepEqual(config.kinds.grant, { role: 'project', required: ['budget', 'compliance'] });
    assert.deepEqual(config.kinds.prd, { role: 'product', required: ['vision', 'metrics'] });
    assert.deepEqual(config.kinds['project-plan'], defaultConfig.kinds['project-plan']);
    const compliance = config.taxonomy.concerns.compliance;
    assert.equal(compliance.role, 'project');
    assert.equal(compliance.label, 'Compliance');
    assert.deepEqual(compliance.headingTerms, ['compliance', 'regulatory']);
    const budget = config.taxonomy.concerns.budget;
    assert.ok(budget.bodyTerms.includes('capex'));
    assert.ok(defaultConfig.taxonomy.concerns.budget.bodyTerms.every((t) => budget.bodyTerms.includes(t)), 'extends, keeps the built-in terms');
    assert.deepEqual(config.taxonomy.concerns.vision.headingTerms, ['north star'], 'replace: true replaces');
    assert.ok(config.taxonomy.neutral.headingTerms.includes('appendix'));
    assert.ok(!defaultConfig.taxonomy.concerns.compliance, 'the defaults are not touched');
  });

  it('a configured concern and kind work end to end: tags, classification, required concerns', () => {
    const { config } = parseConfigText(fixtureText('valid.pmlens.json'), '.pmlens.json');
    const text = [
      '---',
      'plan: grant',
      '---',
      '# Grant',
      '',
      '## Regulatory review',
      '<!-- owner: project/compliance -->',
      '',
      'Every partner signs the data processing agreement before month 3.',
      '',
    ].join('\n');
    const analysis = analyze(text, { config });
    assert.deepEqual(analysis.findings.filter((f) => f.ruleId === 'invalid-tag'), []);
    const missing = analysis.findings.filter((f) => f.ruleId === 'missing-concern').map((f) => f.message);
    assert.equal(missing.length, 1);
    assert.match(missing[0], /no Budget section/);
    assert.equal(analysis.sections[1].concern, 'compliance');
    // Without the configuration, the same tag is invalid and the kind unknown.
    const plain = analyze(text).findings.filter((f) => f.ruleId === 'invalid-tag').map((f) => f.message);
    assert.equal(plain.length, 2, plain.join('; '));
  });

  it('bad JSON: one error where the syntax breaks, and the base stands', () => {
    const text = '{\n  "rules": {\n    "owner-mismatch": "off"\n    "mixed-concerns": "off"\n  }\n}\n';
    const { config, problems, settings } = parseConfigText(text, '.pmlens.json');
    assert.equal(config, defaultConfig);
    assert.deepEqual(settings, {});
    assert.equal(problems.length, 1);
    assert.equal(problems[0].severity, 'error');
    assert.match(problems[0].message, /not valid JSON: Expected ','/);
    assert.deepEqual(startOf(problems[0]), where(text, '"mixed-concerns"'));
  });

  it('bad JSON of every kind never throws and never points outside the file', () => {
    const cases = ['', '   ', '{', '[1,2', '{"rules": }', '{"a": "unterminated', '{"a": 01}', '{} {}', '/* open', '{"a": "\\q"}', 'nul', '"text"', '{"a":\u0000}', '['.repeat(100000)];
    for (const text of cases) {
      const { config, problems } = parseConfigText(text, '.pmlens.json');
      assert.ok(problems.length >= 1, JSON.stringify(text.slice(0, 20)));
      assert.equal(config, defaultConfig);
      for (const p of problems) assertRange(new LineIndex(text), p.range);
    }
  });

  it('comments and trailing commas are accepted, as in VS Code settings files', () => {
    const text = '// PM Lens\n{\n  /* strict */ "rules": { "invalid-tag": "warning", },\n}\n';
    const { config, problems } = parseConfigText(text, '.pmlens.json');
    assert.deepEqual(problems, []);
    assert.equal(config.rules['invalid-tag'], 'warning');
  });

  it('wrong types: an error at the failing value, the rest of the file applies', () => {
    const text = fixtureText('wrong-types.pmlens.json');
    const { config, problems } = parseConfigText(text, '.pmlens.json');
    const byPath = new Map(problems.map((p) => [p.path.join('.'), p]));
    const severity = byPath.get('rules.owner-mismatch');
    assert.ok(severity);
    assert.equal(severity.severity, 'error');
    assert.match(severity.message, /rules\.owner-mismatch must be one of 'error', 'warning', 'info', 'hint', 'off', found 'warn'/);
    assert.deepEqual(startOf(severity), where(text, '"warn"'));
    const documents = byPath.get('documents');
    assert.ok(documents);
    assert.match(documents.message, /documents must be an array, found a string/);
    assert.deepEqual(startOf(documents), where(text, '"*.md"'));
    const flag = byPath.get('analyzeAllMarkdown');
    assert.ok(flag);
    assert.deepEqual(startOf(flag), where(text, '"yes"'));
    const element = byPath.get('kinds.grant.required.1');
    assert.ok(element, [...byPath.keys()].join(', '));
    assert.deepEqual(startOf(element), where(text, '42'));
    // What was valid still applies; what was not keeps its default.
    assert.equal(config.rules['owner-mismatch'], 'warning');
    assert.equal(config.rules['mixed-concerns'], 'error');
    assert.deepEqual(config.documents, DEFAULT_DOCUMENT_GLOBS);
    assert.deepEqual(config.kinds.grant, { role: 'project', required: ['budget'] });
    assert.ok(problems.every((p, i) => i === 0 || problems[i - 1].range.start.offset <= p.range.start.offset), 'in file order');
  });

  it('unknown rule ids and keys: a warning on the key, with the nearest known one', () => {
    const text = '{\n  "rules": {\n    "owner-mismach": "off",\n    "untagged-section": "off"\n  },\n  "documnets": ["*.md"]\n}\n';
    const { config, problems } = parseConfigText(text, '.pmlens.json');
    assert.equal(problems.length, 2);
    const [rule, key] = problems;
    assert.equal(rule.severity, 'warning');
    assert.equal(rule.message, "Unknown rule 'owner-mismach': did you mean 'owner-mismatch'?");
    assert.deepEqual(startOf(rule), where(text, '"owner-mismach"'));
    assert.equal(rule.range.end.character - rule.range.start.character, '"owner-mismach"'.length);
    assert.equal(key.message, "Unknown setting 'documnets': did you mean 'documents'?");
    assert.deepEqual(startOf(key), where(text, '"documnets"'));
    assert.equal(config.rules['untagged-section'], 'off');
    assert.equal(config.rules['owner-mismatch'], 'warning');
  });

  it('kinds and concerns that make no sense are reported and left out', () => {
    const text = [
      '{',
      '  "kinds": {',
      '    "grant": { "required": ["budget"] },',
      '    "charter": { "role": "project", "required": ["budgt", "schedule"] },',
      '    "Bad Name": { "role": "project" }',
      '  },',
      '  "concerns": {',
      '    "compliance": { "headingTerms": ["compliance"] },',
      '    "risks": { "patterns": [{ "name": "bad", "regex": "([a-z" }, { "name": "ok", "regex": "\\\\bRAID\\\\b" }] }',
      '  }',
      '}',
    ].join('\n');
    const { config, problems } = parseConfigText(text, '.pmlens.json');
    const messages = problems.map((p) => `${p.range.start.line}:${p.severity}:${p.message}`);
    assert.deepEqual(messages, [
      "2:error:New kind 'grant' needs a role: product, project or mixed",
      "3:warning:Unknown concern 'budgt' required by kind 'charter': did you mean 'budget'?",
      "4:error:'Bad Name' is not a valid name in kinds: use lower-case letters, digits and '-', starting with a letter",
      "7:error:New concern 'compliance' needs a role: product or project",
      '8:error:concerns.risks.patterns[0].regex: Not a valid regular expression',
    ]);
    assert.equal(config.kinds.grant, undefined);
    assert.deepEqual(config.kinds.charter, { role: 'project', required: ['schedule'] });
    assert.equal(config.taxonomy.concerns.compliance, undefined);
    const patterns = config.taxonomy.concerns.risks.patterns;
    assert.ok(patterns.some((p) => p.name === 'ok'));
    assert.ok(!patterns.some((p) => p.name === 'bad'));
    assert.equal(patterns.length, defaultConfig.taxonomy.concerns.risks.patterns.length + 1);
  });

  it('a file that is not an object is one error and the defaults stand', () => {
    for (const text of ['[]', '42', 'null', '"x"']) {
      const { config, problems } = parseConfigText(text, '.pmlens.json');
      assert.equal(config.rules['owner-mismatch'], 'warning');
      assert.equal(problems.length, 1);
      assert.match(problems[0].message, /must be a JSON object/);
    }
  });

  it('any JSON value at all: never throws, every problem inside the file', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(...rules.map((r) => r.id)), (value, id) => {
        for (const candidate of [value, { rules: { [id]: value } }, { kinds: { x: value } }, { concerns: { budget: value, [id.replace(/-/g, '')]: value } }]) {
          const text = JSON.stringify(candidate, null, 2) ?? 'null';
          const { problems } = parseConfigText(text, '.pmlens.json');
          const lines = new LineIndex(text);
          for (const p of problems) assertRange(lines, p.range);
        }
      }),
      { numRuns: 200, seed: PROPERTY_SEED },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const { problems } = parseConfigText(text, '.pmlens.json');
        const lines = new LineIndex(text);
        for (const p of problems) assertRange(lines, p.range);
      }),
      { numRuns: 300, seed: PROPERTY_SEED },
    );
  });
});

describe('configuration: merging sources', () => {
  it('resolveConfig: the strongest source first wins; each source over the ones below', () => {
    const file = { rules: { 'owner-mismatch': 'error' }, documents: ['plans/**/*.md'] };
    const editor = { rules: { 'owner-mismatch': 'info', 'mixed-concerns': 'off' }, documents: ['**/*.md'], analyzeAllMarkdown: true };
    const config = resolveConfig([file, editor]);
    assert.equal(config.rules['owner-mismatch'], 'error', '.pmlens.json over the editor settings');
    assert.equal(config.rules['mixed-concerns'], 'off', 'editor settings over the defaults');
    assert.equal(config.rules['missing-concern'], 'warning', 'defaults under all');
    assert.deepEqual(config.documents, ['plans/**/*.md']);
    assert.equal(config.analyzeAllMarkdown, true);
    assert.equal(resolveConfig([]), defaultConfig);
    assert.equal(resolveConfig([undefined, null]), defaultConfig);
  });

  it('resolveConfig drops invalid parts of a source silently and keeps the rest', () => {
    const config = resolveConfig([{ rules: { 'owner-mismatch': 'loud', 'invalid-tag': 'hint', nope: 'off' }, documents: 7 }, 'not an object']);
    assert.equal(config.rules['owner-mismatch'], 'warning');
    assert.equal(config.rules['invalid-tag'], 'hint');
    assert.equal(config.rules.nope, undefined);
    assert.deepEqual(config.documents, DEFAULT_DOCUMENT_GLOBS);
  });

  it('concern terms extend across sources; replace in the stronger one replaces', () => {
    const editor = { concerns: { budget: { bodyTerms: ['capex'] } } };
    const file = { concerns: { budget: { bodyTerms: ['opex'] } } };
    const both = resolveConfig([file, editor]).taxonomy.concerns.budget.bodyTerms;
    assert.ok(both.includes('capex') && both.includes('opex'));
    const replaced = resolveConfig([{ concerns: { budget: { bodyTerms: ['opex'], replace: true } } }, editor]).taxonomy.concerns.budget.bodyTerms;
    assert.deepEqual(replaced, ['opex']);
  });

  it('a term added once in capitals and once not stays twice (they match different words); the same term twice stays once', () => {
    const market = resolveConfig([{ concerns: { market: { bodyTerms: ['sam', 'Market', 'SAM'] } } }]).taxonomy.concerns.market.bodyTerms;
    assert.equal(market.filter((t) => t === 'SAM').length, 1);
    assert.equal(market.filter((t) => t === 'sam').length, 1);
    assert.equal(market.filter((t) => t.toLowerCase() === 'market').length, 1);
  });

  it('parseConfigText lays the file over the base it is given (the editor settings)', () => {
    const base = resolveConfig([{ rules: { 'mixed-concerns': 'off', 'duplicate-tag': 'info' } }]);
    const { config } = parseConfigText('{ "rules": { "duplicate-tag": "error" } }', '.pmlens.json', base);
    assert.equal(config.rules['mixed-concerns'], 'off');
    assert.equal(config.rules['duplicate-tag'], 'error');
  });

  it('readSettings reports problems by path, without positions, for editor settings', () => {
    const problems: string[] = [];
    const settings = readSettings({ rules: { 'owner-mismatch': 'loud' }, documents: ['ok.md', ''] }, (p, message) => problems.push(`${p.join('.')}: ${message}`));
    assert.deepEqual(settings, { rules: {}, documents: ['ok.md'] });
    assert.equal(problems.length, 2);
    assert.match(problems[0], /^rules\.owner-mismatch: /);
    assert.match(problems[1], /^documents\.1: /);
  });

  it('readSettings never changes the object it is given', () => {
    const input = { rules: { 'owner-mismatch': 'loud' } };
    readSettings(input);
    assert.deepEqual(input, { rules: { 'owner-mismatch': 'loud' } });
  });

  it('inline directives stay the strongest: a rule the file turns up is still switched off in the document', () => {
    const { config } = parseConfigText('{ "rules": { "untagged-section": "error" } }', '.pmlens.json');
    // A budget section (project), not a document's title: the hint it gets does not hang on a borderline confidence.
    const text = '<!-- pm-lens-disable untagged-section -->\n## Budget\n\nThe launch budget is $48,000 of contractor cost.\n';
    assert.deepEqual(analyze(text, { config }).findings.map((f) => f.ruleId), []);
    assert.deepEqual(analyze(text.replace(/^.*\n/, ''), { config }).findings.map((f) => `${f.ruleId}:${f.severity}`), ['untagged-section:error']);
  });
});

/** An in-memory file system with POSIX paths. */
function memoryHost(files: Record<string, string>, reads: string[] = []): ConfigHost {
  return {
    async readFile(p) {
      reads.push(p);
      if (p.includes('unreadable')) throw new Error('EACCES');
      return files[p];
    },
    dirname: (p) => path.posix.dirname(p),
    join: (...parts) => path.posix.join(...parts),
  };
}

describe('configuration: loadConfigFor (find-up)', () => {
  const files = {
    '/ws/.pmlens.json': '{ "rules": { "owner-mismatch": "error" } }',
    '/ws/docs/team/.pmlens.json': '{ "rules": { "owner-mismatch": "info" } ',
    '/.pmlens.json': '{ "rules": { "owner-mismatch": "hint" } }',
  };

  it('uses the nearest .pmlens.json up the tree', async () => {
    const loaded = await loadConfigFor('/ws/docs/plans/q3-plan.md', memoryHost(files), '/ws');
    assert.equal(loaded.file, '/ws/.pmlens.json');
    assert.equal(loaded.config.rules['owner-mismatch'], 'error');
    assert.deepEqual(loaded.problems, []);
  });

  it('a nearer broken file is reported and the base stands (it does not fall through to a farther one)', async () => {
    const loaded = await loadConfigFor('/ws/docs/team/prd.md', memoryHost(files), '/ws');
    assert.equal(loaded.file, '/ws/docs/team/.pmlens.json');
    assert.equal(loaded.config, defaultConfig);
    assert.equal(loaded.problems.length, 1);
    assert.equal(loaded.problems[0].severity, 'error');
  });

  it('stops at the workspace folder, and looks at nothing for a file outside it', async () => {
    const reads: string[] = [];
    const loaded = await loadConfigFor('/ws/docs/plan.md', memoryHost({ '/.pmlens.json': files['/.pmlens.json'] }, reads), '/ws/');
    assert.equal(loaded.file, undefined);
    assert.equal(loaded.config, defaultConfig);
    assert.deepEqual(reads, ['/ws/docs/' + CONFIG_FILE_NAME, '/ws/' + CONFIG_FILE_NAME]);
    const outside: string[] = [];
    await loadConfigFor('/elsewhere/plan.md', memoryHost(files, outside), '/ws');
    assert.deepEqual(outside, []);
  });

  it('without stopAt it climbs to the root; a read that fails counts as no file', async () => {
    const loaded = await loadConfigFor('/other/unreadable/plan.md', memoryHost(files));
    assert.equal(loaded.file, '/.pmlens.json');
    assert.equal(loaded.config.rules['owner-mismatch'], 'hint');
  });

  it('lays the file over the base it is given', async () => {
    const base = resolveConfig([{ rules: { 'duplicate-tag': 'off' } }]);
    const loaded = await loadConfigFor('/ws/a.md', memoryHost(files), '/ws', base);
    assert.equal(loaded.config.rules['duplicate-tag'], 'off');
    assert.equal(loaded.config.rules['owner-mismatch'], 'error');
  });

  it('works with Windows-style paths', async () => {
    const host: ConfigHost = {
      readFile: async (p) => (p === 'C:\\ws\\.pmlens.json' ? '{ "rules": { "owner-mismatch": "off" } }' : undefined),
      dirname: (p) => path.win32.dirname(p),
      join: (...parts) => path.win32.join(...parts),
    };
    const loaded = await loadConfigFor('C:\\ws\\docs\\plan.md', host, 'C:\\ws');
    assert.equal(loaded.file, 'C:\\ws\\.pmlens.json');
    assert.equal(loaded.config.rules['owner-mismatch'], 'off');
  });
});

describe('configuration: JSON Schema', () => {
  it('the checked-in schemas/pmlens.schema.json is the one the zod schema generates (run node scripts/gen-schema.mjs)', () => {
    const checkedIn = readFileSync(fromRoot('schemas/pmlens.schema.json'), 'utf8');
    assert.equal(checkedIn, JSON.stringify(pmLensJsonSchema(), null, 2) + '\n');
  });

  it('names every rule with its severities, and closes the rule list', () => {
    const schema = pmLensJsonSchema() as { properties: { rules: { properties: Record<string, { enum: string[] }>; additionalProperties: boolean } } };
    assert.deepEqual(Object.keys(schema.properties.rules.properties), rules.map((r) => r.id));
    for (const rule of rules) assert.deepEqual(schema.properties.rules.properties[rule.id].enum, ['error', 'warning', 'info', 'hint', 'off']);
    assert.equal(schema.properties.rules.additionalProperties, false);
  });

  it('the valid fixture validates against the parts the schema names', () => {
    const schema = pmLensJsonSchema() as { properties: Record<string, unknown> };
    const valid = JSON.parse(fixtureText('valid.pmlens.json')) as Record<string, unknown>;
    for (const key of Object.keys(valid)) assert.ok(key in schema.properties, key);
  });
});

describe('configuration: a model fitted by the team (`model`)', () => {
  // A model that reads every section the rule leaves undecided as product, and names no project.
  const teamModel = JSON.stringify({ format: 'pm-lens-model/1', bias: [10, 0, 0], weights: {}, promote: 0.5, veto: 0.5 });
  const plan = '# Harbour guide\n\n## Glossary\n\n- **Berth**: a place where a boat is moored.\n- **Slipway**: a ramp for boats.\n';
  const load = (files: Record<string, string>, sizes: Record<string, number> = {}) => {
    const host: ConfigHost = {
      ...memoryHost(files),
      async stat(p) {
        if (sizes[p] !== undefined) return { type: 'file', size: sizes[p] };
        if (p.endsWith('/models')) return { type: 'directory', size: 0 };
        return files[p] === undefined ? undefined : { type: 'file', size: files[p].length };
      },
    };
    return loadConfigFor('/ws/docs/plan.md', host, '/ws');
  };
  const glossaryRole = (config: ResolvedConfig): string => analyze(plan, { config }).sections[1].inferred.role;

  it('loads the model named relative to the configuration file, and the analysis uses it', async () => {
    const loaded = await load({ '/ws/.pmlens.json': '{ "model": "./models/team.json" }', '/ws/models/team.json': teamModel });
    assert.deepEqual(loaded.problems, []);
    assert.ok(loaded.config.model);
    assert.equal(glossaryRole(defaultConfig), 'none');
    assert.equal(glossaryRole(loaded.config), 'product');
    assert.equal(analyze(plan, { config: loaded.config }).sections[1].inferred.role, new IncrementalAnalyzer().analyze(plan, loaded.config).sections[1].inferred.role);
  });

  it('refuses a path that leaves the folder, an absolute path or an address, with the built-in model', async () => {
    const cases: [string, RegExp][] = [
      ['../outside.json', /must stay inside the configuration file's folder/],
      ['models/../../outside.json', /must stay inside the configuration file's folder/],
      ['/etc/model.json', /must be a path relative/],
      ['C:\\models\\team.json', /must be a path relative/],
      ['https://example.org/model.json', /must be a path relative/],
      ['./', /names no file/],
    ];
    for (const [value, message] of cases) {
      const text = `{\n  "model": ${JSON.stringify(value)}\n}`;
      const loaded = await load({ '/ws/.pmlens.json': text, '/outside.json': teamModel, '/ws/outside.json': teamModel });
      assert.equal(loaded.problems.length, 1, value);
      assert.match(loaded.problems[0].message, message);
      assert.match(loaded.problems[0].message, /the built-in model is used$/);
      assert.equal(loaded.problems[0].range.start.line, 1, 'on the value');
      assert.equal(loaded.config.model, undefined);
      assert.equal(glossaryRole(loaded.config), 'none');
    }
  });

  it('says what is wrong with a missing, oversized, non-file, non-JSON or invalid model, and keeps the rest of the file', async () => {
    const config = '{ "rules": { "untagged-section": "off" }, "model": "models/team.json" }';
    const cases: [Record<string, string>, Record<string, number>, RegExp][] = [
      [{}, {}, /'models\/team.json' was not found next to \/ws\/.pmlens.json/],
      [{ '/ws/models/team.json': teamModel }, { '/ws/models/team.json': MAX_MODEL_BYTES + 1 }, /is \d+ bytes, larger than the \d+ bytes a model may have/],
      [{ '/ws/models/team.json': '{ "format": "pm-lens-model/1", ' }, {}, /is not valid JSON/],
      [{ '/ws/models/team.json': JSON.stringify({ format: 'pm-lens-model/1', bias: [0, 0], weights: {} }) }, {}, /is not a PM Lens model: bias/],
      [{ '/ws/models/team.json': JSON.stringify({ format: 'other/2', bias: [0, 0, 0], weights: {} }) }, {}, /is not a PM Lens model: format/],
      [{ '/ws/models/team.json': JSON.stringify({ format: 'pm-lens-model/1', bias: [0, 0, 0], weights: {}, calibration: [[1, 0], [1, 0]] }) }, {}, /is not a PM Lens model: calibration/],
    ];
    for (const [files, sizes, message] of cases) {
      const loaded = await load({ '/ws/.pmlens.json': config, ...files }, sizes);
      assert.equal(loaded.problems.length, 1, String(message));
      assert.match(loaded.problems[0].message, message);
      assert.equal(loaded.problems[0].severity, 'error');
      assert.equal(loaded.config.model, undefined);
      assert.equal(loaded.config.rules['untagged-section'], 'off', 'the rest of the file applies');
    }
    const folder = await load({ '/ws/.pmlens.json': '{ "model": "models" }', '/ws/models': '' });
    assert.match(folder.problems[0].message, /is not a regular file/);
  });

  it('is a string in the schema: anything else is reported and dropped', async () => {
    const loaded = await load({ '/ws/.pmlens.json': '{ "model": 3 }' });
    assert.equal(loaded.problems.length, 1);
    assert.deepEqual(loaded.problems[0].path, ['model']);
    assert.equal(loaded.config.model, undefined);
    const schema = pmLensJsonSchema() as { properties: Record<string, { type?: string }> };
    assert.equal(schema.properties.model.type, 'string');
  });
});
