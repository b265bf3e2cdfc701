/**
 * A language client for the tests: starts `pm-lens lsp --stdio` as a child process and talks to
 * it over a real stdio connection with vscode-languageserver-protocol's client side. It answers
 * `workspace/configuration` from `settings`, accepts registrations, and records every
 * `publishDiagnostics` and `pmLens/status`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeLensRefreshRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { DiagnosticDeltas } from '../../src/extension/diagnosticDeltas';
import { DIAGNOSTIC_DELTAS } from '../../src/shared/deltas';
import { DiagnosticsNotification, ResendDiagnosticsNotification, StatusNotification, type StatusParams } from '../../src/shared/serverProtocol';
import { fromRoot } from '../support/paths';

export interface StartOptions {
  /** Files to write into a fresh workspace folder, by relative path. */
  readonly files?: Readonly<Record<string, string>>;
  readonly budgetMs?: number;
  /** `initializationOptions.trusted` (the server's default is true). */
  readonly trusted?: boolean;
  /** What `workspace/configuration` answers for the `pmLens` section. */
  readonly settings?: Record<string, unknown>;
  /** Whether the client says it supports `workspace/codeLens/refresh` (counted in `lensRefreshes`). */
  readonly lensRefresh?: boolean;
  /**
   * Whether the client takes diagnostics as `pmLens/diagnostics` deltas, as the VS Code extension
   * does, applied by the extension's own DiagnosticDeltas; recorded in `diagnostics` all the same.
   */
  readonly diagnosticDeltas?: boolean;
  /** The script started as `<entry> lsp --stdio` instead of bin/pm-lens.js (an install to test). */
  readonly entry?: string;
}

export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly statuses = new Map<string, StatusParams[]>();
  readonly stderr: string[] = [];
  /** The URI of every `textDocument/publishDiagnostics` received. */
  readonly standardPublishes: string[] = [];
  /** The `pmLens/diagnostics` pieces received, by URI (with `diagnosticDeltas`). */
  readonly pieces = new Map<string, number>();
  /** Errors the delta path reported (with `diagnosticDeltas`). */
  readonly deltaErrors: string[] = [];
  /** How many `workspace/codeLens/refresh` requests the server sent. */
  lensRefreshes = 0;
  settings: Record<string, unknown>;
  private readonly waiters = new Set<() => void>();
  private readonly versions = new Map<string, number>();
  initializeResult!: InitializeResult;

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly child: ChildProcess,
    /** The workspace folder on disk. */
    readonly root: string,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-lsp-')));
    for (const [name, text] of Object.entries(options.files ?? {})) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
    const child = spawn(process.execPath, [options.entry ?? fromRoot('bin/pm-lens.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(connection, child, root, options.settings ?? {});
    child.stderr!.on('data', (d: Buffer) => client.stderr.push(d.toString()));
    const published = (params: PublishDiagnosticsParams): void => {
      client.diagnostics.set(params.uri, [...(client.diagnostics.get(params.uri) ?? []), params]);
      client.wake();
    };
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      client.standardPublishes.push(params.uri);
      published(params);
    });
    const deltas = new DiagnosticDeltas<Diagnostic>({
      convert: (diagnostic) => diagnostic,
      move: (diagnostic, lines) => DIAGNOSTIC_DELTAS.shift(diagnostic, lines),
      show: (uri, diagnostics, version) => published({ uri, version, diagnostics: [...diagnostics] }),
      lost: (uri) => void connection.sendNotification(ResendDiagnosticsNotification, { uri }),
      error: (what, error) => client.deltaErrors.push(`${what}: ${String(error)}`),
    });
    connection.onNotification(DiagnosticsNotification, (piece) => {
      client.pieces.set(piece.uri, (client.pieces.get(piece.uri) ?? 0) + 1);
      deltas.receive(piece);
    });
    connection.onNotification(StatusNotification, (params) => {
      // As the extension does: a status once the diagnostics before it are shown.
      void deltas.after(params.uri, () => {
        client.statuses.set(params.uri, [...(client.statuses.get(params.uri) ?? []), params]);
        client.wake();
      });
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'pmLens' ? client.settings : null)));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(CodeLensRefreshRequest.type, () => {
      client.lensRefreshes++;
      client.wake();
    });
    connection.listen();
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: client.uri(''),
      workspaceFolders: [{ uri: client.uri(''), name: 'workspace' }],
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true }, workspaceFolders: true, codeLens: { refreshSupport: options.lensRefresh === true } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
      initializationOptions: { analysisBudgetMs: options.budgetMs, trusted: options.trusted, diagnosticDeltas: options.diagnosticDeltas },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** The `file:` URI of a path in the workspace. */
  uri(relative: string): string {
    return pathToFileURL(path.join(this.root, relative)).toString().replace(/\/$/, '');
  }

  async open(relative: string, text: string): Promise<string> {
    const uri = this.uri(relative);
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return uri;
  }

  /** Replaces the whole text; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The newest diagnostics published for `uri`. */
  latest(uri: string): PublishDiagnosticsParams | undefined {
    return this.diagnostics.get(uri)?.at(-1);
  }

  /** Waits until `check` holds (checked on every notification), or fails after `ms`. */
  async until(what: string, check: () => boolean, ms = 15000): Promise<void> {
    if (check()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out after ${ms} ms waiting for ${what}\n${this.stderr.join('')}`));
      }, ms);
      const waiter = (): void => {
        if (!check()) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve();
      };
      this.waiters.add(waiter);
    });
  }

  /**
   * The diagnostics current at `version` of `uri`: those published for it, or, when the server
   * said it analysed that version without publishing (nothing changed), the last ones before it.
   */
  async diagnosticsFor(uri: string, version = this.versions.get(uri) ?? 1): Promise<PublishDiagnosticsParams> {
    const current = (): PublishDiagnosticsParams | undefined => this.diagnostics.get(uri)?.filter((d) => (d.version ?? 0) <= version).at(-1);
    const settled = (): boolean =>
      this.diagnostics.get(uri)?.some((d) => d.version === version) === true ||
      (this.statuses.get(uri)?.some((s) => s.version >= version) === true && current() !== undefined);
    await this.until(`diagnostics of ${uri} v${version}`, settled);
    return current()!;
  }

  writeFile(relative: string, text: string): void {
    fs.writeFileSync(path.join(this.root, relative), text);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // Already gone.
    }
    this.connection.dispose();
    this.child.kill();
    fs.rmSync(this.root, { recursive: true, force: true });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
