import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fromRoot } from '../support/paths';
import { CHECKOUT_PRD } from '../server/fixtures';

interface SeenDiagnostic {
  readonly code: string;
  readonly message: string;
  readonly source: string;
  readonly range: { readonly start: { readonly line: number } };
}

/** What test/neovim/lsp-client.lua writes. */
interface Seen {
  readonly error?: string;
  readonly diagnostics: SeenDiagnostic[];
  readonly hover: string;
  readonly actions: string[];
  readonly text: string;
  readonly fixed: boolean;
  readonly diagnosticsAfter: SeenDiagnostic[];
}

/** Runs headless Neovim with the test's Lua client on a plan; resolves with what it saw. */
async function runNeovim(plan: string, out: string): Promise<Seen> {
  const child = spawn('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${fromRoot('test/neovim/lsp-client.lua')}`], {
    env: { ...process.env, PM_LENS_NVIM_OUT: out, PM_LENS_BIN: fromRoot('bin/pm-lens.js'), PM_LENS_PLAN: plan, PM_LENS_NODE: process.execPath },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill(), 60000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  assert.ok(fs.existsSync(out), `Neovim exited with ${code} and wrote nothing: ${stderr}`);
  return JSON.parse(fs.readFileSync(out, 'utf8')) as Seen;
}

describe('Neovim (built-in LSP client) on pm-lens lsp --stdio', function () {
  this.timeout(90000);
  let dir: string;
  let seen: Seen;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-nvim-'));
    fs.writeFileSync(path.join(dir, 'checkout-prd.md'), CHECKOUT_PRD);
    seen = await runNeovim(path.join(dir, 'checkout-prd.md'), path.join(dir, 'seen.json'));
    assert.equal(seen.error, undefined, seen.error);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('shows the plan\'s diagnostics', () => {
    const codes = seen.diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes, ['misplaced-concern', 'missing-concern', 'missing-concern', 'owner-mismatch', 'untagged-section', 'untagged-section']);
    assert.ok(seen.diagnostics.every((d) => d.source === 'pm-lens'));
  });

  it('shows the hover of a heading', () => {
    assert.match(seen.hover, /^\*\*Product · User needs\*\* — Problem/);
  });

  it('applies the preferred quick fix, and the finding goes away', () => {
    assert.equal(seen.actions.at(-1), 'Disable owner-mismatch for this section');
    assert.match(seen.text, /## Budget\n<!-- owner: project\/budget -->/);
    assert.equal(seen.fixed, true);
    assert.ok(!seen.diagnosticsAfter.some((d) => d.code === 'owner-mismatch'));
  });
});
