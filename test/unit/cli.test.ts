/**
 * The built command line, run as users run it: `node bin/pm-lens.js …` in a child process, on a
 * copy of test/fixtures/cli in a temporary folder (so no configuration above it interferes).
 * Needs `node scripts/build.mjs` first (npm test does it).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rules } from '../../src/core/rules/registry';
import { sarifProblems, type CheckedSarif } from '../fixtures/cli/sarif-check';
import { fromRoot } from '../support/paths';

const bin = fromRoot('bin', 'pm-lens.js');
const version = (JSON.parse(fs.readFileSync(fromRoot('package.json'), 'utf8')) as { version: string }).version;
let work = '';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function pmLens(args: string[], cwd = work): Run {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The 1-based line of the first line of a fixture that contains `needle` (the nth one). */
function lineOf(file: string, needle: string, nth = 1): number {
  const lines = fs.readFileSync(path.join(work, file), 'utf8').split(/\r?\n/);
  let seen = 0;
  for (let i = 0; i < lines.length; i++) if (lines[i].includes(needle) && ++seen === nth) return i + 1;
  throw new Error(`${needle} not in ${file}`);
}

const PRD = 'plans/tea-subscription-prd.md';
const PLAN = 'plans/pantry-launch-plan.md';
const FINDING_LINE = /^(\S+):(\d+):(\d+) (error|warning|info|hint) ([a-z]+(?:-[a-z]+)*) (.+)$/;

interface JsonFile {
  file: string;
  kind: string | null;
  sections: {
    line: number;
    level: number;
    heading: string;
    role: string;
    concern: string | null;
    confidence: number;
    inferred: { role: string; concern: string | null; confidence: number; evidence: Record<string, unknown>[] };
    tag: { role: string; concern: string | null; handles: string[] } | null;
  }[];
  findings: { rule: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }[];
}

function analyzeJson(args: string[], cwd = work): JsonFile[] {
  const r = pmLens(['analyze', '--format', 'json', ...args], cwd);
  assert.ok(r.code === 0 || r.code === 2, r.stderr);
  return JSON.parse(r.stdout) as JsonFile[];
}

