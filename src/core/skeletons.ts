/**
 * Role-scoped section skeletons: the one source of the text that the snippets, the document
 * templates and the `missing-concern` quick fix insert. Each skeleton is a tagged heading and a
 * body shaped the way its role writes that section, in VS Code snippet syntax (tab stops and
 * choices); `expandSnippet` turns it into the plain text a quick fix inserts.
 */
import type { Role } from './types';

/** One section skeleton. */
export interface Skeleton {
  /** Readable id, also the snippet's prefix: `product-vision`, `project-budget`. */
  readonly prefix: string;
  /** The snippet's name, as the snippet picker lists it. */
  readonly name: string;
  readonly description: string;
  readonly role: Role;
  /** The concern its owner tag names. */
  readonly concern: string;
  /** The concern's main section: what `skeletonFor` and the templates insert for the concern. */
  readonly main: boolean;
  /** The default heading text (the snippet's first tab stop). */
  readonly heading: string;
  /** The lines under the tag, in snippet syntax; tab stops are numbered from 2, `$0` ends it. */
  readonly body: readonly string[];
}

/** Every skeleton, product first, in the order a plan usually has them. */
export const skeletons: readonly Skeleton[] = [
  {
    prefix: 'product-vision',
    name: 'Product: vision',
    description: 'Vision statement: who it is for, the need, the benefit, why now, goals and non-goals',
    role: 'product',
    concern: 'vision',
    main: true,
    heading: 'Vision',
    body: [
      'For ${2:our target customers} who ${3:struggle with a clear need}, ${4:the product} is ${5:a product category} that ${6:delivers one key benefit}. Unlike ${7:the main alternative}, it ${8:does one thing differently}.',
      '',
      '**Why now:** ${9:what changed for our customers or in the market that makes this the moment}.',
      '',
      '**Goals**',
      '',
      '- ${10:The lasting change we want for our customers}',
      '- ${11:What success means for the business in the long term}',
      '',
      '**Non-goals**',
      '',
      '- ${12:What this product deliberately will not try to be}',
      '$0',
    ],
  },
  {
    prefix: 'product-problem',
    name: 'Product: problem',
    description: 'Problem statement: who has the problem, what gets in their way, the evidence and the cost of leaving it unsolved',
    role: 'product',
    concern: 'user-needs',
    main: false,
    heading: 'Problem',
    body: [
      '**Users affected:** ${2:the users or customers who feel this pain}',
      '',
      '**The problem:** ${3:what they are trying to achieve and what gets in their way today}',
      '',
      '**Evidence:** ${4:user interviews, support tickets, research or usage data that show the need}',
      '',
      '**Why it matters to them:** ${5:what users lose while the need goes unmet}',
      '$0',
    ],
  },
  {
    prefix: 'product-personas',
    name: 'Product: personas',
    description: 'Personas: who the users are, their goals and their pain points',
    role: 'product',
    concern: 'user-needs',
    main: false,
    heading: 'Personas',
    body: [
      '| Persona | Context | Goals | Pain points |',
      '| --- | --- | --- | --- |',
      '| ${2:Primary persona} | ${3:who they are and how they work} | ${4:what they want to achieve} | ${5:what frustrates them today} |',
      '| ${6:Secondary persona} | ${7:who they are and how they work} | ${8:what they want to achieve} | ${9:what frustrates them today} |',
      '$0',
    ],
  },
  {
    prefix: 'product-user-stories',
    name: 'Product: user stories',
    description: 'User stories: "As a …, I want … so that …"',
    role: 'product',
    concern: 'user-needs',
    main: true,
    heading: 'User stories',
    body: [
      '- As a ${2:primary persona}, I want ${3:to reach a goal} so that ${4:I get this benefit}.',
      '- As a ${5:primary persona}, I want ${6:to avoid a pain} so that ${7:I get this benefit}.',
      '- As a ${8:secondary persona}, I want ${9:to reach a goal} so that ${10:I get this benefit}.',
      '$0',
    ],
  },
  {
    prefix: 'product-market',
    name: 'Product: market and competition',
    description: 'Market and competition: target segment, competitors, differentiation and positioning',
    role: 'product',
    concern: 'market',
    main: true,
    heading: 'Market and competition',
    body: [
      '**Target market:** ${2:the segment we sell to and how large it is}',
      '',
      '| Competitor | Strengths | Weaknesses | Our differentiation |',
      '| --- | --- | --- | --- |',
      '| ${3:Competitor A} | ${4:what they do well} | ${5:where they fall short} | ${6:why customers would choose us} |',
      '| ${7:Competitor B} | ${8:what they do well} | ${9:where they fall short} | ${10:why customers would choose us} |',
      '',
      '**Positioning:** ${11:how we want customers to see the product against the alternatives}',
      '$0',
    ],
  },
  {
    prefix: 'product-requirements',
    name: 'Product: requirements',
    description: 'Requirements: what the product must do, with priority and acceptance criteria',
    role: 'product',
    concern: 'requirements',
    main: true,
    heading: 'Requirements',
    body: [
      '| ID | Requirement | Priority | Acceptance criteria |',
      '| --- | --- | --- | --- |',
      '| R1 | The product must ${2:let users do this} | ${3|Must have,Should have,Could have|} | ${4:how we know it works} |',
      '| R2 | The product must ${5:let users do this} | ${6|Must have,Should have,Could have|} | ${7:how we know it works} |',
      '| R3 | The product should ${8:let users do this} | ${9|Should have,Must have,Could have|} | ${10:how we know it works} |',
      '$0',
    ],
  },
  {
    prefix: 'product-metrics',
    name: 'Product: success metrics',
    description: 'Success metrics: metric, baseline, target and date',
    role: 'product',
    concern: 'metrics',
    main: true,
    heading: 'Success metrics',
    body: [
      '| Metric | Baseline | Target | Date |',
      '| --- | --- | --- | --- |',
      '| ${2:Weekly active users} | ${3:current value} | ${4:target value} | ${5:when} |',
      '| ${6:Activation rate} | ${7:current %} | ${8:target %} | ${9:when} |',
      '| ${10:30-day retention} | ${11:current %} | ${12:target %} | ${13:when} |',
      '| ${14:Net Promoter Score} | ${15:current NPS} | ${16:target NPS} | ${17:when} |',
      '$0',
    ],
  },
  {
    prefix: 'product-roadmap',
    name: 'Product: roadmap',
    description: 'Product roadmap: now, next, later themes and the outcomes they aim for',
    role: 'product',
    concern: 'strategy',
    main: true,
    heading: 'Product roadmap',
    body: [
      '| Horizon | Theme | Customer outcome | Bets |',
      '| --- | --- | --- | --- |',
      '| Now | ${2:theme} | ${3:the outcome we want for customers} | ${4:the features we bet on} |',
      '| Next | ${5:theme} | ${6:the outcome we want for customers} | ${7:the features we bet on} |',
      '| Later | ${8:theme} | ${9:the outcome we want for customers} | ${10:the features we bet on} |',
      '',
      '**Strategy:** ${11:the choices behind this order, and what we will not build}',
      '$0',
    ],
  },
  {
    prefix: 'project-schedule',
    name: 'Project: schedule and milestones',
    description: 'Schedule and milestones: milestone, date and owner',
    role: 'project',
    concern: 'schedule',
    main: true,
    heading: 'Schedule and milestones',
    body: [
      '| Milestone | Date | Owner |',
      '| --- | --- | --- |',
      '| ${2:Kickoff} | ${3:Week 1} | ${4:project manager} |',
      '| ${5:Design complete} | ${6:Week 3} | ${7:design lead} |',
      '| ${8:Beta release} | ${9:Week 8} | ${10:engineering lead} |',
      '| ${11:Launch} | ${12:Week 12} | ${13:project manager} |',
      '$0',
    ],
  },
  {
    prefix: 'project-budget',
    name: 'Project: budget',
    description: 'Budget: item, cost and total',
    role: 'project',
    concern: 'budget',
    main: true,
    heading: 'Budget',
    body: [
      '| Item | Cost | Notes |',
      '| --- | --- | --- |',
      '| ${2:Contract design work} | \\$${3:12,000} | ${4:fixed price} |',
      '| ${5:Cloud hosting} | \\$${6:3,600} | ${7:12 months} |',
      '| ${8:Contingency (10%)} | \\$${9:1,560} | ${10:released by the project sponsor} |',
      '| **Total** | **\\$${11:17,160}** | |',
      '$0',
    ],
  },
  {
    prefix: 'project-resources',
    name: 'Project: resources',
    description: 'Resources: role, name and allocation',
    role: 'project',
    concern: 'resources',
    main: true,
    heading: 'Resources',
    body: [
      '| Role | Name | Allocation |',
      '| --- | --- | --- |',
      '| ${2:Project manager} | ${3:TBD} | ${4:0.5 FTE} |',
      '| ${5:Engineer} | ${6:TBD} | ${7:2 FTE} |',
      '| ${8:Designer} | ${9:TBD} | ${10:0.5 FTE} |',
      '$0',
    ],
  },
  {
    prefix: 'project-raci',
    name: 'Project: RACI matrix',
    description: 'RACI matrix: who is responsible, accountable, consulted and informed for each activity',
    role: 'project',
    concern: 'resources',
    main: false,
    heading: 'RACI',
    body: [
      'R = Responsible, A = Accountable, C = Consulted, I = Informed.',
      '',
      '| Activity | ${2:Project manager} | ${3:Engineering lead} | ${4:Design lead} |',
      '| --- | --- | --- | --- |',
      '| ${5:Plan and schedule} | ${6|A,R,C,I|} | ${7|C,R,A,I|} | ${8|I,R,A,C|} |',
      '| ${9:Build and test} | ${10|A,R,C,I|} | ${11|R,A,C,I|} | ${12|C,R,A,I|} |',
      '| ${13:Release} | ${14|R,A,C,I|} | ${15|A,R,C,I|} | ${16|I,R,A,C|} |',
      '$0',
    ],
  },
  {
    prefix: 'project-risks',
    name: 'Project: risks',
    description: 'Risk register: risk, likelihood, impact, mitigation and owner',
    role: 'project',
    concern: 'risks',
    main: true,
    heading: 'Risks',
    body: [
      '| Risk | Likelihood | Impact | Mitigation | Owner |',
      '| --- | --- | --- | --- | --- |',
      '| ${2:A key vendor delivers late} | ${3|Medium,High,Low|} | ${4|High,Medium,Low|} | ${5:weekly check-ins and a fallback vendor} | ${6:project manager} |',
      '| ${7:Key staff are pulled onto other work} | ${8|Low,Medium,High|} | ${9|Medium,High,Low|} | ${10:agree allocation with their managers up front} | ${11:project sponsor} |',
      '$0',
    ],
  },
  {
    prefix: 'project-status',
    name: 'Project: status report',
    description: 'Status report: overall status, progress since the last report, next steps and blockers',
    role: 'project',
    concern: 'status',
    main: true,
    heading: 'Status report',
    body: [
      '**Overall status:** ${2|On track,At risk,Off track|}',
      '',
      '**Progress since last report**',
      '',
      '- ${3:work completed this period}',
      '',
      '**Next steps**',
      '',
      '- ${4:work planned for the next period}',
      '',
      '**Blockers**',
      '',
      '- ${5:None}',
      '$0',
    ],
  },
  {
    prefix: 'project-deliverables',
    name: 'Project: deliverables',
    description: 'Deliverables: a checklist of what the project hands over',
    role: 'project',
    concern: 'deliverables',
    main: true,
    heading: 'Deliverables',
    body: [
      '- [ ] ${2:First deliverable} (${3:who signs it off})',
      '- [ ] ${4:Second deliverable} (${5:who signs it off})',
      '- [ ] ${6:Handover documentation} (${7:who signs it off})',
      '$0',
    ],
  },
];

