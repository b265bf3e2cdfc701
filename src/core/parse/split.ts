/**
 * Finds the places where a Markdown document can be cut so that every piece parses exactly as it
 * does inside the whole: the starts of ATX heading lines that stand at the document's top level.
 *
 * A line like that is reached with every container (list item, block quote, footnote definition)
 * closed and no fenced code, HTML block or front matter open, so the parser's state there equals
 * its state at the start of a document; and nothing before it looks past it (an ATX heading is
 * neither a setext underline nor a table delimiter row). Finding those lines needs the block
 * structure, so this is a line scanner that follows micromark's (the parser remark uses) block
 * rules — its container continuation, laziness, interruption and table rules, quirks included —
 * without building anything. Where it cannot tell two readings apart without parsing inline
 * content (whether a paragraph is only link definitions), it follows both and only cuts where
 * both agree.
 */

const TAB = 9;
const SPACE = 32;
const BANG = 33;
const HASH = 35;
const STAR = 42;
const PLUS = 43;
const DASH = 45;
const DOT = 46;
const SLASH = 47;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const LT = 60;
const EQUALS = 61;
const GT = 62;
const QUESTION = 63;
const BRACKET_OPEN = 91;
const BACKSLASH = 92;
const BRACKET_CLOSE = 93;
const CARET = 94;
const UNDERSCORE = 95;
const BACKTICK = 96;
const PAREN_CLOSE = 41;
const TILDE = 126;

/** An open container. Items carry micromark's list container state. */
type Container =
  | { kind: 'quote' }
  | { kind: 'footnote' }
  | { kind: 'item'; ordered: boolean; marker: number; size: number; initialBlank: boolean; furtherBlank: boolean };

/** What the innermost flow is in the middle of at a line's end. */
type Leaf =
  | { t: 'none' }
  /**
   * Paragraph content. `defs`: it may be link definitions only. `head`: cells of its last line
   * when that line could head a table; `html7`: that line would then open an HTML block instead.
   */
  | { t: 'para'; defs: boolean; head: number; html7: boolean }
  | { t: 'fence'; marker: number; size: number }
  | { t: 'html'; kind: number }
  /** Indented code, also while blank lines follow it. */
  | { t: 'icode' }
  | { t: 'table' };

interface Hypothesis {
  stack: Container[];
  leaf: Leaf;
}

/** Sees the scanner's readings after each line (for tests): container depth and open leaf. */
export type LineObserver = (lineStart: number, lineEnd: number, readings: readonly { readonly depth: number; readonly leaf: string }[]) => void;

/** More readings than this at once: stop cutting (never happens on real documents). */
const MAX_HYPOTHESES = 16;

const NONE: Leaf = { t: 'none' };
const PARAGRAPH: Leaf = { t: 'para', defs: false, head: 0, html7: false };
const PARAGRAPH_DEFS: Leaf = { t: 'para', defs: true, head: 0, html7: false };

/** A paragraph leaf; the common ones are shared (leaves are replaced, never changed). */
function paragraph(defs: boolean, head: number, html7: boolean): Leaf {
  if (head === 0) return defs ? PARAGRAPH_DEFS : PARAGRAPH;
  return { t: 'para', defs, head, html7 };
}

/**
 * Offsets of the line starts, after `from`, of ATX headings at the top level of the document
 * `text` (whose content begins at `from`, after any BOM). Cutting `text` at any of them yields
 * pieces whose parse, shifted, equals the whole parse — link reference definitions aside, which
 * are global and handled by the caller.
 */
export function findSplitPoints(text: string, from = 0, observe?: LineObserver): number[] {
  const scanner = new SplitScanner(text, from, observe);
  scanner.run();
  return scanner.points;
}

/**
 * The scan behind `findSplitPoints`, resumable: `run` scans a given number of lines at a time
 * (so a caller can yield between slices) and can stop at a split point it recognises. Scanning
 * may also start at any known split point instead of the document start, since the parser's
 * state there is that of a fresh document.
 */
export class SplitScanner {
  /** The split points found so far, in order. */
  readonly points: number[] = [];
  private at: number;
  private end = 0;
  private first = true;
  private hyps: Hypothesis[] = [{ stack: [], leaf: NONE }];
  private readonly lines: Lines;

