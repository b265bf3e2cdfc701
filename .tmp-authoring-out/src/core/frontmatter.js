"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readFrontMatter = readFrontMatter;
const yaml_1 = require("yaml");
/**
 * Reads the YAML front matter with a real YAML parser: `plan:` and `owners:`. Syntax errors and
 * wrongly shaped keys become problems with precise ranges; they never throw.
 */
function readFrontMatter(fact, lines) {
    const problems = [];
    const at = (start, end) => lines.range(fact.valueStart + Math.max(0, start), fact.valueStart + Math.max(start, end));
    const whole = lines.range(fact.start, fact.end);
    const doc = (0, yaml_1.parseDocument)(fact.value, { prettyErrors: false, uniqueKeys: true });
    for (const error of doc.errors) {
        const [s, e] = error.pos;
        problems.push({ message: `Front matter is not valid YAML: ${firstLine(error.message)}`, range: at(s, e) });
    }
    if (doc.errors.length > 0 || !(0, yaml_1.isMap)(doc.contents)) {
        return { frontMatter: { range: whole, plan: undefined, owners: {}, data: undefined }, problems };
    }
    const data = doc.toJS();
    const rangeOfKey = (...path) => {
        const node = doc.getIn(path, true);
        return node?.range ? at(node.range[0], node.range[1]) : whole;
    };
    let plan;
    if ('plan' in data) {
        if (typeof data.plan === 'string' && data.plan.trim() !== '')
            plan = data.plan.trim().toLowerCase();
        else
            problems.push({ message: "Front matter 'plan' must be a document kind such as prd or project-plan", range: rangeOfKey('plan') });
    }
    const owners = {};
    if ('owners' in data) {
        const value = data.owners;
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            problems.push({ message: "Front matter 'owners' must map product and project to handles", range: rangeOfKey('owners') });
        }
        else {
            for (const [key, handles] of Object.entries(value)) {
                if (key !== 'product' && key !== 'project') {
                    problems.push({ message: `Front matter 'owners' has unknown side '${key}' (expected product or project)`, range: rangeOfKey('owners', key) });
                    continue;
                }
                const list = (Array.isArray(handles) ? handles : [handles]).map(String);
                const text = list.join(' ').split(/[\s,]+/).filter(Boolean);
                const bad = text.filter((h) => !/^@[A-Za-z0-9._-]+$/.test(h));
                if (bad.length > 0 || text.length === 0) {
                    problems.push({ message: `Front matter owners.${key} must be @handles, found '${bad[0] ?? ''}'`, range: rangeOfKey('owners', key) });
                }
                owners[key] = text.filter((h) => /^@[A-Za-z0-9._-]+$/.test(h));
            }
        }
    }
    return { frontMatter: { range: whole, plan, owners, data }, problems };
}
function firstLine(message) {
    return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
//# sourceMappingURL=frontmatter.js.map