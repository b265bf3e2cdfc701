/** The command line's grammar: commands, options, their checks and the usage text. */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { parseIsoDay } from '../core/dates';
import type { FailOn } from '../core/report/common';

export const COMMANDS = ['analyze', 'check', 'summary', 'diff'] as const;
export type Command = (typeof COMMANDS)[number];
export const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'hint', 'never'];

/** Formats each command can write. */
export const FORMATS_OF: Readonly<Record<Command, readonly Format[]>> = {
  analyze: ['text', 'json', 'sarif', 'markdown'],
  check: ['text', 'json', 'sarif', 'markdown'],
  summary: ['text', 'json', 'markdown'],
  diff: ['text', 'json', 'markdown'],
};
/** What `diff --fail-on` accepts: fail when a section changed sides, or never. */
const DIFF_FAIL_ON = ['moved', 'never'] as const;

export interface CliOptions {
  readonly command: Command;
  /** Files, folders and globs; the current folder when none is given. */
  readonly inputs: readonly string[];
  readonly format: Format;
  readonly config: string | undefined;
  readonly failOn: FailOn;
  readonly all: boolean;
  readonly quiet: boolean;
  /** Files analysed at once, each on a worker thread. */
  readonly jobs: number;
  /** Seconds a file's analysis may take (0: no limit); undefined: the default for its size. */
  readonly timeLimit: number | undefined;
  /** Read what .gitignore, .pmlensignore and `ignores` leave out too. */
  readonly noIgnore: boolean;
  /** Today for stale-date (`--as-of`, YYYY-MM-DD), over the configuration's `asOf`. */
  readonly asOf: string | undefined;
  /** Named files too are analyzed only when they are plan documents (pre-commit, lint-staged). */
  readonly plansOnly: boolean;
  /** diff: exit 1 when a section changed sides (`--fail-on moved`). */
  readonly failOnMoved: boolean;
  /** check: apply the fixes that need no judgement and write the files (`--fix`). */
  readonly fix: boolean;
}

export type Parsed =
  | { readonly type: 'run'; readonly options: CliOptions }
  | { readonly type: 'help' }
  | { readonly type: 'version' }
  | { readonly type: 'usage-error'; readonly message: string };

export const USAGE = `Usage: pm-lens <command> [files, folders or globs…] [options]

Commands:
  analyze   every section's owner (product or project), concern, confidence and evidence
  check     findings, one per line; the exit code says whether any reaches --fail-on
  summary   the ownership split per file and in total
  diff BASE [HEAD]
            what a change does to ownership: sections added, removed, moved between
            product and project (and why), tags and owners changed, the balance before
            and after. BASE and HEAD are git revisions (HEAD: the working tree when
            omitted) or two files
  lsp       the language server, for editors: pm-lens lsp --stdio (or --node-ipc, --socket=PORT)

Options:
  --format text|json|sarif|markdown   output format (default text; summary: text, json, markdown)
  --config FILE                       use this .pmlens.json for every file, instead of the
                                      nearest one up the folder tree
  --fail-on error|warning|info|hint|never
                                      check: the least severe finding that fails (default error)
  --fail-on moved|never               diff: exit 1 when a section changed sides (default never)
  --as-of YYYY-MM-DD                  today's date for stale-date, so CI runs are reproducible
                                      (a plan's front matter asOf: still wins)
  --plans-only                        named files too are checked only when they are plan
                                      documents (for pre-commit, which names every staged file)
  --all                               folders and globs include Markdown files that are not
                                      plan documents (README, CHANGELOG, …)
  --jobs N, -j N                      files analysed at once on worker threads (default: the
                                      number of cores)
  --time-limit SECONDS                how long one file's analysis may take before it is
                                      stopped and reported (default: 10 s plus 10 s per MB
                                      of text; 0: no limit, and with --jobs 1 no worker
                                      thread)
  --fix                               check: apply the fixes that need no judgement (misspelt
                                      roles, concerns, rule ids and kinds in tags, directives
                                      and front matter; extra owner tags), write the files back,
                                      and report what is left
  --quiet                             check: print only findings that reach --fail-on, and no
                                      notes or summary line on stderr
  --no-ignore                         also read what .gitignore, .pmlensignore and the
                                      "ignores" key of .pmlens.json leave out
  -h, --help                          show this help
  -v, --version                       show the version

Files named on the command line are analyzed even when they are not plans; folders and globs ("**/*.md", quoted)
keep plan documents only unless --all is given; "!glob" leaves files out. With no files, the
current folder is read. node_modules and .git are never entered, and what .gitignore and
.pmlensignore files (from the repository root down) and "ignores" in .pmlens.json list is left
out, named files too.

Output: results on stdout (check --format json writes the same JSON as analyze); notes, errors
and check's closing count line on stderr. Lines and columns are 1-based, columns in UTF-16
code units. A .pmlens.json with errors is reported as file:line:col, its faulty parts are
ignored, the files are still analyzed, and the exit code is 2.

Exit codes: 0 no finding reaches --fail-on; 1 one does (check; diff: a section moved); 2 usage,
configuration, git or I/O error (a missing file, a glob that matches nothing, an unknown revision),
or a file stopped at its time limit.
`;

