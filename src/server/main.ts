/** `node dist/server.js --stdio`: the server on its own, as editors that start a script use it. */
import { startNodeServer } from './node';

const code = startNodeServer(process.argv.slice(2), (text) => process.stderr.write(text));
if (code !== undefined) process.exitCode = code;
