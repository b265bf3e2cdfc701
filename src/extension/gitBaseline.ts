/**
 * The committed version of a document, for the Ownership Summary's "Changes since last commit".
 * Read through VS Code's built-in Git extension (its API, version 1), never a shell: the
 * extension already knows the repositories the person has open, honours `git.enabled` and
 * workspace trust, and runs git with arguments, not a command line. Bounded: the blob's size is
 * asked first and a version larger than `pmLens.maxFileSize` is not read; a read that takes
 * longer than {@link READ_TIMEOUT_MS} is given up.
 *
 * Where there is no Git extension (VS Code for the Web), it is turned off, or the file is in no
 * repository, the result says so; nothing here throws.
 */
import * as vscode from 'vscode';
import type { ChangesStatus } from '../shared/panelProtocol';

/** The Git extension's id. */
const GIT_EXTENSION_ID = 'vscode.git';
/** A committed version not read by then is given up (git busy on a huge repository, a hung hook). */
const READ_TIMEOUT_MS = 10_000;
/** The length of the abbreviated commit shown (as `git log --oneline`). */
const SHORT_COMMIT = 7;
/** The error code the Git extension gives a path the commit does not have. */
const UNKNOWN_PATH = 'UnknownPath';

// The few members of the Git extension's API (extensions/git/src/api/git.d.ts) used here.
interface GitExtension {
  readonly enabled: boolean;
  readonly onDidChangeEnablement: vscode.Event<boolean>;
  getAPI(version: 1): GitApi;
}
interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  readonly repositories: readonly GitRepository[];
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
  readonly onDidCloseRepository: vscode.Event<GitRepository>;
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly HEAD: { readonly commit?: string } | undefined; readonly onDidChange: vscode.Event<void> };
  getObjectDetails(treeish: string, path: string): Promise<{ mode: string; object: string; size: number }>;
  show(ref: string, path: string): Promise<string>;
}

/** The committed version of a file, or why there is none to compare with. */
export type Baseline =
  | {
      readonly status: 'committed';
      /** The commit HEAD points at. */
      readonly commit: string;
      readonly text: string;
    }
  | {
      /** Not in HEAD (untracked or only added), or the repository has no commit yet. */
      readonly status: 'not-committed';
      readonly commit: string | undefined;
    }
  | { readonly status: Exclude<ChangesStatus, 'ready'>; readonly detail: string };

/** `HEAD (1a2b3c4)`: what the panel says it compares with. */
export function baseLabel(commit: string | undefined): string {
  return commit ? `HEAD (${commit.slice(0, SHORT_COMMIT)})` : 'HEAD (no commit yet)';
}

/**
 * Reads committed versions through the Git extension, remembering the last one per file and
 * commit (a commit's content never changes), and tells when what it would read has changed:
 * Git turned on, its repositories found, HEAD moved.
 */
