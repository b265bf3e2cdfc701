/**
 * What an untrusted workspace may not make the engine run. Like markdownlint, which loads no
 * JavaScript configuration from an untrusted folder, PM Lens runs no regular expression and no
 * glob from a workspace the user has not trusted: `.pmlens.json` could come with any clone.
 */
import type { PmLensSettings } from './schema';
import type { ProblemSink } from './settings';

/** Why the parts are left out, said on each of them. */
export const UNTRUSTED_NOTE = 'is not used: this workspace is not trusted, and PM Lens runs no regular expression or glob from an untrusted workspace. Trust the workspace to use it';

/**
 * The settings without their regular expressions (`patterns` of concerns and of the neutral
 * vocabulary) and globs (`documents`), each left-out part reported where it stands.
 */
export function withoutUntrustedParts(settings: PmLensSettings, report: ProblemSink): PmLensSettings {
  let out: PmLensSettings = settings;
  if (settings.documents !== undefined) {
    report(['documents'], `documents ${UNTRUSTED_NOTE}`, 'warning', 'key');
    out = { ...out, documents: undefined };
  }
  if (settings.concerns) {
    const concerns: Record<string, NonNullable<PmLensSettings['concerns']>[string]> = Object.create(null);
    for (const [name, patch] of Object.entries(settings.concerns)) {
      if (patch.patterns === undefined) concerns[name] = patch;
      else {
        report(['concerns', name, 'patterns'], `concerns.${name}.patterns ${UNTRUSTED_NOTE}`, 'warning', 'key');
        concerns[name] = { ...patch, patterns: undefined };
      }
    }
    out = { ...out, concerns };
  }
  if (settings.neutral?.patterns !== undefined) {
    report(['neutral', 'patterns'], `neutral.patterns ${UNTRUSTED_NOTE}`, 'warning', 'key');
    out = { ...out, neutral: { ...settings.neutral, patterns: undefined } };
  }
  return out;
}
