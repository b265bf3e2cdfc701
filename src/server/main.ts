/**
 * `node dist/server.js --stdio`: the server on its own, as editors that start a script use it.
 * The same file is the analysis worker's: started as a worker thread, it runs the worker instead,
 * so the VS Code extension ships the engine once for the desktop.
 */
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  // Required, not imported: the bundler then initialises only the side this thread runs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startNodeServer } = require('./node') as typeof import('./node');
  const code = startNodeServer(process.argv.slice(2), (text) => process.stderr.write(text), __filename);
  if (code !== undefined) process.exitCode = code;
} else {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./analysis/worker');
}
