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
const skeletons_1 = require("../../src/core/skeletons");
const templates_1 = require("../../src/core/templates");
describe('document templates', () => {
    for (const kind of templates_1.TEMPLATE_KINDS) {
        describe(kind, () => {
            const template = (0, templates_1.documentTemplate)(kind);
            const analysis = (0, analyze_1.analyze)(template.text);
            it('has front matter with plan and owners', () => {
                assert.equal(analysis.kind, kind);
                assert.equal(analysis.frontMatter?.plan, kind);
                assert.deepEqual(analysis.frontMatter?.owners, { product: ['@product-owner'], project: ['@project-manager'] });
            });
            it('covers every concern its kind requires, each in a tagged section', () => {
                const required = defaults_1.DEFAULT_KINDS[kind].required;
                assert.ok(required.length > 0);
                for (const concern of required) {
                    assert.ok(analysis.sections.some((s) => s.tagged && s.concern === concern), `${kind} has no ${concern} section`);
                }
            });
            it('is made of its skeletons, in order, each tagged with its role and concern', () => {
                const expected = (0, templates_1.templateSkeletons)(kind);
                const sections = analysis.sections.filter((s) => s.level === 2);
                assert.deepEqual(sections.map((s) => s.heading), expected.map((s) => s.heading));
                sections.forEach((section, i) => {
                    assert.equal(section.tags.length, 1, `${section.heading} has ${section.tags.length} tags`);
                    assert.equal(section.role, expected[i].role, section.heading);
                    assert.equal(section.concern, expected[i].concern, section.heading);
                    assert.equal(section.inferred.role, expected[i].role, `classifier reads '${section.heading}' as ${section.inferred.role}`);
                    // Everything in a template is on its kind's side.
                    assert.equal(section.role, defaults_1.DEFAULT_KINDS[kind].role);
                });
            });
            it('analyzes clean: no finding above a hint, and no owner-mismatch, invalid-tag or missing-concern', () => {
                const ids = analysis.findings.map((f) => f.ruleId);
                for (const bad of ['owner-mismatch', 'invalid-tag', 'missing-concern', 'mixed-concerns', 'misplaced-concern']) {
                    assert.ok(!ids.includes(bad), `${kind} reports ${bad}: ${analysis.findings.filter((f) => f.ruleId === bad).map((f) => f.message).join('; ')}`);
                }
                const loud = analysis.findings.filter((f) => f.severity !== 'hint');
                assert.deepEqual(loud.map((f) => `${f.ruleId}: ${f.message}`), []);
            });
            it('is a snippet whose tab stops run 1..n with one final $0, and whose defaults are the text', () => {
                const stops = (0, skeletons_1.tabStops)(template.snippet);
                assert.equal(stops[0], 0);
                assert.deepEqual(stops.slice(1), stops.slice(1).map((_, i) => i + 1));
                assert.equal((template.snippet.match(/\$0/g) ?? []).length, 1);
                assert.equal((0, skeletons_1.expandSnippet)(template.snippet), template.text);
                assert.ok(template.text.endsWith('\n'));
            });
            it('uses the line break it is given', () => {
                const crlf = (0, templates_1.documentTemplate)(kind, '\r\n');
                assert.equal(crlf.text, template.text.split('\n').join('\r\n'));
                assert.deepEqual((0, analyze_1.analyze)(crlf.text).findings.map((f) => f.ruleId), analysis.findings.map((f) => f.ruleId));
            });
        });
    }
    it('exists for every built-in kind that requires sections', () => {
        const withRequirements = Object.entries(defaults_1.defaultConfig.kinds).filter(([, def]) => def.required.length > 0).map(([k]) => k);
        assert.deepEqual([...templates_1.TEMPLATE_KINDS].sort(), withRequirements.sort());
    });
});
//# sourceMappingURL=templates.test.js.map