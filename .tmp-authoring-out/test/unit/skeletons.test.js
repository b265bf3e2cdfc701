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
/** A skeleton as a small document of the skeleton's own side, so context does not decide it. */
function asDocument(lines) {
    return ['# Plan', '', (0, skeletons_1.expandSnippet)(lines.join('\n'))].join('\n');
}
/** The one section of a skeleton document (the `# Plan` title is the other). */
function onlySection(analysis) {
    const sections = analysis.sections.filter((s) => s.level === 2);
    assert.equal(sections.length, 1, `expected one section, got ${analysis.sections.map((s) => s.heading).join(', ')}`);
    return sections[0];
}
const ruleIdsOf = (analysis) => analysis.findings.map((f) => f.ruleId);
describe('section skeletons', () => {
    it('cover every built-in concern with exactly one main skeleton', () => {
        for (const concern of Object.keys(defaults_1.defaultConfig.taxonomy.concerns)) {
            const mains = skeletons_1.skeletons.filter((s) => s.main && s.concern === concern);
            assert.equal(mains.length, 1, `concern ${concern} has ${mains.length} main skeletons`);
            assert.equal(defaults_1.defaultConfig.taxonomy.concerns[concern].role, mains[0].role, `${mains[0].prefix} is on the wrong side`);
        }
    });
    it('have the sections the issue lists, found by typing product or project', () => {
        const prefixes = skeletons_1.skeletons.map((s) => s.prefix);
        for (const expected of [
            'product-vision', 'product-problem', 'product-personas', 'product-user-stories', 'product-market',
            'product-requirements', 'product-metrics', 'product-roadmap', 'project-schedule', 'project-budget',
            'project-resources', 'project-raci', 'project-risks', 'project-status', 'project-deliverables',
        ])
            assert.ok(prefixes.includes(expected), `no skeleton ${expected}`);
        for (const s of skeletons_1.skeletons)
            assert.ok(s.prefix.startsWith(`${s.role}-`), `${s.prefix} does not start with its role`);
        assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes repeat');
        assert.equal(new Set(skeletons_1.skeletons.map((s) => s.name)).size, skeletons_1.skeletons.length, 'names repeat');
    });
    it('use well-formed snippet syntax with tab stops numbered 1..n and a final $0', () => {
        for (const s of skeletons_1.skeletons) {
            const source = (0, skeletons_1.snippetLines)(s).join('\n');
            const stops = (0, skeletons_1.tabStops)(source);
            assert.equal(stops[0], 0, `${s.prefix} has no final $0`);
            const numbered = stops.slice(1);
            assert.deepEqual(numbered, numbered.map((_, i) => i + 1), `${s.prefix} numbers its tab stops ${numbered.join(',')}`);
            assert.ok(numbered.length >= 3, `${s.prefix} has hardly any tab stops`);
            // An unescaped `$12,000` would be tab stop 12 and break the numbering above.
            assert.ok(!(0, skeletons_1.expandSnippet)(source).includes('${'), `${s.prefix} leaves snippet syntax in its text`);
        }
    });
    it('shape the tables the way each role writes them', () => {
        const header = (prefix) => {
            const s = skeletons_1.skeletons.find((k) => k.prefix === prefix);
            return (0, skeletons_1.expandSnippet)(s.body.join('\n')).split('\n').find((l) => l.startsWith('|')).toLowerCase();
        };
        assert.match(header('product-metrics'), /metric.*baseline.*target.*date/);
        assert.match(header('project-schedule'), /milestone.*date.*owner/);
        assert.match(header('project-budget'), /item.*cost/);
        assert.match(header('project-resources'), /role.*name.*allocation/);
        assert.match(header('project-risks'), /risk.*likelihood.*impact.*mitigation.*owner/);
        const budget = (0, skeletons_1.skeletonFor)('budget', '\n');
        assert.match(budget, /\*\*Total\*\*/);
        assert.match(budget, /\$12,000/);
    });
    it('offer choices where a fixed set of answers exists', () => {
        const choices = (prefix) => (0, skeletons_1.parseSnippet)((0, skeletons_1.snippetLines)(skeletons_1.skeletons.find((k) => k.prefix === prefix)).join('\n'))
            .filter((p) => p.type === 'choice')
            .map((p) => (p.type === 'choice' ? [...p.options] : []));
        for (const options of choices('project-risks'))
            assert.deepEqual([...options].sort(), ['High', 'Low', 'Medium']);
        assert.ok(choices('project-risks').length >= 4);
        assert.ok(choices('project-raci').every((o) => [...o].sort().join('') === 'ACIR'));
        assert.ok(choices('product-requirements').length >= 3);
    });
    for (const s of skeletons_1.skeletons) {
        it(`${s.prefix}: expanded and analyzed, it is a ${s.role}/${s.concern} section the classifier agrees with`, () => {
            const text = asDocument((0, skeletons_1.snippetLines)(s));
            const analysis = (0, analyze_1.analyze)(text);
            const section = onlySection(analysis);
            assert.equal(section.tagged, true);
            assert.equal(section.tags.length, 1);
            assert.equal(section.role, s.role);
            assert.equal(section.concern, s.concern);
            assert.equal(section.heading, s.heading);
            assert.equal(section.inferred.role, s.role, `classifier reads ${s.prefix} as ${section.inferred.role}: ${section.inferred.evidence.slice(0, 5).map((e) => `${e.concern}:${e.text}`).join(', ')}`);
            assert.equal(section.inferred.concern, s.concern, `classifier reads ${s.prefix} as ${section.inferred.concern}: ${section.inferred.evidence.slice(0, 5).map((e) => `${e.concern}:${e.text}`).join(', ')}`);
            const findings = ruleIdsOf(analysis);
            for (const bad of ['owner-mismatch', 'invalid-tag', 'mixed-concerns', 'duplicate-tag']) {
                assert.ok(!findings.includes(bad), `${s.prefix} reports ${bad}: ${analysis.findings.map((f) => f.message).join('; ')}`);
            }
        });
    }
});
describe('skeletonFor', () => {
    it('returns the plain text of the concern’s main snippet, heading and tag first, ending in a line break', () => {
        for (const concern of Object.keys(defaults_1.defaultConfig.taxonomy.concerns)) {
            const text = (0, skeletons_1.skeletonFor)(concern, '\n');
            const skeleton = (0, skeletons_1.mainSkeleton)(concern);
            assert.equal(text, (0, skeletons_1.expandSnippet)((0, skeletons_1.snippetLines)(skeleton).join('\n')));
            const lines = text.split('\n');
            assert.equal(lines[0], `## ${skeleton.heading}`);
            assert.equal(lines[1], `<!-- owner: ${skeleton.role}/${concern} -->`);
            assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'));
            assert.ok(!text.includes('${'), `${concern} keeps snippet syntax`);
        }
    });
    it('uses the line break it is given', () => {
        const crlf = (0, skeletons_1.skeletonFor)('risks', '\r\n');
        assert.equal(crlf.split('\r\n').join('\n'), (0, skeletons_1.skeletonFor)('risks', '\n'));
        assert.ok(!/[^\r]\n/.test(crlf));
    });
    it('is undefined for a concern without a skeleton', () => {
        assert.equal((0, skeletons_1.skeletonFor)('no-such-concern', '\n'), undefined);
    });
});
describe('snippet syntax', () => {
    it('expands placeholders, nested placeholders, choices, mirrors and escapes', () => {
        assert.equal((0, skeletons_1.expandSnippet)('a ${1:one} b'), 'a one b');
        assert.equal((0, skeletons_1.expandSnippet)('${1:outer ${2:inner}}!'), 'outer inner!');
        assert.equal((0, skeletons_1.expandSnippet)('${1|High,Medium,Low|}'), 'High');
        assert.equal((0, skeletons_1.expandSnippet)('${1:x} and $1'), 'x and x');
        assert.equal((0, skeletons_1.expandSnippet)('cost \\$12 and \\} and \\\\'), 'cost $12 and } and \\');
        assert.equal((0, skeletons_1.expandSnippet)('${1:a \\} b}'), 'a } b');
        assert.equal((0, skeletons_1.expandSnippet)('end$0'), 'end');
        assert.equal((0, skeletons_1.expandSnippet)('50$ off'), '50$ off');
    });
    it('refuses variables, which the skeletons never use', () => {
        assert.throws(() => (0, skeletons_1.parseSnippet)('$TM_FILENAME'));
        assert.throws(() => (0, skeletons_1.parseSnippet)('${CURRENT_YEAR}'));
        assert.throws(() => (0, skeletons_1.parseSnippet)('${1:unclosed'));
    });
    it('shifts tab stops and drops $0 without changing the text', () => {
        const source = '## ${1:Risks}\n| ${2|High,Low|} | \\$5 ${3:a \\} ${4:b}} |\n$0';
        const shifted = (0, skeletons_1.shiftTabStops)(source, 10);
        assert.deepEqual((0, skeletons_1.tabStops)(shifted), [11, 12, 13, 14]);
        assert.equal((0, skeletons_1.expandSnippet)(shifted), (0, skeletons_1.expandSnippet)(source));
    });
});
//# sourceMappingURL=skeletons.test.js.map