/**
 * How a section is written, apart from what its terms name: as technical reference (code spans,
 * bare URLs, identifiers) or as a description of what users do with the product (an interaction
 * with something on screen). Both read a paragraph's tokens once: linear in its size.
 */
import type { Tokens } from './read';
import type { TechnicalMarks } from './scan';
import { SCORING } from './scoring';
import type { Signals } from './signals';

/**
 * Counts what reads as technical reference in a paragraph (code spans, bare URLs, identifiers such
 * as `snake_case`, `dotted.name`, `camelCase`) into `signals.technical`, and speaks for neither
 * side once per mark (saturating like a term): reference material, not an owner's concern.
 */
export function readTechnical(tokens: Tokens, marks: TechnicalMarks, offset: number, signals: Signals): void {
  let identifiers = 0;
  let firstIdentifier = -1;
  for (let i = 0; tokens.identifiers > 0 && i < tokens.count; i++) {
    // `e.g.` and `i.e.` are prose: an identifier has a word of two characters or more.
    if (tokens.identifier[i] === 0 || (i > 0 && tokens.identifier[i - 1] === 1) || tokens.ends[i] - tokens.starts[i] < 2) continue;
    identifiers++;
    if (firstIdentifier < 0 || i < firstIdentifier) firstIdentifier = i;
  }
  const count = identifiers + marks.codeSpans + marks.urls;
  if (count === 0) return;
  signals.technical += count;
  const [start, end] = marks.first >= 0 ? [marks.first, marks.firstEnd] : [tokens.starts[firstIdentifier], tokens.ends[firstIdentifier]];
  for (let k = 0; k < Math.min(count, 4); k++) {
    signals.add('body\u0000technical', 'neutral', 'none', 'none', SCORING.technicalMark, offset + start, offset + end, true, false);
  }
}

/** What a word is to an interaction: an act on an interface, a thing on screen, or who acts; 0 for nothing. */
const ACT = 1;
const THING = 2;
const ACTOR = 3;

/** The words of interactions by what they are (tokens are lower-cased and de-pluralised); looked up once per distinct word (see `interactionKind`). */
const INTERACTION_WORDS = new Map<string, number>([
  // Acts, in their common forms (`type` and `list` are left out: nouns of schemas as often).
  ...words(
    'click clicked clicking tap tapped tapping hover hovered hovering select selected selecting choose chose choosing ' +
      'drag dragged dragging drop dropped press pressed pressing scroll scrolled scrolling swipe swiped swiping ' +
      'navigate navigated navigating toggle toggled toggling dismiss dismissed dismissing expand expanded expanding ' +
      'collapse collapsed collapsing submit submitted submitting open opened opening typed typing ' +
      'show shown showing display displayed displaying reveal revealed revealing appear appeared appearing ' +
      'highlight highlighted highlighting listed prompt prompted',
    ACT,
  ),
  // Things on screen a user acts on or sees.
  ...words(
    'button icon link menu tab panel pane sidebar toolbar footer header dialog modal popup tooltip screen page ' +
      'view form field box checkbox dropdown card banner notification badge editor window gutter dashboard ' +
      'widget tile thumbnail preview overlay drawer',
    THING,
  ),
  // Who acts, as the subject of a sentence (`the user clicks`, `customers choose`).
  ...words('user customer visitor reviewer member shopper buyer reader player admin administrator you', ACTOR),
]);

function words(list: string, kind: number): [string, number][] {
  return list.split(' ').map((w) => [w, kind]);
}

/** What a stem is to an interaction (`ACT`, `THING`, `ACTOR`, 0 for nothing): kept on each word's memoised info. */
export function interactionKind(stem: string): number {
  return INTERACTION_WORDS.get(stem) ?? 0;
}

/** Words from an actor to its act. */
const ACTOR_SPAN = 3;

/** Words within which an act and a thing on screen belong to one description. */
const INTERACTION_SPAN = 8;

/**
 * Counts the places where a paragraph describes an interaction (an act such as clicking, choosing
 * or showing within a few words of a thing on screen: a button, a panel, a tab) and lets each
 * speak for the product's requirements (saturating like a term): a UX flow is what the product does.
 */
export function readInteraction(tokens: Tokens, offset: number, signals: Signals): void {
  let act = -INTERACTION_SPAN - 1;
  let thing = -INTERACTION_SPAN - 1;
  let actor = -ACTOR_SPAN - 1;
  let found = 0;
  for (let i = 0; i < tokens.count; i++) {
    if (tokens.identifier[i] === 1) continue;
    const kind = tokens.infos[i].interaction;
    if (kind === 0) continue;
    if (kind === ACTOR) {
      actor = i;
      continue;
    }
    if (kind === ACT) act = i;
    else thing = i;
    const acted = act === i && i - actor <= ACTOR_SPAN;
    if (!acted && Math.abs(act - thing) > INTERACTION_SPAN) continue;
    const from = acted ? actor : Math.min(act, thing);
    const to = acted ? i : Math.max(act, thing);
    actor = -ACTOR_SPAN - 1;
    signals.add('body\u0000interaction', 'pattern', 'requirements', 'product', SCORING.interaction, offset + tokens.starts[from], offset + tokens.ends[to], true);
    // One description counts once: start over after it.
    act = thing = -INTERACTION_SPAN - 1;
    if (++found >= 4) return;
  }
}
