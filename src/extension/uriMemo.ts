/**
 * A bounded memo for the language client's URI conversion. Every diagnostic the server publishes
 * carries its rule's documentation link (`codeDescription.href`), and the client parses each one
 * into a `vscode.Uri`: thousands of parses of the same few strings for a large plan, on the
 * editor's thread. URIs are immutable, so one parse per string serves them all.
 */

/** How many distinct strings are kept; past it the memo starts over (a workspace has few). */
export const URI_MEMO_LIMIT = 512;

/** `parse` memoised by its input, holding at most `limit` results. */
export function memoizeUriParse<U>(parse: (value: string) => U, limit = URI_MEMO_LIMIT): (value: string) => U {
  const parsed = new Map<string, U>();
  return (value) => {
    let uri = parsed.get(value);
    if (uri === undefined) {
      if (parsed.size >= limit) parsed.clear();
      uri = parse(value);
      parsed.set(value, uri);
    }
    return uri;
  };
}