  constructor(
    private readonly text: string,
    private readonly from = 0,
    private readonly observe?: LineObserver,
  ) {
    this.lines = new Lines(text);
    this.at = skipFrontMatter(text, from);
    // An opening fence without a closing one: micromark keeps trying the front matter to the end
    // and parses no containers meanwhile. Rare and odd: do not cut such a document at all.
    if (this.at < 0) this.at = text.length;
    else this.end = this.lines.endOf(this.at);
  }

  /** Whether the scan reached the end of the text (or was stopped). */
  get done(): boolean {
    return this.at >= this.text.length;
  }

  /**
   * Scans up to `maxLines` more lines. `stop` sees each split point as it is found (after it is
   * added to `points`); returning true ends the scan there. Returns `done`.
   */
  run(maxLines = Infinity, stop?: (point: number) => boolean): boolean {
    const { text, lines, observe, points, from } = this;
    let { at, end, first, hyps } = this;
    for (let n = 0; n < maxLines && at < text.length; n++) {
      const next = lines.after(end);
      const nextEnd = lines.endOf(next);
      const raw = text.slice(at, end);
      const line = lines.hasTab(at, end) ? expandTabs(raw) : raw;
      const nextMayDelimit = next < nextEnd && mayBeDelimiterRow(text, next, nextEnd);
      let allHeadings = true;
      for (let i = 0; i < hyps.length; i++) {
        if (!step(hyps[i], line, first, nextMayDelimit)) allHeadings = false;
      }
      if (forks.length > 0) {
        hyps = dedupe([...hyps, ...forks]);
        forks.length = 0;
      } else if (hyps.length > 1) hyps = dedupe(hyps);
      observe?.(at, end, hyps.map(describe));
      first = false;
      if (hyps.length > MAX_HYPOTHESES) {
        // More readings than any real document needs: stop cutting.
        at = text.length;
        break;
      }
      if (allHeadings && at > from) {
        points.push(at);
        if (stop?.(at)) {
          at = text.length;
          break;
        }
      }
      at = next;
      end = nextEnd;
    }
    this.at = at;
    this.end = end;
    this.first = first;
    this.hyps = hyps;
    return at >= text.length;
  }
}

/** Finds line ends (micromark's: `\n`, `\r\n`, lone `\r`) and tabs with native searches. */
class Lines {
  private lf = -1;
  private cr = -1;
  private tab = -1;

  constructor(private readonly text: string) {}

  /** Where the line starting at `at` ends (before its line ending). */
  endOf(at: number): number {
    const text = this.text;
    if (this.lf < at) this.lf = indexOrEnd(text, '\n', at);
    if (this.cr < at) this.cr = indexOrEnd(text, '\r', at);
    return Math.min(this.lf, this.cr);
  }

  /** Where the next line starts, after the line ending at `end`. */
  after(end: number): number {
    const text = this.text;
    if (end >= text.length) return text.length;
    return end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }

  hasTab(start: number, end: number): boolean {
    if (this.tab < start) this.tab = indexOrEnd(this.text, '\t', start);
    return this.tab < end;
  }
}

function indexOrEnd(text: string, search: string, from: number): number {
  const i = text.indexOf(search, from);
  return i < 0 ? text.length : i;
}

/**
 * Whether `text[start, end)` could be a table delimiter row once container prefixes are taken
 * off (only spaces, tabs, `>`, then `|`, `:`, `-`): a cheap look that spares counting cells.
 */
function mayBeDelimiterRow(text: string, start: number, end: number): boolean {
  let i = start;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== GT) break;
  }
  let dash = false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === DASH) dash = true;
    else if (c !== 124 && c !== COLON && c !== SPACE && c !== TAB) return false;
  }
  return dash;
}

function describe(h: Hypothesis): { depth: number; leaf: string } {
  const leaf = h.leaf;
  return { depth: h.stack.length, leaf: leaf.t === 'para' && leaf.head > 0 ? (leaf.html7 ? 'para-or-html' : 'para-or-table') : leaf.t };
}

/**
 * Where scanning starts: after YAML front matter when the document opens with it; -1 when it
 * opens with a front matter fence that never closes.
 */
export function skipFrontMatter(text: string, from: number): number {
  const fence = /^---[ \t]*$/;
  let at = from;
  let opened = false;
  while (at < text.length) {
    let end = at;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    let next = end;
    if (next < text.length) next += text.charCodeAt(next) === 13 && text.charCodeAt(next + 1) === 10 ? 2 : 1;
    const isFence = fence.test(text.slice(at, end));
    if (!opened) {
      // The opening fence needs a line ending after it.
      if (!isFence || next === end) return from;
      opened = true;
    } else if (isFence) return next;
    at = next;
  }
  return -1;
}

