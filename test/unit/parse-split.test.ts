import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { findSplitPoints, SplitScanner } from '../../src/core/parse/split';
import { fromRoot } from '../support/paths';
import { planMarkdown, trickyMarkdown } from '../fixtures/parse/markdown';

const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

interface RootNode {
  type: string;
  position: { start: { line: number; offset: number }; end: { line: number; offset: number } };
}

/** remark's top-level nodes, with offsets into `text` (remark drops a BOM from its offsets). */
function rootNodes(text: string): RootNode[] {
  const base = documentStart(text);
  const nodes = (remark.parse(text.slice(base)) as unknown as { children: RootNode[] }).children;
  for (const n of nodes) {
    n.position.start.offset += base;
    n.position.end.offset += base;
  }
  return nodes;
}

const lineStart = (text: string, offset: number): number => {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
};

/** The oracle: line starts of one-line (ATX) headings among remark's top-level nodes. */
function rootAtxHeadings(text: string): number[] {
  return rootNodes(text)
    .filter((n) => n.type === 'heading' && n.position.start.line === n.position.end.line)
    .map((n) => lineStart(text, n.position.start.offset))
    .filter((o) => o > documentStart(text));
}

const documentStart = (text: string): number => (text.startsWith('\uFEFF') ? 1 : 0);
const opensUnclosedFrontMatter = (text: string): boolean => findSplitPoints(text, documentStart(text)).length === 0 && /^\uFEFF?---[ \t]*(\r\n|\r|\n)/.test(text);

/** The top-level node before `offset` is a container whose last leaf is code or HTML (which may be left open). */
function afterOpenLeafInContainer(nodes: readonly RootNode[], offset: number): boolean {
  const before = nodes.filter((n) => n.position.end.offset <= offset).pop() as (RootNode & { children?: RootNode[] }) | undefined;
  if (!before || !['list', 'blockquote', 'footnoteDefinition'].includes(before.type)) return false;
  let leaf: RootNode & { children?: RootNode[] } = before;
  while (leaf.children && leaf.children.length > 0 && ['list', 'listItem', 'blockquote', 'footnoteDefinition'].includes(leaf.type)) leaf = leaf.children[leaf.children.length - 1];
  return leaf.type === 'code' || leaf.type === 'html';
}

/** What remark made of the line that ends at `end`, in the scanner's terms. */
function rootKind(nodes: readonly RootNode[], end: number): string {
  const node = nodes.find((n) => n.position.start.offset <= end - 1 && end - 1 < n.position.end.offset);
  if (!node) return 'none';
  switch (node.type) {
    case 'list':
    case 'blockquote':
    case 'footnoteDefinition':
      return 'container';
    case 'paragraph':
    case 'definition':
      return 'para';
    case 'heading':
      return node.position.start.line === node.position.end.line ? 'atx' : 'para';
    default:
      return node.type;
  }
}

/** Compares the scanner's reading after each line with the top-level node remark put it in. */
function lineReadingsAgree(text: string): string | undefined {
  const nodes = rootNodes(text);
  let problem: string | undefined;
  findSplitPoints(text, documentStart(text), (start, end, readings) => {
    if (problem || readings.length !== 1 || /^[ \t]*$/.test(text.slice(start, end))) return;
    const { depth, leaf } = readings[0];
    const mine = depth > 0 ? 'container' : leaf === 'fence' || leaf === 'icode' ? 'code' : leaf;
    if (mine === 'none') return;
    const real = rootKind(nodes, end);
    const ok = mine === real || (mine === 'para-or-table' && (real === 'para' || real === 'table')) || (mine === 'para-or-html' && (real === 'para' || real === 'html'));
    if (!ok) problem = `line ${JSON.stringify(text.slice(start, end))}: scanner says ${mine}, remark ${real}`;
  });
  return problem;
}

