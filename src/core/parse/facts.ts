/**
 * The parse layer: the facts PM Lens needs — headings, HTML comments, content blocks and front
 * matter — as string offsets, read from remark's syntax tree. A document is parsed in pieces the
 * parser itself confirms may be cut (see ./chunks), with results identical to parsing the whole
 * text. Syntax trees are dropped at once, so memory stays proportional to the facts.
 */
import { finish } from '../steps';
import { parseDocumentSteps } from './chunks';

export interface HeadingFact {
  readonly level: number;
  /** The heading's plain text. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** An HTML comment anywhere outside code. `closed` is false for `<!--` with no `-->`. */
export interface CommentFact {
  readonly start: number;
  readonly end: number;
  /** Text between `<!--` and `-->`. */
  readonly body: string;
  readonly bodyStart: number;
  readonly closed: boolean;
}

export type BlockKind = 'paragraph' | 'table-row' | 'code' | 'html';

/** A leaf block of content, the unit the classifier reads. */
export interface BlockFact {
  readonly kind: BlockKind;
  readonly start: number;
  readonly end: number;
  /** Inside a list item. */
  readonly inList: boolean;
  /** For a paragraph in a task-list item: whether it is ticked; otherwise null. */
  readonly checked: boolean | null;
  /** For a table row: whether it is the header row, and its cells' offsets. */
  readonly header?: boolean;
  readonly cells?: readonly (readonly [number, number])[];
  /** For code: the fence's info string's first word. */
  readonly lang?: string;
}

export interface FrontMatterFact {
  readonly start: number;
  readonly end: number;
  /** The YAML between the fences. */
  readonly value: string;
  readonly valueStart: number;
}

export interface DocumentFacts {
  readonly frontMatter: FrontMatterFact | undefined;
  readonly headings: readonly HeadingFact[];
  readonly comments: readonly CommentFact[];
  readonly blocks: readonly BlockFact[];
  /**
   * Keys of the document's link and footnote definitions (references anywhere resolve against
   * all of them): see ./definitions.
   */
  readonly definitions?: ReadonlySet<string>;
}

export { findComments } from './collect';

/** Parses `text` and returns its facts with offsets into `text`, in linear time. */
export function parseFacts(text: string): DocumentFacts {
  return finish(parseDocumentSteps(text)).facts;
}
