/**
 * A cloned repository cannot hang, crash or mislead PM Lens: each reproducer of the issue gets a
 * clear finding or message, and the rest of the configuration and document still works.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { CONFIG_FILE_NAME, defaultConfig, DEFAULT_DOCUMENT_GLOBS } from '../../src/core/config/defaults';
import { loadConfigFor } from '../../src/core/config/load';
import { MAX_CONFIG_BYTES, MAX_PROBLEMS, parseConfigText } from '../../src/core/config/parse';
import { pmLensConfigSchema } from '../../src/core/config/schema';
import { matchingGlob } from '../../src/core/detect';
import { analyzeToMarkdown, checkToMarkdown, summaryToMarkdown } from '../../src/core/report';
import { LineIndex } from '../../src/core/text';
import { nodeConfigHost } from '../../src/cli/engine';
import { openRunner } from '../../src/cli/pool';
import { MAX_LINE_NESTING, withinNestingLimit } from '../../src/core/parse/nesting';
import { runCli } from '../../src/cli/run';
import { EXHAUST } from '../support/exhausting-worker';
import { PROPERTY_SEED } from '../support/property-seed';

const CATASTROPHIC = '{\n  "rules": { "untagged-section": "off" },\n  "concerns": {\n    "budget": { "patterns": [\n      { "name": "x", "regex": "(a+)+$" },\n      { "name": "grant", "regex": "\\\\bgrant\\\\b" }\n    ] }\n  }\n}\n';

function positionOf(text: string, needle: string): { line: number; character: number } {
  const { line, character } = new LineIndex(text).positionAt(text.indexOf(needle));
  return { line, character };
}

describe('hostile configuration: user regular expressions', () => {
  it('refuses a catastrophic pattern with an error on its key, and keeps the rest', () => {
    const { config, problems } = parseConfigText(CATASTROPHIC, CONFIG_FILE_NAME);
    assert.equal(problems.length, 1, problems.map((p) => p.message).join('\n'));
    assert.equal(problems[0].severity, 'error');
    assert.match(problems[0].message, /concerns\.budget\.patterns\[0\]\.regex: The regular expression is refused: it could take exponential time/);
    assert.deepEqual({ line: problems[0].range.start.line, character: problems[0].range.start.character }, positionOf(CATASTROPHIC, '"(a+)+$"'));
    assert.equal(config.rules['untagged-section'], 'off', 'the rest of the file applies');
    const names = config.taxonomy.concerns.budget.patterns.map((p) => p.name);
    assert.ok(names.includes('grant') && !names.includes('x'), names.join(', '));
  });

  it('the refused pattern never runs: a line of 28 a and a ! is analyzed at once', () => {
    const { config } = parseConfigText(CATASTROPHIC, CONFIG_FILE_NAME);
    const analysis = analyze(`# Budget\n\n${'a'.repeat(28)}!\n\nThe grant covers the cost.\n`, { config });
    assert.equal(analysis.sections.length, 1);
  });

  it('refuses nested repetitions of every shape, and overlong sources', () => {
    for (const regex of ['(\\w+\\s?)*$', '(a*)*b', '((ab)+)+', 'x'.repeat(2001)]) {
      const { problems } = parseConfigText(JSON.stringify({ neutral: { patterns: [{ name: 'n', regex }] } }), CONFIG_FILE_NAME);
      assert.equal(problems.length, 1, regex);
      assert.match(problems[0].message, /neutral\.patterns\[0\]\.regex: The regular expression is refused/);
    }
  });
});

describe('hostile configuration: documents globs', () => {
  const GLOB = '**/*a*a*a*a*a*a*a*a*c.md';

  it('refuses a glob of unbounded matching cost with an error on it, and keeps the others', () => {
    const text = JSON.stringify({ documents: ['**/*spec*.md', GLOB] }, null, 2);
    const { config, problems } = parseConfigText(text, CONFIG_FILE_NAME);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /documents\[1\]: The glob is refused: it has 9 wildcards/);
    assert.equal(problems[0].range.start.line, positionOf(text, GLOB).line);
    assert.deepEqual(config.documents, ['**/*spec*.md']);
  });

  it('a costly glob that reaches detection anyway matches nothing, at once', () => {
    const name = `${'a'.repeat(200)}.md`;
    assert.equal(matchingGlob(name, [GLOB]), undefined);
    assert.equal(matchingGlob(name, ['**/*a*a*.md']), '**/*a*a*.md', 'three wildcards still match');
    assert.equal(matchingGlob(`${'d/'.repeat(3000)}plan.md`, DEFAULT_DOCUMENT_GLOBS), undefined, 'no real path is that long');
  });
});