describe('split points (top-level ATX headings)', () => {
  it('cuts before top-level headings and nowhere else', () => {
    const text = '# A\n\ntext\n\n## B\n\n- item\n\n### C\n';
    assert.deepEqual(findSplitPoints(text), [text.indexOf('## B'), text.indexOf('### C')]);
  });

  // [what, document, the lines cut before]: each expectation is also checked against remark.
  const cases: [string, string, string[]][] = [
    ['a heading inside fenced code', '# A\n```\n# no\n```\n# B\n', ['# B']],
    ['a tilde fence not closed by backticks', '# A\n~~~\n```\n# no\n~~~\n# B\n', ['# B']],
    ['an unclosed fence', '# A\n```\n# no\n', []],
    ['a backtick info string with a backtick is no fence', '# A\n```a`b\n# B\n', ['# B']],
    ['a multi-line HTML comment', '# A\n<!--\n# no\n-->\n# B\n', ['# B']],
    ['an unclosed HTML comment', '# A\n<!-- x\n\n# no\n', []],
    ['`<!-->` closes at once', '# A\n<!-->\n# B\n', ['# B']],
    ['an HTML block of kind 6 until a blank line', '# A\n<div>\n# no\n\n# B\n', ['# B']],
    ['a kind 7 tag cannot interrupt a paragraph', '# A\ntext\n<x-y>\n# B\n', ['# B']],
    ['a heading indented into a list item', '# A\n- item\n  # no\n# B\n', ['# B']],
    ['a heading in a block quote', '# A\n> # no\n# B\n', ['# B']],
    ['a heading after a lazy quote line', '# A\n> q\nlazy\n# B\n', ['# B']],
    ['three spaces of indent', '# A\n\n   # B\n', ['   # B']],
    ['four spaces: indented code', '# A\n\n    # no\n', []],
    ['front matter with a YAML comment', '---\n# no\n---\n# A\n## B\n', ['# A', '## B']],
    ['a footnote definition takes four spaces', '# A\n[^1]: x\n    # no\n# B\n', ['# B']],
    ['an ordered list cannot interrupt a paragraph unless it starts at 1', '# A\npara\n2. x\n   ```\n# no\n', []],
    ['after indented code not even an empty list item can start', '# A\n    code\n-\n  ```\n# no\n', []],
    ['a table row continues until a blank line', '# A\n| a |\n| - |\nrow\n# B\n', ['# B']],
    ['CRLF and lone CR line endings', '# A\r\n\r\n## B\r\r### C', ['## B', '### C']],
    ['a tab counts as indent to the next stop of four', '# A\n-\titem\n \t# no\n# B\n', ['# B']],
  ];
  for (const [name, text, lines] of cases) {
    it(name, () => {
      const points = lines.map((line) => text.indexOf(line));
      assert.deepEqual(findSplitPoints(text), points);
      assert.deepEqual(rootAtxHeadings(text), points, 'remark agrees');
    });
  }

  it('does not cut a document whose front matter never closes (micromark then reads no containers)', () => {
    const text = '---\n# no\n> quote\n# A\n';
    assert.deepEqual(findSplitPoints(text), []);
    assert.equal(rootNodes(text).some((n) => n.type === 'blockquote'), false);
  });

  it('finds exactly the top-level ATX headings of every fixture, whatever the line endings', () => {
    const dir = fromRoot('test/fixtures/parse');
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    assert.ok(files.length >= 6);
    for (const file of files) {
      const raw = readFileSync(`${dir}/${file}`, 'utf8');
      for (const eol of ['\n', '\r\n', '\r']) {
        const text = raw.replace(/\r\n|\r|\n/g, eol);
        assert.deepEqual(findSplitPoints(text, documentStart(text)), rootAtxHeadings(text), `${file} with ${JSON.stringify(eol)}`);
        assert.equal(lineReadingsAgree(text), undefined, file);
      }
    }
  });

  it('never cuts where remark has no top-level ATX heading, and misses none but those after code or HTML left open in a container (plan-like documents)', () => {
    fc.assert(
      fc.property(planMarkdown, (text) => {
        const points = findSplitPoints(text, documentStart(text));
        const real = rootAtxHeadings(text);
        for (const point of points) assert.ok(real.includes(point), `cut at ${point}`);
        if (opensUnclosedFrontMatter(text)) return;
        const nodes = rootNodes(text);
        for (const missed of real.filter((p) => !points.includes(p))) assert.ok(afterOpenLeafInContainer(nodes, missed), `missed ${missed}`);
      }),
      { numRuns: 300 },
    );
  });

  it('never cuts where remark has no top-level ATX heading (dense, adversarial lines)', () => {
    fc.assert(
      fc.property(trickyMarkdown, (text) => {
        const real = new Set(rootAtxHeadings(text));
        for (const point of findSplitPoints(text)) assert.ok(real.has(point), `cut at ${point} in ${JSON.stringify(text)}`);
      }),
      { numRuns: 400 },
    );
  });

  it('reads every line as remark does: container, code, HTML, table or paragraph', () => {
    fc.assert(
      fc.property(fc.oneof(trickyMarkdown, planMarkdown), (text) => {
        assert.equal(lineReadingsAgree(text), undefined, JSON.stringify(text));
      }),
      { numRuns: 400 },
    );
  });

  it('scans in slices, and from any cut point, to the same points', () => {
    fc.assert(
      fc.property(planMarkdown, fc.integer({ min: 1, max: 7 }), (text, slice) => {
        const base = documentStart(text);
        const all = findSplitPoints(text, base);
        const scanner = new SplitScanner(text, base);
        let rounds = 0;
        while (!scanner.run(slice)) rounds++;
        assert.deepEqual(scanner.points, all);
        const lines = text.slice(base).split(/\r\n|\r|\n/).length - (/[\r\n]$/.test(text) ? 1 : 0);
        if (lines > slice && !/^\uFEFF?---/.test(text)) assert.ok(rounds > 0);
        for (const [i, point] of all.entries()) assert.deepEqual(findSplitPoints(text, point), all.slice(i + 1));
      }),
      { numRuns: 100 },
    );
  });

  it('stops at the point the caller recognises', () => {
    const text = '# A\n## B\n## C\n## D\n';
    const scanner = new SplitScanner(text);
    assert.equal(scanner.run(Infinity, (p) => p === text.indexOf('## C')), true);
    assert.deepEqual(scanner.points, [text.indexOf('## B'), text.indexOf('## C')]);
  });
});
