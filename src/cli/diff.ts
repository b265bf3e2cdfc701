/**
 * `pm-lens diff BASE [HEAD]`: reads two versions of each changed plan — from git revisions (HEAD
 * defaults to the working tree) or two files — analyzes both with the core and prints the core's
 * ownership diff.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diffPlans } from '../core/diff';
import { diffToJson, diffToMarkdown, diffToText, type FileDiff } from '../core/report/diff';
import type { Analysis } from '../core/types';
import type { CliOptions } from './args';
import { openConfigSource, type ConfigSource } from './engine';
import { describeError } from './files';
import { changedMarkdown, fileAt, GitError, repositoryRoot, resolveCommit } from './git';
import { describeStopped } from './job';
import { openRunner, type JobRunner } from './pool';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, type CliIo } from './run';

/** Runs `pm-lens diff`; returns the exit code. */
export async function runDiff(options: CliOptions, io: CliIo): Promise<number> {
  const source = openConfigSource(options.config, io.cwd);
  if ('error' in source) {
    io.stderr(`pm-lens: ${source.error}\n`);
    return EXIT_ERROR;
  }
  let files: FileDiff[];
  // Each version is analysed on a worker thread, under the same time limit as check's files.
  const versions = new Versions(source, openRunner({ jobs: 1, timeLimit: options.timeLimit }));
  try {
    files = (await twoFiles(options, io.cwd, versions)) ?? (await revisions(options, io.cwd, versions));
  } catch (error) {
    io.stderr(`pm-lens: ${error instanceof GitError ? `git: ${error.message}` : describeError(error)}\n`);
    return EXIT_ERROR;
  } finally {
    await versions.runner.close();
  }
  const out = options.format === 'json' ? JSON.stringify(diffToJson(files), null, 2) + '\n' : options.format === 'markdown' ? diffToMarkdown(files) : diffToText(files);
  io.stdout(out);
  return options.failOnMoved && files.some((f) => f.diff.moved > 0) ? EXIT_FINDINGS : EXIT_OK;
}

/** Two files named on the command line: compared as two versions of one plan. */
async function twoFiles(options: CliOptions, cwd: string, versions: Versions): Promise<FileDiff[] | undefined> {
  if (options.inputs.length !== 2) return undefined;
  const [a, b] = options.inputs.map((f) => path.resolve(cwd, f));
  if (!isFile(a) || !isFile(b)) return undefined;
  const before = await versions.analyze(fs.readFileSync(a, 'utf8'), a);
  const after = await versions.analyze(fs.readFileSync(b, 'utf8'), b);
  return [{ path: `${options.inputs[0]} → ${options.inputs[1]}`, diff: diffPlans(before, after) }];
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Git revisions: every Markdown file that changed and is a plan in either version. */
async function revisions(options: CliOptions, cwd: string, versions: Versions): Promise<FileDiff[]> {
  const root = await repositoryRoot(cwd);
  const base = await resolveCommit(cwd, options.inputs[0]);
  const head = options.inputs[1] !== undefined ? await resolveCommit(cwd, options.inputs[1]) : undefined;
  const out: FileDiff[] = [];
  for (const file of await changedMarkdown(root, base, head)) {
    const absolute = path.join(root, file);
    const beforeText = await fileAt(root, base, file);
    const afterText = head ? await fileAt(root, head, file) : readIfThere(absolute);
    const shown = path.relative(cwd, absolute).split(path.sep).join('/');
    const before = beforeText !== undefined ? await versions.analyze(beforeText, absolute, shown) : undefined;
    const after = afterText !== undefined ? await versions.analyze(afterText, absolute, shown) : undefined;
    if (!before && !after) continue;
    out.push({ path: shown, diff: diffPlans(before, after) });
  }
  return out;
}

function readIfThere(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Analyses versions of files with the configuration of the working tree. */
class Versions {
  constructor(
    private readonly source: ConfigSource,
    readonly runner: JobRunner,
  ) {}

  /**
   * The analysis of one version, or undefined when that version is not a plan document. Files
   * named on the command line always are (as for check); files found by git are plans as
   * `pmLens.documents`, front matter and tags say. Throws what stopped it, for the user.
   */
  async analyze(text: string, absolute: string, shown?: string): Promise<Analysis | undefined> {
    const { config } = await this.source.configFor(absolute);
    const outcome = await this.runner.run({ text, path: shown ?? absolute.split(path.sep).join('/'), explicit: shown === undefined, config });
    const name = shown ?? absolute;
    switch (outcome.type) {
      case 'skipped':
        return undefined;
      case 'analyzed':
        return outcome.analysis;
      case 'stopped':
        throw new Error(`a version of '${name}' was ${describeStopped(outcome)}`);
      case 'failed':
        throw new Error(`internal error analyzing a version of '${name}': ${outcome.error}`);
    }
  }
}