/** Tabs to spaces at stops of four, as micromark counts columns. */
function expandTabs(line: string): string {
  let out = '';
  let column = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === TAB) {
      const next = (Math.floor(column / 4) + 1) * 4;
      out += ' '.repeat(next - column);
      column = next;
    } else {
      out += line[i];
      column++;
    }
  }
  return out;
}

function dedupe(hyps: Hypothesis[]): Hypothesis[] {
  const seen = new Set<string>();
  const out: Hypothesis[] = [];
  for (const h of hyps) {
    const key = JSON.stringify(h);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(h);
  }
  return out;
}

function clone(h: Hypothesis): Hypothesis {
  return { stack: h.stack.map((c) => ({ ...c })), leaf: { ...h.leaf } };
}

/** Readings split off while stepping the current line (see `step`). */
const forks: Hypothesis[] = [];

/**
 * Advances one reading by one line (tabs expanded), in place; a second reading it splits into
 * goes to `forks`. Says whether the line is an ATX heading at the top level in this reading.
 * `nextMayDelimit`: the next line could be a table delimiter row (so this one may head a table).
 */
function step(h: Hypothesis, line: string, first: boolean, nextMayDelimit: boolean): boolean {
  // Fenced code or an HTML block left open inside a container ends before the line break when
  // the next line closes the container, but takes the line break in when the text ends there:
  // no cut right after one, or the piece before would end differently.
  const openInContainer = h.stack.length > 0 && (h.leaf.t === 'fence' || h.leaf.t === 'html');
  return stepLine(h, line, first, nextMayDelimit) && !openInContainer;
}

function stepLine(h: Hypothesis, line: string, first: boolean, nextMayDelimit: boolean): boolean {
  const stack = h.stack;
  let pos = 0;
  let continued = 0;
  let closedFlow = false;
  // micromark's `interrupt` for container starts: reset each line, set below.
  let interrupt = false;

  // 1. Open containers, outermost first. `footnoteIndent`: the container just continued is a
  // footnote definition that took its four spaces of indent on this line.
  let footnoteIndent = false;
  while (continued < stack.length) {
    const afterFootnoteIndent = footnoteIndent;
    footnoteIndent = false;
    const c = stack[continued];
    if (c.kind === 'quote') {
      const p = skipSpaces(line, pos, 3);
      if (line.charCodeAt(p) !== GT) break;
      pos = p + 1;
      if (line.charCodeAt(pos) === SPACE) pos++;
      continued++;
      continue;
    }
    if (c.kind === 'footnote') {
      if (isBlank(line, pos)) {
        continued++;
        continue;
      }
      const p = skipSpaces(line, pos, 4);
      // micromark checks the last indent token, whoever made it: a footnote definition right
      // inside another that just took its indent continues without any of its own (and so
      // does one inside that).
      if (p - pos !== 4 && !(p === pos && afterFootnoteIndent)) break;
      footnoteIndent = true;
      pos = p;
      continued++;
      continue;
    }
    // A list item.
    if (isBlank(line, pos)) {
      c.furtherBlank = c.furtherBlank || c.initialBlank;
      pos = skipSpaces(line, pos, c.size);
      continued++;
      continue;
    }
    const further = c.furtherBlank;
    c.furtherBlank = false;
    c.initialBlank = false;
    if (!further && line.charCodeAt(pos) === SPACE) {
      const p = skipSpaces(line, pos, c.size);
      if (p - pos === c.size) {
        pos = p;
        continued++;
        continue;
      }
    }
    // Not in this item: maybe a sibling item of the same list, which closes the old one's flow.
    interrupt = false;
    const p = skipSpaces(line, pos, 3);
    const sibling = listStart(line, p, p - pos, c, false);
    if (!sibling) break;
    c.size = sibling.size;
    c.initialBlank = sibling.initialBlank;
    pos = sibling.content;
    continued++;
    stack.length = continued;
    closedFlow = true;
    h.leaf = NONE;
    break;
  }

  // 2. New containers.
  let lazy = false;
  if (continued === stack.length && !closedFlow && !first) {
    const leaf = h.leaf;
    if (leaf.t === 'fence' || leaf.t === 'html') {
      concreteLine(h, line, pos);
      return false;
    }
    interrupt = leaf.t === 'para' || leaf.t === 'icode';
  }
  let opened = false;
  for (;;) {
    const started = containerStart(line, pos, interrupt);
    if (!started) break;
    if (!opened) {
      stack.length = continued;
      h.leaf = NONE;
      opened = true;
    }
    stack.push(started.container);
    continued = stack.length;
    pos = started.content;
  }
  if (!opened) lazy = continued !== stack.length;
  const flowFresh = opened || closedFlow;

  // 3. The flow. A pending table head is decided by this line first.
  const leaf = h.leaf;
  if (!flowFresh && leaf.t === 'para' && leaf.head > 0) {
    if (!lazy && delimiterCells(line, pos) === leaf.head) {
      // The table interrupts the paragraph, but the line is then read again without the
      // interruption's limits: an HTML block of kind 7 takes it before the table can.
      h.leaf = leaf.html7 ? { t: 'html', kind: 7 } : { t: 'table' };
      return false;
    }
  }
  return flowLine(h, line, lazy, nextMayDelimit, pos, continued, flowFresh ? NONE : leaf);
}

