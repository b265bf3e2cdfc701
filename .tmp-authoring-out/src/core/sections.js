"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.outlineSections = outlineSections;
/**
 * Cuts the document into sections: each heading owns everything up to the next heading of any
 * level; sections nest by level. Facts must be in document order.
 */
function outlineSections(facts, textLength) {
    const { headings } = facts;
    const sections = [];
    const stack = [];
    let blockAt = 0;
    let commentAt = 0;
    const preambleEnd = headings.length > 0 ? headings[0].start : textLength;
    const preambleBlocks = [];
    const preambleComments = [];
    while (blockAt < facts.blocks.length && facts.blocks[blockAt].start < preambleEnd)
        preambleBlocks.push(facts.blocks[blockAt++]);
    while (commentAt < facts.comments.length && facts.comments[commentAt].start < preambleEnd)
        preambleComments.push(facts.comments[commentAt++]);
    headings.forEach((heading, index) => {
        const end = index + 1 < headings.length ? headings[index + 1].start : textLength;
        while (stack.length > 0 && headings[stack[stack.length - 1]].level >= heading.level)
            stack.pop();
        const parent = stack.length > 0 ? stack[stack.length - 1] : undefined;
        const blocks = [];
        const comments = [];
        while (blockAt < facts.blocks.length && facts.blocks[blockAt].start < end)
            blocks.push(facts.blocks[blockAt++]);
        while (commentAt < facts.comments.length && facts.comments[commentAt].start < end)
            comments.push(facts.comments[commentAt++]);
        sections.push({ index, heading, bodyStart: heading.end, end, parent, children: [], blocks, comments });
        if (parent !== undefined)
            sections[parent].children.push(index);
        stack.push(index);
    });
    return { preamble: { blocks: preambleBlocks, comments: preambleComments }, sections };
}
//# sourceMappingURL=sections.js.map