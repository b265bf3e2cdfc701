// Loaded into the language server by scripts/bench-server.mjs (`node --require` this file), in its
// main thread and, inherited, in each analysis worker thread. It changes nothing the server does:
// it notes, with a wall-clock time in milliseconds, the moments a keystroke passes from one stage
// to the next, at the boundaries Node itself provides (stdin, worker messages, stdout), and writes
// one line per moment to file descriptor 3, which the bench reads:
//   in        a chunk arrived on stdin (a didChange, in the bench's timed phase)
//   post N    the server thread posted job N to an analysis worker
//   recv N    the worker received job N
//   done N    the worker posted job N's outcome (after analysing and packing it)
//   back N    the server thread received job N's outcome
//   diag V    the server thread wrote publishDiagnostics for version V to stdout
//   status V  the server thread wrote pmLens/status for version V to stdout
// Worker threads share the process's descriptors, and each line is far below the size a pipe
// writes atomically, so the threads' lines never interleave.
'use strict';
const fs = require('node:fs');
const { isMainThread, parentPort, Worker } = require('node:worker_threads');

const TRACE_FD = 3;
const now = () => performance.timeOrigin + performance.now();
const note = (what) => {
  try {
    fs.writeSync(TRACE_FD, `${now().toFixed(3)} ${what}\n`);
  } catch {
    // The bench stopped reading: nothing to note.
  }
};

/** The method and version at the head of a JSON-RPC message (the params come right after them). */
const HEAD = /"method":"(textDocument\/publishDiagnostics|pmLens\/status)","params":\{"uri":"[^"]*","version":(\d+)/;

if (isMainThread) {
  const stdinEmit = process.stdin.emit;
  process.stdin.emit = function (event, ...args) {
    if (event === 'data') note('in');
    return stdinEmit.call(this, event, ...args);
  };
  const stdoutWrite = process.stdout.write;
  process.stdout.write = function (chunk, ...args) {
    if (typeof chunk !== 'string' && chunk.length > 40) {
      const head = HEAD.exec(chunk.subarray(0, 600).toString('utf8'));
      if (head) note(`${head[1] === 'pmLens/status' ? 'status' : 'diag'} ${head[2]}`);
    }
    return stdoutWrite.call(this, chunk, ...args);
  };
  const postMessage = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...args) {
    if (message?.type === 'analyze') note(`post ${message.job}`);
    return postMessage.call(this, message, ...args);
  };
  const emit = Worker.prototype.emit;
  Worker.prototype.emit = function (event, message, ...args) {
    if (event === 'message' && message?.type === 'done') note(`back ${message.job}`);
    return emit.call(this, event, message, ...args);
  };
} else if (parentPort) {
  // Registered before the worker's own listener, so it hears each message first.
  parentPort.on('message', (message) => {
    if (message?.type === 'analyze') note(`recv ${message.job}`);
  });
  const postMessage = parentPort.postMessage;
  parentPort.postMessage = function (message, ...args) {
    if (message?.type === 'done') note(`done ${message.job}`);
    return postMessage.call(this, message, ...args);
  };
}