describe('hostile configuration: untrusted workspaces', () => {
  const text = JSON.stringify({ rules: { 'owner-mismatch': 'error' }, documents: ['**/*.md'], concerns: { budget: { patterns: [{ name: 'grant', regex: '\\bgrant\\b' }], bodyTerms: ['grant'] } }, neutral: { patterns: [{ name: 'n', regex: 'x' }] } }, null, 2);

  it('runs no pattern and no glob from an untrusted file, says so on each key, applies the rest', () => {
    const { config, problems } = parseConfigText(text, CONFIG_FILE_NAME, defaultConfig, { trusted: false });
    assert.deepEqual(problems.map((p) => p.path.join('.')), ['documents', 'concerns.budget.patterns', 'neutral.patterns']);
    for (const p of problems) assert.match(p.message, /is not used: this workspace is not trusted/);
    assert.deepEqual(config.documents, DEFAULT_DOCUMENT_GLOBS);
    assert.ok(!config.taxonomy.concerns.budget.patterns.some((p) => p.name === 'grant'));
    assert.ok(config.taxonomy.concerns.budget.bodyTerms.includes('grant'), 'terms are not code: they apply');
    assert.equal(config.rules['owner-mismatch'], 'error');
  });

  it('runs them when trusted (the default, as on the command line)', () => {
    const { config, problems } = parseConfigText(text, CONFIG_FILE_NAME);
    assert.deepEqual(problems, []);
    assert.deepEqual(config.documents, ['**/*.md']);
    assert.ok(config.taxonomy.concerns.budget.patterns.some((p) => p.name === 'grant'));
  });
});

describe('hostile configuration: size', () => {
  it('20,000 bad documents items: a capped list of problems naming them', () => {
    const text = JSON.stringify({ rules: { 'untagged-section': 'off' }, documents: new Array(20_000).fill(5) });
    const { config, problems } = parseConfigText(text, CONFIG_FILE_NAME);
    assert.equal(problems.length, MAX_PROBLEMS + 1);
    assert.match(problems[0].message, /^documents\[0\] must be a string, found a number/);
    assert.match(problems[MAX_PROBLEMS].message, /^19900 more problems/);
    assert.equal(config.rules['untagged-section'], 'off');
  });

  it('20,000 unknown concern keys: a capped list of warnings naming them', () => {
    const concerns: Record<string, unknown> = {};
    for (let i = 0; i < 20_000; i++) concerns[`c${i}`] = { role: 'product', nonsense: 1 };
    const { problems } = parseConfigText(JSON.stringify({ concerns }), CONFIG_FILE_NAME);
    assert.equal(problems.length, MAX_PROBLEMS + 1);
    assert.match(problems[0].message, /Unknown key in concerns\.c0 'nonsense'/);
  });

  it('a text over 1 MB is refused unread', () => {
    const { config, problems } = parseConfigText(`{"documents":["${'x'.repeat(MAX_CONFIG_BYTES)}"]}`, CONFIG_FILE_NAME);
    assert.equal(config, defaultConfig);
    assert.match(problems[0].message, /larger than the 1048576 bytes a configuration file may have; the file is ignored/);
  });

  it('nesting deeper than any configuration needs is one syntax problem', () => {
    const { problems } = parseConfigText(`{"neutral":${'['.repeat(100)}${']'.repeat(100)}}`, CONFIG_FILE_NAME);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /not valid JSON: Nesting is deeper than 64 levels/);
  });
});

