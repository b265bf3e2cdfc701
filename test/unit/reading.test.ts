import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileTaxonomy } from '../../src/core/classify/compile';
import { hitWords } from '../../src/core/classify/cues';
import { DOCUMENT_STATE, DOCUMENT_STATE_LENGTH, scanBlock, tokenize } from '../../src/core/classify/read';
import { OUTLINE_MARKER } from '../../src/core/classify/scan';
import { Signals } from '../../src/core/classify/signals';
import { parseFacts } from '../../src/core/parse/facts';
import { outlineSections } from '../../src/core/sections';
import { defaultTaxonomy } from '../../src/core/taxonomy/default';
import { LineIndex } from '../../src/core/text';
import { PROPERTY_SEED } from '../support/property-seed';

const compiled = compileTaxonomy(defaultTaxonomy);

/** The stems of the words at [start, end) of `text`, read afresh. */
function stemsAt(text: string, start: number, end: number): string[] {
  const tokens = tokenize(compiled, text.slice(start, end));
  return tokens.infos.slice(0, tokens.count).map((i) => i.stem);
}

/** The signals of the body of the one section under `## Part`. */
function signalsOf(body: string): { text: string; signals: Signals } {
  const text = `## Part\n\n${body}\n`;
  const section = outlineSections(parseFacts(text), text.length).sections[0];
  const signals = new Signals();
  const lines = new LineIndex(text);
  for (const block of section.blocks) scanBlock(compiled, text, lines, block, signals);
  return { text, signals };
}

describe('reading a section', () => {
  describe("a term's signal keeps its words", () => {
    const piece = fc.constantFrom(
      'value proposition', 'Value-Propositions', 'target **users**', 'roles & responsibilities', 'go-to-market', 'go to market', 'user stories',
      'risk', 'Risks', 'RISK-12', 'budget_id', 'budget.json', 'riskRegister', '`budget`', '[budget](#budget)', '<b>budget</b>', 'milestone',
      'deliverables', 'timeline', 'e.g.', 'pain—point', 'pain / point', 'é', 'ſ', '42', '$48,000', 'the', 'and', '&', '-', '_', '*',
    );
    const gap = fc.constantFrom(' ', ' ', ' ', '  ', '-', '/', '*', '_', '', '\t', '–', '.', ', ');
    const prose = fc.array(fc.tuple(piece, gap), { minLength: 1, maxLength: 12 }).map((parts) => 'Some ' + parts.map(([p, g]) => p + g).join(''));

    it('the words a term signal keeps are the words at its place (property)', () => {
      let checked = 0;
      fc.assert(
        fc.property(prose, (body) => {
          const { text, signals } = signalsOf(body);
          for (const hit of signals.hits.values()) {
            if (!hit.words) continue;
            checked++;
            assert.deepEqual([...hit.words], stemsAt(text, hit.start, hit.end), `${JSON.stringify(text.slice(hit.start, hit.end))} in ${JSON.stringify(body)}`);
          }
        }),
        { numRuns: 400, seed: PROPERTY_SEED },
      );
      assert.ok(checked > 100, `only ${checked} term signals checked`);
    });

    it("a pattern's words are read from its place once, then kept", () => {
      const { text, signals } = signalsOf('We pay $48,000 by 14 March 2026.');
      const pattern = [...signals.hits.values()].find((h) => h.kind === 'pattern' && h.words === undefined);
      assert.ok(pattern, JSON.stringify([...signals.hits.keys()]));
      const words = hitWords(compiled, text, pattern);
      assert.deepEqual([...words], stemsAt(text, pattern.start, pattern.end));
      assert.equal(hitWords(compiled, text, pattern), words);
    });
  });

  describe('the cheap checks before an expression', () => {
    it('a document-state line is never longer than the bound (property)', () => {
      const state = fc.constantFrom('Draft', 'ACCEPTED', 'under review', 'In Review', 'implementable', 'final', 'Superseded');
      const edge = fc.array(fc.constantFrom(' ', '\t', '*', '_', '>', '-', '.', '\n', 'x'), { maxLength: 11 }).map((c) => c.join(''));
      let matched = 0;
      fc.assert(
        fc.property(edge, state, edge, (before, s, after) => {
          const line = before + s + after;
          if (DOCUMENT_STATE.test(line)) {
            matched++;
            assert.ok(line.length <= DOCUMENT_STATE_LENGTH, JSON.stringify(line));
          }
        }),
        { numRuns: 2000, seed: PROPERTY_SEED },
      );
      assert.ok(matched > 100, `only ${matched} state lines`);
    });

    it('the outline marker finds the lines the expression without its look-ahead finds (property)', () => {
      const WRITTEN = /^ {0,3}(?:(#{1,6})(?=[ \t\r\n]|$)|(`{3,}|~{3,})|(<!--)|(=+|-+)[ \t]*$)/gm;
      const all = (re: RegExp, text: string): string[] => [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}:${m.slice(1).join('|')}`);
      const line = fc
        .array(fc.constantFrom(' ', '#', '##', '```', '~~~', '<!--', '===', '---', '-', '=', 'text', '\t', '*', '>', '`', '~', '\u2028'), { maxLength: 6 })
        .map((p) => p.join(''));
      const doc = fc.tuple(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r')).map(([lines, eol]) => lines.join(eol));
      fc.assert(
        fc.property(doc, (text) => {
          assert.deepEqual(all(OUTLINE_MARKER, text), all(WRITTEN, text), JSON.stringify(text));
        }),
        { numRuns: 1000, seed: PROPERTY_SEED },
      );
    });
  });

  describe('symbols where patterns start', () => {
    it('reads a pattern at a symbol beyond the basic plane as at one in it', () => {
      for (const mark of ['🚧', '✅', '🔄']) {
        const { text, signals } = signalsOf(`Packing line ${mark} and the press ${mark}`);
        const hit = [...signals.hits.values()].find((h) => h.kind === 'pattern' && h.concern === 'status');
        assert.ok(hit, `${mark}: ${JSON.stringify([...signals.hits.keys()])}`);
        assert.equal(text.slice(hit.start, hit.end), mark);
        assert.equal(hit.count, 2);
      }
    });
  });
});