/** A line inside fenced code or an HTML block whose containers all continued. */
function concreteLine(h: Hypothesis, line: string, pos: number): void {
  const leaf = h.leaf;
  if (leaf.t === 'fence') {
    const p = skipSpaces(line, pos, 3);
    if (line.charCodeAt(p) === leaf.marker) {
      let q = p;
      while (line.charCodeAt(q) === leaf.marker) q++;
      if (q - p >= leaf.size && isBlank(line, q)) h.leaf = NONE;
    }
    return;
  }
  if (leaf.t === 'html') {
    if (leaf.kind >= 6) {
      // Ends before a blank line.
      if (isBlank(line, pos)) h.leaf = NONE;
    } else if (htmlCloses(leaf.kind, line, pos, CONTINUATION)) h.leaf = NONE;
  }
}

/**
 * One line in the innermost flow, whose state is `leaf` (none after a container opened).
 * `continued` is how many containers the line continued; a lazy line that does not continue a
 * paragraph closes the others.
 */
function flowLine(h: Hypothesis, line: string, lazy: boolean, nextMayDelimit: boolean, pos: number, continued: number, leaf: Leaf): boolean {
  switch (leaf.t) {
    case 'fence':
    case 'html':
      // Only reached for a lazy line: the block ended before it.
      return fresh(h, line, lazy, nextMayDelimit, pos, continued);
    case 'icode': {
      if (!lazy && (isBlank(line, pos) || skipSpaces(line, pos, 4) - pos >= 4)) {
        return false;
      }
      return fresh(h, line, lazy, nextMayDelimit, pos, continued);
    }
    case 'table': {
      // After table rows a table can only go on, not start: the line cannot head a new one.
      if (isBlank(line, pos) || lazy) return fresh(h, line, lazy, nextMayDelimit, pos, continued, true);
      const p = skipSpaces(line, pos, Infinity);
      if (p - pos >= 4 || claimsLine(line, p, lazy)) return fresh(h, line, lazy, nextMayDelimit, pos, continued);
      return false;
    }
    case 'para': {
      if (isBlank(line, pos)) return fresh(h, line, lazy, nextMayDelimit, pos, continued);
      const p = skipSpaces(line, pos, Infinity);
      if (p - pos >= 4) {
        h.leaf = paragraph(leaf.defs, 0, false);
        return false;
      }
      const c = line.charCodeAt(p);
      if ((c === EQUALS || c === DASH) && !lazy && isSetextUnderline(line, p)) {
        // A setext underline ends the paragraph — unless the paragraph was link definitions only,
        // which a line scanner cannot know: follow both readings.
        if (leaf.defs) {
          const other = clone(h);
          fresh(other, line, lazy, nextMayDelimit, pos, continued);
          forks.push(other);
        }
        h.leaf = NONE;
        return false;
      }
      if (c === LT && lazy && htmlOpenKind(line, p, true, lazy) === 7) {
        // micromark checks this interruption through the whole HTML block, so the paragraph is
        // still open when the line's laziness is judged: the block stays in the containers.
        h.leaf = { t: 'html', kind: 7 };
        return false;
      }
      if (interruptsParagraph(line, p, lazy)) return fresh(h, line, lazy, nextMayDelimit, pos, continued);
      // A paragraph continuation (lazy or not); the line may head a table.
      h.leaf = paragraph(leaf.defs, nextMayDelimit ? headCells(line, p) : 0, c === LT && htmlOpenKind(line, p, false, lazy) === 7);
      return false;
    }
    case 'none':
      return fresh(h, line, lazy, nextMayDelimit, pos, continued);
  }
}

