/**
 * Completion inside owner tags and directives, editor-free: given a line and the cursor, what may
 * be typed there. `<!-- owner: |` → roles; `<!-- owner: project/|` → that role's concerns;
 * `<!-- owner: product @|` → handles already used in the workspace's plans;
 * `<!-- pm-lens-disable |` → rule ids; `<!-- |` → `owner:` and the directive names.
 */
import { concernsOf, DIRECTIVE_NAMES, TAG_ROLES } from './tags';
import type { Taxonomy } from './taxonomy/types';
import type { TagRole } from './types';

export type TagCompletionKind = 'keyword' | 'role' | 'concern' | 'handle' | 'rule';

/** Where the cursor stands inside a tag, and the part of the line a completion replaces. */
export type TagCompletionContext =
  | { readonly type: 'keyword'; readonly replace: CharRange }
  | { readonly type: 'role'; readonly replace: CharRange; readonly spaceBefore: boolean }
  | { readonly type: 'concern'; readonly role: 'product' | 'project'; readonly replace: CharRange }
  | { readonly type: 'handle'; readonly replace: CharRange; readonly present: readonly string[] }
  | { readonly type: 'rule'; readonly replace: CharRange; readonly present: readonly string[] };

/** Characters `[start, end)` of the line. */
export interface CharRange {
  readonly start: number;
  readonly end: number;
}

export interface TagCompletion {
  readonly label: string;
  readonly kind: TagCompletionKind;
  /** One line shown next to the label. */
  readonly detail: string;
  readonly documentation?: string;
  readonly insertText: string;
  /** What it replaces on the cursor's line. */
  readonly replace: CharRange;
  /** Keeps the order meaningful (roles in the design's order, concerns in the taxonomy's). */
  readonly sortText: string;
  /** Ask for completion again right after inserting (after `owner: `, the roles come next). */
  readonly retrigger?: boolean;
}

export interface TagCompletionSources {
  readonly taxonomy: Taxonomy;
  /** Known rules, for directives. */
  readonly rules: readonly { readonly id: string; readonly description: string }[];
  /** Handles used in the workspace's plans (`@dana`); only read for a handle position. */
  readonly handles: readonly string[];
}

/** The characters that open a completion inside a tag. */
export const TAG_TRIGGER_CHARACTERS: readonly string[] = [':', '/', '@', ' '];

const DIRECTIVES: readonly { name: string; detail: string }[] = [
  { name: 'pm-lens-disable', detail: 'Switch rules off from here (all rules when none is named)' },
  { name: 'pm-lens-enable', detail: 'Switch rules on again from here' },
  { name: 'pm-lens-disable-next-section', detail: 'Switch rules off for the next section only' },
  { name: 'pm-lens-disable-line', detail: 'Switch rules off for the findings on this line' },
  { name: 'pm-lens-disable-next-line', detail: 'Switch rules off for the findings on the next line' },
];

/** A directive's name, then the rule ids after it up to the cursor. */
const DIRECTIVE_RULES = new RegExp(`^\\s*(?:${DIRECTIVE_NAMES.join('|')})((?:[\\s,]+[\\w-]+)*)[\\s,]+[\\w-]*$`, 'i');

const ROLE_WORD = '(product|project|shared|none)';
const HANDLE_CHARS = '[A-Za-z0-9._-]';

/**
 * What can be completed at `character` of `line`, if the cursor is inside an HTML comment that
 * is (or is becoming) an owner tag or a directive. Undefined anywhere else.
 */
export function tagCompletionContext(line: string, character: number): TagCompletionContext | undefined {
  if (character < 4) return undefined;
  const open = line.lastIndexOf('<!--', character - 4);
  if (open < 0) return undefined;
  const bodyStart = open + 4;
  if (line.slice(bodyStart, character).includes('-->')) return undefined;
  const before = line.slice(bodyStart, character);
  // The word under the cursor runs on to its end (never into `-->`), so a completion replaces all of it.
  const word = (chars: string): CharRange => {
    const start = new RegExp(`${chars}*$`).exec(before)![0].length;
    const end = new RegExp(`^(?:(?!-->)${chars})*`).exec(line.slice(character))![0].length;
    return { start: character - start, end: character + end };
  };

  let m: RegExpExecArray | null;
  if (/^\s*[\w-]*$/.test(before)) {
    return { type: 'keyword', replace: word('[\\w-]') };
  }
  if ((m = /^\s*owner\s*:(\s*)([A-Za-z]*)$/i.exec(before))) {
    return { type: 'role', replace: word('[A-Za-z]'), spaceBefore: m[1].length > 0 || m[2].length > 0 };
  }
  if ((m = /^\s*owner\s*:\s*(product|project)\s*\/\s*[\w-]*$/i.exec(before))) {
    return { type: 'concern', role: m[1].toLowerCase() as 'product' | 'project', replace: word('[\\w-]') };
  }
  const handle = new RegExp(`^\\s*owner\\s*:\\s*${ROLE_WORD}(?:\\s*/\\s*[\\w-]+)?((?:\\s+@${HANDLE_CHARS}+)*)\\s+(@?${HANDLE_CHARS}*)$`, 'i');
  if ((m = handle.exec(before))) {
    const present = [...(m[2] ?? '').matchAll(new RegExp(`@${HANDLE_CHARS}+`, 'g'))].map((h) => h[0].toLowerCase());
    return { type: 'handle', replace: word(`[@A-Za-z0-9._-]`), present };
  }
  if ((m = DIRECTIVE_RULES.exec(before))) {
    const present = (m[1] ?? '').split(/[\s,]+/).filter(Boolean).map((id) => id.toLowerCase());
    return { type: 'rule', replace: word('[\\w-]'), present };
  }
  return undefined;
}

