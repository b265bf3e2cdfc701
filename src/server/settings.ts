/**
 * The `pmLens` settings a client sends (`workspace/configuration`, or `didChangeConfiguration`
 * for clients that cannot be asked), read with zod. What the core's configuration covers
 * (`rules`, `documents`, `analyzeAllMarkdown`, `asOf`) is validated by the core's own schema when it is
 * laid over the defaults (config.ts); the rest belongs to the editor and is read here. A value
 * of the wrong type falls back to its default; nothing a client sends can throw.
 */
import { z } from 'zod';

const MEGABYTE = 1024 * 1024;

const editorSettingsSchema = z
  .object({
    enable: z.boolean().catch(true),
    codeLens: z.object({ enabled: z.boolean().catch(true) }).catch({ enabled: true }),
    debounceMs: z.number().min(0).max(5000).catch(300),
    maxFileSize: z.number().min(0).catch(5 * MEGABYTE),
  })
  .catch({ enable: true, codeLens: { enabled: true }, debounceMs: 300, maxFileSize: 5 * MEGABYTE });

/** The settings that apply to one document. */
export interface ServerSettings {
  readonly enable: boolean;
  readonly codeLensEnabled: boolean;
  /** Milliseconds between the last change and the analysis. */
  readonly debounceMs: number;
  /** Larger documents (UTF-8 bytes) are not analysed. */
  readonly maxFileSize: number;
  /** The part the core reads (`rules`, `documents`, `analyzeAllMarkdown`, `asOf`), as sent. */
  readonly configLayer: Readonly<Record<string, unknown>>;
}

/** Reads the `pmLens` section as a client sent it (anything at all). */
export function readServerSettings(section: unknown): ServerSettings {
  const value = isObject(section) ? section : {};
  // `codeLens.enabled` may come flat from clients that do not nest dotted keys.
  const nested = { ...value, codeLens: isObject(value.codeLens) ? value.codeLens : { enabled: value['codeLens.enabled'] } };
  const editor = editorSettingsSchema.parse(nested);
  const configLayer: Record<string, unknown> = {};
  for (const key of ['rules', 'documents', 'analyzeAllMarkdown'] as const) if (value[key] !== undefined && value[key] !== null) configLayer[key] = value[key];
  // `asOf` empty is the manifest's default: today.
  if (typeof value.asOf === 'string' && value.asOf.trim() !== '') configLayer.asOf = value.asOf.trim();
  return { enable: editor.enable, codeLensEnabled: editor.codeLens.enabled, debounceMs: editor.debounceMs, maxFileSize: editor.maxFileSize, configLayer };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