/**
 * A line that starts a new flow construct (nothing open that it could continue). Never a
 * setext underline: those only follow a paragraph, which the caller handles. `afterTable`: the
 * flow's last construct is a table row (then a table can only continue here).
 */
function fresh(h: Hypothesis, line: string, lazy: boolean, nextMayDelimit: boolean, pos: number, continued: number, afterTable = false): boolean {
  // Whatever starts here starts at the line: a lazy line closes the unmatched containers.
  if (lazy) h.stack.length = continued;
  if (isBlank(line, pos)) {
    h.leaf = NONE;
    return false;
  }
  const p = skipSpaces(line, pos, Infinity);
  if (p - pos >= 4) {
    // micromark asks whether the line being ended is lazy before it looks at the next one, so
    // indented code begun on a lazy line ends with that line.
    h.leaf = lazy ? NONE : { t: 'icode' };
    return false;
  }
  const c = line.charCodeAt(p);
  if (c === HASH && isAtxHeading(line, p)) {
    h.leaf = NONE;
    return h.stack.length === 0;
  }
  if ((c === STAR || c === DASH || c === UNDERSCORE) && isThematicBreak(line, p)) {
    h.leaf = NONE;
    return false;
  }
  if (c === LT) {
    const kind = htmlOpenKind(line, p, false, lazy);
    if (kind > 0) {
      h.leaf = kind <= 5 && htmlCloses(kind, line, p, OPENING) ? NONE : { t: 'html', kind };
      return false;
    }
  }
  if (c === BACKTICK || c === TILDE) {
    const fence = fenceOpen(line, p);
    if (fence) {
      h.leaf = { t: 'fence', marker: c, size: fence };
      return false;
    }
  }
  h.leaf = paragraph(c === BRACKET_OPEN, nextMayDelimit && !afterTable ? headCells(line, p) : 0, false);
  return false;
}

/** A flow construct other than a table row takes this line (after a table row). */
function claimsLine(line: string, p: number, lazy: boolean): boolean {
  const c = line.charCodeAt(p);
  if (c === HASH) return isAtxHeading(line, p);
  if (c === STAR || c === DASH || c === UNDERSCORE) return isThematicBreak(line, p);
  if (c === LT) return htmlOpenKind(line, p, false, lazy) > 0;
  if (c === BACKTICK || c === TILDE) return fenceOpen(line, p) > 0;
  return false;
}

/** A construct that can interrupt paragraph content starts at `p` (not a table: see `head`). */
function interruptsParagraph(line: string, p: number, lazy: boolean): boolean {
  const c = line.charCodeAt(p);
  if (c === HASH) return isAtxHeading(line, p);
  if (c === STAR || c === DASH || c === UNDERSCORE) return isThematicBreak(line, p);
  if (c === LT) return htmlOpenKind(line, p, true, lazy) > 0;
  if (c === BACKTICK || c === TILDE) return fenceOpen(line, p) > 0;
  return false;
}

/** A new container at `pos` (after up to three spaces), or undefined. */
function containerStart(line: string, pos: number, interrupt: boolean): { container: Container; content: number } | undefined {
  const p = skipSpaces(line, pos, 3);
  const c = line.charCodeAt(p);
  if (c === GT) {
    let content = p + 1;
    if (line.charCodeAt(content) === SPACE) content++;
    return { container: { kind: 'quote' }, content };
  }
  if (c === BRACKET_OPEN) {
    const content = footnoteStart(line, p);
    return content < 0 ? undefined : { container: { kind: 'footnote' }, content };
  }
  if (c === STAR || c === PLUS || c === DASH || (c >= ZERO && c <= NINE)) {
    const item = listStart(line, p, p - pos, undefined, interrupt);
    if (!item) return undefined;
    return {
      container: { kind: 'item', ordered: item.ordered, marker: item.marker, size: item.size, initialBlank: item.initialBlank, furtherBlank: false },
      content: item.content,
    };
  }
  return undefined;
}

interface ListStart {
  ordered: boolean;
  marker: number;
  size: number;
  initialBlank: boolean;
  content: number;
}

/**
 * micromark's list item start at `p`, `indent` spaces after the container's start. `same` is the
 * item whose sibling this must be (same kind and marker).
 */
