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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.run = run;
/**
 * The integration suite's entry, run inside a real VS Code extension host (code-server through
 * scripts/run-host-tests.mjs, or @vscode/test-electron on a desktop). The contract is
 * test-electron's: `run()` resolves when every test passed and rejects otherwise.
 *
 * Every compiled `*.test.js` next to this file is added, so each feature brings its own file.
 * The suite uses Mocha's BDD interface (`describe`/`it`). At the end it prints one line that
 * scripts/test-all.mjs sums: `@@pm-lens-counts {"passed":N,"failed":M}`.
 */
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const mocha_1 = __importDefault(require("mocha"));
async function run() {
    const mocha = new mocha_1.default({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
    const files = fs
        .readdirSync(__dirname)
        .filter((f) => f.endsWith('.test.js'))
        .sort();
    // `--grep` while developing: PM_LENS_GREP="hover" in the extension host's environment.
    if (process.env.PM_LENS_GREP)
        mocha.grep(process.env.PM_LENS_GREP);
    for (const file of files)
        mocha.addFile(path.join(__dirname, file));
    const { passed, failed } = await new Promise((resolve) => {
        const runner = mocha.run(() => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0 }));
    });
    console.log(`@@pm-lens-counts ${JSON.stringify({ passed, failed })}`);
    if (files.length === 0)
        throw new Error(`No *.test.js files in ${__dirname}`);
    if (failed > 0)
        throw new Error(`${failed} of ${passed + failed} integration tests failed`);
}
//# sourceMappingURL=index.js.map