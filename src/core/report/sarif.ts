/**
 * SARIF 2.1.0 output, as GitHub code scanning ingests it: the tool and every rule (with its doc
 * link and default level) in `runs[0].tool.driver`, one result per finding with a physical
 * location relative to `%SRCROOT%`. Regions are 1-based; columns count UTF-16 code units (SARIF's
 * default `columnKind`, and the core's own unit), end columns exclusive.
 */
import { ruleDocUrl, type Rule } from '../rules/rule';
import type { Severity, SeveritySetting } from '../types';
import { oneBased, type FileAnalysis } from './common';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_INFORMATION_URI = 'https://github.com/pm-lens/pm-lens';
/** The base id relative artifact URIs start from. */
export const SRCROOT = '%SRCROOT%';

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

/** A file for SARIF: its analysis and its artifact URI. */
export interface SarifFile extends FileAnalysis {
  /** A URI reference: relative to {@link SRCROOT} (`docs/my%20prd.md`) or an absolute `file:` URI. */
  readonly uri: string;
  /** Whether `uri` is relative to {@link SRCROOT}. */
  readonly relative: boolean;
}

export interface SarifOptions {
  readonly toolVersion: string;
  /** Every rule the run knew; results of other rule ids get a minimal descriptor. */
  readonly rules: readonly Rule[];
  /** The absolute `file:` URI of the folder relative URIs start from, ending in `/`. */
  readonly srcRoot?: string;
}

/** A SARIF level for a PM Lens severity: info and hint are notes. */
export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

function defaultConfiguration(setting: SeveritySetting): { level: SarifLevel; enabled?: boolean } {
  return setting === 'off' ? { level: 'note', enabled: false } : { level: sarifLevel(setting) };
}

/**
 * A rule's readable name: `OwnerMismatch` for `owner-mismatch`. SARIF keeps `id` an opaque,
 * stable identifier and wants `name`, when present, to differ from it.
 */
function ruleName(id: string): string {
  return id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
}

/** The SARIF log of the findings of `files`. */
export function toSarif(files: readonly SarifFile[], options: SarifOptions): SarifLog {
  const descriptors: ReportingDescriptor[] = options.rules.map((rule) => {
    const sentence = rule.description.replace(/\.?\s*$/, '.');
    return {
      id: rule.id,
      name: ruleName(rule.id),
      shortDescription: { text: rule.description },
      fullDescription: { text: sentence },
      helpUri: ruleDocUrl(rule.id),
      help: { text: `${sentence} See ${ruleDocUrl(rule.id)}`, markdown: `${sentence} [Documentation](${ruleDocUrl(rule.id)})` },
      defaultConfiguration: defaultConfiguration(rule.defaultSeverity),
    };
  });
  const indexOf = new Map(descriptors.map((d, i) => [d.id, i]));
  const results: SarifResult[] = [];
  for (const file of files) {
    for (const finding of file.analysis.findings) {
      let ruleIndex = indexOf.get(finding.ruleId);
      if (ruleIndex === undefined) {
        ruleIndex = descriptors.length;
        indexOf.set(finding.ruleId, ruleIndex);
        descriptors.push({
          id: finding.ruleId,
          name: ruleName(finding.ruleId),
          shortDescription: { text: finding.ruleId },
          fullDescription: { text: finding.ruleId },
          helpUri: ruleDocUrl(finding.ruleId),
          help: { text: `See ${ruleDocUrl(finding.ruleId)}`, markdown: `[Documentation](${ruleDocUrl(finding.ruleId)})` },
          defaultConfiguration: { level: sarifLevel(finding.severity) },
        });
      }
      const at = oneBased(finding.range);
      results.push({
        ruleId: finding.ruleId,
        ruleIndex,
        level: sarifLevel(finding.severity),
        message: { text: finding.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: file.relative ? { uri: file.uri, uriBaseId: SRCROOT } : { uri: file.uri },
              region: { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn },
            },
          },
        ],
      });
    }
  }
  const run: SarifRun = {
    tool: { driver: { name: 'pm-lens', informationUri: TOOL_INFORMATION_URI, version: options.toolVersion, rules: descriptors } },
    ...(options.srcRoot ? { originalUriBaseIds: { [SRCROOT]: { uri: options.srcRoot } } } : {}),
    columnKind: 'utf16CodeUnits',
    results,
  };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

/** The subset of SARIF 2.1.0 that PM Lens writes. */
export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly SarifRun[];
}

export interface SarifRun {
  readonly tool: { readonly driver: { readonly name: string; readonly informationUri: string; readonly version: string; readonly rules: readonly ReportingDescriptor[] } };
  readonly originalUriBaseIds?: Readonly<Record<string, { readonly uri: string }>>;
  readonly columnKind: 'utf16CodeUnits';
  readonly results: readonly SarifResult[];
}

export interface ReportingDescriptor {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly helpUri: string;
  readonly help: { readonly text: string; readonly markdown: string };
  readonly defaultConfiguration: { readonly level: SarifLevel; readonly enabled?: boolean };
}

export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly message: { readonly text: string };
  readonly locations: readonly {
    readonly physicalLocation: {
      readonly artifactLocation: { readonly uri: string; readonly uriBaseId?: string };
      readonly region: { readonly startLine: number; readonly startColumn: number; readonly endLine: number; readonly endColumn: number };
    };
  }[];
}