function listStart(line: string, p: number, indent: number, same: Extract<Container, { kind: 'item' }> | undefined, interrupt: boolean): ListStart | undefined {
  const c = line.charCodeAt(p);
  const ordered = same ? same.ordered : !(c === STAR || c === PLUS || c === DASH);
  let q = p;
  let marker: number;
  if (!ordered) {
    if (!(c === STAR || c === PLUS || c === DASH)) return undefined;
    if (same && c !== same.marker) return undefined;
    if ((c === STAR || c === DASH) && isThematicBreak(line, p)) return undefined;
    marker = c;
    q = p + 1;
  } else {
    if (!(c >= ZERO && c <= NINE)) return undefined;
    if (interrupt && c !== ZERO + 1) return undefined;
    let digits = 0;
    while (digits < 9 && line.charCodeAt(q) >= ZERO && line.charCodeAt(q) <= NINE) {
      q++;
      digits++;
    }
    const d = line.charCodeAt(q);
    if (interrupt && digits >= 2) return undefined;
    if (same ? d !== same.marker : !(d === DOT || d === PAREN_CLOSE)) return undefined;
    marker = d;
    q++;
  }
  const prefix = q - p;
  if (isBlank(line, q)) {
    if (interrupt) return undefined;
    return { ordered, marker, size: indent + prefix + 1, initialBlank: true, content: q };
  }
  let spaces = 0;
  while (line.charCodeAt(q + spaces) === SPACE) spaces++;
  if (spaces === 0) return undefined;
  if (spaces <= 4) return { ordered, marker, size: indent + prefix + spaces, initialBlank: false, content: q + spaces };
  return { ordered, marker, size: indent + prefix + 1, initialBlank: false, content: q + 1 };
}

/** `[^label]:` at `p`: where the definition's content starts (after all whitespace), or -1. */
function footnoteStart(line: string, p: number): number {
  if (line.charCodeAt(p + 1) !== CARET) return -1;
  let q = p + 2;
  let size = 0;
  let data = false;
  for (;;) {
    if (size > 999) return -1;
    const c = line.charCodeAt(q);
    if (q >= line.length || c === BRACKET_OPEN || c === SPACE || (c === BRACKET_CLOSE && !data)) return -1;
    if (c === BRACKET_CLOSE) break;
    data = true;
    size++;
    q++;
    if (c === BACKSLASH) {
      const d = line.charCodeAt(q);
      if (d === BRACKET_OPEN || d === BACKSLASH || d === BRACKET_CLOSE) {
        size++;
        q++;
      }
    }
  }
  if (line.charCodeAt(q + 1) !== COLON) return -1;
  return skipSpaces(line, q + 2, Infinity);
}

function skipSpaces(line: string, pos: number, max: number): number {
  let p = pos;
  while (p - pos < max && line.charCodeAt(p) === SPACE) p++;
  return p;
}

function isBlank(line: string, pos: number): boolean {
  for (let i = pos; i < line.length; i++) if (line.charCodeAt(i) !== SPACE) return false;
  return true;
}

function isAtxHeading(line: string, p: number): boolean {
  let q = p;
  while (q - p < 7 && line.charCodeAt(q) === HASH) q++;
  const n = q - p;
  return n >= 1 && n <= 6 && (q >= line.length || line.charCodeAt(q) === SPACE);
}

function isThematicBreak(line: string, p: number): boolean {
  const marker = line.charCodeAt(p);
  let count = 0;
  for (let i = p; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === marker) count++;
    else if (c !== SPACE) return false;
  }
  return count >= 3;
}

function isSetextUnderline(line: string, p: number): boolean {
  const marker = line.charCodeAt(p);
  let q = p;
  while (line.charCodeAt(q) === marker) q++;
  return isBlank(line, q);
}

/** Length of the opening fence at `p`, or 0. */
function fenceOpen(line: string, p: number): number {
  const marker = line.charCodeAt(p);
  let q = p;
  while (line.charCodeAt(q) === marker) q++;
  const size = q - p;
  if (size < 3) return 0;
  if (marker === BACKTICK && line.indexOf('`', q) >= 0) return 0;
  return size;
}

/**
 * Cells of a table head row at `p` (micromark's count), or 0 when the line cannot head a table.
 */