/** The skeleton with this prefix. */
export function skeletonByPrefix(prefix: string): Skeleton | undefined {
  return skeletons.find((s) => s.prefix === prefix);
}

/** The main skeleton of a concern, if it has one. */
export function mainSkeleton(concern: string): Skeleton | undefined {
  return skeletons.find((s) => s.main && s.concern === concern);
}

/** A skeleton's lines in snippet syntax: heading (first tab stop), owner tag, blank line, body. */
export function snippetLines(skeleton: Skeleton): string[] {
  return [`## \${1:${escapePlaceholder(skeleton.heading)}}`, `<!-- owner: ${skeleton.role}/${skeleton.concern} -->`, '', ...skeleton.body];
}

/**
 * The plain text of a concern's main section, as the `missing-concern` quick fix inserts it:
 * the snippet with every tab stop replaced by its default. Ends with a line break.
 */
export function skeletonFor(concern: string, eol: string): string | undefined {
  const skeleton = mainSkeleton(concern);
  if (!skeleton) return undefined;
  return expandSnippet(snippetLines(skeleton).join('\n')).split('\n').join(eol);
}

/**
 * The contents of `snippets/pm-lens.code-snippets` (generated by `scripts/gen-snippets.mjs`,
 * checked by a test): one snippet per skeleton, keyed by its name.
 */
