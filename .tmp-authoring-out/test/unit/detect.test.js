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
const analyze_1 = require("../../src/core/analyze");
const defaults_1 = require("../../src/core/config/defaults");
const settings_1 = require("../../src/core/config/settings");
const detect_1 = require("../../src/core/detect");
const facts_1 = require("../../src/core/parse/facts");
const config = defaults_1.defaultConfig;
const plain = '# Notes\n\nNothing to see.\n';
describe('plan detection (isPlanDocument)', () => {
    it('by path: the default globs, case-insensitively, anywhere in the tree', () => {
        for (const path of ['checkout-prd.md', 'docs/Checkout-PRD.MD', 'plans/q3-plan.md', 'Project Charter.md', 'a/b/c/roadmap-2025.md', 'design-brief.md', 'grant-proposal.md', '.github/plan.md', 'C:\\work\\docs\\PRD.md', '/home/dana/ws/prd.md', './prd.md']) {
            const decision = (0, detect_1.isPlanDocument)({ path, text: plain, config });
            assert.equal(decision.isPlan, true, path);
            assert.match(decision.reason, /^path matches \*\*\//, path);
        }
    });
    it('not by path: other names, other extensions, globs only within one name', () => {
        for (const path of ['notes.md', 'docs/guide.md', 'plan.txt', 'planning/notes.md', 'prd.md.bak', 'docs/prd/notes.md']) {
            assert.equal((0, detect_1.isPlanDocument)({ path, text: plain, config }).isPlan, false, path);
        }
    });
    it('by front matter: a plan: key, whatever its value', () => {
        const decision = (0, detect_1.isPlanDocument)({ path: 'notes.md', text: '---\nplan: prd\ntitle: x\n---\n# Notes\n', config });
        assert.deepEqual([decision.isPlan, decision.reason], [true, 'front matter says plan: prd']);
        assert.equal((0, detect_1.isPlanDocument)({ path: 'notes.md', text: '\uFEFF---\r\nplan: grant\r\n---\r\n# Notes\r\n', config }).isPlan, true, 'BOM and CRLF');
        assert.equal((0, detect_1.isPlanDocument)({ path: 'notes.md', text: '---\nplan: 42\n---\n', config }).isPlan, true, 'an invalid value still says it is a plan');
        assert.equal((0, detect_1.isPlanDocument)({ path: 'notes.md', text: '---\ntitle: x\n---\n# Notes\n', config }).isPlan, false, 'other front matter');
        assert.equal((0, detect_1.isPlanDocument)({ path: 'notes.md', text: '---\nplan: [unclosed\n---\n', config }).isPlan, false, 'broken YAML');
        assert.equal((0, detect_1.isPlanDocument)({ path: 'notes.md', text: '---\nplan: prd\n', config }).isPlan, false, 'never closed: not front matter');
    });
    it('by owner tag, but not by one inside code', () => {
        assert.deepEqual((0, detect_1.isPlanDocument)({ path: 'notes.md', text: '# Notes\n<!-- owner: product -->\n', config }).reason, 'has owner tags');
        assert.equal((0, detect_1.isPlanDocument)({ path: 'notes.md', text: '# Notes\n<!-- owner: prodcut -->\n', config }).isPlan, true, 'a misspelt tag still means a plan');
        const documented = '# Tags\n\n```markdown\n<!-- owner: product -->\n```\n\n    <!-- owner: project -->\n';
        assert.equal((0, detect_1.isPlanDocument)({ path: 'notes.md', text: documented, config }).isPlan, false);
        assert.equal((0, detect_1.isPlanDocument)({ path: 'notes.md', text: '# Notes\n<!-- Owner to confirm -->\n', config }).isPlan, false, 'prose');
    });
    it('README and CHANGELOG: never by path or analyzeAllMarkdown, yes when asked, tagged or keyed', () => {
        const all = (0, settings_1.resolveConfig)([{ analyzeAllMarkdown: true, documents: ['**/*.md'] }]);
        for (const path of ['README.md', 'docs/readme.md', 'CHANGELOG.md', 'packages/x/Changelog.markdown', 'README']) {
            const decision = (0, detect_1.isPlanDocument)({ path, text: plain, config: all });
            assert.equal(decision.isPlan, false, path);
            assert.match(decision.reason, /only when asked for or tagged/);
            assert.equal((0, detect_1.isPlanDocument)({ path, text: plain, config: all, explicitlyRequested: true }).isPlan, true, path);
        }
        assert.equal((0, detect_1.isPlanDocument)({ path: 'README.md', text: '# Plan\n<!-- owner: project -->\n', config }).isPlan, true);
        assert.equal((0, detect_1.isPlanDocument)({ path: 'README.md', text: '---\nplan: prd\n---\n', config }).isPlan, true);
        assert.equal((0, detect_1.isPlanDocument)({ path: 'readme-plan.md', text: plain, config }).isPlan, true, 'only the exact names are kept out');
    });
    it('explicitly requested: any file', () => {
        const decision = (0, detect_1.isPlanDocument)({ path: 'whatever.txt', config, explicitlyRequested: true });
        assert.deepEqual(decision, { isPlan: true, reason: 'asked for explicitly' });
    });
    it('analyzeAllMarkdown: every Markdown file, nothing else', () => {
        const all = (0, settings_1.resolveConfig)([{ analyzeAllMarkdown: true }]);
        assert.equal((0, detect_1.isPlanDocument)({ path: 'docs/guide.md', text: plain, config: all }).reason, 'analyzeAllMarkdown is on');
        assert.equal((0, detect_1.isPlanDocument)({ path: 'docs/guide.mdx', text: plain, config: all }).isPlan, true);
        assert.equal((0, detect_1.isPlanDocument)({ path: 'docs/guide.txt', text: plain, config: all }).isPlan, false);
    });
    it('configured globs replace the defaults; a glob with a slash matches the whole relative path', () => {
        const custom = (0, settings_1.resolveConfig)([{ documents: ['plans/**/*.md', '*.spec.md'] }]);
        assert.equal((0, detect_1.isPlanDocument)({ path: 'plans/2025/q3.md', text: plain, config: custom }).isPlan, true);
        assert.equal((0, detect_1.isPlanDocument)({ path: 'PLANS/q3.MD', text: plain, config: custom }).isPlan, true);
        assert.equal((0, detect_1.isPlanDocument)({ path: 'docs/api.spec.md', text: plain, config: custom }).isPlan, true);
        assert.equal((0, detect_1.isPlanDocument)({ path: 'other/plans/q3.md', text: plain, config: custom }).isPlan, false);
        assert.equal((0, detect_1.isPlanDocument)({ path: 'prd.md', text: plain, config: custom }).isPlan, false, 'the defaults are replaced');
        assert.equal((0, detect_1.matchingGlob)('x.md', ['[unclosed', '*.md']), '*.md', 'a glob that cannot be read matches nothing');
    });
    it('without text only the path decides; given facts and front matter are used as they are', () => {
        assert.equal((0, detect_1.isPlanDocument)({ path: 'notes.md', config }).isPlan, false);
        const text = '---\nplan: prd\n---\n# Notes\n<!-- owner: product -->\n';
        const facts = (0, facts_1.parseFacts)(text);
        const decision = (0, detect_1.isPlanDocument)({ path: 'notes.md', facts, text, config });
        assert.equal(decision.isPlan, true);
        assert.equal(decision.facts, facts);
        const { frontMatter } = (0, analyze_1.analyze)(text);
        assert.equal((0, detect_1.isPlanDocument)({ path: 'notes.md', frontMatter, config }).isPlan, true);
    });
    it('hands back the facts it parsed, for the analysis to reuse', () => {
        const text = '# Notes\n<!-- owner: product -->\n\nOne tap.\n';
        const decision = (0, detect_1.isPlanDocument)({ path: 'notes.md', text, config });
        assert.ok(decision.facts);
        assert.deepEqual((0, analyze_1.analyze)(text, { facts: decision.facts }), (0, analyze_1.analyze)(text));
    });
    it('a large document that is no plan is not parsed at all', () => {
        const big = '# Notes\n\n' + 'Plain words and more plain words.\n'.repeat(100_000);
        const decision = (0, detect_1.isPlanDocument)({ path: 'notes.md', text: big, config });
        assert.equal(decision.isPlan, false);
        assert.equal(decision.facts, undefined);
    });
});
//# sourceMappingURL=detect.test.js.map