/** Reads the arguments (without `node` and the script). Never throws. */
export function parseCli(argv: readonly string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        'fail-on': { type: 'string' },
        all: { type: 'boolean', default: false },
        'no-ignore': { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
        jobs: { type: 'string', short: 'j' },
        'time-limit': { type: 'string' },
        'as-of': { type: 'string' },
        'plans-only': { type: 'boolean', default: false },
        fix: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    return { type: 'usage-error', message: describeArgsError(error as NodeJS.ErrnoException) };
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return { type: 'help' };
  if (values.version) return { type: 'version' };
  const [command, ...inputs] = positionals;
  if (command === undefined) return { type: 'usage-error', message: 'Missing command: analyze, check, summary or diff' };
  if (!(COMMANDS as readonly string[]).includes(command)) {
    return { type: 'usage-error', message: `Unknown command '${command}': expected analyze, check, summary or diff` };
  }
  const cmd = command as Command;
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    return { type: 'usage-error', message: `Unknown format '${format}': expected ${FORMATS.join(', ')}` };
  }
  if (!FORMATS_OF[cmd].includes(format as Format)) {
    return { type: 'usage-error', message: `'${cmd}' cannot write ${format}: use ${FORMATS_OF[cmd].join(', ')}` };
  }
  let failOn = values['fail-on'] ?? 'error';
  let failOnMoved = false;
  if (cmd === 'diff') {
    if (inputs.length < 1 || inputs.length > 2) return { type: 'usage-error', message: 'diff needs BASE and at most one HEAD: two git revisions or two files' };
    const given = values['fail-on'] ?? 'never';
    if (!(DIFF_FAIL_ON as readonly string[]).includes(given)) return { type: 'usage-error', message: `Unknown diff --fail-on '${given}': expected ${DIFF_FAIL_ON.join(', ')}` };
    failOnMoved = given === 'moved';
    failOn = 'never';
  } else if (!(FAIL_ON as readonly string[]).includes(failOn)) {
    return { type: 'usage-error', message: `Unknown --fail-on '${failOn}': expected ${FAIL_ON.join(', ')}` };
  }
  if (values.fix && cmd !== 'check') return { type: 'usage-error', message: `--fix works with check only, not ${cmd}` };
  const asOf = values['as-of'];
  if (asOf !== undefined && parseIsoDay(asOf) === undefined) return { type: 'usage-error', message: `--as-of '${asOf}' is not a date written YYYY-MM-DD` };
  if (values.config === '') return { type: 'usage-error', message: '--config needs a file' };
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) return { type: 'usage-error', message: `--jobs needs a whole number from 1 to 256, not '${values.jobs}'` };
  const timeLimit = values['time-limit'] === undefined ? undefined : /^\d{1,5}(?:\.\d+)?$/.test(values['time-limit']) ? Number(values['time-limit']) : NaN;
  if (timeLimit !== undefined && !(timeLimit <= 86_400)) {
    return { type: 'usage-error', message: `--time-limit needs a number of seconds from 0 (no limit) to 86400, not '${values['time-limit']}'` };
  }
  return {
    type: 'run',
    options: {
      command: cmd,
      inputs,
      format: format as Format,
      config: values.config,
      failOn: failOn as FailOn,
      all: values.all ?? false,
      quiet: values.quiet ?? false,
      jobs,
      timeLimit,
      noIgnore: values['no-ignore'] ?? false,
      asOf,
      plansOnly: values['plans-only'] ?? false,
      failOnMoved,
      fix: values.fix ?? false,
    },
  };
}

/**
 * A usage message for what `parseArgs` refused, in the command line's own words: Node's own
 * messages run over several sentences and quote the option in a way that reads unbalanced.
 */
function describeArgsError(error: NodeJS.ErrnoException): string {
  // Node names the option as `'-f, --format <value>'` or `'--bogus'`: keep the long name.
  const option = /--[\w-]+/.exec(error.message)?.[0] ?? /'(-[^' ,]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return option ? `Unknown option '${option}' (see --help)` : 'Unknown option (see --help)';
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return option ? `Option '${option}' needs a value` : 'An option needs a value';
    default:
      return error.message.split('\n')[0];
  }
}
