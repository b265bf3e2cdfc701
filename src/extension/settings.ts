import * as vscode from 'vscode';
import type { SeveritySetting } from '../core/types';
import { SETTINGS_SECTION, SettingDefaults, Settings } from './constants';

/** The `pmLens.*` settings that apply to one document, with wrong types replaced by defaults. */
export interface PmLensSettings {
  readonly enable: boolean;
  /** Globs that make a file a plan; undefined when the user set none (the defaults apply). */
  readonly documents: readonly string[] | undefined;
  /** Per-rule severities the user set; only valid entries. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly codeLensEnabled: boolean;
  readonly analyzeAllMarkdown: boolean;
  readonly debounceMs: number;
  readonly maxFileSize: number;
  /** `pmLens.asOf`: today for stale-date; undefined when empty (the clock's date). */
  readonly asOf: string | undefined;
}

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** Reads the settings for `scope` (a document's folder settings win over the user's). */
export function readSettings(scope?: vscode.Uri): PmLensSettings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const bool = (key: string, fallback: boolean): boolean => {
    const v = c.get<unknown>(key);
    return typeof v === 'boolean' ? v : fallback;
  };
  const count = (key: string, fallback: number): number => {
    const v = c.get<unknown>(key);
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback;
  };
  // Only what the user set explicitly overrides the defaults of the core (or of .pmlens.json).
  const documentsInspect = c.inspect<unknown>(Settings.documents);
  const documentsSet =
    documentsInspect?.workspaceFolderValue ?? documentsInspect?.workspaceValue ?? documentsInspect?.globalValue;
  const documents = Array.isArray(documentsSet) ? documentsSet.filter((g): g is string => typeof g === 'string' && g !== '') : undefined;
  const rulesValue = c.get<unknown>(Settings.rules);
  const rules: Record<string, SeveritySetting> = {};
  if (rulesValue && typeof rulesValue === 'object' && !Array.isArray(rulesValue)) {
    for (const [id, severity] of Object.entries(rulesValue as Record<string, unknown>)) {
      if (typeof severity === 'string' && SEVERITIES.has(severity)) rules[id] = severity as SeveritySetting;
    }
  }
  return {
    enable: bool(Settings.enable, SettingDefaults.enable),
    documents,
    rules,
    codeLensEnabled: bool(Settings.codeLensEnabled, SettingDefaults.codeLensEnabled),
    analyzeAllMarkdown: bool(Settings.analyzeAllMarkdown, SettingDefaults.analyzeAllMarkdown),
    debounceMs: count(Settings.debounceMs, SettingDefaults.debounceMs),
    maxFileSize: count(Settings.maxFileSize, SettingDefaults.maxFileSize),
    asOf: nonEmpty(c.get<unknown>(Settings.asOf)),
  };
}

/** A string setting that is set: empty means "not set" (the manifest's default). */
function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Whether a configuration change touches PM Lens. */
export function affectsPmLens(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SETTINGS_SECTION);
}
