import type { BlockFact, CommentFact, DocumentFacts, HeadingFact } from './parse/facts';

/** A section before classification: its heading and what lies in its own body. */
export interface SectionOutline {
  readonly index: number;
  readonly heading: HeadingFact;
  /** Offset where the own body starts (after the heading) and where the section ends. */
  readonly bodyStart: number;
  readonly end: number;
  readonly parent: number | undefined;
  readonly children: number[];
  readonly blocks: readonly BlockFact[];
  readonly comments: readonly CommentFact[];
}

export interface Outline {
  /** Blocks and comments before the first heading. */
  readonly preamble: { readonly blocks: readonly BlockFact[]; readonly comments: readonly CommentFact[] };
  readonly sections: readonly SectionOutline[];
}

/**
 * Cuts the document into sections: each heading owns everything up to the next heading of any
 * level; sections nest by level. Facts must be in document order.
 */
export function outlineSections(facts: DocumentFacts, textLength: number): Outline {
  const { headings } = facts;
  const sections: SectionOutline[] = [];
  const stack: number[] = [];
  let blockAt = 0;
  let commentAt = 0;
  const preambleEnd = headings.length > 0 ? headings[0].start : textLength;
  const preambleBlocks: BlockFact[] = [];
  const preambleComments: CommentFact[] = [];
  while (blockAt < facts.blocks.length && facts.blocks[blockAt].start < preambleEnd) preambleBlocks.push(facts.blocks[blockAt++]);
  while (commentAt < facts.comments.length && facts.comments[commentAt].start < preambleEnd) preambleComments.push(facts.comments[commentAt++]);

  headings.forEach((heading, index) => {
    const end = index + 1 < headings.length ? headings[index + 1].start : textLength;
    while (stack.length > 0 && headings[stack[stack.length - 1]].level >= heading.level) stack.pop();
    const parent = stack.length > 0 ? stack[stack.length - 1] : undefined;
    const blocks: BlockFact[] = [];
    const comments: CommentFact[] = [];
    while (blockAt < facts.blocks.length && facts.blocks[blockAt].start < end) blocks.push(facts.blocks[blockAt++]);
    while (commentAt < facts.comments.length && facts.comments[commentAt].start < end) comments.push(facts.comments[commentAt++]);
    sections.push({ index, heading, bodyStart: heading.end, end, parent, children: [], blocks, comments });
    if (parent !== undefined) sections[parent].children.push(index);
    stack.push(index);
  });
  return { preamble: { blocks: preambleBlocks, comments: preambleComments }, sections };
}
