/** Plans the server tests open: small, each showing what one test needs. */

/** A PRD with an untagged section, a mis-tagged one, and project detail in a product document. */
export const CHECKOUT_PRD = `---
plan: prd
---
# Checkout revamp

## Problem

Shoppers abandon the cart when the payment form asks for the same address twice. Customers tell us the flow feels slow and users want fewer steps.

## Budget
<!-- owner: product/vision -->

We spend 40,000 on two contractors over the next quarter; the estimate includes rates and funding approval.

## Timeline

Milestones: design freeze in week 2, beta in week 6, launch in week 9. The schedule depends on the payments team.
`;

/** A short project plan, every section tagged. */
export const TAGGED_PLAN = `# Warehouse move

## Schedule
<!-- owner: project/schedule @ines -->

Phase one ends in March; the movers start on the first Monday of April and finish within two weeks.

## Why we move
<!-- owner: product/vision @omar -->

Customers in the north wait three days for parcels; a closer warehouse brings that to one.
`;

/** Notes that are not a plan by name, tag or front matter. */
export const NOTES = `# Meeting notes

We talked about lunch options and the parking rota.
`;

/** 10,000 setext headings: the parser spends a minute on this in one piece. */
export function setextHeadings(count = 10_000): string {
  let text = '';
  for (let i = 0; i < count; i++) text += `Heading ${i}\n---\n`;
  return text;
}

/** An unclosed `<!--` repeated on one line. */
export function unclosedComments(count = 50_000): string {
  return `# Plan\n\n${'<!--'.repeat(count)}\n`;
}

/** A project plan whose one paragraph sits in block quotes nested `depth` deep (20,000 overflowed the parser's stack on a worker thread, 10,000 on the main thread). */
export function deepQuotes(depth = 20_000): string {
  return `---\nplan: project-plan\n---\n# Launch budget\n<!-- owner: product -->\n\n${'>'.repeat(depth)} The budget is $48,000 for contractors and hosting.\n`;
}
