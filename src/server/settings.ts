/**
 * The `pmLens` settings a client sends (`workspace/configuration`, or `didChangeConfiguration`
 * for clients that cannot be asked), read with zod. What the core's configuration covers
 * (`rules`, `documents`, `analyzeAllMarkdown`, `asOf`) is validated by the core's own schema when it is
 * laid over the defaults (config.ts); the rest belongs to the editor and is read here. A value
 * of the wrong type is reported and falls back to its default; nothing a client sends can throw.
 */
import { z } from 'zod';

const MEGABYTE = 1024 * 1024;

/** The editor's own settings: each one's schema and the default that stands when it is missing or invalid. */
const editorSettings = {
  enable: { schema: z.boolean(), fallback: true },
  'codeLens.enabled': { schema: z.boolean(), fallback: true },
  debounceMs: { schema: z.number().min(0).max(5000), fallback: 300 },
  maxFileSize: { schema: z.number().min(0), fallback: 5 * MEGABYTE },
} as const;

/** The settings that apply to one document. */
export interface ServerSettings {
  readonly enable: boolean;
  readonly codeLensEnabled: boolean;
  /** While an older version is still being analysed, milliseconds between the last change and the next analysis. */
  readonly debounceMs: number;
  /** Larger documents (UTF-8 bytes) are not analysed. */
  readonly maxFileSize: number;
  /** The part the core reads (`rules`, `documents`, `analyzeAllMarkdown`, `asOf`), as sent. */
  readonly configLayer: Readonly<Record<string, unknown>>;
}

/**
 * Reads the `pmLens` section as a client sent it (anything at all). A value of the wrong type or
 * out of range is reported (`report`, with the setting's name) and its default applies; the
 * core's part is checked, and reported, when it is laid over the defaults (config.ts).
 */
export function readServerSettings(section: unknown, report: (message: string) => void = () => undefined): ServerSettings {
  const value = isObject(section) ? section : {};
  const read = <K extends keyof typeof editorSettings>(key: K, given: unknown): (typeof editorSettings)[K]['fallback'] => {
    const { schema, fallback } = editorSettings[key];
    if (given === undefined || given === null) return fallback;
    const parsed = schema.safeParse(given);
    if (parsed.success) return parsed.data as (typeof editorSettings)[K]['fallback'];
    report(`pmLens.${key}: ${parsed.error.issues[0]?.message ?? 'invalid'} (got ${JSON.stringify(given)}); the default ${JSON.stringify(fallback)} applies`);
    return fallback;
  };
  // `codeLens.enabled` may come flat from clients that do not nest dotted keys.
  const codeLens = isObject(value.codeLens) ? value.codeLens.enabled : value['codeLens.enabled'];
  const configLayer: Record<string, unknown> = {};
  for (const key of ['rules', 'documents', 'analyzeAllMarkdown'] as const) if (value[key] !== undefined && value[key] !== null) configLayer[key] = value[key];
  // `asOf` empty is the manifest's default: today.
  if (typeof value.asOf === 'string' && value.asOf.trim() !== '') configLayer.asOf = value.asOf.trim();
  return {
    enable: read('enable', value.enable),
    codeLensEnabled: read('codeLens.enabled', codeLens),
    debounceMs: read('debounceMs', value.debounceMs),
    maxFileSize: read('maxFileSize', value.maxFileSize),
    configLayer,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
