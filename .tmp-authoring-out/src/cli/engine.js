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
exports.nodeConfigHost = void 0;
exports.openConfigSource = openConfigSource;
/**
 * Where the command line meets the core's configuration loading and plan detection, so the CLI
 * and the editor load configuration the same way and agree on what a plan is.
 */
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const load_1 = require("../core/config/load");
const parse_1 = require("../core/config/parse");
const files_1 = require("./files");
/** The core's file access, on Node's `fs`. */
exports.nodeConfigHost = {
    async readFile(file) {
        try {
            return await fs.promises.readFile(file, 'utf8');
        }
        catch {
            return undefined;
        }
    },
    dirname: (file) => path.dirname(file),
    join: (...parts) => path.join(...parts),
};
/**
 * Opens the configuration source. A `--config` file that cannot be read is an error message; one
 * that reads badly is loaded as far as it is valid, its problems reported with every file.
 */
function openConfigSource(explicit, cwd) {
    if (explicit !== undefined) {
        const file = path.resolve(cwd, explicit);
        let text;
        try {
            text = fs.readFileSync(file, 'utf8');
        }
        catch (error) {
            return { error: `cannot read configuration '${explicit}': ${(0, files_1.describeError)(error)}` };
        }
        const parsed = (0, parse_1.parseConfigText)(text, file);
        const loaded = { config: parsed.config, issues: parsed.problems.map((problem) => ({ file, problem })) };
        return { configFor: async () => loaded };
    }
    // Every file of a folder has the same nearest configuration: look it up once per folder.
    const byFolder = new Map();
    return {
        configFor(absolutePath) {
            const folder = path.dirname(absolutePath);
            let loaded = byFolder.get(folder);
            if (!loaded) {
                loaded = (0, load_1.loadConfigFor)(absolutePath, exports.nodeConfigHost).then((found) => ({
                    config: found.config,
                    issues: found.file !== undefined ? found.problems.map((problem) => ({ file: found.file, problem })) : [],
                }));
                byFolder.set(folder, loaded);
            }
            return loaded;
        },
    };
}
//# sourceMappingURL=engine.js.map