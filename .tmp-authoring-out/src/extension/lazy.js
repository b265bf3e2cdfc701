"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.engine = engine;
let loaded;
/** The core's code; the first call loads it (tens of milliseconds), later calls are free. */
function engine() {
    // A require inside a function: the bundler keeps the core's module code uninitialised until here.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (loaded ??= require('./engine'));
}
//# sourceMappingURL=lazy.js.map