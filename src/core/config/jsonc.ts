/**
 * Reads `.pmlens.json` with `jsonc-parser` (the reader VS Code uses for its own settings files),
 * keeping where every key and value stands so configuration problems can point at the failing
 * key. Comments and trailing commas are accepted, as in VS Code's settings; the first syntax error
 * is reported and nothing throws.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** A parsed JSON value with its offsets (`offset`, `length`) and, for members, its parent. */
export type JsonNode = Node;

/** The first syntax error, with the offsets it covers. */
export interface JsonSyntaxError {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** The result of `parseJson`. */
export interface JsonParse {
  /** Undefined when the text is not valid JSON (with comments). */
  readonly root: JsonNode | undefined;
  readonly error: JsonSyntaxError | undefined;
}

/**
 * Deeper nesting is refused: no configuration needs it, and walking it would only risk the
 * stack.
 */
export const MAX_JSON_DEPTH = 64;

/** What each of jsonc-parser's error codes means to someone editing the file. */
const ERROR_MESSAGES: Readonly<Record<string, string>> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name in double quotes',
  ValueExpected: 'Expected a value',
  ColonExpected: "Expected ':' after the property name",
  CommaExpected: "Expected ',' between items",
  CloseBraceExpected: "Expected ',' or '}'",
  CloseBracketExpected: "Expected ',' or ']'",
  EndOfFileExpected: 'Unexpected text after the end of the JSON value',
  InvalidCommentToken: 'Invalid comment',
  UnexpectedEndOfComment: 'Comment is never closed',
  UnexpectedEndOfString: 'String is never closed',
  UnexpectedEndOfNumber: 'Number is cut short',
  InvalidUnicode: 'Invalid unicode escape in string',
  InvalidEscapeCharacter: 'Invalid escape in string',
  InvalidCharacter: 'Line break or control character inside a string',
};

/** Parses `text` as JSON with comments and trailing commas. */
export function parseJson(text: string): JsonParse {
  if (text.trim().replace(/^\uFEFF/, '') === '') return { root: undefined, error: { message: 'The file is empty: expected a JSON object', start: 0, end: 0 } };
  const errors: ParseError[] = [];
  let root: JsonNode | undefined;
  try {
    root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch {
    // A stack overflow in a pathological file: unreadable, never a throw.
    return { root: undefined, error: { message: 'The file cannot be read as JSON', start: 0, end: 0 } };
  }
  const first = errors[0];
  if (first) {
    const code = printParseErrorCode(first.error);
    const found = first.offset < text.length ? `, found '${text.slice(first.offset, first.offset + Math.max(1, Math.min(first.length, 20)))}'` : ', found the end of the file';
    return { root: undefined, error: { message: `${ERROR_MESSAGES[code] ?? code}${found}`, start: first.offset, end: first.offset + Math.max(1, first.length) } };
  }
  if (!root) return { root: undefined, error: { message: 'The file cannot be read as JSON', start: 0, end: 0 } };
  const deep = tooDeep(root);
  if (deep) return { root: undefined, error: { message: `Nesting is deeper than ${MAX_JSON_DEPTH} levels`, start: deep.offset, end: deep.offset + 1 } };
  return { root, error: undefined };
}

/** The first node nested deeper than `MAX_JSON_DEPTH`, without recursion. */
function tooDeep(root: JsonNode): JsonNode | undefined {
  const stack: [JsonNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_JSON_DEPTH) return node;
    for (const child of node.children ?? []) stack.push([child, node.type === 'property' ? depth : depth + 1]);
  }
  return undefined;
}

/**
 * The plain value of a node. Objects have no prototype, so keys such as `__proto__` or
 * `constructor` stay ordinary keys; a repeated key keeps its last value, as `JSON.parse` does.
 */
export function jsonValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = Object.create(null);
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) out[key.value as string] = jsonValue(value);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(jsonValue);
    default:
      return node.value;
  }
}

/** The last member of each key per object node, built once per object: lookups stay constant. */
const membersOf = new WeakMap<JsonNode, Map<string, JsonNode>>();

function members(object: JsonNode): Map<string, JsonNode> {
  let map = membersOf.get(object);
  if (!map) {
    map = new Map();
    for (const property of object.children ?? []) {
      const key = property.children?.[0];
      if (key) map.set(key.value as string, property);
    }
    membersOf.set(object, map);
  }
  return map;
}

/** Where a node found by `jsonNodeAt` stands: the value, and the key when it is an object member. */
export interface JsonLocation {
  readonly node: JsonNode;
  /** The key node of the member that holds `node`, when it is an object member. */
  readonly key?: JsonNode;
}

/**
 * The node at `path` (keys and array indices), with its key when it is an object member. The
 * last of repeated keys wins, as in the value.
 */
export function jsonNodeAt(root: JsonNode, path: readonly PropertyKey[]): JsonLocation | undefined {
  let node: JsonNode = root;
  let key: JsonNode | undefined;
  for (const segment of path) {
    if (node.type === 'object') {
      const property = members(node).get(String(segment));
      const [k, value] = property?.children ?? [];
      if (!k || !value) return undefined;
      key = k;
      node = value;
    } else if (node.type === 'array' && typeof segment === 'number' && segment < (node.children?.length ?? 0)) {
      key = undefined;
      node = node.children![segment];
    } else return undefined;
  }
  return { node, key };
}
