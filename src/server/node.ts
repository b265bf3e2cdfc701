/**
 * The server on Node: `pm-lens lsp --stdio` (or `--node-ipc`, or `--socket=PORT`, which
 * connects to a client listening on 127.0.0.1:PORT and nowhere else). Analysis runs in a small
 * pool of worker threads that serves every open plan; configuration files are read from disk.
 */
import { promises as fs } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { createConnection, createServerSocketTransport, IPCMessageReader, IPCMessageWriter, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { nodeWorkers } from './analysis/nodeWorkers';
import { WorkerRunner } from './analysis/workerRunner';
import type { FileStat } from './engine';
import { pathOfUri } from './folders';
import { startServer } from './server';

/** Analysis threads: enough to keep a slow plan from holding up the others, few enough to spare the editor's cores. */
const POOL_SIZE = Math.min(4, Math.max(2, availableParallelism() - 1));
/** Configuration files larger than this are not read (they are a few KB). */
const MAX_CONFIG_BYTES = 1024 * 1024;

export const LSP_USAGE = `Usage: pm-lens lsp --stdio | --node-ipc | --socket=PORT

Starts the PM Lens language server on one transport:
  --stdio          JSON-RPC on stdin and stdout (what most editors start)
  --node-ipc       Node's IPC channel (a client that forks the server)
  --socket=PORT    connects to a client listening on 127.0.0.1:PORT
`;

type Transport = { readonly kind: 'stdio' } | { readonly kind: 'node-ipc' } | { readonly kind: 'socket'; readonly port: number };

/** The transport the arguments name, or a message saying what is wrong. */
export function parseTransport(args: readonly string[]): Transport | string {
  const found: Transport[] = [];
  for (const arg of args) {
    if (arg === '--stdio') found.push({ kind: 'stdio' });
    else if (arg === '--node-ipc') found.push({ kind: 'node-ipc' });
    else if (arg.startsWith('--socket=')) {
      const port = Number(arg.slice('--socket='.length));
      if (!Number.isInteger(port) || port < 1 || port > 65535) return `--socket needs a port from 1 to 65535, got '${arg.slice('--socket='.length)}'`;
      found.push({ kind: 'socket', port });
    } else if (arg.startsWith('--clientProcessId')) {
      // Some clients add it; the connection watches that process on its own.
    } else return `unknown option '${arg}'`;
  }
  if (found.length !== 1) return found.length === 0 ? 'name one transport' : 'name only one transport';
  return found[0];
}

function connect(transport: Transport): Connection {
  switch (transport.kind) {
    case 'stdio':
      return createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
    case 'node-ipc':
      return createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process));
    case 'socket': {
      const [reader, writer] = createServerSocketTransport(transport.port);
      return createConnection(ProposedFeatures.all, reader, writer);
    }
  }
}

/** The local path of a `file:` URI; undefined for any other scheme (nothing else is on this disk). */
function localPath(uri: string): string | undefined {
  return uri.startsWith('file:') ? pathOfUri(uri) : undefined;
}

async function statFile(uri: string): Promise<FileStat | undefined> {
  const file = localPath(uri);
  if (file === undefined) return undefined;
  try {
    const stat = await fs.stat(file);
    return { type: stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other', size: stat.size };
  } catch {
    return undefined;
  }
}

async function readConfigFile(uri: string): Promise<string | undefined> {
  const file = localPath(uri);
  if (file === undefined) return undefined;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile() || stat.size > MAX_CONFIG_BYTES) return undefined;
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Starts the server on the transport `args` name; returns an exit code when they name none
 * (the usage went to stderr), else undefined and the server runs until the client ends it.
 * `workerScript` is the bundle each analysis worker thread runs (dist/analysisWorker.js unless
 * the entry is its own worker, as dist/server.js is).
 */
export function startNodeServer(args: readonly string[], stderr: (text: string) => void, workerScript = path.join(__dirname, 'analysisWorker.js')): number | undefined {
  const transport = parseTransport(args);
  if (typeof transport === 'string') {
    stderr(`pm-lens lsp: ${transport}\n\n${LSP_USAGE}`);
    return 2;
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  startServer(connect(transport), {
    createRunner: (budgetMs, onError) => new WorkerRunner({ start: nodeWorkers(workerScript), budgetMs, poolSize: POOL_SIZE, onError }),
    readFile: readConfigFile,
    stat: statFile,
    heapUsed: () => {
      gc?.();
      return getHeapStatistics().used_heap_size;
    },
    longestBlockMs: () => {
      const longest = delay.max / 1e6;
      delay.reset();
      return longest;
    },
  });
  return undefined;
}
