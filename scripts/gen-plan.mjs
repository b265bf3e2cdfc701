// Generates plan-like Markdown deterministically: front matter, nested headings with owner tags,
// paragraphs, nested lists, task lists, tables, fenced code, block quotes and comments — the mix
// a long PRD or project plan has. Same size and seed, same text, on every machine.
//
//   node scripts/gen-plan.mjs 1mb plan.md [--seed N]
//
// Also imported by scripts/bench.mjs (`generatePlan`).
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** A small seeded PRNG (mulberry32): fast, and identical everywhere. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRODUCT_HEADINGS = ['Vision', 'Target users', 'User stories', 'Market analysis', 'Requirements', 'Success metrics', 'Strategy', 'Problem statement', 'Personas', 'Goals and non-goals'];
const PROJECT_HEADINGS = ['Schedule', 'Budget', 'Resources', 'Risks', 'Status', 'Deliverables', 'Milestones', 'Staffing', 'Timeline', 'Risk register'];
const NEUTRAL_HEADINGS = ['Architecture', 'Glossary', 'References', 'API', 'Appendix', 'Open questions', 'Notes'];
const WORDS = ('the user needs a faster way to plan work across teams so that every release lands on time and within budget ' +
  'customers struggle with manual reporting and expect clear status our goal is to reduce churn and raise retention ' +
  'the schedule has four milestones in Q3 with two sprints each risk of delay is medium mitigation is a buffer week ' +
  'headcount is 3 FTE plus a contractor cost estimate is $48,000 deliverables include the beta the docs and training ' +
  'as a project manager I want a weekly summary NPS target 45 DAU 12k conversion 3.5% vendor contract signed').split(' ');
const HANDLES = ['@dana', '@lee', '@sam', '@kim', '@ari'];

/**
 * Plan-like Markdown of about `size` UTF-16 code units (never less), from `seed`.
 * @param {number} size
 * @param {number} [seed]
 * @returns {string}
 */
export function generatePlan(size, seed = 7) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const sentence = () => {
    const n = int(6, 18);
    const words = [];
    for (let i = 0; i < n; i++) words.push(pick(WORDS));
    const s = words.join(' ');
    return s[0].toUpperCase() + s.slice(1) + '.';
  };
  const paragraph = () => Array.from({ length: int(1, 4) }, sentence).join(' ');
  const parts = [];
  let length = 0;
  const push = (s) => {
    parts.push(s);
    length += s.length;
  };
  push(`---\nplan: ${pick(['prd', 'project-plan', 'mixed'])}\nowners:\n  product: "${pick(HANDLES)}"\n  project: "${pick(HANDLES)}"\n---\n\n`);
  push(`# ${pick(PRODUCT_HEADINGS)} plan\n\n${paragraph()}\n\n`);
  let n = 0;
  while (length < size) {
    n++;
    const side = rand();
    const headings = side < 0.45 ? PRODUCT_HEADINGS : side < 0.9 ? PROJECT_HEADINGS : NEUTRAL_HEADINGS;
    const level = int(2, 4);
    push(`${'#'.repeat(level)} ${pick(headings)} ${n}\n\n`);
    if (rand() < 0.6) {
      const role = headings === PRODUCT_HEADINGS ? 'product' : headings === PROJECT_HEADINGS ? 'project' : 'none';
      push(`<!-- owner: ${role}${rand() < 0.5 ? ' ' + pick(HANDLES) : ''} -->\n\n`);
    }
    const blocks = int(1, 4);
    for (let b = 0; b < blocks; b++) {
      const kind = rand();
      if (kind < 0.35) push(`${paragraph()}\n\n`);
      else if (kind < 0.55) push(list(0, int(2, 5)) + '\n');
      else if (kind < 0.68) {
        const items = int(2, 6);
        for (let i = 0; i < items; i++) push(`- [${rand() < 0.4 ? 'x' : ' '}] ${sentence()}\n`);
        push('\n');
      } else if (kind < 0.82) {
        const cols = int(2, 4);
        const header = ['Item', 'Owner', 'Cost', 'Date', 'Risk', 'Impact'].slice(0, cols);
        push(`| ${header.join(' | ')} |\n|${header.map(() => ' --- |').join('')}\n`);
        const rows = int(2, 8);
        for (let r = 0; r < rows; r++) {
          push(`| ${header.map((_, c) => (c === 0 ? pick(WORDS) + ' ' + pick(WORDS) : c === 2 ? '$' + int(1, 90) + ',000' : pick(WORDS))).join(' | ')} |\n`);
        }
        push('\n');
      } else if (kind < 0.88) {
        push('```' + pick(['yaml', 'mermaid', 'bash', '']) + '\n');
        const lines = int(2, 6);
        for (let i = 0; i < lines; i++) push(rand() < 0.3 ? `# ${pick(WORDS)} ${pick(WORDS)}\n` : `${pick(WORDS)}: ${pick(WORDS)} ${int(1, 99)}\n`);
        push('```\n\n');
      } else if (kind < 0.94) push(`> ${sentence()}\n> ${sentence()}\n\n`);
      else push(`<!-- ${pick(['TODO', 'note', 'review'])}: ${sentence()} -->\n\n`);
    }
  }

  /** A list whose items nest under their parent's content column. */
  function list(indent, depth, items) {
    let out = '';
    const ordered = rand() < 0.3;
    for (let i = 0; i < items; i++) {
      const marker = ordered ? `${i + 1}.` : '-';
      out += `${indent}${marker} ${sentence()}\n`;
      if (depth < 3 && rand() < 0.3) out += list(indent + ' '.repeat(marker.length + 1), depth + 1, int(1, 3));
    }
    return out;
  }
  return parts.join('');
}

/** Parses `10kb`, `1mb`, `5MB` or a plain number of bytes. */
export function parseSize(text) {
  const m = /^(\d+(?:\.\d+)?)\s*(kb|mb|b)?$/i.exec(String(text).trim());
  if (!m) throw new Error(`not a size: ${text}`);
  const unit = (m[2] ?? 'b').toLowerCase();
  return Math.round(Number(m[1]) * (unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [sizeArg, out] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--seed');
  if (!sizeArg) {
    console.error('usage: node scripts/gen-plan.mjs SIZE [OUT] [--seed N]');
    process.exit(2);
  }
  const seedAt = process.argv.indexOf('--seed');
  const text = generatePlan(parseSize(sizeArg), seedAt > 0 ? Number(process.argv[seedAt + 1]) : 7);
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}
