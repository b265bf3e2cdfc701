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
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const files_1 = require("../../src/cli/files");
describe('cli: files, folders and globs', function () {
    let root = '';
    const touch = (rel) => {
        fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        fs.writeFileSync(path.join(root, rel), '# x\n');
    };
    const shown = (args, cwd = root) => (0, files_1.expandInputs)(args, cwd).files.map((f) => (f.explicit ? `!${f.display}` : f.display));
    before(function () {
        root = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-lens-files-'));
        for (const rel of ['a-plan.md', 'README.md', 'notes.txt', 'docs/b-prd.md', 'docs/deep/c-brief.markdown', 'docs/deep/d.MD', 'node_modules/x/e-plan.md', '.git/f-plan.md', 'docs/node_modules/g.md', '.github/h-plan.md'])
            touch(rel);
    });
    after(function () {
        fs.rmSync(root, { recursive: true, force: true });
    });
    it('walks a folder for Markdown, in name order, never into node_modules or .git', function () {
        assert.deepEqual(shown(['.']), ['.github/h-plan.md', 'README.md', 'a-plan.md', 'docs/b-prd.md', 'docs/deep/c-brief.markdown', 'docs/deep/d.MD']);
        assert.deepEqual(shown(['docs/']), ['docs/b-prd.md', 'docs/deep/c-brief.markdown', 'docs/deep/d.MD']);
    });
    it('expands globs itself, relative to the folder they name, without dot folders', function () {
        assert.deepEqual(shown(['**/*.md']), ['README.md', 'a-plan.md', 'docs/b-prd.md']);
        assert.deepEqual(shown(['docs/**/*.{md,markdown}']), ['docs/b-prd.md', 'docs/deep/c-brief.markdown']);
        assert.deepEqual(shown(['./docs/*.md']), ['./docs/b-prd.md']);
        assert.deepEqual(shown(['*.txt']), ['notes.txt'], 'a glob takes what it matches');
        assert.deepEqual(shown([path.join(root, 'docs', '*.md').split(path.sep).join('/')]), [path.join(root, 'docs', 'b-prd.md').split(path.sep).join('/')]);
    });
    it('marks files named on the command line explicit, even when a glob also finds them', function () {
        assert.deepEqual(shown(['README.md']), ['!README.md']);
        assert.deepEqual(shown(['**/*.md', 'README.md']), ['!README.md', 'a-plan.md', 'docs/b-prd.md']);
        assert.deepEqual(shown(['docs/b-prd.md', 'docs']), ['!docs/b-prd.md', 'docs/deep/c-brief.markdown', 'docs/deep/d.MD']);
    });
    it('leaves out what a !glob matches', function () {
        assert.deepEqual(shown(['.', '!**/deep/**', '!README.md']), ['.github/h-plan.md', 'a-plan.md', 'docs/b-prd.md']);
    });
    it('reports names that match nothing, and keeps going', function () {
        const expansion = (0, files_1.expandInputs)(['missing.md', 'nothing/**/*.md', 'a-plan.md'], root);
        assert.deepEqual(expansion.problems, ["cannot read 'missing.md': no such file or directory", "no files match 'nothing/**/*.md'"]);
        assert.deepEqual(expansion.files.map((f) => f.display), ['a-plan.md']);
        assert.equal(expansion.files[0].absolute, path.join(root, 'a-plan.md'));
    });
});
//# sourceMappingURL=cli-files.test.js.map