/**
 * The messages of the Ownership Summary panel, both ways, as unions keyed on `type`. Each side
 * validates what arrives with these schemas and ignores anything unknown or malformed, because a
 * webview is a separate page and a message is just data.
 *
 * No DOM and no Node here: the extension host (desktop and web) and the webview both import it.
 */
// zod/mini: the same validation as zod at a twentieth of the size in the webview bundle.
import * as z from 'zod/mini';
import type { Summary, SummaryTotal } from '../core/types';

/** The webview panel's view type: the serializer and the `onWebviewPanel:` activation use it. */
export const SUMMARY_VIEW_TYPE = 'pmLens.summary';

const count = z.int().check(z.nonnegative());
const amount = z.number().check(z.nonnegative());
const list = <T extends z.ZodMiniType>(item: T) => z.readonly(z.array(item));
const text = z.string().check(z.minLength(1));

const position = z.object({ line: count, character: count, offset: count });
const range = z.object({ start: position, end: position });

const summaryRow = z.object({
  section: count,
  heading: z.string(),
  level: z.int().check(z.minimum(1), z.maximum(6)),
  line: count,
  range,
  role: z.enum(['product', 'project', 'shared', 'none', 'mixed']),
  concern: z.optional(z.string()),
  words: count,
  confidence: z.number().check(z.minimum(0), z.maximum(1)),
  tagged: z.boolean(),
  handles: list(z.string()),
  findings: list(z.string()),
});

const concernGroup = z.object({ concern: z.string(), words: amount, rows: list(summaryRow) });

/** The core `Summary`, as it travels to the webview. */
export const summarySchema = z.object({
  kind: z.optional(z.string()),
  words: z.object({ product: amount, project: amount, neither: amount }),
  product: list(concernGroup),
  project: list(concernGroup),
  neither: list(summaryRow),
  tray: z.object({ untagged: list(count), mixed: list(count), mismatched: list(count) }),
  owners: z.object({ product: list(z.string()), project: list(z.string()) }),
});

const concernTotal = z.object({ concern: z.string(), words: amount, sections: count });

/** The core `SummaryTotal`: many documents added up (`sumSummaries`). */
export const summaryTotalSchema = z.object({
  documents: count,
  words: z.object({ product: amount, project: amount, neither: amount }),
  product: list(concernTotal),
  project: list(concernTotal),
  neither: list(z.object({ role: z.enum(['shared', 'mixed', 'none']), words: amount, sections: count })),
  tray: z.object({ untagged: count, mixed: count, mismatched: count }),
  owners: z.object({ product: list(z.string()), project: list(z.string()) }),
});

export type PanelSummary = z.infer<typeof summarySchema>;
export type PanelTotal = z.infer<typeof summaryTotalSchema>;
export type PanelRow = z.infer<typeof summaryRow>;
export type PanelGroup = z.infer<typeof concernGroup>;
// These fail to compile when the core's shapes drift from what the panel can carry.
export const summaryFromCore = (summary: Summary): PanelSummary => summary;
export const totalFromCore = (total: SummaryTotal): PanelTotal => total;

export const scopeSchema = z.enum(['document', 'workspace']);
/** What the panel shows: the document in the active editor, or every plan document. */
export type Scope = z.infer<typeof scopeSchema>;

/**
 * Why the panel has nothing to draw, or `ready` when it has: the webview shows a sentence for
 * each empty state instead of blank columns.
 */
export const panelStatusSchema = z.enum(['ready', 'loading', 'no-editor', 'not-plan', 'too-large', 'paused', 'failed', 'no-sections', 'no-plans']);
export type PanelStatus = z.infer<typeof panelStatusSchema>;

/**
 * Why the "Changes since last commit" view has no comparison, or `ready` when it has one. The
 * page says a sentence for each; none of them is an error the person caused.
 */
export const changesStatusSchema = z.enum(['ready', 'loading', 'unsaved', 'no-git', 'git-disabled', 'no-repository', 'too-large', 'error']);
export type ChangesStatus = z.infer<typeof changesStatusSchema>;

const words = z.object({ product: amount, project: amount, neither: amount });
const owners = z.object({ product: list(z.string()), project: list(z.string()) });

/** One section that changed since the last commit, in the words `pm-lens diff` uses. */
const changeRow = z.object({
  /** Stable across updates while the change stays. */
  key: text,
  /** `moved`: changed sides (product ↔ project); `changed`: role or concern; `retagged`: tag or owners only. */
  kind: z.enum(['added', 'removed', 'moved', 'changed', 'retagged']),
  heading: z.string(),
  /** Its ancestors' headings and its own, joined with `›`. */
  where: z.string(),
  /** 1-based line of the heading: in the current text, or in the committed one for a removed section. */
  line: count,
  /** The section in the current text (to reveal it); absent for a removed section. */
  range: z.optional(range),
  /** Side and concern before and after (`product/vision (tagged)`). */
  before: z.optional(z.string()),
  after: z.optional(z.string()),
  /** What moved it (the tag, or the evidence gained and lost), tags and owners changed. */
  details: list(z.string()),
});
export type PanelChangeRow = z.infer<typeof changeRow>;