describe('hostile configuration: the file system', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-hostile-'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('a FIFO named .pmlens.json is refused unread (reading it would wait forever)', async function () {
    const dir = path.join(root, 'fifo');
    fs.mkdirSync(dir);
    execFileSync('mkfifo', [path.join(dir, CONFIG_FILE_NAME)]);
    const loaded = await loadConfigFor(path.join(dir, 'plan.md'), nodeConfigHost);
    assert.equal(loaded.config, defaultConfig);
    assert.match(loaded.problems[0].message, /is not a regular file \(a folder, FIFO, socket or device\); it is ignored unread/);
  });

  it('a device or an oversized file is refused unread', async () => {
    const dir = path.join(root, 'device');
    fs.mkdirSync(dir);
    fs.symlinkSync('/dev/zero', path.join(dir, CONFIG_FILE_NAME));
    assert.match((await loadConfigFor(path.join(dir, 'plan.md'), nodeConfigHost)).problems[0].message, /not a regular file/);
    const big = path.join(root, 'big');
    fs.mkdirSync(big);
    fs.writeFileSync(path.join(big, CONFIG_FILE_NAME), ' '.repeat(MAX_CONFIG_BYTES + 1));
    assert.match((await loadConfigFor(path.join(big, 'plan.md'), nodeConfigHost)).problems[0].message, /is 1048577 bytes, larger than/);
  });

  it('the lookup stops at the repository root: a .pmlens.json above it never applies', async () => {
    fs.writeFileSync(path.join(root, CONFIG_FILE_NAME), '{"rules":{"owner-mismatch":"off"}}');
    fs.mkdirSync(path.join(root, 'repo', '.git'), { recursive: true });
    fs.mkdirSync(path.join(root, 'repo', 'docs'));
    const inRepo = await loadConfigFor(path.join(root, 'repo', 'docs', 'plan.md'), nodeConfigHost);
    assert.equal(inRepo.file, undefined);
    const outside = await loadConfigFor(path.join(root, 'elsewhere', 'plan.md'), nodeConfigHost);
    assert.equal(outside.file, path.join(root, CONFIG_FILE_NAME), 'without a repository root the nearest file still applies');
  });
});

describe('markdown reports: no pings, no links from document text', () => {
  const text = '---\nplan: prd\nowners:\n  product: "@octocat"\n---\n# Ask @octocat about #123\n<!-- owner: project -->\n\nSee https://example.com, commit 1a2b3c4d and dana@example.com. The budget is $4,000.\n';
  const files = [{ path: 'plan.md', analysis: analyze(text) }];

  it('wraps mentions, issue references, URLs, SHAs and emails in code spans', () => {
    for (const out of [checkToMarkdown(files), analyzeToMarkdown(files), summaryToMarkdown(files[0].analysis.summary, 'plan.md')]) {
      assert.doesNotMatch(out.replace(/`[^`\n]*`/g, ''), /@octocat|#123|https:\/\/example|1a2b3c4d|dana@/, out);
    }
    assert.match(summaryToMarkdown(files[0].analysis.summary, 'plan.md'), /Owners: product `@octocat`/);
    assert.match(analyzeToMarkdown(files), /h1 Ask `@octocat` about `#123`/);
  });
});

describe('hostile configuration: any JSON in any key (property)', () => {
  const keys = [...Object.keys(pmLensConfigSchema.shape), 'unknown', 'constructor', '__proto__'];

  it('never throws, and every value it does not keep as given is named by a problem', () => {
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (key, value, trusted) => {
        const text = `{${JSON.stringify(key)}: ${JSON.stringify(value)}}`;
        const { settings, problems } = parseConfigText(text, CONFIG_FILE_NAME, defaultConfig, { trusted });
        const kept = (settings as Record<string, unknown>)[key];
        if (!isDeepStrictEqual(kept, value)) {
          assert.ok(problems.some((p) => p.path[0] === key || p.message.includes(key)), `${text}: ${JSON.stringify(problems.map((p) => p.message))}`);
        }
        for (const p of problems) assert.ok(p.range.end.offset <= text.length);
      }),
      { numRuns: 400, seed: PROPERTY_SEED },
    );
  });
});

