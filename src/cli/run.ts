/**
 * `pm-lens analyze|check|summary`: reads the files, loads their configuration, runs the core and
 * prints through the shared formatters. Findings and reports go to stdout; notes, errors and
 * check's closing count line go to stderr, so stdout stays parseable.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ResolvedConfig } from '../core/config/types';
import { rules } from '../core/rules/registry';
import { sumSummaries } from '../core/summary';
import type { Analysis } from '../core/types';
import {
  analyzeToJson,
  analyzeToMarkdown,
  analyzeToText,
  checkToMarkdown,
  checkToText,
  countBySeverity,
  reaches,
  severityCounts,
  summaryReportToJson,
  summaryToMarkdown,
  summaryToText,
  toSarif,
  totalToMarkdown,
  totalToText,
  type FileAnalysis,
  type SarifFile,
} from '../core/report';
import { parseCli, USAGE, type CliOptions } from './args';
import { runDiff } from './diff';
import { ConfigFiles, openConfigSource, type ConfigIssue } from './engine';
import { describeError, expandInputs } from './files';
import { IgnoreRules } from './ignores';
import { fixRounds, writeFixedFile } from './fix';
import { describeStopped, type FileJob, type FileOutcome } from './job';
import { openRunner } from './pool';

/** Where the command line writes, and the folder it runs in. */
export interface CliIo {
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

interface FileResult extends FileAnalysis {
  readonly absolute: string;
  readonly config: ResolvedConfig;
}

/** Runs one command line (arguments without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  const parsed = parseCli(argv);
  switch (parsed.type) {
    case 'help':
      io.stdout(USAGE);
      return EXIT_OK;
    case 'version':
      io.stdout(`${version}\n`);
      return EXIT_OK;
    case 'usage-error':
      io.stderr(`pm-lens: ${parsed.message}\n\n${USAGE}`);
      return EXIT_ERROR;
    case 'run':
      return parsed.options.command === 'diff' ? runDiff(parsed.options, io) : runCommand(parsed.options, io, version);
  }
}

async function runCommand(options: CliOptions, io: CliIo, version: string): Promise<number> {
  const note = (text: string) => {
    if (!options.quiet) io.stderr(`pm-lens: ${text}\n`);
  };
  const error = (text: string) => io.stderr(`pm-lens: ${text}\n`);
  let failed = false;

  // One parse of each .pmlens.json for both its configuration and its `ignores`.
  const configFiles = new ConfigFiles();
  const source = openConfigSource(options.config, io.cwd, configFiles);
  if ('error' in source) {
    error(source.error);
    return EXIT_ERROR;
  }
  // Only `!glob`s (or nothing) given: they filter the current folder.
  const inputs = options.inputs.some((i) => !i.startsWith('!')) ? options.inputs : ['.', ...options.inputs];
  const expansion = expandInputs(inputs, io.cwd, options.noIgnore ? undefined : IgnoreRules.forWorkingFolder(io.cwd, configFiles));
  for (const problem of expansion.problems) error(problem);
  for (const { display, source } of expansion.ignoredExplicit) {
    note(`'${display}' is ignored by the ignore rules in '${source}' (.gitignore, .pmlensignore or "ignores"); --no-ignore reads it`);
  }
  if (expansion.problems.length > 0) failed = true;

  const results: FileResult[] = [];
  const reported = new Set<string>();
  let skipped = 0;
  // Files are read and configured here, in order, and analysed on worker threads; a bounded
  // number in flight keeps memory to a few files' texts.
  const runner = openRunner({ jobs: Math.max(1, Math.min(options.jobs, expansion.files.length)), timeLimit: options.timeLimit });
  type InputFile = (typeof expansion.files)[number];
  const inFlight: { file: InputFile; job: FileJob; outcome: Promise<FileOutcome> }[] = [];
  /** `check --fix`: the file fixed and written, and the analysis of what it holds now; as it was when nothing applied or it could not be written. */
  const fix = async (file: InputFile, job: FileJob, analysis: Analysis): Promise<Analysis> => {
    const fixed = await fixRounds(job, analysis, (next) => runner.run(next));
    if (fixed.text === undefined) return analysis;
    const refused = writeFixedFile(file.absolute, job.text, fixed.text);
    if (refused !== undefined) {
      error(`cannot fix '${file.display}': ${refused}`);
      failed = true;
      return analysis;
    }
    note(`fixed '${file.display}': ${fixed.applied} ${fixed.applied === 1 ? 'edit' : 'edits'}`);
    return fixed.analysis;
  };
  const settle = async (): Promise<void> => {
    const { file, job, outcome } = inFlight.shift()!;
    const done = await outcome;
    if (done.type === 'skipped') skipped++;
    else if (done.type === 'failed') {
      // The engine promises not to throw; if it ever does, say which file and carry on.
      error(`internal error analyzing '${file.display}': ${done.error}`);
      failed = true;
    } else if (done.type === 'stopped') {
      error(`'${file.display}' was ${describeStopped(done)}`);
      failed = true;
    } else {
      const analysis = options.fix ? await fix(file, job, done.analysis) : done.analysis;
      results.push({ path: file.display, absolute: file.absolute, analysis, config: job.config });
    }
  };
  try {
    for (const file of expansion.files) {
      let text: string;
      try {
        // A FIFO or a device named on the command line would block or never end: not read.
        if (!fs.statSync(file.absolute).isFile()) {
          error(`cannot read '${file.display}': not a regular file`);
          failed = true;
          continue;
        }
        text = fs.readFileSync(file.absolute, 'utf8');
      } catch (e) {
        error(`cannot read '${file.display}': ${describeError(e)}`);
        failed = true;
        continue;
      }
      const found = await source.configFor(file.absolute);
      const { issues } = found;
      // --as-of wins over the configuration's asOf (a plan's own front matter still wins over both).
      const config = options.asOf !== undefined ? { ...found.config, asOf: options.asOf } : found.config;
      for (const issue of issues) {
        const key = `${issue.file}:${issue.problem.range.start.offset}:${issue.problem.message}`;
        if (reported.has(key)) continue;
        reported.add(key);
        if (issue.problem.severity === 'error') {
          error(describeIssue(issue, io.cwd));
          failed = true;
        } else note(describeIssue(issue, io.cwd));
      }
      const job = { text, path: detectionPath(io.cwd, file.absolute), explicit: (file.explicit && !options.plansOnly) || options.all, config };
      inFlight.push({ file, job, outcome: runner.run(job) });
      if (inFlight.length >= options.jobs * 4) await settle();
    }
    while (inFlight.length > 0) await settle();
  } finally {
    await runner.close();
  }
  if (results.length === 0 && !failed) note(noPlanReason(skipped, expansion.ignored));
  else if (skipped > 0) note(`${skipped} ${skipped === 1 ? 'file that is not a plan' : 'files that are not plans'} skipped (--all reads them too)`);