function headCells(line: string, p: number): number {
  let size = 0;
  let sizeB = 0;
  let seen = false;
  let i = p;
  if (line.charCodeAt(i) !== 124) {
    seen = true;
    sizeB = 1;
  }
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === SPACE) {
      i++;
      continue;
    }
    sizeB++;
    if (seen) {
      seen = false;
      size++;
    }
    if (c === 124) {
      seen = true;
      i++;
      continue;
    }
    while (i < line.length) {
      const d = line.charCodeAt(i);
      if (d === 124 || d === SPACE) break;
      i++;
      if (d === BACKSLASH) {
        const e = line.charCodeAt(i);
        if (e === BACKSLASH || e === 124) i++;
      }
    }
  }
  return sizeB > 1 ? size : 0;
}

/** Cells of a table delimiter row at `pos`, or -1 when it is not one. */
function delimiterCells(line: string, pos: number): number {
  let i = skipSpaces(line, pos, 3);
  let seen = false;
  let cells = 0;
  let c = line.charCodeAt(i);
  if (c === 124) {
    seen = true;
    i = skipSpaces(line, i + 1, Infinity);
  } else if (c !== DASH && c !== COLON) return -1;
  for (;;) {
    // Before a cell's value.
    c = line.charCodeAt(i);
    if (i >= line.length) return seen ? cells : -1;
    if (c === COLON) {
      seen = true;
      i++;
      if (line.charCodeAt(i) !== DASH) return -1;
    } else if (c !== DASH) return -1;
    cells++;
    while (line.charCodeAt(i) === DASH) i++;
    if (line.charCodeAt(i) === COLON) {
      seen = true;
      i++;
    }
    i = skipSpaces(line, i, Infinity);
    // After a cell.
    if (i >= line.length) return seen ? cells : -1;
    if (line.charCodeAt(i) !== 124) return -1;
    seen = true;
    i = skipSpaces(line, i + 1, Infinity);
  }
}

const RAW_NAMES = new Set(['pre', 'script', 'style', 'textarea']);
const BLOCK_NAMES = new Set([
  'address', 'article', 'aside', 'base', 'basefont', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup',
  'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frame',
  'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'iframe', 'legend', 'li', 'link',
  'main', 'menu', 'menuitem', 'nav', 'noframes', 'ol', 'optgroup', 'option', 'p', 'param', 'search', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul',
]);

const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlnum = (c: number): boolean => isAlpha(c) || (c >= ZERO && c <= NINE);

/**
 * The kind (1–7) of HTML block opening at `p` (a `<`), or 0. `interrupt`: the line would
 * interrupt a paragraph (kind 7 then only on a lazy line, as micromark has it).
 */
function htmlOpenKind(line: string, p: number, interrupt: boolean, lazy: boolean): number {
  let i = p + 1;
  let c = line.charCodeAt(i);
  if (c === BANG) {
    c = line.charCodeAt(i + 1);
    if (c === DASH) return line.charCodeAt(i + 2) === DASH ? 2 : 0;
    if (c === BRACKET_OPEN) return line.startsWith('CDATA[', i + 2) ? 5 : 0;
    return isAlpha(c) ? 4 : 0;
  }
  if (c === QUESTION) return 3;
  let closing = false;
  if (c === SLASH) {
    closing = true;
    i++;
    c = line.charCodeAt(i);
  }
  if (!isAlpha(c)) return 0;
  const nameStart = i;
  while (i < line.length && (isAlnum(line.charCodeAt(i)) || line.charCodeAt(i) === DASH)) i++;
  const after = line.charCodeAt(i);
  if (!(i >= line.length || after === SLASH || after === GT || after === SPACE)) return 0;
  const name = line.slice(nameStart, i).toLowerCase();
  const slash = after === SLASH;
  if (!slash && !closing && RAW_NAMES.has(name)) return 1;
  if (BLOCK_NAMES.has(name)) {
    if (slash) return line.charCodeAt(i + 1) === GT ? 6 : 0;
    return 6;
  }
  if (interrupt && !lazy) return 0;
  return completeTag(line, i, closing) ? 7 : 0;
}