describe('pm-lens (built binary)', function () {
  // Each test starts a few Node processes; a busy CI machine needs room.
  this.timeout(120_000);

  before(function () {
    if (!fs.existsSync(fromRoot('dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run node scripts/build.mjs first');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-cli-'));
    fs.cpSync(fromRoot('test', 'fixtures', 'cli'), work, { recursive: true });
    fs.rmSync(path.join(work, 'sarif-check.ts'));
    // Folders a walk must never enter, holding files that would otherwise count as plans.
    for (const dir of ['node_modules/some-dep', '.git/info']) {
      fs.mkdirSync(path.join(work, dir), { recursive: true });
      fs.writeFileSync(path.join(work, dir, 'vendor-plan.md'), '# Vendored plan\n\n<!-- owner: prodct -->\n');
    }
    fs.mkdirSync(path.join(work, 'odd'));
    fs.writeFileSync(path.join(work, 'odd', 'empty.md'), '');
    // Binary junk: every byte value, NULs, a stray BOM, lone surrogates once decoded, no newline.
    const junk = Buffer.alloc(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + (i >> 3)) & 0xff;
    fs.writeFileSync(path.join(work, 'odd', 'junk.md'), Buffer.concat([Buffer.from('# \xef\xbb\xbf', 'latin1'), junk, Buffer.from('\ud800# x', 'utf16le')]));
    fs.writeFileSync(
      path.join(work, 'odd', 'emoji-plan.md'),
      '---\nplan: project-plan\n---\n\n# 🚀 Launch\n\n## Risks 🚀\n🚀🚀 <!-- owner: projekt -->\n\nSupplier delay; likelihood high, impact medium.\n',
    );
  });

  after(function () {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  describe('usage', function () {
    it('prints the version of package.json', function () {
      const r = pmLens(['--version']);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, `${version}\n`);
    });

    it('prints help on --help, exit 0', function () {
      const r = pmLens(['--help']);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^Usage: pm-lens <command>/);
      for (const word of ['analyze', 'check', 'summary', '--fail-on', '--config', '--all', '--quiet']) assert.ok(r.stdout.includes(word), word);
    });

    const usageErrors: [string[], RegExp][] = [
      [[], /Missing command/],
      [['lint', PRD], /Unknown command 'lint'/],
      [['check', '--bogus', PRD], /bogus/],
      [['check', '--format', 'yaml', PRD], /Unknown format 'yaml'/],
      [['summary', '--format', 'sarif', PRD], /'summary' cannot write sarif/],
      [['check', '--fail-on', 'fatal', PRD], /Unknown --fail-on 'fatal'/],
      [['check', '--format'], /--format/],
      [['summary', '--fix', PRD], /--fix works with check only, not summary/],
    ];
    for (const [args, message] of usageErrors) {
      it(`exits 2 with the usage for: ${args.join(' ') || '(nothing)'}`, function () {
        const r = pmLens(args);
        assert.equal(r.code, 2);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, message);
        assert.match(r.stderr, /Usage: pm-lens/);
      });
    }

    it('has a bin entry that npx runs', function () {
      const pkg = JSON.parse(fs.readFileSync(fromRoot('package.json'), 'utf8')) as { bin: Record<string, string> };
      assert.equal(pkg.bin['pm-lens'], 'bin/pm-lens.js');
      assert.match(fs.readFileSync(bin, 'utf8'), /^#!\/usr\/bin\/env node\n/);
    });
  });

  describe('check', function () {
    it('prints path:line:col severity rule-id message, exit 1 on an error', function () {
      const r = pmLens(['check', PLAN]);
      assert.equal(r.code, 1, r.stderr);
      const lines = r.stdout.trimEnd().split('\n');
      for (const line of lines) assert.match(line, FINDING_LINE);
      const invalid = lines.map((l) => FINDING_LINE.exec(l)!).find((m) => m[5] === 'invalid-tag');
      assert.ok(invalid, r.stdout);
      assert.equal(invalid[1], PLAN);
      assert.equal(invalid[4], 'error');
      assert.equal(Number(invalid[2]), lineOf(PLAN, 'prodct'), 'the 1-based line of the bad tag');
      const duplicate = lines.map((l) => FINDING_LINE.exec(l)!).find((m) => m[5] === 'duplicate-tag');
      assert.ok(duplicate, r.stdout);
      assert.equal(duplicate[4], 'warning');
      assert.equal(Number(duplicate[2]), lineOf(PLAN, '<!-- owner: project/resources -->', 2), 'the extra tag');
      assert.equal(Number(duplicate[3]), 1, 'the tag starts the line: column 1');
      assert.match(r.stderr, /^\d+ findings? \(.*1 error.*\) in 1 file\n$/);
    });

    it('exits 0 when no finding reaches the default --fail-on error', function () {
      const r = pmLens(['check', '--config', 'configs/warnings-only.json', PLAN]);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, / warning duplicate-tag /);
      assert.doesNotMatch(r.stdout, / error /);
    });

    it('--fail-on warning fails on a warning; --fail-on never never fails', function () {
      assert.equal(pmLens(['check', '--config', 'configs/warnings-only.json', '--fail-on', 'warning', PLAN]).code, 1);
      assert.equal(pmLens(['check', '--config', 'configs/warnings-only.json', '--fail-on', 'hint', PLAN]).code, 1);
      assert.equal(pmLens(['check', '--fail-on', 'never', PLAN]).code, 0);
    });

    it('--config FILE applies that configuration to every file', function () {
      const r = pmLens(['check', '--config', 'configs/duplicates-are-errors.json', PLAN]);
      assert.equal(r.code, 1);
      assert.match(r.stdout, / error duplicate-tag /);
      assert.doesNotMatch(r.stdout, /invalid-tag/);
      const lenient = pmLens(['check', '--config', 'configs/lenient.json', PLAN]);
      assert.equal(lenient.code, 0);
      assert.doesNotMatch(lenient.stdout, /invalid-tag|duplicate-tag|missing-concern/);
    });

    it('--quiet prints only findings that reach --fail-on and nothing on stderr', function () {
      const r = pmLens(['check', '--quiet', PLAN]);
      assert.equal(r.code, 1);
      assert.equal(r.stderr, '');
      const lines = r.stdout.trimEnd().split('\n');
      assert.ok(lines.length >= 1);
      for (const line of lines) assert.match(line, / error /);
    });

    it('reads the current folder when given no files, skipping what is not a plan', function () {
      const r = pmLens(['check', '--fail-on', 'never'], path.join(work, 'plans'));
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^pantry-launch-plan\.md:\d+:\d+ /m);
      assert.doesNotMatch(r.stdout, /README/);
      assert.match(r.stderr, /1 file that is not a plan skipped/);
    });
  });

  describe('check --fix', function () {
    const PLAN_TEXT = [
      '---',
      'plan: project-plann',
      'asOf: 2025-12-02',
      '---',
      '# Depot move',
      '',
      '## Schedule',
      '<!-- owner: projct/schedule @lee -->',
      '',
      '- [ ] Movers booked by 2025-10-01',
      '',
      '## Budget',
      '<!-- owner: product/vision -->',
      '<!-- owner: shared -->',
      '',
      'The move costs $48,000 for movers and racking; the contingency is 10% of the budget, approved by finance.',
      '',
    ].join('\n');
    const FIXED_TEXT = PLAN_TEXT.replace('project-plann', 'project-plan').replace('projct/', 'project/').replace('<!-- owner: shared -->\n', '');
    const file = (name: string): string => path.join(work, 'fixing', name);

    before(function () {
      fs.mkdirSync(path.join(work, 'fixing'));
    });

    // The plans here would count in the folder walks of the tests that follow.
    after(function () {
      fs.rmSync(path.join(work, 'fixing'), { recursive: true, force: true });
    });

    it('writes the misspelt values and extra tags fixed, reports what is left, and the next run writes nothing', function () {
      fs.writeFileSync(file('depot-plan.md'), PLAN_TEXT, { mode: 0o640 });
      fs.chmodSync(file('depot-plan.md'), 0o640);
      const untouched = pmLens(['check', 'fixing/depot-plan.md']);
      assert.match(untouched.stdout, /invalid-tag/);
      assert.equal(fs.readFileSync(file('depot-plan.md'), 'utf8'), PLAN_TEXT, 'without --fix nothing is written');

      const r = pmLens(['check', '--fix', 'fixing/depot-plan.md']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(fs.readFileSync(file('depot-plan.md'), 'utf8'), FIXED_TEXT);
      assert.equal(fs.statSync(file('depot-plan.md')).mode & 0o777, 0o640, 'the file keeps its permissions');
      assert.match(r.stderr, /pm-lens: fixed 'fixing\/depot-plan\.md': 3 edits\n/);
      assert.deepEqual(fs.readdirSync(path.join(work, 'fixing')), ['depot-plan.md'], 'no temporary file is left');
      // What is left is reported at its place in the fixed file: judgements stay a person's.
      const left = r.stdout.trimEnd().split('\n');
      assert.ok(left.every((line) => FINDING_LINE.test(line)), r.stdout);
      assert.ok(!r.stdout.includes('invalid-tag') && !r.stdout.includes('duplicate-tag'), r.stdout);
      const budgetTag = FIXED_TEXT.split('\n').indexOf('<!-- owner: product/vision -->') + 1;
      assert.ok(left.some((line) => line.startsWith(`fixing/depot-plan.md:${budgetTag}:`) && line.includes(' owner-mismatch ')), r.stdout);
      assert.ok(left.some((line) => line.includes(' stale-date ')), r.stdout);

      const modified = fs.statSync(file('depot-plan.md')).mtimeMs;
      const again = pmLens(['check', '--fix', 'fixing/depot-plan.md']);
      assert.equal(again.code, 0);
      assert.doesNotMatch(again.stderr, /fixed/);
      assert.equal(again.stdout, r.stdout);
      assert.equal(fs.statSync(file('depot-plan.md')).mtimeMs, modified, 'nothing to fix: the file is not written');
    });

    it('keeps CRLF line breaks, and fixes the file a link points to, the link left a link', function () {
      fs.writeFileSync(file('crlf-plan.md'), PLAN_TEXT.replace(/\n/g, '\r\n'));
      fs.symlinkSync('crlf-plan.md', file('linked-plan.md'));
      const r = pmLens(['check', '--fix', 'fixing/linked-plan.md']);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(fs.lstatSync(file('linked-plan.md')).isSymbolicLink());
      assert.equal(fs.readFileSync(file('crlf-plan.md'), 'utf8'), FIXED_TEXT.replace(/\n/g, '\r\n'));
    });

    it('writes nothing to a file whose bytes are not UTF-8, says why, and exits 2', function () {
      const bytes = Buffer.concat([Buffer.from(PLAN_TEXT.replace('The move costs', 'The caf'), 'utf8'), Buffer.from([0xe9]), Buffer.from(' move costs $5.\n')]);
      fs.writeFileSync(file('latin1-plan.md'), bytes);
      const r = pmLens(['check', '--fix', 'fixing/latin1-plan.md']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /pm-lens: cannot fix 'fixing\/latin1-plan\.md': it is not plain UTF-8, and writing it back would change bytes that no fix touched\n/);
      assert.ok(fs.readFileSync(file('latin1-plan.md')).equals(bytes));
      assert.match(r.stdout, /invalid-tag/, 'the findings of the file as it is are reported');
    });
  });

  describe('files, folders and globs', function () {
    const files = (json: JsonFile[]) => json.map((f) => f.file);

    it('a glob skips files that are not plans (README) unless --all', function () {
      assert.deepEqual(files(analyzeJson(['plans/**/*.md'])), [PLAN, PRD]);
      assert.deepEqual(files(analyzeJson(['plans/**/*.md', '--all'])), ['plans/README.md', PLAN, PRD]);
    });

    it('a folder is walked like a glob, never into node_modules or .git', function () {
      assert.deepEqual(files(analyzeJson(['plans'])), [PLAN, PRD]);
      const everything = files(analyzeJson(['.', '--all']));
      assert.ok(everything.includes('notes/meeting-notes.md'), everything.join());
      assert.ok(!everything.some((f) => f.includes('node_modules') || f.includes('.git')), everything.join());
      const quoted = files(analyzeJson(['**/*.md']));
      assert.ok(quoted.includes(PRD) && quoted.includes('broken/release-plan.md'));
      assert.ok(!quoted.some((f) => /README|meeting-notes|node_modules|\.git/.test(f)), quoted.join());
    });

    it('a file named explicitly is analyzed, plan or not', function () {
      const [readme] = analyzeJson(['plans/README.md']);
      assert.equal(readme.file, 'plans/README.md');
      assert.deepEqual(readme.sections.map((s) => s.heading), ['Plans folder', 'Budget notes']);
    });

    it('!glob leaves files out, and a file is read once however often it is named', function () {
      assert.deepEqual(files(analyzeJson(['plans', '!**/*prd*.md'])), [PLAN]);
      assert.deepEqual(files(analyzeJson([PLAN, 'plans', PLAN])), [PLAN, PRD]);
    });

    it('a glob that matches nothing is an error (exit 2)', function () {
      const r = pmLens(['check', 'nowhere/**/*.md']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /no files match 'nowhere\/\*\*\/\*\.md'/);
    });

    it('a missing file is an I/O error (exit 2) that names it; the other files are still checked', function () {
      const r = pmLens(['check', 'plans/nope.md', PLAN]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /pm-lens: cannot read 'plans\/nope\.md': no such file or directory/);
      assert.match(r.stdout, /pantry-launch-plan\.md:\d+:\d+ error invalid-tag/);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    });

    it('an empty file is analyzed without findings of its own making', function () {
      const [empty] = analyzeJson(['odd/empty.md']);
      assert.deepEqual(empty, { file: 'odd/empty.md', kind: null, sections: [], findings: empty.findings });
      assert.equal(pmLens(['check', 'odd/empty.md']).code, 0);
    });

    it('says when there is no plan to read, and why, instead of printing nothing', function () {
      const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-empty-'));
      try {
        for (const command of ['check', 'summary', 'analyze']) {
          const r = pmLens([command], empty);
          assert.equal(r.code, 0, command);
          assert.match(r.stderr, /^pm-lens: no plan documents found: no Markdown files here\n$/, command);
          assert.doesNotMatch(r.stderr, /no findings in 0 files/);
        }
        fs.writeFileSync(path.join(empty, 'notes.md'), '# Notes\n\nNothing planned.\n');
        const r = pmLens(['summary'], empty);
        assert.match(r.stderr, /no plan documents found: 1 Markdown file was read, and none is a plan \(a plan has "plan:" in its front matter, an owner tag, or a name that matches the "documents" globs/);
      } finally {
        fs.rmSync(empty, { recursive: true, force: true });
      }
    });

    it('leaves out what .pmlensignore lists, and says so when that leaves nothing', function () {
      fs.writeFileSync(path.join(work, '.pmlensignore'), 'broken/\nodd/\n');
      try {
        const quoted = files(analyzeJson(['**/*.md']));
        assert.ok(quoted.includes(PRD) && !quoted.some((f) => f.startsWith('broken/') || f.startsWith('odd/')), quoted.join());
        const only = pmLens(['check', 'broken/**/*.md']);
        assert.equal(only.code, 2);
        assert.match(only.stderr, /no files match 'broken\/\*\*\/\*\.md' outside what the ignore rules leave out \(--no-ignore reads it all\)/);
        assert.ok(files(analyzeJson(['**/*.md', '--no-ignore'])).includes('broken/release-plan.md'));
      } finally {
        fs.rmSync(path.join(work, '.pmlensignore'));
      }
    });

    it('binary junk neither crashes nor fails with an I/O error', function () {
      const check = pmLens(['check', 'odd/junk.md']);
      assert.ok(check.code === 0 || check.code === 1, check.stderr);
      assert.doesNotMatch(check.stderr, /internal error|\n\s+at /);
      for (const line of check.stdout.trimEnd().split('\n').filter(Boolean)) assert.match(line, FINDING_LINE);
      const [junk] = analyzeJson(['odd/junk.md']);
      assert.equal(junk.file, 'odd/junk.md');
    });
  });

  describe('configuration files', function () {
    it('a broken .pmlens.json names the file and the key position, exit 2, defaults stand', function () {
      const r = pmLens(['check', 'broken/release-plan.md']);
      assert.equal(r.code, 2);
      const key = lineOf('broken/.pmlens.json', '"untagged-section"');
      assert.match(r.stderr, new RegExp(`broken/\\.pmlens\\.json:${key}:\\d+`));
      assert.match(r.stderr, /untagged-section/);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    });

    it('the broken file only affects the files below it', function () {
      const r = pmLens(['check', '--fail-on', 'never', PLAN]);
      assert.equal(r.code, 0);
      assert.equal(r.stderr.includes('.pmlens.json'), false);
    });

    it('a .pmlens.json that is not JSON is reported with its line', function () {
      fs.mkdirSync(path.join(work, 'syntax'), { recursive: true });
      fs.writeFileSync(path.join(work, 'syntax', '.pmlens.json'), '{\n  "rules": {\n    "owner-mismatch": "warning"\n  ]\n}\n');
      fs.copyFileSync(path.join(work, PLAN), path.join(work, 'syntax', 'plan.md'));
      const r = pmLens(['check', 'syntax/plan.md']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /syntax\/\.pmlens\.json:4:\d+/);
    });

    it('a .pmlens.json model key: the team model classifies; a bad one is reported and the built-in model stands', function () {
      fs.mkdirSync(path.join(work, 'team', 'models'), { recursive: true });
      fs.writeFileSync(path.join(work, 'team', 'guide-plan.md'), '# Harbour guide\n\n## Glossary\n\n- **Berth**: a place where a boat is moored.\n- **Slipway**: a ramp for boats.\n');
      // Reads every section the rule leaves undecided as product.
      fs.writeFileSync(path.join(work, 'team', 'models', 'team.json'), JSON.stringify({ format: 'pm-lens-model/1', bias: [10, 0, 0], weights: {}, promote: 0.5, veto: 0.5 }));
      const glossary = () => analyzeJson(['team/guide-plan.md'])[0].sections[1].inferred.role;
      fs.writeFileSync(path.join(work, 'team', '.pmlens.json'), '{ "model": "models/team.json" }');
      assert.equal(glossary(), 'product');
      fs.writeFileSync(path.join(work, 'team', '.pmlens.json'), '{\n  "model": "../outside.json"\n}\n');
      assert.equal(glossary(), 'none');
      const r = pmLens(['check', 'team/guide-plan.md']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /team\/\.pmlens\.json:2:\d+.*Model '\.\.\/outside\.json' must stay inside the configuration file's folder; the built-in model is used/);
    });

    it('--config naming a missing file is an error before anything is read', function () {
      const r = pmLens(['check', '--config', 'configs/missing.json', PLAN]);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /cannot read configuration 'configs\/missing\.json': no such file or directory/);
    });

    it('--config naming a broken file reports it with its position, exit 2', function () {
      const r = pmLens(['check', '--config', 'broken/.pmlens.json', PRD]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, new RegExp(`broken/\\.pmlens\\.json:${lineOf('broken/.pmlens.json', '"untagged-section"')}:\\d+`));
    });
  });

  describe('analyze --format json', function () {
    it('has exactly the documented shape', function () {
      const json = analyzeJson([PRD, PLAN]);
      assert.ok(Array.isArray(json));
      assert.deepEqual(json.map((f) => f.file), [PRD, PLAN]);
      for (const file of json) {
        assert.deepEqual(Object.keys(file), ['file', 'kind', 'sections', 'findings']);
        for (const s of file.sections) {
          assert.deepEqual(Object.keys(s), ['line', 'level', 'heading', 'role', 'concern', 'confidence', 'inferred', 'tag']);
          assert.deepEqual(Object.keys(s.inferred), ['role', 'concern', 'confidence', 'evidence']);
          assert.ok(['product', 'project', 'mixed', 'none'].includes(s.inferred.role));
          assert.ok(s.inferred.confidence >= 0 && s.inferred.confidence <= 1);
          for (const e of s.inferred.evidence) {
            assert.deepEqual(Object.keys(e), ['kind', 'text', 'line', 'column', 'concern', 'role', 'weight']);
            assert.ok((e.line as number) >= 1 && (e.column as number) >= 1);
          }
          if (s.tag) assert.deepEqual(Object.keys(s.tag), ['role', 'concern', 'handles']);
        }
        for (const f of file.findings) {
          assert.deepEqual(Object.keys(f), ['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
          assert.ok(f.line >= 1 && f.column >= 1 && f.endLine >= f.line);
        }
      }
    });

    it('says for every heading its 1-based line, level, text and tag', function () {
      const [prd, plan] = analyzeJson([PRD, PLAN]);
      assert.equal(prd.kind, 'prd');
      assert.equal(plan.kind, 'project-plan');
      const headings = fs
        .readFileSync(path.join(work, PRD), 'utf8')
        .split('\n')
        .map((text, i) => ({ text, line: i + 1 }))
        .filter((l) => /^#+ /.test(l.text));
      assert.deepEqual(
        prd.sections.map((s) => [s.line, s.level, s.heading]),
        headings.map((h) => [h.line, h.text.indexOf(' '), h.text.replace(/^#+ /, '')]),
      );
      const vision = prd.sections.find((s) => s.heading === 'Vision')!;
      assert.deepEqual(vision.tag, { role: 'product', concern: 'vision', handles: ['@mira'] });
      assert.deepEqual([vision.role, vision.concern, vision.confidence], ['product', 'vision', 1]);
      const budget = prd.sections.find((s) => s.heading === 'Delivery budget')!;
      assert.deepEqual([budget.role, budget.concern], ['project', 'budget']);
      assert.equal(prd.sections.find((s) => s.heading === 'Tea subscription PRD')!.tag, null);
      const invalid = plan.findings.find((f) => f.rule === 'invalid-tag')!;
      assert.equal(invalid.severity, 'error');
      assert.equal(invalid.line, lineOf(PLAN, 'prodct'));
    });

    it('counts columns in UTF-16 code units, 1-based', function () {
      const [doc] = analyzeJson(['odd/emoji-plan.md']);
      const invalid = doc.findings.find((f) => f.rule === 'invalid-tag')!;
      assert.ok(invalid, JSON.stringify(doc.findings));
      const line = fs.readFileSync(path.join(work, 'odd/emoji-plan.md'), 'utf8').split('\n')[invalid.line - 1];
      const marked = line.slice(invalid.column - 1, invalid.endLine === invalid.line ? invalid.endColumn - 1 : undefined);
      assert.match(marked, /^(<!--|projekt)/);
      assert.ok(marked.includes('projekt'), marked);
    });
  });

  describe('check --format sarif', function () {
    const sarif = (args: string[], cwd = work): { code: number | null; log: CheckedSarif } => {
      const r = pmLens(['check', '--format', 'sarif', ...args], cwd);
      return { code: r.code, log: JSON.parse(r.stdout) as CheckedSarif };
    };

    it('is SARIF 2.1.0 as GitHub code scanning ingests it', function () {
      const { code, log } = sarif([PLAN, PRD, 'odd/emoji-plan.md']);
      assert.equal(code, 1);
      assert.deepEqual(sarifProblems(log), []);
      const driver = log.runs[0].tool.driver;
      assert.equal(driver.name, 'pm-lens');
      assert.equal(driver.version, version);
      for (const rule of rules) {
        const descriptor = driver.rules.find((d) => d.id === rule.id);
        assert.ok(descriptor, rule.id);
        assert.equal(descriptor.helpUri, `https://github.com/pm-lens/pm-lens/blob/main/docs/rules/${rule.id}.md`);
      }
      assert.deepEqual(log.runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(fs.realpathSync(work)).href + '/' } });
    });

    it('matches the JSON findings one to one: rule, level, place', function () {
      const { log } = sarif([PLAN, 'odd/emoji-plan.md']);
      const json = analyzeJson([PLAN, 'odd/emoji-plan.md']);
      const expected = json.flatMap((f) =>
        f.findings.map((x) => ({
          ruleId: x.rule,
          level: x.severity === 'error' ? 'error' : x.severity === 'warning' ? 'warning' : 'note',
          uri: f.file,
          region: { startLine: x.line, startColumn: x.column, endLine: x.endLine, endColumn: x.endColumn },
        })),
      );
      const actual = log.runs[0].results.map((r) => ({
        ruleId: r.ruleId,
        level: r.level,
        uri: r.locations[0].physicalLocation.artifactLocation.uri,
        region: r.locations[0].physicalLocation.region,
      }));
      assert.deepEqual(actual, expected);
      for (const r of log.runs[0].results) assert.equal(r.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    });

    it('gives files outside the working folder an absolute file URI', function () {
      const { log } = sarif(['--fail-on', 'never', `../${PLAN}`], path.join(work, 'notes'));
      assert.deepEqual(sarifProblems(log), []);
      const artifact = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
      assert.equal(artifact.uri, pathToFileURL(path.join(fs.realpathSync(work), PLAN)).href);
      assert.equal(artifact.uriBaseId, undefined);
    });

    it('percent-encodes paths with spaces', function () {
      fs.mkdirSync(path.join(work, 'with space'), { recursive: true });
      fs.copyFileSync(path.join(work, PLAN), path.join(work, 'with space', 'a plan.md'));
      const { log } = sarif(['with space/a plan.md']);
      assert.deepEqual(sarifProblems(log), []);
      assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'with%20space/a%20plan.md');
    });

    it('is valid with no results', function () {
      const { code, log } = sarif(['odd/empty.md']);
      assert.equal(code, 0);
      assert.deepEqual(sarifProblems(log), []);
      assert.deepEqual(log.runs[0].results, []);
    });
  });

  describe('markdown', function () {
    it('check --format markdown is a PR comment: headline, per-file table, rule links', function () {
      const r = pmLens(['check', '--format', 'markdown', PLAN, PRD]);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^## PM Lens\n\n\*\*\d+ findings?\*\* \(.*1 error.*\) in \d of 2 plan documents\./);
      assert.match(r.stdout, /### `plans\/pantry-launch-plan\.md`/);
      assert.match(r.stdout, /\| Severity \| Line \| Rule \| Message \|\n\|---\|---:\|---\|---\|/);
      assert.match(r.stdout, new RegExp(`\\| error \\| ${lineOf(PLAN, 'prodct')}:\\d+ \\| \\[invalid-tag\\]\\(https://github\\.com/pm-lens/pm-lens/blob/main/docs/rules/invalid-tag\\.md\\) \\|`));
    });

    it('says so when there is nothing to report', function () {
      const r = pmLens(['check', '--format', 'markdown', 'odd/empty.md']);
      assert.equal(r.stdout, '## PM Lens\n\nNo findings in 1 plan document.\n');
    });

    it('analyze --format markdown tables every section', function () {
      const r = pmLens(['analyze', '--format', 'markdown', PRD]);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /\| Line \| Section \| Role \| Confidence \| Owner tag \| Why \|/);
      assert.match(r.stdout, new RegExp(`\\| ${lineOf(PRD, '## Vision')} \\| h2 Vision \\| product/vision \\| 1\\.00 \\| tagged \\|`));
    });
  });

  describe('summary', function () {
    interface SummaryReport {
      files: { file: string; summary: { kind: string | null; words: Record<string, number>; product: { concern: string; words: number; rows: { heading: string; line: number; tagged: boolean }[] }[]; project: { concern: string; rows: { heading: string }[] }[]; owners: Record<string, string[]> } }[];
      total: { documents: number; words: Record<string, number>; project: { concern: string; words: number; sections: number }[] };
    }

    it('--format json: each file\'s summary model and the total', function () {
      const r = pmLens(['summary', '--format', 'json', 'plans']);
      assert.equal(r.code, 0);
      const report = JSON.parse(r.stdout) as SummaryReport;
      assert.deepEqual(report.files.map((f) => f.file), [PLAN, PRD]);
      const prd = report.files[1].summary;
      assert.equal(prd.kind, 'prd');
      assert.deepEqual(prd.owners, { product: ['@mira'], project: ['@tomas'] });
      const vision = prd.product.find((g) => g.concern === 'vision')!;
      assert.deepEqual(vision.rows.map((row) => [row.heading, row.line, row.tagged]), [['Vision', lineOf(PRD, '## Vision'), true]]);
      assert.ok(prd.product.findIndex((g) => g.concern === 'vision') < prd.product.findIndex((g) => g.concern === 'metrics'), 'taxonomy order');
      assert.deepEqual(prd.project.map((g) => g.concern), ['budget']);
      assert.equal(report.total.documents, 2);
      for (const side of ['product', 'project', 'neither']) {
        assert.equal(report.total.words[side], report.files.reduce((n, f) => n + f.summary.words[side], 0), side);
      }
      const concerns = report.total.project.map((c) => c.concern);
      assert.ok(concerns.indexOf('schedule') < concerns.indexOf('budget') && concerns.indexOf('budget') < concerns.indexOf('resources'), concerns.join());
      assert.ok(report.total.project.find((c) => c.concern === 'budget')!.sections >= 2);
    });

    it('text: a table per file and the total', function () {
      const r = pmLens(['summary', 'plans']);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^plans\/pantry-launch-plan\.md \(plan: project-plan\)\n  product \d+% /);
      assert.match(r.stdout, /\n  side +concern +words +conf +state +line +section\n/);
      assert.match(r.stdout, /\nTotal \(2 documents\)\n/);
      assert.match(r.stdout, /owners: product @mira; project @tomas/);
      // The total's rows on neither side say why, in the words the per-file tables use.
      const total = r.stdout.slice(r.stdout.indexOf('\nTotal'));
      assert.doesNotMatch(total, /\n  neither /);
      for (const [, why] of total.matchAll(/\n  (shared|mixed|none) /g)) assert.match(r.stdout.slice(0, r.stdout.indexOf('\nTotal')), new RegExp(`\\n  ${why} `), why);
    });

    it('markdown: the same tables the panel copies', function () {
      const r = pmLens(['summary', '--format', 'markdown', PRD]);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^## Ownership summary\n\n### plans\/tea-subscription-prd\.md\n\nProduct \d+% /);
      assert.match(r.stdout, /\| Side \| Concern \| Section \| Words \| Confidence \| Owner tag \|/);
      assert.match(r.stdout, new RegExp(`\\| Product \\| Vision \\| Vision \\(line ${lineOf(PRD, '## Vision')}\\) \\| \\d+ \\| 1\\.00 \\| tagged \\|`));
      assert.doesNotMatch(r.stdout, /### Total/, 'no total for one file');
    });
  });
});
