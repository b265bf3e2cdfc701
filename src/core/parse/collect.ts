/**
 * Collects the facts PM Lens needs from a stretch of Markdown: micromark (the tokenizer remark
 * uses, with GFM and front matter) reads it, and the facts are taken from its events, as offsets
 * into the whole text. No syntax tree is built, and inline content is tokenized only where a fact
 * depends on it (an HTML comment, a task list check, a heading's text), which is most of why this
 * is several times faster than a remark parse. The facts equal those read from remark's tree.
 * Every string kept is copied out of the text, so facts never hold a document alive.
 */
import { parse, postprocess, preprocess } from 'micromark';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { decodeString } from 'micromark-util-decode-string';
import type { Event, Extension, Token } from 'micromark-util-types';
import type { BlockFact, CommentFact, Definitions, DocumentFacts, FrontMatterFact, HeadingFact } from './facts';

/** The part of micromark's parse context the injection touches. */
interface ParseContext {
  defined: string[];
  gfmFootnotes?: string[];
  pmLensInjected?: boolean;
}

/** Definitions made elsewhere in the document, handed to the parse under way. */
let injected: Definitions | undefined;

/**
 * A micromark construct that never matches: tried before link and footnote references (at `[`
 * and `]`), it first adds the injected definitions to the parser's lists — which references are
 * checked against once the whole piece has been read, exactly as definitions of its own are.
 */
const injectDefinitions = {
  add: 'before' as const,
  tokenize(this: { parser: ParseContext }, _effects: unknown, _ok: unknown, nok: unknown): unknown {
    const parser = this.parser;
    if (injected && !parser.pmLensInjected) {
      parser.pmLensInjected = true;
      parser.defined.push(...injected.links);
      const footnotes = parser.gfmFootnotes ?? (parser.gfmFootnotes = []);
      footnotes.push(...injected.footnotes);
    }
    return nok;
  },
};
const injection = { text: { 91: injectDefinitions, 93: injectDefinitions } } as unknown as Extension;

/** The syntax remark-parse reads with remark-gfm and remark-frontmatter, in their order. */
const syntax: Extension[] = [gfm(), frontmatter(['yaml'])];
const syntaxInjecting: Extension[] = [...syntax, injection];

/** micromark's parse state; extensions keep theirs on it too. */
type Parser = ReturnType<typeof parse> & { gfmFootnotes?: string[]; pmLensInjected?: boolean };
const parsers: { plain?: Parser; injecting?: Parser } = {};

/**
 * A parser ready for a new document. micromark combines its extensions anew for every parser it
 * makes, which costs more than parsing a short piece; a parser keeps no state between documents
 * but these lists, so one is kept per syntax and its lists are emptied instead.
 */
function parser(inject: boolean): Parser {
  const kept = inject ? parsers.injecting : parsers.plain;
  const p = kept ?? (parse({ extensions: inject ? syntaxInjecting : syntax }) as Parser);
  if (inject) parsers.injecting = p;
  else parsers.plain = p;
  p.defined = [];
  p.lazy = {};
  p.gfmFootnotes = undefined;
  p.pmLensInjected = undefined;
  return p;
}