/** The rest of a complete open or closing tag from after its name, then only whitespace. */
function completeTag(line: string, start: number, closing: boolean): boolean {
  // micromark's states, one per label.
  const NAME_BEFORE = 0;
  const NAME = 1;
  const NAME_AFTER = 2;
  const VALUE_BEFORE = 3;
  const QUOTED = 4;
  const UNQUOTED = 5;
  const QUOTED_AFTER = 6;
  const END = 7;
  const AFTER = 8;
  let state = closing ? END : NAME_BEFORE;
  let quote = 0;
  let i = start;
  if (closing) while (line.charCodeAt(i) === SPACE) i++;
  for (;;) {
    const c = i < line.length ? line.charCodeAt(i) : -1;
    switch (state) {
      case NAME_BEFORE:
        if (c === SLASH) {
          i++;
          state = END;
        } else if (c === COLON || c === UNDERSCORE || isAlpha(c)) {
          i++;
          state = NAME;
        } else if (c === SPACE) i++;
        else state = END;
        continue;
      case NAME:
        if (c === DASH || c === DOT || c === COLON || c === UNDERSCORE || isAlnum(c)) i++;
        else state = NAME_AFTER;
        continue;
      case NAME_AFTER:
        if (c === EQUALS) {
          i++;
          state = VALUE_BEFORE;
        } else if (c === SPACE) i++;
        else state = NAME_BEFORE;
        continue;
      case VALUE_BEFORE:
        if (c === -1 || c === LT || c === EQUALS || c === GT || c === BACKTICK) return false;
        if (c === 34 || c === 39) {
          quote = c;
          i++;
          state = QUOTED;
        } else if (c === SPACE) i++;
        else state = UNQUOTED;
        continue;
      case QUOTED:
        if (c === -1) return false;
        i++;
        if (c === quote) state = QUOTED_AFTER;
        continue;
      case UNQUOTED:
        if (c === -1 || c === 34 || c === 39 || c === SLASH || c === LT || c === EQUALS || c === GT || c === BACKTICK || c === SPACE) state = NAME_AFTER;
        else i++;
        continue;
      case QUOTED_AFTER:
        if (c === SLASH || c === GT || c === SPACE) state = NAME_BEFORE;
        else return false;
        continue;
      case END:
        if (c !== GT) return false;
        i++;
        state = AFTER;
        continue;
      case AFTER:
        return isBlank(line, i);
    }
  }
}

const OPENING = 0;
const CONTINUATION = 1;

/**
 * Whether an HTML block of kind 1–5 ends on this line: micromark's continuation state machine
 * run from the opener at `from` (OPENING) or from the line's start (CONTINUATION).
 */
function htmlCloses(kind: number, line: string, from: number, where: typeof OPENING | typeof CONTINUATION): boolean {
  // States: 0 continuation, 1 comment inside, 2 declaration inside, 3 raw tag open,
  // 4 raw end tag, 5 cdata inside.
  let state = 0;
  let i = from;
  let buffer = '';
  if (where === OPENING) {
    if (kind === 1) {
      i = from + 1;
      while (i < line.length && isAlpha(line.charCodeAt(i))) i++;
      while (i < line.length && (isAlnum(line.charCodeAt(i)) || line.charCodeAt(i) === DASH)) i++;
    } else if (kind === 2) {
      i = from + 4;
      state = 2;
    } else if (kind === 3) {
      i = from + 2;
      state = 2;
    } else if (kind === 4) {
      i = from + 3;
      state = 2;
    } else {
      i = from + 9;
    }
  }
  while (i < line.length) {
    const c = line.charCodeAt(i);
    switch (state) {
      case 0:
        i++;
        if (c === DASH && kind === 2) state = 1;
        else if (c === LT && kind === 1) state = 3;
        else if (c === GT && kind === 4) return true;
        else if (c === QUESTION && kind === 3) state = 2;
        else if (c === BRACKET_CLOSE && kind === 5) state = 5;
        continue;
      case 1:
        if (c === DASH) {
          i++;
          state = 2;
        } else state = 0;
        continue;
      case 2:
        if (c === GT) return true;
        if (c === DASH && kind === 2) {
          i++;
          continue;
        }
        state = 0;
        continue;
      case 3:
        if (c === SLASH) {
          i++;
          buffer = '';
          state = 4;
        } else state = 0;
        continue;
      case 4:
        if (c === GT) {
          if (RAW_NAMES.has(buffer.toLowerCase())) return true;
          state = 0;
          continue;
        }
        if (isAlpha(c) && buffer.length < 8) {
          buffer += line[i];
          i++;
          continue;
        }
        state = 0;
        continue;
      case 5:
        if (c === BRACKET_CLOSE) {
          i++;
          state = 2;
        } else state = 0;
        continue;
    }
  }
  return false;
}
