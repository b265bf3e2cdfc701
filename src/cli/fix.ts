/**
 * `check --fix`: the fixes that need no judgement (`fixAllEdits`: misspelt values, extra tags)
 * applied to a file in rounds, as ESLint applies its fixes (an edit that overlapped one already
 * applied comes back in the next analysis), and the file written once, whole, in its place.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, fixAllEdits } from '../core/fixes';
import type { Analysis } from '../core/types';
import { describeError } from './files';
import type { FileJob, FileOutcome } from './job';

/** Rounds at most; each applies every fix that does not overlap another. */
const MAX_ROUNDS = 10;

export interface FixedText {
  /** The analysis of the text as it stands after the last round. */
  readonly analysis: Analysis;
  /** How many edits the rounds applied. */
  readonly applied: number;
  /** The fixed text; undefined when no fix applied. */
  readonly text: string | undefined;
}

/** Fixes `job.text` round by round, each result analysed by `analyse` as the file was; writes nothing. */
export async function fixRounds(job: FileJob, first: Analysis, analyse: (job: FileJob) => Promise<FileOutcome>): Promise<FixedText> {
  let text = job.text;
  let analysis = first;
  let applied = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const edits = fixAllEdits(analysis);
    if (edits.length === 0) break;
    const next = applyEdits(text, edits);
    const outcome = await analyse({ ...job, text: next });
    // A fixed text analyses as well as the file did; should it ever not, the last one that did stands.
    if (outcome.type !== 'analyzed') break;
    text = next;
    analysis = outcome.analysis;
    applied += edits.length;
  }
  return { analysis, applied, text: applied > 0 ? text : undefined };
}

/**
 * Writes `text` over `file`, which held `original` when it was read: into a new file beside it,
 * then renamed over it, so that a failure midway leaves the file as it was. Returns why it wrote
 * nothing, if it did not: the file changed since it was read, its bytes are not UTF-8 that reads
 * back the same (writing it back would change bytes no fix touched), or the file system refused.
 */
export function writeFixedFile(file: string, original: string, text: string): string | undefined {
  /** The new file, once this call has made it (and only then is it this call's to remove). */
  let temporary: string | undefined;
  try {
    // The file a link points to is the one to fix; renaming over the link would replace it.
    const target = fs.realpathSync(file);
    const bytes = fs.readFileSync(target);
    if (bytes.toString('utf8') !== original) return 'it changed while it was checked';
    if (!bytes.equals(Buffer.from(original, 'utf8'))) return 'it is not plain UTF-8, and writing it back would change bytes that no fix touched';
    const beside = path.join(path.dirname(target), `.${path.basename(target)}.pm-lens-${process.pid}.tmp`);
    const mode = fs.statSync(target).mode & 0o7777;
    const descriptor = fs.openSync(beside, 'wx', mode);
    temporary = beside;
    try {
      fs.writeFileSync(descriptor, text);
    } finally {
      fs.closeSync(descriptor);
    }
    // Opening applied the umask; the fixed file keeps the permissions the file had.
    fs.chmodSync(temporary, mode);
    fs.renameSync(temporary, target);
    return undefined;
  } catch (error) {
    if (temporary !== undefined) fs.rmSync(temporary, { force: true });
    return describeError(error);
  }
}