/** The current text against the committed one (the same diff as `pm-lens diff HEAD`). */
export const panelChangesSchema = z.object({
  status: changesStatusSchema,
  /** What the text is compared with: `HEAD (1a2b3c4)`; empty when there is nothing. */
  base: z.string(),
  /** The file is not in the last commit (untracked, added, or no commit yet): every section is new. */
  isNew: z.boolean(),
  /** More about a status (what git said); plain text. */
  detail: z.string(),
  rows: list(changeRow),
  /** How many sections changed sides. */
  moved: count,
  balance: z.object({ before: z.optional(words), after: z.optional(words) }),
  owners: z.object({ before: z.optional(owners), after: z.optional(owners) }),
});
export type PanelChanges = z.infer<typeof panelChangesSchema>;

const panelDocument = z.object({
  /** The document's URI, as `Uri.toString()` writes it; `reveal` sends it back. */
  uri: text,
  /** A short name: the workspace-relative path. */
  label: z.string(),
  summary: summarySchema,
});
export type PanelDocument = z.infer<typeof panelDocument>;

/** Everything the webview draws, sent whole on every change (the webview updates in place). */
export const panelModelSchema = z.object({
  scope: scopeSchema,
  status: panelStatusSchema,
  /** What the header names: the document's file name, or the workspace. */
  title: z.string(),
  documents: list(panelDocument),
  /** All documents added up (for one document, just its own numbers). */
  total: summaryTotalSchema,
  /** Display names of the concerns that occur (`user-needs` → `User needs`), from the taxonomy. */
  labels: z.record(z.string(), z.string()),
  /** "Changes since last commit" of the document (the document scope only). */
  changes: z.optional(panelChangesSchema),
});
export type PanelModel = z.infer<typeof panelModelSchema>;

const lineCharacter = z.object({ line: count, character: count });
const plainRange = z.object({ start: lineCharacter, end: lineCharacter });
/** A range without offsets: what the host needs to select text. */
export type PlainRange = z.infer<typeof plainRange>;

/** Host → webview. */
export const toWebviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('update'), model: panelModelSchema }),
  /** A short confirmation ("Copied…"), announced politely to screen readers. */
  z.object({ type: z.literal('notice'), text: z.string() }),
]);
export type ToWebview = z.infer<typeof toWebviewSchema>;

/** Webview → host. */
export const toHostSchema = z.discriminatedUnion('type', [
  /** The page has loaded and listens; the host answers with an `update`. */
  z.object({ type: z.literal('ready'), scope: scopeSchema }),
  /** Reveal and select a section in its editor. */
  z.object({ type: z.literal('reveal'), uri: text, range: plainRange }),
  z.object({ type: z.literal('scope'), scope: scopeSchema }),
  z.object({ type: z.literal('copyMarkdown') }),
  z.object({ type: z.literal('saveJson') }),
  /** The page drew a model: what it shows now (the host's tests read it). */
  z.object({ type: z.literal('rendered'), status: panelStatusSchema, rows: count, changes: z.optional(z.object({ status: changesStatusSchema, rows: count })) }),
]);
export type ToHost = z.infer<typeof toHostSchema>;

/** The webview's saved view state (`getState`/`setState`), also what the serializer restores. */
export const viewStateSchema = z.object({
  scope: z._default(scopeSchema, 'document'),
  filter: z._default(z.string(), ''),
  scrollTop: z._default(amount, 0),
  /** Whether "Changes since last commit" is expanded. */
  changesOpen: z._default(z.boolean(), true),
  /** The last model drawn, so a restored panel shows something before the host answers. */
  model: z.optional(panelModelSchema),
});
export type ViewState = z.infer<typeof viewStateSchema>;

/** Parses a message for the webview; `undefined` when it is not one. */
export function parseToWebview(data: unknown): ToWebview | undefined {
  const result = toWebviewSchema.safeParse(data);
  return result.success ? result.data : undefined;
}

/** Parses a message for the host; `undefined` when it is not one. */
export function parseToHost(data: unknown): ToHost | undefined {
  const result = toHostSchema.safeParse(data);
  return result.success ? result.data : undefined;
}

/** Parses saved view state, falling back to defaults for anything missing or malformed. */
export function parseViewState(data: unknown): ViewState {
  const whole = viewStateSchema.safeParse(data);
  if (whole.success) return whole.data;
  // A stale or damaged model must not cost the person their scope and filter.
  const record: Record<string, unknown> = typeof data === 'object' && data !== null ? { ...(data as Record<string, unknown>) } : {};
  delete record.model;
  const withoutModel = viewStateSchema.safeParse(record);
  return withoutModel.success ? withoutModel.data : viewStateSchema.parse({});
}