/** Heading text that is its own plain text: one line, nothing in it can start inline markup. */
const PLAIN_HEADING = /^[^\\&`*_~[\]!<\0\r\n]*$/;
/** Inline content a fact depends on: an HTML comment, or a task list check at its start. */
const NEEDS_INLINE = /<|^\[[ xX]\]/;

/**
 * Parses `text.slice(start, end)` on its own and returns facts with offsets into `text`.
 * `atDocumentStart` allows front matter (only the first piece may have it). `defined`: link and
 * footnote definitions made elsewhere in the document, for references in this piece to resolve.
 */
export function collectFacts(text: string, start: number, end: number, atDocumentStart: boolean, defined?: Definitions): DocumentFacts {
  const source = text.slice(start, end);
  const inject = defined !== undefined && (defined.links.length > 0 || defined.footnotes.length > 0);
  let events: Event[];
  injected = inject ? defined : undefined;
  try {
    events = parser(inject).document().write(preprocess()(source, undefined, true));
    skipInlineNobodyReads(events, source);
    events = postprocess(events);
  } finally {
    injected = undefined;
  }
  return readEvents(events, text, source, start, atDocumentStart);
}

/**
 * Stops micromark from tokenizing inline content no fact depends on: before `postprocess`, the
 * chunks of text of every flow are still whole; a chain of them that holds no `<`, does not open
 * with a task list check and is not a heading with markup in it is left as it is. (Labels,
 * destinations and info strings, the `string` chunks, are read from the source instead.)
 */
function skipInlineNobodyReads(events: Event[], source: string): void {
  const seen = new Set<unknown>();
  for (const [kind, token] of events) {
    const flow = token._tokenizer;
    if (kind !== 'enter' || token.type !== 'chunkFlow' || !flow || seen.has(flow)) continue;
    seen.add(flow);
    let inHeading = false;
    for (const [flowKind, chunk] of flow.events) {
      const type: string = chunk.type;
      if (type === 'atxHeadingText' || type === 'setextHeadingText') inHeading = flowKind === 'enter';
      if (flowKind !== 'enter' || chunk.previous) continue;
      if (chunk.contentType === 'string') {
        for (let c: Token | undefined = chunk; c; c = c.next) c.contentType = undefined;
      } else if (chunk.contentType === 'text') {
        let read = inHeading && (chunk.next !== undefined || !PLAIN_HEADING.test(source.slice(chunk.start.offset, chunk.end.offset)));
        for (let c: Token | undefined = chunk; c && !read; c = c.next) read = NEEDS_INLINE.test(source.slice(c.start.offset, c.end.offset));
        if (!read) for (let c: Token | undefined = chunk; c; c = c.next) c.contentType = undefined;
      }
    }
  }
}

/** Walks the events once and collects the facts (offsets shifted by `start` into `text`). */
function readEvents(events: readonly Event[], text: string, source: string, start: number, atDocumentStart: boolean): DocumentFacts {
  const headings: HeadingFact[] = [];
  const comments: CommentFact[] = [];
  const blocks: BlockFact[] = [];
  const links: string[] = [];
  const footnotes: string[] = [];
  let frontMatter: FrontMatterFact | undefined;

  let containers = 0;
  /** Per open list, the task list state of its current item. */
  const lists: (boolean | null)[] = [];
  let images = 0;
  /** The inline context comments are read in: a paragraph, heading or table cell. */
  let inline = 0;
  let paragraphStart = -1;
  let heading: { level: number; start: number; textStart: number; textEnd: number; root: boolean; parts: string[] } | undefined;
  /** Inside a heading's text: tokens whose content is no text of the heading (images, link destinations…). */
  let hidden = 0;
  let afterBreak = false;
  let row: { start: number; cells: [number, number][]; header: boolean } | undefined;
  let rowsInTable = 0;
  let cellStart = -1;
  let codeStart = -1;
  let lang = '';
  let yaml: { open: boolean; from: number; to: number } | undefined;

  const checked = (): boolean | null => (lists.length > 0 ? lists[lists.length - 1] : null);
  const at = (offset: number): number => start + offset;

  for (let i = 0; i < events.length; i++) {
    const [kind, token] = events[i];
    // Extensions' token types are not all in micromark's type map.
    const type: string = token.type;
    if (kind === 'enter') {
      switch (type) {
        case 'blockQuote':
        case 'gfmFootnoteDefinition':
          containers++;
          break;
        case 'listOrdered':
        case 'listUnordered':
          containers++;
          lists.push(null);
          break;
        case 'listItemPrefix':
          lists[lists.length - 1] = null;
          break;
        case 'paragraph':
          paragraphStart = token.start.offset;
          inline++;
          break;
        case 'atxHeading':
        case 'setextHeading':
          heading = { level: 0, start: token.start.offset, textStart: -1, textEnd: -1, root: containers === 0, parts: [] };
          inline++;
          break;
        case 'atxHeadingSequence':
          if (heading && heading.level === 0) heading.level = token.end.offset - token.start.offset;
          break;
        case 'atxHeadingText':
        case 'setextHeadingText':
          if (heading) {
            heading.textStart = token.start.offset;
            heading.textEnd = token.end.offset;
          }
          break;
        case 'setextHeadingLineSequence':
          if (heading) heading.level = source.charCodeAt(token.start.offset) === 61 ? 1 : 2;
          break;
        case 'table':
          rowsInTable = 0;
          break;
        case 'tableRow':
          row = { start: token.start.offset, cells: [], header: rowsInTable++ === 0 };
          break;
        case 'tableHeader':
        case 'tableData':
          cellStart = token.start.offset;
          inline++;
          break;
        case 'image':
          images++;
          hidden++;
          break;
        case 'resource':
        case 'reference':
        case 'gfmFootnoteCall':
        case 'codeTextSequence':
          hidden++;
          break;
        case 'data':
        case 'characterEscapeValue':
        case 'codeTextData':
        case 'autolinkProtocol':
        case 'autolinkEmail':
        case 'literalAutolinkWww':
        case 'literalAutolinkHttp':
        case 'literalAutolinkEmail':
          if (heading && heading.textStart >= 0 && hidden === 0) heading.parts.push(source.slice(token.start.offset, token.end.offset));
          afterBreak = false;
          break;
        case 'characterReference':
          if (heading && heading.textStart >= 0 && hidden === 0) heading.parts.push(decodeString(source.slice(token.start.offset, token.end.offset)));
          break;
        case 'hardBreakEscape':
        case 'hardBreakTrailing':
          afterBreak = true;
          break;
        case 'htmlText':
          hidden++;
          if (images === 0 && inline > 0) comments.push(...findComments(text, at(token.start.offset), at(token.end.offset)));
          break;
        case 'htmlFlow': {
          const found = findComments(text, at(token.start.offset), at(token.end.offset));
          comments.push(...found);
          if (found.length === 0) blocks.push({ kind: 'html', start: at(token.start.offset), end: at(token.end.offset), inList: lists.length > 0, checked: checked() });
          break;
        }
        case 'codeFenced':
        case 'codeIndented':
          codeStart = token.start.offset;
          lang = '';
          break;
        case 'codeFencedFenceInfo':
          if (codeStart >= 0 && lang === '') lang = decodeString(source.slice(token.start.offset, token.end.offset));
          break;
        case 'definitionLabelString':
          links.push(normalizeLabel(source.slice(token.start.offset, token.end.offset)));
          break;
        case 'gfmFootnoteDefinitionLabelString':
          footnotes.push(normalizeLabel(source.slice(token.start.offset, token.end.offset)));
          break;
        case 'yaml':
          yaml = { open: true, from: -1, to: -1 };
          break;
        case 'lineEnding':
          // In a heading's text a line ending is text, unless it ends a hard break.
          if (heading && heading.textStart >= 0 && hidden === 0 && !afterBreak) heading.parts.push(source.slice(token.start.offset, token.end.offset));
          afterBreak = false;
          // remark's value: the line endings and lines between the fences.
          if (yaml?.open) {
            if (yaml.from < 0) yaml.from = token.start.offset;
            yaml.to = token.end.offset;
          }
          break;
        case 'taskListCheckValueChecked':
        case 'taskListCheckValueUnchecked':
          if (lists.length > 0) lists[lists.length - 1] = type === 'taskListCheckValueChecked';
          break;
        case 'taskListCheck':
          // remark drops the character after the check from the paragraph's first text, and
          // moves the paragraph's start past it unless that leaves the text empty.
          if (paragraphStart >= 0 && startsLongerText(events, i)) paragraphStart = events[closingOf(events, i)][1].end.offset + 1;
          break;
      }
      continue;
    }
    switch (type) {
      case 'blockQuote':
      case 'gfmFootnoteDefinition':
        containers--;
        break;
      case 'listOrdered':
      case 'listUnordered':
        containers--;
        lists.pop();
        break;
      case 'paragraph':
        blocks.push({ kind: 'paragraph', start: at(paragraphStart), end: at(token.end.offset), inList: lists.length > 0, checked: checked() });
        paragraphStart = -1;
        inline--;
        break;
      case 'atxHeading':
      case 'setextHeading':
        inline--;
        if (!heading) break;
        if (heading.root) {
          // Plain text is the source itself; otherwise what remark's text nodes would hold.
          const raw = heading.textStart < 0 ? '' : source.slice(heading.textStart, heading.textEnd);
          const plain = PLAIN_HEADING.test(raw) ? raw : heading.parts.join('').replace(/\0/g, '\uFFFD');
          headings.push({ level: heading.level, text: detach(plain.trim()), start: at(heading.start), end: at(token.end.offset) });
        } else blocks.push({ kind: 'paragraph', start: at(heading.start), end: at(token.end.offset), inList: lists.length > 0, checked: checked() });
        heading = undefined;
        break;
      case 'tableHeader':
      case 'tableData':
        row?.cells.push([at(cellStart), at(token.end.offset)]);
        inline--;
        break;
      case 'tableRow':
        if (row) blocks.push({ kind: 'table-row', start: at(row.start), end: at(token.end.offset), inList: lists.length > 0, checked: checked(), header: row.header, cells: row.cells });
        row = undefined;
        break;
      case 'image':
        images--;
        hidden--;
        break;
      case 'resource':
      case 'reference':
      case 'gfmFootnoteCall':
      case 'codeTextSequence':
      case 'htmlText':
        hidden--;
        break;
      case 'atxHeadingText':
      case 'setextHeadingText':
        if (heading) heading.textEnd = token.end.offset;
        break;
      case 'codeFenced':
      case 'codeIndented':
        blocks.push({ kind: 'code', start: at(codeStart), end: at(token.end.offset), inList: lists.length > 0, checked: checked(), lang: detach(lang.toLowerCase()) });
        codeStart = -1;
        break;
      case 'yaml': {
        if (yaml) yaml.open = false;
        if (!atDocumentStart || containers > 0) break;
        const s = at(token.start.offset);
        const e = at(token.end.offset);
        const raw = text.slice(s, e);
        const firstBreak = raw.search(/\r?\n|\r/);
        const valueStart = firstBreak < 0 ? e : s + firstBreak + (raw.startsWith('\r\n', firstBreak) ? 2 : 1);
        const value = yaml && yaml.from >= 0 ? source.slice(yaml.from, yaml.to).replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, '') : '';
        frontMatter = { start: s, end: e, value: detach(value), valueStart };
        break;
      }
    }
  }
  return { frontMatter, headings, comments, blocks, definitions: { links, footnotes } };
}

/** The index of the exit event of the token entered at `enter`. */
function closingOf(events: readonly Event[], enter: number): number {
  const token = events[enter][1];
  let i = enter + 1;
  while (i < events.length && events[i][1] !== token) i++;
  return i;
}

/**
 * After a task list check: whether the paragraph's first text (which remark starts with the
 * whitespace after the check) holds more than that one character — its first token is longer,
 * or text-like tokens (data, escapes, references, line endings) follow it.
 */
function startsLongerText(events: readonly Event[], check: number): boolean {
  let i = closingOf(events, check) + 1;
  if (i >= events.length || events[i][0] !== 'enter' || events[i][1].type !== 'data') return false;
  const first = events[i][1];
  if (first.end.offset - first.start.offset > 1) return true;
  i = closingOf(events, i) + 1;
  const next = events[i];
  if (!next || next[0] !== 'enter') return false;
  const type: string = next[1].type;
  return type === 'data' || type === 'characterEscape' || type === 'characterReference' || type === 'lineEnding';
}

/** Every `<!-- … -->` in `text[start, end)`; a trailing `<!--` with no end is kept as unclosed. */
export function findComments(text: string, start: number, end: number): CommentFact[] {
  const out: CommentFact[] = [];
  let at = text.indexOf('<!--', start);
  while (at >= 0 && at < end) {
    // Search the closing only within the node, so an unclosed comment costs its own length.
    const rel = text.slice(at + 4, end).indexOf('-->');
    const closed = rel >= 0;
    const close = at + 4 + rel;
    const stop = closed ? close + 3 : end;
    out.push({ start: at, end: stop, body: detach(text.slice(at + 4, closed ? close : end)), bodyStart: at + 4, closed });
    at = text.indexOf('<!--', stop);
  }
  return out;
}

/** micromark's identifier normalisation (its `defined` lists hold labels in this form). */
export function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase();
}

/**
 * A copy of `s` that does not share memory with the string it was cut from (V8 keeps slices as
 * views into their parent), so kept facts never pin a whole old version of a document.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
