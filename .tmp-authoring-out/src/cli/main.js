"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
/** The `pm-lens` executable (bundled to dist/cli.js, started by bin/pm-lens.js). */
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const run_1 = require("./run");
/** The version in the package.json nearest above this file (dist/ or the compiled tests). */
function packageVersion() {
    for (let dir = __dirname;; dir = path.dirname(dir)) {
        try {
            const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
            if (pkg.name === 'pm-lens' && pkg.version)
                return pkg.version;
        }
        catch {
            // not here: keep climbing
        }
        if (path.dirname(dir) === dir)
            return '0.0.0';
    }
}
// Setting exitCode (not calling exit) lets piped stdout drain before the process ends.
(0, run_1.runCli)(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
}, packageVersion()).then((code) => {
    process.exitCode = code;
}, (error) => {
    process.stderr.write(`pm-lens: internal error: ${error?.stack ?? String(error)}\n`);
    process.exitCode = 2;
});
//# sourceMappingURL=main.js.map