  const rendered = render(options, results, io.cwd, version);
  // Every output ends its last line, so nothing printed after it (stderr notes) runs on.
  io.stdout(rendered === '' || rendered.endsWith('\n') ? rendered : `${rendered}\n`);

  if (options.command === 'check' && options.format === 'text' && !options.quiet && results.length > 0) {
    const counts = countBySeverity(results);
    const total = counts.error + counts.warning + counts.info + counts.hint;
    const files = `${results.length} ${results.length === 1 ? 'file' : 'files'}`;
    io.stderr(total === 0 ? `no findings in ${files}\n` : `${total} ${total === 1 ? 'finding' : 'findings'} (${severityCounts(counts)}) in ${files}\n`);
  }
  if (failed) return EXIT_ERROR;
  if (options.command !== 'check') return EXIT_OK;
  const fails = results.some((r) => r.analysis.findings.some((f) => reaches(f.severity, options.failOn)));
  return fails ? EXIT_FINDINGS : EXIT_OK;
}

/** Why nothing was analyzed: no Markdown at all, only ignored files, or no file that reads as a plan. */
function noPlanReason(skipped: number, ignored: number): string {
  const ignoredNote = ignored > 0 ? `; ${ignored} ${ignored === 1 ? 'file or folder was' : 'files and folders were'} left out by .gitignore, .pmlensignore or "ignores" (--no-ignore reads them)` : '';
  if (skipped === 0) return `no plan documents found: no Markdown files here${ignoredNote}`;
  return (
    `no plan documents found: ${skipped} Markdown ${skipped === 1 ? 'file was' : 'files were'} read, and none is a plan ` +
    `(a plan has "plan:" in its front matter, an owner tag, or a name that matches the "documents" globs such as *prd*.md or *plan*.md; ` +
    `--all reads every Markdown file)${ignoredNote}`
  );
}

