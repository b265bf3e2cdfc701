/**
 * The client's workspace folders (from `initialize`, kept current by
 * `workspace/didChangeWorkspaceFolders`), and the paths PM Lens matches globs against.
 */
export interface Folder {
  readonly uri: string;
  readonly name: string;
}

export class WorkspaceFolders {
  private folders: Folder[] = [];

  set(folders: readonly Folder[]): void {
    this.folders = folders.map((f) => ({ uri: withoutSlash(f.uri), name: f.name }));
  }

  change(added: readonly Folder[], removed: readonly Folder[]): void {
    const gone = new Set(removed.map((f) => withoutSlash(f.uri)));
    this.folders = [...this.folders.filter((f) => !gone.has(f.uri)), ...added.map((f) => ({ uri: withoutSlash(f.uri), name: f.name }))];
  }

  /** The innermost folder holding `uri`. */
  folderOf(uri: string): Folder | undefined {
    let best: Folder | undefined;
    for (const folder of this.folders) {
      if ((uri === folder.uri || uri.startsWith(folder.uri + '/')) && (!best || folder.uri.length > best.uri.length)) best = folder;
    }
    return best;
  }

  /** The path detection matches globs against: relative to its folder when in one, else the URI's path. */
  planPath(uri: string): string {
    const folder = this.folderOf(uri);
    if (folder) return decodeURIComponent(uri.slice(folder.uri.length + 1));
    return pathOfUri(uri);
  }
}

/** The decoded path of a URI (`file:///a/b%20c.md` → `/a/b c.md`; `file:///c%3A/x` → `c:/x`). */
export function pathOfUri(uri: string): string {
  let path: string;
  try {
    path = decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
  return /^\/[A-Za-z]:/.test(path) ? path.slice(1) : path;
}

/** A path as a URI of the same scheme and authority as `like` (`file:` paths as fileUriOf writes them). */
export function sameRootUri(like: string, path: string): string {
  if (like.startsWith('file:')) return fileUriOf(path);
  const root = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(like)?.[0] ?? '';
  const absolute = path.startsWith('/') ? path : `/${path}`;
  return root + absolute.split('/').map(encodeURIComponent).join('/');
}

/** A path back as a `file:` URI. */
export function fileUriOf(path: string): string {
  const forward = path.replace(/\\/g, '/');
  const absolute = forward.startsWith('/') ? forward : `/${forward}`;
  return `file://${absolute.split('/').map(encodeURIComponent).join('/').replace(/^\/([A-Za-z])%3A/, '/$1:')}`;
}

function withoutSlash(uri: string): string {
  return uri.replace(/\/+$/, '');
}