describe('hostile configuration: checking is linear in the size of the file (property)', () => {
  /**
   * Work counted, not timed: calls of the callbacks of the array methods and of Map and Set
   * lookups during `fn` (the quadratic checker this replaced scanned every reported path for every
   * problem with `some`).
   */
  function operations(fn: () => void): number {
    let count = 0;
    const originals: [object, string, unknown][] = [];
    const patch = (target: object, name: string, wrap: (original: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown) => {
      const original = (target as Record<string, (...args: unknown[]) => unknown>)[name];
      originals.push([target, name, original]);
      Object.defineProperty(target, name, { value: wrap(original), configurable: true, writable: true });
    };
    for (const name of ['some', 'find', 'every', 'filter', 'map', 'forEach', 'findIndex', 'includes', 'indexOf']) {
      patch(Array.prototype, name, (original) =>
        function (this: unknown[], ...args: unknown[]) {
          count += typeof args[0] === 'function' || name === 'includes' || name === 'indexOf' ? this.length : 1;
          return original.apply(this, args);
        },
      );
    }
    for (const target of [Map.prototype, Set.prototype]) {
      patch(target, 'has', (original) =>
        function (this: unknown, ...args: unknown[]) {
          count++;
          return original.apply(this, args);
        },
      );
    }
    try {
      fn();
    } finally {
      for (const [target, name, original] of originals) Object.defineProperty(target, name, { value: original, configurable: true, writable: true });
    }
    return count;
  }

  it('four times the bad items cost at most about four times the work, whatever the items are', () => {
    const shapes: ((value: unknown, n: number) => unknown)[] = [
      (value, n) => ({ documents: new Array(n).fill(value) }),
      (value, n) => ({ concerns: Object.fromEntries(Array.from({ length: n }, (_, i) => [`c${i}`, { role: 'product', extra: value }])) }),
      (value, n) => ({ rules: Object.fromEntries(Array.from({ length: n }, (_, i) => [`rule-${i}`, value])) }),
      (value, n) => ({ kinds: { prd: { required: new Array(n).fill(value) } } }),
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: shapes.length - 1 }), fc.jsonValue({ maxDepth: 2 }), (shape, value) => {
        const work = (n: number) => operations(() => parseConfigText(JSON.stringify(shapes[shape](value, n)), CONFIG_FILE_NAME));
        const small = work(100);
        const large = work(400);
        assert.ok(large <= 4 * small * 1.5 + 1000, `shape ${shape}, ${JSON.stringify(value)}: ${small} operations for 100 items, ${large} for 400`);
      }),
      { numRuns: 25, seed: PROPERTY_SEED },
    );
  });
});

function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

