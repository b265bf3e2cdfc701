import * as path from 'node:path';

/** The repository root: tests run from it (npm test, mocha), wherever their compiled files are. */
export const repoRoot = process.env.PM_LENS_ROOT ?? process.cwd();

/** A path under the repository root. */
export function fromRoot(...parts: string[]): string {
  return path.join(repoRoot, ...parts);
}
