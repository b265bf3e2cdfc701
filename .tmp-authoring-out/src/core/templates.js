"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TEMPLATE_KINDS = void 0;
exports.templateSkeletons = templateSkeletons;
exports.documentTemplate = documentTemplate;
/**
 * Whole-document templates: a new PRD or project plan with front matter (`plan:`, `owners:`) and
 * every section its kind requires, each already tagged, built from the section skeletons.
 */
const skeletons_1 = require("./skeletons");
const TEMPLATES = {
    prd: {
        title: 'Product name: product requirements',
        sections: ['product-vision', 'product-problem', 'product-personas', 'product-user-stories', 'product-market', 'product-requirements', 'product-metrics', 'product-roadmap'],
    },
    'project-plan': {
        title: 'Project name: project plan',
        sections: ['project-deliverables', 'project-schedule', 'project-budget', 'project-resources', 'project-raci', 'project-risks', 'project-status'],
    },
};
/** The kinds a template exists for. */
exports.TEMPLATE_KINDS = ['prd', 'project-plan'];
/** The skeletons a kind's template is made of, in order. */
function templateSkeletons(kind) {
    return TEMPLATES[kind].sections.map((prefix) => {
        const skeleton = (0, skeletons_1.skeletonByPrefix)(prefix);
        if (!skeleton)
            throw new Error(`Template ${kind} names an unknown skeleton '${prefix}'`);
        return skeleton;
    });
}
/** A new document of the kind, with `eol` line breaks. */
function documentTemplate(kind, eol = '\n') {
    const def = TEMPLATES[kind];
    const lines = [
        '---',
        `plan: ${kind}`,
        'owners:',
        '  product: "${2:@product-owner}"',
        '  project: "${3:@project-manager}"',
        '---',
        '',
        `# \${1:${def.title}}`,
    ];
    let next = 4;
    for (const skeleton of templateSkeletons(kind)) {
        const section = (0, skeletons_1.snippetLines)(skeleton).join('\n');
        const stops = (0, skeletons_1.tabStops)(section).filter((n) => n > 0);
        lines.push('', (0, skeletons_1.shiftTabStops)(section, next - 1).replace(/\n+$/, ''));
        next += stops.length > 0 ? Math.max(...stops) : 0;
    }
    lines.push('$0');
    const snippet = lines.join('\n').split('\n').join(eol);
    return { kind, snippet, text: (0, skeletons_1.expandSnippet)(snippet) };
}
//# sourceMappingURL=templates.js.map