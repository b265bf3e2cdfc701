/**
 * Where teams run PM Lens: the composite GitHub Action (action.yml) and the pre-commit hook
 * (.pre-commit-hooks.yaml), each run as its host runs it, against a git repository built here.
 * The action's `run:` steps go through bash with the environment GitHub sets; the one `uses:`
 * step (the SARIF upload) is not run, its inputs are checked to point at the SARIF produced.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { fromRoot } from '../support/paths';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

interface StepResult {
  readonly step: Step;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The resolved `with:` of a `uses:` step, which is not run. */
  readonly with?: Record<string, string>;
}

const action = parse(fs.readFileSync(fromRoot('action.yml'), 'utf8')) as Action;

/**
 * Resolves the few expression forms the action uses: `inputs.NAME`, `steps.ID.outputs.NAME`,
 * and `inputs.NAME == 'value'` in `if:`. Anything else fails the test, so the action cannot use
 * an expression this harness would silently get wrong.
 */
function evaluate(expression: string, inputs: Record<string, string>, outputs: Record<string, Record<string, string>>): string {
  const e = expression.trim();
  let m = /^inputs\.([\w-]+)$/.exec(e);
  if (m) {
    assert.ok(m[1] in action.inputs, `unknown input ${m[1]}`);
    return inputs[m[1]];
  }
  m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e);
  if (m) return outputs[m[1]]?.[m[2]] ?? '';
  m = /^inputs\.([\w-]+) == '([^']*)'$/.exec(e);
  if (m) return String(inputs[m[1]] === m[2]);
  throw new Error(`expression the test cannot evaluate: ${e}`);
}

function substitute(text: string, inputs: Record<string, string>, outputs: Record<string, Record<string, string>>): string {
  return text.replace(/\$\{\{([^}]*)\}\}/g, (_, e: string) => evaluate(e, inputs, outputs));
}

/** Runs the action's steps as a runner does: in order, stopping at the first that fails. */
function runAction(workspace: string, given: Record<string, string>, env: Record<string, string>): StepResult[] {
  const inputs: Record<string, string> = {};
  for (const [name, def] of Object.entries(action.inputs)) inputs[name] = given[name] ?? def.default ?? '';
  const outputs: Record<string, Record<string, string>> = {};
  const results: StepResult[] = [];
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-runner-'));
  action.runs.steps.forEach((step, n) => {
    if (step.if !== undefined && evaluate(step.if, inputs, outputs) !== 'true') return;
    if (step.uses) {
      const resolved = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v), inputs, outputs)]));
      results.push({ step, code: 0, stdout: '', stderr: '', with: resolved });
      return;
    }
    assert.equal(step.shell, 'bash', `${step.name}: a composite step names its shell`);
    const outputFile = path.join(temp, `output-${n}`);
    fs.writeFileSync(outputFile, '');
    const script = path.join(temp, `step-${n}.sh`);
    fs.writeFileSync(script, step.run ?? '');
    const stepEnv: Record<string, string> = {};
    for (const [k, v] of Object.entries(step.env ?? {})) stepEnv[k] = substitute(String(v), inputs, outputs);
    // What GitHub runs for `shell: bash`.
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: workspace,
      encoding: 'utf8',
      env: { ...process.env, ...env, ...stepEnv, GITHUB_OUTPUT: outputFile },
    });
    const written: Record<string, string> = {};
    for (const line of fs.readFileSync(outputFile, 'utf8').split('\n')) {
      const eq = line.indexOf('=');
      if (eq > 0) written[line.slice(0, eq)] = line.slice(eq + 1);
    }
    if (step.id) outputs[step.id] = written;
    results.push({ step, code: r.status, stdout: r.stdout, stderr: r.stderr });
    if (r.status !== 0) throw new StopSteps(results);
  });
  fs.rmSync(temp, { recursive: true, force: true });
  return results;
}

class StopSteps extends Error {
  constructor(readonly results: StepResult[]) {
    super('a step failed');
  }
}

function runUntilFailure(workspace: string, inputs: Record<string, string>, env: Record<string, string>): StepResult[] {
  try {
    return runAction(workspace, inputs, env);
  } catch (e) {
    if (e instanceof StopSteps) return e.results;
    throw e;
  }
}

const PRD = [
  '---',
  'plan: prd',
  '---',
  '# Pantry app',
  '',
  '## Vision',
  '<!-- owner: product/vision -->',
  '',
  'Neighbours share surplus food so that nothing good is thrown away. Households find a pantry',
  'nearby, see what is on offer, and pick it up the same day.',
  '',
  '## Who it is for',
  '',
  'As a parent on a tight budget, I want to see what is free nearby so that I can plan meals.',
  '',
].join('\n');

