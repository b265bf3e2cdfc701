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
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const skeletons_1 = require("../../src/core/skeletons");
const paths_1 = require("../support/paths");
const snippetsPath = 'snippets/pm-lens.code-snippets';
const readSnippets = () => JSON.parse((0, node_fs_1.readFileSync)((0, paths_1.fromRoot)(snippetsPath), 'utf8'));
describe('snippets/pm-lens.code-snippets', () => {
    it('is exactly what scripts/gen-snippets.mjs generates from the skeletons (run it after editing src/core/skeletons.ts)', () => {
        assert.equal((0, node_fs_1.readFileSync)((0, paths_1.fromRoot)(snippetsPath), 'utf8'), (0, skeletons_1.renderSnippetsFile)());
    });
    it('has one snippet per skeleton, with prefix, description and body', () => {
        const file = readSnippets();
        assert.equal(Object.keys(file).length, skeletons_1.skeletons.length);
        for (const s of skeletons_1.skeletons) {
            const entry = file[s.name];
            assert.ok(entry, `no snippet '${s.name}'`);
            assert.equal(entry.prefix, s.prefix);
            assert.ok(entry.description.length > 10);
            assert.ok(Array.isArray(entry.body) && entry.body.length > 3);
        }
    });
    it('inserts, once its tab stops are at their defaults, the same text as the missing-concern quick fix', () => {
        const file = readSnippets();
        for (const s of skeletons_1.skeletons.filter((k) => k.main)) {
            const body = file[s.name].body;
            assert.equal((0, skeletons_1.expandSnippet)(Array.isArray(body) ? body.join('\n') : body), (0, skeletons_1.skeletonFor)(s.concern, '\n'), s.prefix);
        }
    });
    it('is contributed for Markdown in package.json', () => {
        const manifest = JSON.parse((0, node_fs_1.readFileSync)((0, paths_1.fromRoot)('package.json'), 'utf8'));
        const entries = manifest.contributes?.snippets ?? [];
        assert.ok(entries.some((e) => e.language === 'markdown' && e.path.replace(/^\.\//, '') === snippetsPath), JSON.stringify(entries));
    });
});
//# sourceMappingURL=snippets.test.js.map