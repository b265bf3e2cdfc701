"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.missingOwner = void 0;
const helpers_1 = require("./helpers");
/**
 * Sections, or a whole document, that name no person: no `@handle` in the tag and no
 * front-matter owner for the section's side. Off by default; teams that assign owners turn it on.
 */
exports.missingOwner = {
    id: 'missing-owner',
    defaultSeverity: 'off',
    description: 'A section, or the whole document, that names no person (@handle in a tag or front-matter owners)',
    check(context, report) {
        const owners = context.frontMatter?.owners ?? {};
        const named = (side) => (owners[side]?.length ?? 0) > 0;
        const anyHandle = context.sections.some((s) => s.tags.some((t) => t.handles.length > 0));
        if (!named('product') && !named('project') && !anyHandle) {
            // One finding for the document, not one per section, when nobody is named anywhere.
            if (context.sections.length > 0) {
                report({ range: (0, helpers_1.documentAnchor)(context), message: "The document names no owner: add 'owners:' to the front matter or @handles to the owner tags" });
            }
            return;
        }
        for (const section of context.sections) {
            if (section.wordCount === 0 || (section.tags[0]?.handles.length ?? 0) > 0)
                continue;
            const role = section.role;
            const covered = role === 'product' || role === 'project' ? named(role)
                : role === 'shared' || role === 'mixed' ? named('product') || named('project')
                    : true;
            if (covered)
                continue;
            const side = role === 'product' || role === 'project' ? `owners.${role} in the front matter` : 'owners in the front matter';
            report({
                section: section.index,
                range: section.headingRange,
                message: `Section ${(0, helpers_1.sectionName)(section)} names no owner: add an @handle to its tag or ${side}`,
            });
        }
    },
};
//# sourceMappingURL=missing-owner.js.map