describe('hostile file systems on the command line', () => {
  let root: string;
  let work: string;
  const plan = '---\nplan: prd\n---\n# Vision\n\nOur vision.\n\n## Duplicate\n<!-- owner: product -->\n<!-- owner: product -->\n\nText.\n';

  async function cli(args: string[], cwd = work): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runCli(args, { cwd, stdout: (t) => (out += t), stderr: (t) => (err += t) }, '0.0.0');
    return { code, out, err };
  }

  before(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-cli-hostile-')));
    // A configuration far above the project, which must never apply to it.
    fs.writeFileSync(path.join(root, CONFIG_FILE_NAME), '{"rules":{"duplicate-tag":"off"}}');
    work = path.join(root, 'a', 'b', 'project');
    fs.mkdirSync(path.join(work, 'docs'), { recursive: true });
    fs.writeFileSync(path.join(work, 'docs', 'vision-prd.md'), plan);
    fs.writeFileSync(path.join(root, 'secret-plan.md'), plan);
    fs.symlinkSync(path.join(root, 'secret-plan.md'), path.join(work, 'docs', 'linked-plan.md'));
    fs.writeFileSync(path.join(work, 'docs', 'real-prd.md'), plan);
    fs.symlinkSync(path.join(work, 'docs', 'real-prd.md'), path.join(work, 'docs', 'inside-plan.md'));
    execFileSync('mkfifo', [path.join(root, 'fifo.json')]);
    execFileSync('mkfifo', [path.join(work, 'docs', 'pipe-plan.md')]);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('the reproducers end to end: a refused pattern named at its key, plan: constructor an unknown kind, the rest reported', async () => {
    const dir = path.join(work, 'hostile');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, CONFIG_FILE_NAME), CATASTROPHIC);
    fs.writeFileSync(path.join(dir, 'ferry-plan.md'), `---\nplan: constructor\n---\n# Ferry budget\n<!-- owner: project -->\n<!-- owner: project -->\n\n${'a'.repeat(28)}!\n\nThe grant covers it.\n`);
    const { code, out, err } = await cli(['analyze', '--format', 'json', 'hostile']);
    assert.equal(code, 2, 'a configuration error');
    const { line, character } = positionOf(CATASTROPHIC, '"(a+)+$"');
    assert.match(err, new RegExp(`hostile/\\.pmlens\\.json:${line + 1}:${character + 1}: error: concerns\\.budget\\.patterns\\[0\\]\\.regex: The regular expression is refused`));
    const [file] = JSON.parse(out) as { sections: { confidence: unknown }[]; findings: { rule: string; message: string }[] }[];
    assert.ok(file.sections.every((s) => typeof s.confidence === 'number'));
    assert.ok(file.findings.some((f) => f.rule === 'invalid-tag' && /constructor/.test(f.message)));
    assert.ok(file.findings.some((f) => f.rule === 'duplicate-tag'), 'the rest of the document is analyzed');
  });

  it('config lookup stops at the folder the command started in', async () => {
    const { out } = await cli(['check', '--format', 'json', 'docs/vision-prd.md']);
    assert.match(out, /duplicate-tag/, 'the .pmlens.json above the working folder is not read');
  });

  it('a FIFO or /dev/zero given as --config is refused at once with a clear message', async () => {
    for (const config of [path.join(root, 'fifo.json'), '/dev/zero']) {
      const { code, err } = await cli(['check', '--config', config, 'docs']);
      assert.equal(code, 2);
      assert.match(err, /cannot read configuration '.+': it is not a regular file/);
    }
  });

  it('a folder walk skips links that lead out of the folder, keeps those inside, never opens a FIFO', async () => {
    const { out, err } = await cli(['analyze', '--format', 'json', 'docs']);
    const files = (JSON.parse(out) as { file: string }[]).map((f) => f.file);
    assert.deepEqual(files, ['docs/inside-plan.md', 'docs/real-prd.md', 'docs/vision-prd.md'], err);
    const named = await cli(['analyze', 'docs/pipe-plan.md']);
    assert.equal(named.code, 2);
    assert.match(named.err, /cannot read 'docs\/pipe-plan.md': not a regular file/);
  });
});

