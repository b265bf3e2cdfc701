/**
 * A small JSON reader that keeps where every key and value stands, so configuration problems
 * can point at the failing key. Accepts comments and trailing commas (as VS Code's own settings
 * files do); stops at the first syntax error and reports it, never throws.
 */

interface NodeBase {
  readonly offset: number;
  readonly end: number;
}
/** An object member: its key (with where the key stands) and its value. */
export interface JsonProperty {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly value: JsonNode;
}
/** A JSON value with its offsets in the text (`end` exclusive). */
export type JsonNode =
  | (NodeBase & { readonly type: 'object'; readonly properties: readonly JsonProperty[] })
  | (NodeBase & { readonly type: 'array'; readonly items: readonly JsonNode[] })
  | (NodeBase & { readonly type: 'string' | 'number' | 'boolean' | 'null'; readonly value: string | number | boolean | null });

/** The first syntax error, with the offsets it covers. */
export interface JsonSyntaxError {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** The result of `parseJson`. */
export interface JsonParse {
  /** Undefined when the text is not valid JSON. */
  readonly root: JsonNode | undefined;
  readonly error: JsonSyntaxError | undefined;
}

/** Deeper nesting than this is refused rather than risking the stack. */
const MAX_DEPTH = 200;

class Failure {
  constructor(readonly message: string, readonly start: number, readonly end: number) {}
}

/** Parses `text` as JSON with comments. */
export function parseJson(text: string): JsonParse {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (message: string, start = at, end = Math.min(start + 1, text.length)): never => {
    throw new Failure(message, start, Math.max(start, end));
  };
  const skip = (): void => {
    for (;;) {
      const c = text[at];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') at++;
      else if (c === '/' && text[at + 1] === '/') {
        while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
      } else if (c === '/' && text[at + 1] === '*') {
        const close = text.indexOf('*/', at + 2);
        if (close < 0) fail('Comment is never closed', at, at + 2);
        at = close + 2;
      } else return;
    }
  };
  const describeHere = (): string => (at >= text.length ? 'the end of the file' : `'${text[at]}'`);

  const readString = (): { value: string; start: number; end: number } => {
    const start = at;
    at++;
    for (;;) {
      if (at >= text.length) fail('String is never closed', start, at);
      const c = text.charCodeAt(at);
      if (c === 34) break;
      if (c === 92) at += 2;
      else if (c < 32) fail('Line break or control character inside a string', at);
      else at++;
    }
    at++;
    try {
      return { value: JSON.parse(text.slice(start, at)) as string, start, end: at };
    } catch {
      return fail('Invalid escape in string', start, at);
    }
  };

  const readValue = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) fail('Nesting is too deep');
    skip();
    const start = at;
    const c = text[at];
    if (c === '{') {
      at++;
      const properties: JsonProperty[] = [];
      skip();
      while (text[at] !== '}') {
        if (text[at] !== '"') fail(`Expected a property name in double quotes, found ${describeHere()}`);
        const key = readString();
        skip();
        if (text[at] !== ':') fail(`Expected ':' after "${key.value}", found ${describeHere()}`);
        at++;
        const value = readValue(depth + 1);
        properties.push({ key: key.value, keyStart: key.start, keyEnd: key.end, value });
        skip();
        if (text[at] === ',') {
          at++;
          skip();
        } else if (text[at] !== '}') fail(`Expected ',' or '}', found ${describeHere()}`);
      }
      at++;
      return { type: 'object', properties, offset: start, end: at };
    }
    if (c === '[') {
      at++;
      const items: JsonNode[] = [];
      skip();
      while (text[at] !== ']') {
        items.push(readValue(depth + 1));
        skip();
        if (text[at] === ',') {
          at++;
          skip();
        } else if (text[at] !== ']') fail(`Expected ',' or ']', found ${describeHere()}`);
      }
      at++;
      return { type: 'array', items, offset: start, end: at };
    }
    if (c === '"') {
      const s = readString();
      return { type: 'string', value: s.value, offset: s.start, end: s.end };
    }
    const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    number.lastIndex = at;
    const n = number.exec(text);
    if (n && n[0] !== '' && n[0] !== '-') {
      at += n[0].length;
      return { type: 'number', value: Number(n[0]), offset: start, end: at };
    }
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return value === null ? { type: 'null', value, offset: start, end: at } : { type: 'boolean', value, offset: start, end: at };
      }
    }
    const token = /[^\s,:{}[\]"]*/y;
    token.lastIndex = at;
    const found = token.exec(text)?.[0] ?? '';
    return fail(at >= text.length ? 'Expected a value, found the end of the file' : `Expected a value, found '${found || text[at]}'`, at, at + Math.max(1, found.length));
  };

  try {
    skip();
    if (at >= text.length) return { root: undefined, error: { message: 'The file is empty: expected a JSON object', start: 0, end: 0 } };
    const root = readValue(0);
    skip();
    if (at < text.length) fail(`Unexpected ${describeHere()} after the end of the JSON value`);
    return { root, error: undefined };
  } catch (e) {
    if (e instanceof Failure) return { root: undefined, error: { message: e.message, start: e.start, end: e.end } };
    // A stack overflow or similar in a pathological file: report it as unreadable, never throw.
    return { root: undefined, error: { message: 'The file cannot be read as JSON', start: 0, end: 0 } };
  }
}

/** The plain value of a node. Keys such as `__proto__` stay ordinary keys. */
export function jsonValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const p of node.properties) {
        Object.defineProperty(out, p.key, { value: jsonValue(p.value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return node.items.map(jsonValue);
    default:
      return node.value;
  }
}

/**
 * The node at `path` (keys and array indices), with the property that holds it when it is an
 * object member. The last property of a repeated key wins, as in the value.
 */
export function jsonNodeAt(root: JsonNode, path: readonly PropertyKey[]): { node: JsonNode; property?: JsonProperty } | undefined {
  let node: JsonNode = root;
  let property: JsonProperty | undefined;
  for (const segment of path) {
    if (node.type === 'object') {
      const found: JsonProperty | undefined = [...node.properties].reverse().find((p) => p.key === String(segment));
      if (!found) return undefined;
      property = found;
      node = found.value;
    } else if (node.type === 'array' && typeof segment === 'number' && segment < node.items.length) {
      property = undefined;
      node = node.items[segment];
    } else return undefined;
  }
  return { node, property };
}