describe('GitHub Action (action.yml)', function () {
  this.timeout(120000);
  let root = '';
  let workspace = '';
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-action-'));
    const seed = path.join(root, 'seed');
    fs.mkdirSync(seed);
    git(seed, 'init', '-q', '-b', 'main');
    git(seed, 'config', 'user.email', 'dev@example.com');
    git(seed, 'config', 'user.name', 'Dev');
    fs.writeFileSync(path.join(seed, 'pantry-prd.md'), PRD);
    git(seed, 'add', '.');
    git(seed, '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'PRD');
    git(root, 'clone', '-q', '--bare', seed, 'origin.git');
    // The pull request's branch, checked out as actions/checkout leaves it.
    git(root, 'clone', '-q', 'origin.git', 'workspace');
    workspace = path.join(root, 'workspace');
    git(workspace, 'config', 'user.email', 'dev@example.com');
    git(workspace, 'config', 'user.name', 'Dev');
    git(workspace, 'checkout', '-q', '-b', 'feature');
    fs.writeFileSync(
      path.join(workspace, 'pantry-prd.md'),
      PRD.replace('<!-- owner: product/vision -->', '<!-- owner: project/schedule -->').replace(
        /Neighbours[^]*same day\./,
        'The build runs in three sprints from 2026-01-05 to 2026-02-13 with a budget of $40,000.\n\n- [ ] Backend milestone by 2025-01-16',
      ),
    );
    git(workspace, '-c', 'commit.gpgsign=false', 'commit', '-q', '-am', 'Rewrite the vision as a schedule');
    // The base branch is fetched by the action itself, as in a shallow checkout.
    git(workspace, 'update-ref', '-d', 'refs/remotes/origin/main');
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  function githubEnv(summary: string): Record<string, string> {
    return {
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: fromRoot(),
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_BASE_REF: 'main',
      GITHUB_HEAD_REF: 'feature',
      GITHUB_REF: 'refs/pull/7/merge',
      RUNNER_TEMP: os.tmpdir(),
    };
  }

  it('is a composite action whose only uses: step uploads SARIF', () => {
    assert.equal(action.runs.using, 'composite');
    const uses = action.runs.steps.filter((s) => s.uses);
    assert.deepEqual(uses.map((s) => s.uses), ['github/codeql-action/upload-sarif@v3']);
    for (const step of action.runs.steps.filter((s) => s.run)) assert.ok(!/\$\{\{/.test(step.run!), `${step.name}: inputs reach scripts through env, not spliced in`);
  });

  it('on a pull request: SARIF for code scanning, the ownership diff in the job summary; passes below fail-on', () => {
    const summary = path.join(root, 'summary-1.md');
    fs.writeFileSync(summary, '');
    const results = runUntilFailure(workspace, { 'as-of': '2025-12-02', 'time-limit': '60' }, githubEnv(summary));
    for (const r of results) assert.equal(r.code, 0, `${r.step.name}: ${r.stderr}`);
    assert.equal(results.length, action.runs.steps.length, 'every step ran');

    const upload = results.find((r) => r.step.uses)!;
    const sarifPath = path.resolve(workspace, upload.with!.sarif_file);
    assert.equal(sarifPath, path.join(workspace, 'pm-lens.sarif'));
    const sarif = JSON.parse(fs.readFileSync(sarifPath, 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].tool.driver.name, 'pm-lens');
    const rules = sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId);
    assert.ok(rules.includes('stale-date'), JSON.stringify(rules));

    const written = fs.readFileSync(summary, 'utf8');
    assert.match(written, /## PM Lens: ownership changes/);
    assert.match(written, /\*\*moved “Pantry app › Vision” \(line 6\)\*\*/);
    assert.match(written, /decided by its owner tag: product\/vision → project\/schedule/);
    assert.ok(git(workspace, 'rev-parse', '--verify', 'refs/remotes/origin/main').trim().length === 40, 'the base was fetched');
  });

  it('fails the job after the upload when findings reach fail-on, or a section moved with diff-fail-on: moved', () => {
    const summary = path.join(root, 'summary-2.md');
    fs.writeFileSync(summary, '');
    const strict = runUntilFailure(workspace, { 'as-of': '2025-12-02', 'fail-on': 'info' }, githubEnv(summary));
    assert.deepEqual(strict.map((r) => r.code), [0, 0, 0, 0, 1]);
    assert.match(strict[4].stdout, /::error title=PM Lens::findings at or above 'info'/);

    const moved = runUntilFailure(workspace, { 'as-of': '2025-12-02', 'diff-fail-on': 'moved' }, githubEnv(summary));
    assert.deepEqual(moved.map((r) => r.code), [0, 0, 0, 0, 1]);
    assert.match(moved[4].stdout, /changed sides/);
  });

  it('outside a pull request writes no diff; with upload-sarif false skips the upload; bad input fails the check step', () => {
    const summary = path.join(root, 'summary-3.md');
    fs.writeFileSync(summary, '');
    const env = { ...githubEnv(summary), GITHUB_EVENT_NAME: 'push', GITHUB_BASE_REF: '' };
    const results = runUntilFailure(workspace, { 'upload-sarif': 'false', 'as-of': '2025-12-02' }, env);
    assert.ok(results.every((r) => r.code === 0 && !r.step.uses));
    assert.equal(fs.readFileSync(summary, 'utf8'), '');
    for (const inputs of [{ 'as-of': 'soon' }, { 'time-limit': 'soon' }] as Record<string, string>[]) {
      const bad = runUntilFailure(workspace, inputs, env);
      assert.equal(bad.length, 2, JSON.stringify(inputs));
      assert.equal(bad[1].code, 2);
    }
  });
});

describe('pre-commit hook (.pre-commit-hooks.yaml)', function () {
  this.timeout(60000);
  const hooks = parse(fs.readFileSync(fromRoot('.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; types: string[] }[];
  let dir = '';

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-hook-'));
    // pre-commit's node language installs the package; its bin is on the PATH as `pm-lens`.
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.symlinkSync(fromRoot('bin', 'pm-lens.js'), path.join(dir, 'bin', 'pm-lens'));
    fs.mkdirSync(path.join(dir, 'repo'));
    fs.writeFileSync(path.join(dir, 'repo', 'README.md'), '# Readme\n\n## Costs\n\nHosting costs $5,000 a month, the whole budget.\n');
    fs.writeFileSync(path.join(dir, 'repo', 'pantry-prd.md'), PRD);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The hook's entry split as pre-commit splits it (shlex), with the staged files appended. */
  function runHook(files: string[], args: string[] = []) {
    const [hook] = hooks;
    const argv = hook.entry.split(' ');
    assert.ok(!/["'\\]/.test(hook.entry), 'the entry needs no shell quoting');
    // pre-commit puts a hook's `args:` after its entry, before the files.
    return spawnSync(argv[0], [...argv.slice(1), ...args, ...files], {
      cwd: path.join(dir, 'repo'),
      encoding: 'utf8',
      env: { ...process.env, PATH: `${path.join(dir, 'bin')}${path.delimiter}${process.env.PATH}` },
    });
  }

  it('is one node hook on Markdown files', () => {
    assert.equal(hooks.length, 1);
    assert.equal(hooks[0].id, 'pm-lens');
    assert.equal(hooks[0].language, 'node');
    assert.deepEqual(hooks[0].types, ['markdown']);
  });

  it('passes clean plans and skips Markdown that is not a plan; fails on an error in a plan', () => {
    const clean = runHook(['README.md', 'pantry-prd.md']);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.ok(!clean.stdout.includes('README.md'), 'a README is not a plan: skipped');
    const named = spawnSync(process.execPath, [fromRoot('bin', 'pm-lens.js'), 'check', 'README.md'], { cwd: path.join(dir, 'repo'), encoding: 'utf8' });
    assert.match(named.stdout, /^README\.md:3:1 hint untagged-section/m, 'without --plans-only a named README is checked');
    fs.writeFileSync(path.join(dir, 'repo', 'pantry-prd.md'), PRD.replace('owner: product/vision', 'owner: prodcut/vision'));
    const broken = runHook(['README.md', 'pantry-prd.md']);
    assert.equal(broken.status, 1);
    assert.match(broken.stdout, /^pantry-prd\.md:7:\d+ error invalid-tag /m);
  });

  it('with args: [--fix], corrects the misspelt tag in the file and passes', () => {
    fs.writeFileSync(path.join(dir, 'repo', 'pantry-prd.md'), PRD.replace('owner: product/vision', 'owner: prodcut/vision'));
    const fixed = runHook(['README.md', 'pantry-prd.md'], ['--fix']);
    assert.equal(fixed.status, 0, fixed.stdout + fixed.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'repo', 'pantry-prd.md'), 'utf8'), PRD);
    assert.equal(fs.readFileSync(path.join(dir, 'repo', 'README.md'), 'utf8'), '# Readme\n\n## Costs\n\nHosting costs $5,000 a month, the whole budget.\n', 'what is not a plan is not touched');
  });
});
