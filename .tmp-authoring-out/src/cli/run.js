"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.EXIT_ERROR = exports.EXIT_FINDINGS = exports.EXIT_OK = void 0;
exports.runCli = runCli;
/**
 * `pm-lens analyze|check|summary`: reads the files, loads their configuration, runs the core and
 * prints through the shared formatters. Findings and reports go to stdout; notes, errors and
 * check's closing count line go to stderr, so stdout stays parseable.
 */
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_url_1 = require("node:url");
const analyze_1 = require("../core/analyze");
const registry_1 = require("../core/rules/registry");
const summary_1 = require("../core/summary");
const report_1 = require("../core/report");
const args_1 = require("./args");
const detect_1 = require("../core/detect");
const engine_1 = require("./engine");
const files_1 = require("./files");
exports.EXIT_OK = 0;
exports.EXIT_FINDINGS = 1;
exports.EXIT_ERROR = 2;
/** Runs one command line (arguments without `node` and the script) and returns the exit code. */
async function runCli(argv, io, version) {
    const parsed = (0, args_1.parseCli)(argv);
    switch (parsed.type) {
        case 'help':
            io.stdout(args_1.USAGE);
            return exports.EXIT_OK;
        case 'version':
            io.stdout(`${version}\n`);
            return exports.EXIT_OK;
        case 'usage-error':
            io.stderr(`pm-lens: ${parsed.message}\n\n${args_1.USAGE}`);
            return exports.EXIT_ERROR;
        case 'run':
            return runCommand(parsed.options, io, version);
    }
}
async function runCommand(options, io, version) {
    const note = (text) => {
        if (!options.quiet)
            io.stderr(`pm-lens: ${text}\n`);
    };
    const error = (text) => io.stderr(`pm-lens: ${text}\n`);
    let failed = false;
    const source = (0, engine_1.openConfigSource)(options.config, io.cwd);
    if ('error' in source) {
        error(source.error);
        return exports.EXIT_ERROR;
    }
    const expansion = (0, files_1.expandInputs)(options.inputs.length > 0 ? options.inputs : ['.'], io.cwd);
    for (const problem of expansion.problems)
        error(problem);
    if (expansion.problems.length > 0)
        failed = true;
    const results = [];
    const reported = new Set();
    let skipped = 0;
    for (const file of expansion.files) {
        let text;
        try {
            text = fs.readFileSync(file.absolute, 'utf8');
        }
        catch (e) {
            error(`cannot read '${file.display}': ${(0, files_1.describeError)(e)}`);
            failed = true;
            continue;
        }
        const { config, issues } = await source.configFor(file.absolute);
        for (const issue of issues) {
            const key = `${issue.file}:${issue.problem.range.start.offset}:${issue.problem.message}`;
            if (reported.has(key))
                continue;
            reported.add(key);
            if (issue.problem.severity === 'error') {
                error(describeIssue(issue, io.cwd));
                failed = true;
            }
            else
                note(describeIssue(issue, io.cwd));
        }
        const decision = (0, detect_1.isPlanDocument)({ path: detectionPath(io.cwd, file.absolute), text, config, explicitlyRequested: file.explicit || options.all });
        if (!decision.isPlan) {
            skipped++;
            continue;
        }
        let analysis;
        try {
            analysis = (0, analyze_1.analyze)(text, { config, facts: decision.facts });
        }
        catch (e) {
            // The engine promises not to throw; if it ever does, say which file and carry on.
            error(`internal error analyzing '${file.display}': ${e.stack ?? e}`);
            failed = true;
            continue;
        }
        results.push({ path: file.display, absolute: file.absolute, analysis, config });
    }
    if (skipped > 0 && results.length === 0) {
        note(`no plan documents found (${skipped} Markdown ${skipped === 1 ? 'file' : 'files'} skipped; --all reads them too)`);
    }
    else if (skipped > 0)
        note(`${skipped} ${skipped === 1 ? 'file that is not a plan' : 'files that are not plans'} skipped (--all reads them too)`);
    io.stdout(render(options, results, io.cwd, version));
    if (options.command === 'check' && options.format === 'text' && !options.quiet) {
        const counts = (0, report_1.countBySeverity)(results);
        const total = counts.error + counts.warning + counts.info + counts.hint;
        const files = `${results.length} ${results.length === 1 ? 'file' : 'files'}`;
        io.stderr(total === 0 ? `no findings in ${files}\n` : `${total} ${total === 1 ? 'finding' : 'findings'} (${(0, report_1.severityCounts)(counts)}) in ${files}\n`);
    }
    if (failed)
        return exports.EXIT_ERROR;
    if (options.command !== 'check')
        return exports.EXIT_OK;
    const fails = results.some((r) => r.analysis.findings.some((f) => (0, report_1.reaches)(f.severity, options.failOn)));
    return fails ? exports.EXIT_FINDINGS : exports.EXIT_OK;
}
function render(options, results, cwd, version) {
    const { command, format } = options;
    if (command === 'summary') {
        const total = (0, summary_1.sumSummaries)(results.map((r) => r.analysis.summary));
        if (format === 'json')
            return JSON.stringify((0, report_1.summaryReportToJson)(results, total), null, 2) + '\n';
        if (format === 'markdown') {
            const parts = ['## Ownership summary', '', ...results.map((r) => (0, report_1.summaryToMarkdown)(r.analysis.summary, r.path, { taxonomy: r.config.taxonomy }))];
            if (results.length > 1)
                parts.push((0, report_1.totalToMarkdown)(total, 'Total'));
            return parts.join('\n');
        }
        const parts = results.map((r) => (0, report_1.summaryToText)(r.analysis.summary, r.path, { taxonomy: r.config.taxonomy }));
        if (results.length > 1)
            parts.push((0, report_1.totalToText)(total, 'Total'));
        return parts.join('\n');
    }
    switch (format) {
        case 'json':
            return JSON.stringify((0, report_1.analyzeToJson)(results), null, 2) + '\n';
        case 'sarif':
            return JSON.stringify((0, report_1.toSarif)(results.map((r) => sarifFile(r, cwd)), { toolVersion: version, rules: registry_1.rules, srcRoot: folderUri(cwd) }), null, 2) + '\n';
        case 'markdown':
            return command === 'check' ? (0, report_1.checkToMarkdown)(results) : (0, report_1.analyzeToMarkdown)(results);
        case 'text':
            return command === 'check' ? (0, report_1.checkToText)(results, options.quiet ? options.failOn : undefined) : (0, report_1.analyzeToText)(results);
    }
}
/** A path relative to the working folder with forward slashes (`../x.md` when outside it). */
function relativePath(cwd, absolute) {
    return path.relative(cwd, absolute).split(path.sep).join('/');
}
/** The path plan detection matches globs against: relative inside the working folder, else absolute. */
function detectionPath(cwd, absolute) {
    const rel = relativePath(cwd, absolute);
    return rel.startsWith('../') || path.isAbsolute(rel) ? absolute.split(path.sep).join('/') : rel;
}
/** SARIF artifact: relative to %SRCROOT% (the working folder) when inside it, else a file URI. */
function sarifFile(result, cwd) {
    const rel = relativePath(cwd, result.absolute);
    const inside = rel !== '' && !rel.startsWith('../') && rel !== '..' && !path.isAbsolute(rel);
    return inside
        ? { ...result, uri: rel.split('/').map(encodeURIComponent).join('/'), relative: true }
        : { ...result, uri: (0, node_url_1.pathToFileURL)(result.absolute).href, relative: false };
}
function folderUri(folder) {
    const href = (0, node_url_1.pathToFileURL)(folder).href;
    return href.endsWith('/') ? href : `${href}/`;
}
/** `file:line:col: severity: message`, 1-based, the form editors and terminals link. */
function describeIssue({ file, problem }, cwd) {
    const { line, character } = problem.range.start;
    return `${relativePath(cwd, file)}:${line + 1}:${character + 1}: ${problem.severity}: ${problem.message}`;
}
//# sourceMappingURL=run.js.map