export class GitBaseline implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when a read may now give another answer. */
  readonly onDidChange: vscode.Event<void> = this.emitter.event;
  private api: GitApi | undefined;
  private watching = false;
  private readonly heads = new Map<GitRepository, string | undefined>();
  private readonly cache = new Map<string, Baseline>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  /** The committed version of `uri` at HEAD, with `maxBytes` as the largest version read. */
  async read(uri: vscode.Uri, maxBytes: number): Promise<Baseline> {
    if (uri.scheme === 'untitled') return { status: 'unsaved', detail: '' };
    // Git missing or off comes first: in VS Code for the Web that is what the person needs to hear.
    const api = this.gitApi();
    if ('status' in api) return api;
    if (uri.scheme !== 'file') return { status: 'no-repository', detail: `it is not a file on disk (${uri.scheme}:)` };
    if (api.state !== 'initialized') return { status: 'loading', detail: '' };
    const repository = api.getRepository(uri);
    if (!repository) return { status: 'no-repository', detail: '' };
    const commit = repository.state.HEAD?.commit;
    if (!commit) return { status: 'not-committed', commit: undefined };
    const key = `${commit}\u0000${uri.fsPath}\u0000${maxBytes}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const read = await withTimeout(readAt(repository, commit, uri.fsPath, maxBytes), READ_TIMEOUT_MS);
    // Only answers that stay true for this commit are kept; one entry per file is enough.
    if (read.status === 'committed' || read.status === 'not-committed' || read.status === 'too-large') {
      for (const k of this.cache.keys()) if (k.endsWith(`\u0000${uri.fsPath}\u0000${maxBytes}`)) this.cache.delete(k);
      this.cache.set(key, read);
    }
    return read;
  }

  /** The Git extension's API, or why it cannot be had. Subscribes to its events the first time. */
  private gitApi(): GitApi | Baseline {
    if (this.api) return this.api;
    const extension = vscode.extensions.getExtension<GitExtension>(GIT_EXTENSION_ID);
    if (!extension) {
      const web = vscode.env.uiKind === vscode.UIKind.Web;
      return { status: 'no-git', detail: web ? 'VS Code for the Web has no Git extension' : 'the built-in Git extension is not installed or is disabled' };
    }
    if (!extension.isActive) {
      // It activates on startup ("*"); until then the panel says it is loading and hears when it is done.
      void Promise.resolve(extension.activate()).then(
        () => this.emitter.fire(),
        () => undefined,
      );
      return { status: 'loading', detail: '' };
    }
    const git = extension.exports;
    if (!git || typeof git.getAPI !== 'function') return { status: 'no-git', detail: 'the Git extension offers no API' };
    if (!git.enabled) {
      this.watchEnablement(git);
      return { status: 'git-disabled', detail: '' };
    }
    try {
      this.api = git.getAPI(1);
    } catch (error) {
      return { status: 'no-git', detail: error instanceof Error ? error.message : String(error) };
    }
    this.watch(this.api);
    return this.api;
  }

  private watchEnablement(git: GitExtension): void {
    if (this.watching) return;
    this.watching = true;
    this.disposables.push(git.onDidChangeEnablement(() => this.emitter.fire()));
  }

  private watch(api: GitApi): void {
    const watchRepository = (repository: GitRepository): void => {
      this.heads.set(repository, repository.state.HEAD?.commit);
      this.disposables.push(
        repository.state.onDidChange(() => {
          // The state changes on every status refresh; only a new HEAD changes the committed text.
          const head = repository.state.HEAD?.commit;
          if (this.heads.get(repository) === head) return;
          this.heads.set(repository, head);
          this.emitter.fire();
        }),
      );
    };
    for (const repository of api.repositories) watchRepository(repository);
    this.disposables.push(
      api.onDidChangeState(() => this.emitter.fire()),
      api.onDidOpenRepository((repository) => {
        watchRepository(repository);
        this.emitter.fire();
      }),
      api.onDidCloseRepository((repository) => {
        this.heads.delete(repository);
        this.emitter.fire();
      }),
    );
  }

  dispose(): void {
    this.cache.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** The file at `commit`: its size first, so a huge blob is never read into memory. */
async function readAt(repository: GitRepository, commit: string, fsPath: string, maxBytes: number): Promise<Baseline> {
  let size: number;
  try {
    ({ size } = await repository.getObjectDetails(commit, fsPath));
  } catch (error) {
    if ((error as { gitErrorCode?: unknown } | undefined)?.gitErrorCode === UNKNOWN_PATH) return { status: 'not-committed', commit };
    return { status: 'error', detail: gitMessage(error) };
  }
  if (size > maxBytes) return { status: 'too-large', detail: `${size} bytes` };
  try {
    return { status: 'committed', commit, text: await repository.show(commit, fsPath) };
  } catch (error) {
    return { status: 'error', detail: gitMessage(error) };
  }
}

function withTimeout(read: Promise<Baseline>, ms: number): Promise<Baseline> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Baseline>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'error', detail: `git did not answer within ${ms / 1000} s` }), ms);
  });
  return Promise.race([read, late]).finally(() => clearTimeout(timer));
}

/** What git said, in one line (the Git extension's errors carry stderr). */
function gitMessage(error: unknown): string {
  const e = error as { stderr?: unknown; message?: unknown } | undefined;
  const text = typeof e?.stderr === 'string' && e.stderr.trim() !== '' ? e.stderr : typeof e?.message === 'string' ? e.message : String(error);
  return text.trim().split(/\r?\n/)[0].slice(0, 300);
}
