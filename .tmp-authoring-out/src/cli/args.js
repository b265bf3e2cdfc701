"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.USAGE = exports.FORMATS_OF = exports.FORMATS = exports.COMMANDS = void 0;
exports.parseCli = parseCli;
/** The command line's grammar: commands, options, their checks and the usage text. */
const node_util_1 = require("node:util");
exports.COMMANDS = ['analyze', 'check', 'summary'];
exports.FORMATS = ['text', 'json', 'sarif', 'markdown'];
const FAIL_ON = ['error', 'warning', 'info', 'hint', 'never'];
/** Formats each command can write. */
exports.FORMATS_OF = {
    analyze: ['text', 'json', 'sarif', 'markdown'],
    check: ['text', 'json', 'sarif', 'markdown'],
    summary: ['text', 'json', 'markdown'],
};
exports.USAGE = `Usage: pm-lens <command> [files, folders or globs…] [options]

Commands:
  analyze   every section's owner (product or project), concern, confidence and evidence
  check     findings, one per line; the exit code says whether any reaches --fail-on
  summary   the ownership split per file and in total

Options:
  --format text|json|sarif|markdown   output format (default text; summary: text, json, markdown)
  --config FILE                       use this .pmlens.json for every file, instead of the
                                      nearest one up the folder tree
  --fail-on error|warning|info|hint|never
                                      check: the least severe finding that fails (default error)
  --all                               folders and globs include Markdown files that are not
                                      plan documents (README, CHANGELOG, …)
  --quiet                             check: print only findings that reach --fail-on, and no
                                      notes or summary line on stderr
  -h, --help                          show this help
  -v, --version                       show the version

Files named on the command line are always analyzed; folders and globs ("**/*.md", quoted)
keep plan documents only unless --all is given; "!glob" leaves files out. With no files, the
current folder is read. node_modules and .git are never entered.

Output: results on stdout (check --format json writes the same JSON as analyze); notes, errors
and check's closing count line on stderr. Lines and columns are 1-based, columns in UTF-16
code units. A .pmlens.json with errors is reported as file:line:col, its faulty parts are
ignored, the files are still analyzed, and the exit code is 2.

Exit codes: 0 no finding reaches --fail-on; 1 one does (check only); 2 usage, configuration or
I/O error (a missing file, a glob that matches nothing).
`;
/** Reads the arguments (without `node` and the script). Never throws. */
function parseCli(argv) {
    let parsed;
    try {
        parsed = (0, node_util_1.parseArgs)({
            args: [...argv],
            allowPositionals: true,
            strict: true,
            options: {
                format: { type: 'string', short: 'f' },
                config: { type: 'string', short: 'c' },
                'fail-on': { type: 'string' },
                all: { type: 'boolean', default: false },
                quiet: { type: 'boolean', short: 'q', default: false },
                help: { type: 'boolean', short: 'h', default: false },
                version: { type: 'boolean', short: 'v', default: false },
            },
        });
    }
    catch (error) {
        return { type: 'usage-error', message: error.message.split('\n')[0] };
    }
    const { values, positionals } = parsed;
    if (values.help || positionals[0] === 'help')
        return { type: 'help' };
    if (values.version)
        return { type: 'version' };
    const [command, ...inputs] = positionals;
    if (command === undefined)
        return { type: 'usage-error', message: 'Missing command: analyze, check or summary' };
    if (!exports.COMMANDS.includes(command)) {
        return { type: 'usage-error', message: `Unknown command '${command}': expected analyze, check or summary` };
    }
    const cmd = command;
    const format = values.format ?? 'text';
    if (!exports.FORMATS.includes(format)) {
        return { type: 'usage-error', message: `Unknown format '${format}': expected ${exports.FORMATS.join(', ')}` };
    }
    if (!exports.FORMATS_OF[cmd].includes(format)) {
        return { type: 'usage-error', message: `'${cmd}' cannot write ${format}: use ${exports.FORMATS_OF[cmd].join(', ')}` };
    }
    const failOn = values['fail-on'] ?? 'error';
    if (!FAIL_ON.includes(failOn)) {
        return { type: 'usage-error', message: `Unknown --fail-on '${failOn}': expected ${FAIL_ON.join(', ')}` };
    }
    if (values.config === '')
        return { type: 'usage-error', message: '--config needs a file' };
    return {
        type: 'run',
        options: {
            command: cmd,
            inputs,
            format: format,
            config: values.config,
            failOn: failOn,
            all: values.all ?? false,
            quiet: values.quiet ?? false,
        },
    };
}
//# sourceMappingURL=args.js.map