function render(options: CliOptions, results: readonly FileResult[], cwd: string, version: string): string {
  const { command, format } = options;
  if (command === 'summary') {
    // Files may have different configurations; the first one's taxonomy orders the total.
    const taxonomy = results[0]?.config.taxonomy;
    const total = sumSummaries(results.map((r) => r.analysis.summary), taxonomy);
    if (format === 'json') return JSON.stringify(summaryReportToJson(results, total), null, 2) + '\n';
    if (format === 'markdown') {
      const parts = ['## Ownership summary', '', ...results.map((r) => summaryToMarkdown(r.analysis.summary, r.path, { taxonomy: r.config.taxonomy }))];
      if (results.length > 1) parts.push(totalToMarkdown(total, 'Total', { taxonomy }));
      return parts.join('\n');
    }
    const parts = results.map((r) => summaryToText(r.analysis.summary, r.path, { taxonomy: r.config.taxonomy }));
    if (results.length > 1) parts.push(totalToText(total, 'Total', { taxonomy }));
    return parts.join('\n');
  }
  switch (format) {
    case 'json':
      return JSON.stringify(analyzeToJson(results), null, 2) + '\n';
    case 'sarif':
      return JSON.stringify(toSarif(results.map((r) => sarifFile(r, cwd)), { toolVersion: version, rules, srcRoot: folderUri(cwd) }), null, 2) + '\n';
    case 'markdown':
      return command === 'check' ? checkToMarkdown(results) : analyzeToMarkdown(results);
    case 'text':
      return command === 'check' ? checkToText(results, options.quiet ? options.failOn : undefined) : analyzeToText(results);
  }
}

/** A path relative to the working folder with forward slashes (`../x.md` when outside it). */
function relativePath(cwd: string, absolute: string): string {
  return path.relative(cwd, absolute).split(path.sep).join('/');
}

/** The path plan detection matches globs against: relative inside the working folder, else absolute. */
function detectionPath(cwd: string, absolute: string): string {
  const rel = relativePath(cwd, absolute);
  return rel.startsWith('../') || path.isAbsolute(rel) ? absolute.split(path.sep).join('/') : rel;
}

/** SARIF artifact: relative to %SRCROOT% (the working folder) when inside it, else a file URI. */
function sarifFile(result: FileResult, cwd: string): SarifFile {
  const rel = relativePath(cwd, result.absolute);
  const inside = rel !== '' && !rel.startsWith('../') && rel !== '..' && !path.isAbsolute(rel);
  return inside
    ? { ...result, uri: rel.split('/').map(encodeURIComponent).join('/'), relative: true }
    : { ...result, uri: pathToFileURL(result.absolute).href, relative: false };
}

function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** `file:line:col: severity: message`, 1-based, the form editors and terminals link. */
function describeIssue({ file, problem }: ConfigIssue, cwd: string): string {
  const { line, character } = problem.range.start;
  return `${relativePath(cwd, file)}:${line + 1}:${character + 1}: ${problem.severity}: ${problem.message}`;
}
