/** The knobs of the classifier's scoring, in one place (see `../classify.ts` for how they combine). */
export const SCORING = {
  /** Extra factor for a pattern found in the heading. */
  headingPattern: 1.5,
  /** A fenced code block (other than a timeline) speaks for technical detail: neither side. */
  codeBlock: 0.9,
  /** A link to another section of the document (a table of contents entry), each. */
  contentsLink: 1.5,
  /** A paragraph that is only a document's lifecycle state (`Accepted`, `Draft`). */
  documentState: 3,
  /** A paragraph that is nothing but links (a list of links), each. */
  linkList: 0.8,
  /** A code span, bare URL or identifier in the body (saturating like a term): technical reference. */
  technicalMark: 0.4,
  /** An act on something on screen (`clicking the button`), each (saturating like a term): a UX flow. */
  interaction: 0.8,
  /** A mermaid `gantt`/`timeline` chart: schedule, strongly. */
  gantt: 4,
  /** A table whose header names Responsible/Accountable/Consulted/Informed. */
  raci: 3,
  /** A block opening with an outline number (`1.2 Data extraction`), each. */
  outlineItem: 0.8,
  /** A checklist item (`- [ ]`), each (saturating like a term). */
  taskItem: 2,
  /** The first heading of a level-1 title names the whole document, not one concern. */
  title: 5,
  /** Neutral words of the body weigh this much of their listed weight (technical prose is common everywhere). */
  neutralBody: 0.6,
  /** The parent section's lean, at most. */
  parent: 1.5,
  /** A declared document kind's side. */
  kind: 0.8,
  /** The lean of the document's headings, when no kind is declared, at most. */
  document: 3,
  /** How sharply the lean grows with the document's one-sidedness (its margin, 0–1, to this power). */
  leanPower: 2,
  /** One heading's most say in the document lean. */
  leanVoteCap: 3,
  /** Heading evidence (summed over the document) at which the lean has its full say. */
  leanFull: 12,
  /** Body words at which body evidence starts to be scaled down (by the square root). */
  normWords: 150,
  /** What all body evidence together approaches, at most. */
  bodyCap: 8,
  /** Below this, neither side has said anything decisive. */
  minSignal: 1.2,
  /** Both sides at least this strong, and the weaker at least `mixRatio` of the stronger: mixed. */
  mixStrong: 5,
  mixRatio: 0.75,
  /** Below this margin (0–1) between the leading side and its rival, the verdict is `none`. */
  decisive: 0.25,
  /** Evidence kept per verdict. */
  maxEvidence: 12,
} as const;

