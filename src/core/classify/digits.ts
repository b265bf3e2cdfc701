/**
 * Whether a pattern can only match text that holds a digit: such a pattern (a target, an amount,
 * a date) is not tried where no digit follows, which spares most prose an expensive expression.
 * The reading of the expression is conservative: whatever it does not fully understand counts as
 * not needing a digit, so the answer `true` is always right.
 */

/** Whether every match of `source` (a valid expression, `iu` flags) consumes an ASCII digit. */
export function needsDigit(source: string): boolean {
  try {
    const reader = new Reader(source);
    const needed = reader.alternation();
    return reader.done() && needed;
  } catch {
    return false;
  }
}

const DIGIT = /^[0-9]$/;

/** A recursive reading of an expression's structure: alternatives, sequences, quantified atoms. */
class Reader {
  private at = 0;

  constructor(private readonly source: string) {}

  done(): boolean {
    return this.at === this.source.length;
  }

  /** Every alternative needs a digit. */
  alternation(): boolean {
    let needed = this.sequence();
    while (this.source[this.at] === '|') {
      this.at++;
      needed = this.sequence() && needed;
    }
    return needed;
  }

  /** Some atom that must occur at least once needs a digit. */
  private sequence(): boolean {
    let needed = false;
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const atom = this.atom();
      if (this.quantifier() >= 1 && atom) needed = true;
    }
    return needed;
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

  /** Reads one atom; whether it consumes a digit. */
  private atom(): boolean {
    const c = this.source[this.at++];
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    if ('*+?{}()]'.includes(c)) throw new Error('atom');
    return DIGIT.test(c);
  }

  private group(): boolean {
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
    const needed = this.alternation();
    if (this.source[this.at++] !== ')') throw new Error('group end');
    // A lookaround consumes nothing.
    return needed && !look;
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
