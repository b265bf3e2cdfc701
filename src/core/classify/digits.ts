/**
 * Whether a pattern can only match text that holds a digit, and which characters can never come
 * before that digit: such a pattern (a target, an amount, a date) is not tried where no digit
 * follows, nor where a full stop or a table's `|` comes first, which spares most prose an
 * expensive expression. The reading of the expression is conservative: whatever it does not
 * fully understand counts as not needing a digit and as holding anything, so what it says is
 * always right.
 */

/** Characters whose place before a pattern's first digit is worth knowing (see `digitReach`). */
export const STOPS = ['.', '|', '\n'] as const;
const ALL_STOPS = (1 << STOPS.length) - 1;

/** What an expression's matches hold, read from its structure. */
export interface DigitReach {
  /** Every match consumes an ASCII digit. */
  readonly needsDigit: boolean;
  /**
   * When it does: the characters of `STOPS` (a bit each, in that order) that no match holds
   * before its first digit. A match starting at a place where one of them comes before any
   * digit cannot exist. 0 when the pattern needs no digit.
   */
  readonly stopsBeforeDigit: number;
}

const NOTHING: DigitReach = { needsDigit: false, stopsBeforeDigit: 0 };

/** What every match of `source` (a valid expression, `iu` flags) must hold; see `DigitReach`. */
export function digitReach(source: string): DigitReach {
  try {
    const reader = new Reader(source);
    const reach = reader.alternation();
    if (!reader.done() || !reach.needed) return NOTHING;
    return { needsDigit: true, stopsBeforeDigit: ALL_STOPS & ~reach.before };
  } catch {
    return NOTHING;
  }
}

/**
 * What a piece of an expression may consume: whether it surely consumes a digit (`needed`), the
 * stops it may consume anywhere (`anywhere`) and those it may consume before its first digit
 * (`before`: all it may consume when it need not consume a digit).
 */
interface Reach {
  readonly needed: boolean;
  readonly anywhere: number;
  readonly before: number;
}

const EMPTY: Reach = { needed: false, anywhere: 0, before: 0 };
const DIGIT = /^[0-9]$/;

/** The stops one character atom (a literal, escape, class or `.`, as written) can match. */
function stopsOf(atom: string): number {
  let mask = 0;
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${atom})$`, 'iu');
  } catch {
    return ALL_STOPS;
  }
  STOPS.forEach((stop, bit) => {
    if (re.test(stop)) mask |= 1 << bit;
  });
  return mask;
}

/** A one-character atom: a digit when `digitsOnly`, else whatever stops it can match. */
function single(atom: string, digitsOnly: boolean): Reach {
  const anywhere = stopsOf(atom);
  return { needed: digitsOnly, anywhere, before: digitsOnly ? 0 : anywhere };
}

/** A recursive reading of an expression's structure: alternatives, sequences, quantified atoms. */
class Reader {
  private at = 0;

  constructor(private readonly source: string) {}

  done(): boolean {
    return this.at === this.source.length;
  }

  /** Every alternative needs a digit for the whole to; any alternative's stops may occur. */
  alternation(): Reach {
    let reach = this.sequence();
    while (this.source[this.at] === '|') {
      this.at++;
      const next = this.sequence();
      reach = { needed: reach.needed && next.needed, anywhere: reach.anywhere | next.anywhere, before: reach.before | next.before };
    }
    return reach;
  }

  /**
   * Some atom that must occur at least once needs a digit; before the first such atom, all that
   * the atoms ahead of it may consume can come before the digit.
   */
  private sequence(): Reach {
    let needed = false;
    let anywhere = 0;
    let before = 0;
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const atom = this.atom();
      const surely = this.quantifier() >= 1 && atom.needed;
      anywhere |= atom.anywhere;
      if (needed) continue;
      // Without a quantifier of at least one, the atom may be skipped or repeated without its digit.
      before |= surely ? atom.before : atom.anywhere;
      needed = surely;
    }
    return { needed, anywhere, before };
  }

  /** The least number of times the atom just read must occur (1 without a quantifier). */
  private quantifier(): number {
    const c = this.source[this.at];
    let min: number;
    if (c === '*' || c === '?') min = 0;
    else if (c === '+') min = 1;
    else if (c === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(this.source.slice(this.at));
      if (!m) throw new Error('quantifier');
      this.at += m[0].length - 1;
      min = Number(m[1]);
    } else return 1;
    this.at++;
    if (this.source[this.at] === '?') this.at++;
    return min;
  }

  /** Reads one atom. */
  private atom(): Reach {
    const from = this.at;
    const c = this.source[this.at++];
    if (c === '(') return this.group();
    if (c === '[') {
      const digitsOnly = this.charClass();
      return single(this.source.slice(from, this.at), digitsOnly);
    }
    if (c === '\\') {
      const digitsOnly = this.escape();
      return single(this.source.slice(from, this.at), digitsOnly);
    }
    if ('*+?{}()]'.includes(c)) throw new Error('atom');
    return single(c === '^' || c === '$' ? `\\${c}` : c, DIGIT.test(c));
  }

  private group(): Reach {
    let look = false;
    if (this.source.startsWith('?:', this.at)) this.at += 2;
    else if (this.source.startsWith('?=', this.at) || this.source.startsWith('?!', this.at)) {
      this.at += 2;
      look = true;
    } else if (this.source.startsWith('?<=', this.at) || this.source.startsWith('?<!', this.at)) {
      this.at += 3;
      look = true;
    } else if (this.source[this.at] === '?') {
      const name = /^\?<[A-Za-z_$][\w$]*>/.exec(this.source.slice(this.at));
      if (!name) throw new Error('group');
      this.at += name[0].length;
    }
    const reach = this.alternation();
    if (this.source[this.at++] !== ')') throw new Error('group end');
    // A lookaround consumes nothing.
    return look ? EMPTY : reach;
  }

  /** A class needs a digit when it is not negated and holds digits only. */
  private charClass(): boolean {
    const negated = this.source[this.at] === '^';
    if (negated) this.at++;
    let digitsOnly = true;
    let empty = true;
    while (this.source[this.at] !== ']') {
      if (this.at >= this.source.length) throw new Error('class');
      empty = false;
      const low = this.member();
      if (this.source[this.at] === '-' && this.source[this.at + 1] !== ']') {
        this.at++;
        if (!(this.member() && low)) digitsOnly = false;
      } else if (!low) digitsOnly = false;
    }
    this.at++;
    return !negated && !empty && digitsOnly;
  }

  /** Reads one member of a class; whether it is a digit (or `\d`). */
  private member(): boolean {
    const c = this.source[this.at++];
    return c === '\\' ? this.escape() : DIGIT.test(c);
  }

  /** Reads an escape after its backslash; whether it stands for digits only (`\d`). */
  private escape(): boolean {
    const c = this.source[this.at++];
    if (c === undefined) throw new Error('escape');
    if (c === 'd') return true;
    const rest = this.source.slice(this.at);
    const tail = c === 'p' || c === 'P' ? /^\{[^}]*\}/ : c === 'k' ? /^<[^>]*>/ : c === 'u' ? /^(?:\{[0-9A-Fa-f]+\}|[0-9A-Fa-f]{4})/ : c === 'x' ? /^[0-9A-Fa-f]{2}/ : c === 'c' ? /^[A-Za-z]/ : undefined;
    if (tail) {
      const m = tail.exec(rest);
      if (!m) throw new Error('escape');
      this.at += m[0].length;
    }
    // Anything else (`\w`, `\b`, a back-reference, a code point, an escaped symbol) is not read as a digit.
    return false;
  }
}