export function renderSnippetsFile(): string {
  const file: Record<string, { prefix: string; description: string; body: string[] }> = {};
  for (const skeleton of skeletons) {
    file[skeleton.name] = { prefix: skeleton.prefix, description: skeleton.description, body: snippetLines(skeleton) };
  }
  return JSON.stringify(file, null, 2) + '\n';
}

// ---- Snippet syntax ------------------------------------------------------------------------
// A small reader for the part of VS Code's snippet grammar the skeletons use: `$1`, `${1}`,
// `${1:default}` (nested), `${1|a,b|}`, `$0` and the escapes `\$`, `\}`, `\\`. Variables
// (`$NAME`) are refused, so a stray `$` in a skeleton fails loudly instead of vanishing.

export type SnippetPiece =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'tabstop'; readonly index: number; readonly children: readonly SnippetPiece[] }
  | { readonly type: 'choice'; readonly index: number; readonly options: readonly string[] };

/** Parses snippet syntax; throws on what the skeletons must not contain (variables, bad syntax). */
export function parseSnippet(source: string): SnippetPiece[] {
  let i = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at ${i} in snippet: ${source.slice(Math.max(0, i - 20), i + 20)}`);
  };
  const readNumber = (): number | undefined => {
    const m = /^\d+/.exec(source.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    return Number(m[0]);
  };
  const parse = (inPlaceholder: boolean): SnippetPiece[] => {
    const pieces: SnippetPiece[] = [];
    let text = '';
    const flush = (): void => {
      if (text) pieces.push({ type: 'text', value: text });
      text = '';
    };
    while (i < source.length) {
      const c = source[i];
      if (c === '\\' && (source[i + 1] === '$' || source[i + 1] === '}' || source[i + 1] === '\\')) {
        text += source[i + 1];
        i += 2;
      } else if (c === '}' && inPlaceholder) {
        break;
      } else if (c === '$') {
        i++;
        if (/\d/.test(source[i] ?? '')) {
          flush();
          pieces.push({ type: 'tabstop', index: readNumber()!, children: [] });
        } else if (source[i] === '{') {
          i++;
          const index = readNumber();
          if (index === undefined) fail('Snippet variables are not used here');
          flush();
          if (source[i] === '}') {
            i++;
            pieces.push({ type: 'tabstop', index: index!, children: [] });
          } else if (source[i] === ':') {
            i++;
            const children = parse(true);
            if (source[i] !== '}') fail('Unclosed placeholder');
            i++;
            pieces.push({ type: 'tabstop', index: index!, children });
          } else if (source[i] === '|') {
            i++;
            const options: string[] = [];
            let option = '';
            for (;;) {
              const d = source[i];
              if (d === undefined) fail('Unclosed choice');
              // As in VS Code, a choice option escapes only the comma, the pipe and the backslash.
              if (d === '\\' && ',|\\'.includes(source[i + 1] ?? '')) {
                option += source[i + 1];
                i += 2;
              } else if (d === ',') {
                options.push(option);
                option = '';
                i++;
              } else if (d === '|' && source[i + 1] === '}') {
                options.push(option);
                i += 2;
                break;
              } else {
                option += d;
                i++;
              }
            }
            pieces.push({ type: 'choice', index: index!, options });
          } else fail('Bad tab stop');
        } else if (/[A-Za-z_]/.test(source[i] ?? '')) {
          fail('Snippet variables are not used here');
        } else text += '$';
      } else {
        text += c;
        i++;
      }
    }
    flush();
    return pieces;
  };
  const pieces = parse(false);
  if (i < source.length) fail('Unexpected }');
  return pieces;
}

/** Plain text of a snippet: every tab stop and choice replaced by its default, as VS Code inserts it. */
export function expandSnippet(source: string): string {
  const pieces = parseSnippet(source);
  // A bare `$n` that mirrors a placeholder defined elsewhere takes that placeholder's text.
  const defaults = new Map<number, string>();
  const collect = (list: readonly SnippetPiece[]): void => {
    for (const p of list) {
      if (p.type === 'tabstop' && p.children.length > 0) {
        if (!defaults.has(p.index)) defaults.set(p.index, render(p.children));
        collect(p.children);
      } else if (p.type === 'choice' && !defaults.has(p.index)) defaults.set(p.index, p.options[0] ?? '');
    }
  };
  const render = (list: readonly SnippetPiece[]): string =>
    list
      .map((p) => (p.type === 'text' ? p.value : p.type === 'choice' ? (p.options[0] ?? '') : p.children.length > 0 ? render(p.children) : (defaults.get(p.index) ?? '')))
      .join('');
  collect(pieces);
  return render(pieces);
}

/** Every tab stop number used in a snippet (choices included), ascending, without repeats. */
export function tabStops(source: string): number[] {
  const found = new Set<number>();
  const walk = (list: readonly SnippetPiece[]): void => {
    for (const p of list) {
      if (p.type === 'tabstop') {
        found.add(p.index);
        walk(p.children);
      } else if (p.type === 'choice') found.add(p.index);
    }
  };
  walk(parseSnippet(source));
  return [...found].sort((a, b) => a - b);
}

/**
 * The snippet with its tab stops moved up by `offset` and its final `$0` dropped, so that several
 * snippets can be joined into one (a document template) with one final tab stop of its own.
 */
export function shiftTabStops(source: string, offset: number): string {
  const print = (list: readonly SnippetPiece[], inPlaceholder: boolean): string =>
    list
      .map((p) => {
        if (p.type === 'text') return inPlaceholder ? escapePlaceholder(p.value) : p.value.replace(/[\\$]/g, '\\$&');
        if (p.index === 0) return p.type === 'tabstop' ? print(p.children, inPlaceholder) : '';
        const index = p.index + offset;
        if (p.type === 'choice') return `\${${index}|${p.options.map((o) => o.replace(/[\\,|]/g, '\\$&')).join(',')}|}`;
        return p.children.length > 0 ? `\${${index}:${print(p.children, true)}}` : `\${${index}}`;
      })
      .join('');
  return print(parseSnippet(source), false);
}

/** Text escaped for a snippet placeholder's default. */
function escapePlaceholder(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}