/** The completions for a context. */
export function tagCompletions(context: TagCompletionContext, sources: TagCompletionSources): TagCompletion[] {
  const sort = (i: number): string => String(i).padStart(3, '0');
  switch (context.type) {
    case 'keyword':
      return [
        {
          label: 'owner:',
          kind: 'keyword',
          detail: 'Owner tag: the role (and concern) that owns this section',
          documentation: 'Form: <!-- owner: ROLE[/CONCERN] @handle -->. ROLE is product, project, shared or none.',
          insertText: 'owner: ',
          replace: context.replace,
          sortText: sort(0),
          retrigger: true,
        },
        ...DIRECTIVES.map((d, i) => ({
          label: d.name,
          kind: 'keyword' as const,
          detail: d.detail,
          insertText: `${d.name} `,
          replace: context.replace,
          sortText: sort(i + 1),
          retrigger: true,
        })),
      ];
    case 'role':
      return TAG_ROLES.map((role, i) => ({
        label: role,
        kind: 'role' as const,
        detail: roleDetail(role, sources.taxonomy),
        insertText: (context.spaceBefore ? '' : ' ') + role,
        replace: context.replace,
        sortText: sort(i),
      }));
    case 'concern':
      return concernsOf(context.role, sources.taxonomy).map((name, i) => {
        const def = sources.taxonomy.concerns[name];
        return {
          label: name,
          kind: 'concern' as const,
          detail: `${context.role} · ${def.label}`,
          documentation: def.description,
          insertText: name,
          replace: context.replace,
          sortText: sort(i),
        };
      });
    case 'handle': {
      const seen = new Set(context.present);
      const out: TagCompletion[] = [];
      for (const handle of [...new Set(sources.handles)].sort((a, b) => a.localeCompare(b))) {
        if (seen.has(handle.toLowerCase())) continue;
        seen.add(handle.toLowerCase());
        out.push({ label: handle, kind: 'handle', detail: 'Owner named in this workspace’s plans', insertText: handle, replace: context.replace, sortText: sort(out.length) });
      }
      return out;
    }
    case 'rule':
      return sources.rules
        .filter((rule) => !context.present.includes(rule.id))
        .map((rule, i) => ({ label: rule.id, kind: 'rule' as const, detail: rule.description, insertText: rule.id, replace: context.replace, sortText: sort(i) }));
  }
}

/** Completions at a position, or none when the cursor is not inside a tag or directive. */
export function completeTag(line: string, character: number, sources: TagCompletionSources): TagCompletion[] {
  const context = tagCompletionContext(line, character);
  return context ? tagCompletions(context, sources) : [];
}

function roleDetail(role: TagRole, taxonomy: Taxonomy): string {
  if (role === 'shared') return 'Owned by product and project on purpose';
  if (role === 'none') return 'Owned by neither: glossary, references, architecture';
  const concerns = concernsOf(role, taxonomy);
  return `${role === 'product' ? 'The what and why' : 'The how and when'}: ${concerns.join(', ')}`;
}

/**
 * The handles a document names: in owner tags and under `owners:` in its front matter. Fenced
 * code and inline code are skipped, so examples in documentation do not count.
 */
export function collectHandles(text: string): string[] {
  const found = new Set<string>();
  const handleRe = new RegExp(`@${HANDLE_CHARS}+`, 'g');
  const add = (s: string): void => {
    for (const h of s.matchAll(handleRe)) found.add(h[0].replace(/[.-]+$/, ''));
  };
  const lines = text.split(/\r\n|\n|\r/);
  let i = 0;
  if (lines[0] !== undefined && /^-{3,}\s*$/.test(lines[0])) {
    // Front matter: the `owners:` mapping (or its inline value) up to the next top-level key.
    let inOwners = false;
    for (i = 1; i < lines.length && !/^(-{3,}|\.{3})\s*$/.test(lines[i]); i++) {
      const line = lines[i];
      const key = /^([^\s#][^:]*):(.*)$/.exec(line);
      if (key) {
        inOwners = key[1].trim() === 'owners';
        if (inOwners) add(key[2].replace(/#.*$/, ''));
      } else if (inOwners) add(line.replace(/\s#.*$/, ''));
    }
    i++;
  }
  let fence: string | undefined;
  for (; i < lines.length; i++) {
    const line = lines[i];
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    const plain = line.replace(/(`+)[\s\S]*?\1/g, '');
    for (const tag of plain.matchAll(/<!--\s*owner\s*:([\s\S]*?)(?:-->|$)/gi)) add(tag[1]);
  }
  return [...found];
}