describe('hostile Markdown on the command line: a time limit per file', function () {
  this.timeout(60000);
  let work: string;
  const plan = '---\nplan: prd\n---\n# Vision\n\nOur vision.\n\n## Duplicate\n<!-- owner: product -->\n<!-- owner: product -->\n\nText.\n';
  /** One paragraph of emphasis marks that never close: the parser's time grows with their square (40 KB: about ten seconds). */
  const slow = `---\nplan: prd\n---\n# Vision\n\n${'*_'.repeat(20_000)}x\n`;

  async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runCli(args, { cwd: work, stdout: (t) => (out += t), stderr: (t) => (err += t) }, '0.0.0');
    return { code, out, err };
  }

  before(() => {
    work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-cli-slow-')));
    fs.writeFileSync(path.join(work, 'slow-prd.md'), slow);
    fs.writeFileSync(path.join(work, 'vision-prd.md'), plan);
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  for (const jobs of ['1', '2']) {
    it(`stops a file past its limit, names it, and reports the other files (--jobs ${jobs})`, async () => {
      const { code, out, err } = await cli(['check', '--format', 'json', '--time-limit', '1', '--jobs', jobs, 'slow-prd.md', 'vision-prd.md']);
      assert.equal(code, 2, 'a file could not be analysed');
      assert.match(err, /'slow-prd\.md' was not analyzed: it took longer than its time limit of 1 s.*--time-limit raises the limit, \.pmlensignore leaves the file out/);
      const files = JSON.parse(out) as { file: string; findings: { rule: string }[] }[];
      assert.deepEqual(files.map((f) => f.file), ['vision-prd.md']);
      assert.ok(files[0].findings.some((f) => f.rule === 'duplicate-tag'));
    });
  }

  it('diff says which version was stopped, and exits 2', async () => {
    const { code, err } = await cli(['diff', 'vision-prd.md', 'slow-prd.md', '--time-limit', '1']);
    assert.equal(code, 2);
    assert.match(err, /a version of '.*slow-prd\.md' was not analyzed: it took longer than its time limit of 1 s/);
  });

  it('a worker that cannot load fails every file with why, at once, instead of being started again and again', async () => {
    const script = path.join(work, 'broken-worker.js');
    fs.writeFileSync(script, "throw new Error('no engine here');\n");
    const runner = openRunner({ jobs: 2, timeLimit: 60, script });
    try {
      const outcomes = await Promise.all(['a-prd.md', 'b-prd.md', 'c-prd.md'].map((name) => runner.run({ text: plan, path: name, explicit: true, config: defaultConfig })));
      for (const outcome of outcomes) assert.deepEqual(outcome, { type: 'failed', error: 'worker thread failed to start: no engine here' });
      assert.deepEqual(await runner.run({ text: plan, path: 'd-prd.md', explicit: true, config: defaultConfig }), outcomes[0], 'and so does a file asked for later');
    } finally {
      await runner.close();
    }
  });

  it('a worker that runs out of memory is reported as such and replaced: the next file is analysed', async () => {
    const runner = openRunner({ jobs: 1, timeLimit: 60, heapMb: 32, script: path.join(__dirname, '..', 'support', 'exhausting-worker.js') });
    try {
      const config = defaultConfig;
      assert.deepEqual(await runner.run({ text: EXHAUST, path: 'huge-plan.md', explicit: true, config }), { type: 'stopped', reason: 'memory' });
      const next = await runner.run({ text: plan, path: 'vision-prd.md', explicit: true, config });
      assert.equal(next.type, 'analyzed');
    } finally {
      await runner.close();
    }
  });
});

describe('hostile Markdown: containers nested thousands deep on one line', () => {
  for (const [name, marker, count] of [
    ['block quotes', '>', 10_000],
    ['list items', '- ', 4_000],
    ['numbered items in quotes', '> 1. ', 4_000],
  ] as const) {
    it(`${name} are read as the deepest allowed container's text, without overflowing the parser's stack`, () => {
      const text = `# Launch budget\n\n${marker.repeat(count)} The budget covers hosting.\n\n## Vision\n\nOur vision for readers.\n`;
      const analysis = analyze(text, { config: defaultConfig });
      assert.deepEqual(analysis.sections.map((s) => s.heading), ['Launch budget', 'Vision']);
      const body = analysis.sections[0].inferred.evidence.filter((e) => e.kind === 'body-term').map((e) => e.text);
      assert.deepEqual(body, ['budget'], "the deep line's words are read");
    });
  }

  it('keeps every offset and the first levels: markers past the limit become no-break spaces', () => {
    const line = (depth: number) => `${'> '.repeat(depth)}text`;
    assert.equal(withinNestingLimit(`${line(MAX_LINE_NESTING)}\n`), `${line(MAX_LINE_NESTING)}\n`, 'the limit itself is untouched');
    const deep = `intro\n${line(MAX_LINE_NESTING + 3)}\n>> two\n`;
    const limited = withinNestingLimit(deep);
    assert.equal(limited.length, deep.length);
    // Each quote marker owns the space after it: the 33rd to 35th are `> ` three times.
    assert.equal(limited, `intro\n${'> '.repeat(MAX_LINE_NESTING)}${'\u00a0'.repeat(6)}text\n>> two\n`);
    const list = `${'- '.repeat(MAX_LINE_NESTING + 1)}x`;
    assert.equal(withinNestingLimit(list), `${'- '.repeat(MAX_LINE_NESTING)}\u00a0\u00a0x`);
  });

  it('leaves a long thematic break alone, on its own or in a list item', () => {
    for (const text of [`${'* '.repeat(40)}\n`, `${'- '.repeat(40)}\n`, `- ${'* '.repeat(40)}\n`, `${'> '.repeat(40)}${'_ '.repeat(3)}\n`]) {
      const expected = text.startsWith('>') ? `${'> '.repeat(MAX_LINE_NESTING)}${'\u00a0\u00a0'.repeat(8)}${'_ '.repeat(3)}\n` : text;
      assert.equal(withinNestingLimit(text), expected, JSON.stringify(text));
    }
  });
});
