import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { DiagnosticDeltas } from '../../src/extension/diagnosticDeltas';
import { HeldLists } from '../../src/extension/heldLists';
import { applyListDelta, DIAGNOSTIC_DELTAS, listDelta, type ListDelta } from '../../src/shared/deltas';
import type { DiagnosticsPieceParams } from '../../src/shared/serverProtocol';
import { diagnosticsPieces, SentLists } from '../../src/server/sentLists';
import { PROPERTY_SEED } from '../support/property-seed';

function diagnostic(line: number, code = 'untagged-section', message = `This section has no owner tag (${code})`): Diagnostic {
  return {
    range: { start: { line, character: 0 }, end: { line, character: 12 } },
    message,
    severity: 2,
    code,
    source: 'pm-lens',
    codeDescription: { href: `https://example.com/rules/${code}.md` },
  };
}

/** A list of diagnostics a few lines apart, as a plan's are. */
const diagnostics = fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom('untagged-section', 'owner-mismatch')), { maxLength: 30 }).map((steps) => {
  let line = 0;
  return steps.map(([gap, code]) => diagnostic((line += gap), code));
});

/** An edit as typing makes one: items replaced in one place, and everything after it moved by some lines. */
const edited = diagnostics.chain((before) =>
  fc.record({
    at: fc.integer({ min: 0, max: before.length }),
    removed: fc.integer({ min: 0, max: 3 }),
    added: fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 3 }),
    lines: fc.integer({ min: -2, max: 3 }),
  }).map(({ at, removed, added, lines }) => {
    const after = [...before.slice(0, at), ...added.map((line) => diagnostic(line, 'missing-owner')), ...before.slice(at + removed).map((d) => DIAGNOSTIC_DELTAS.shift(d, lines))];
    return { before, after };
  }),
);

/** A converted diagnostic: what it was made from, and which conversion made it. */
interface Converted {
  readonly from: Diagnostic;
  readonly conversion: number;
}

function recorder(): { convert: (d: Diagnostic) => Converted; move: (c: Converted, lines: number) => Converted; count: () => number } {
  let conversions = 0;
  return {
    convert: (from) => ({ from, conversion: ++conversions }),
    // A moved copy keeps the conversion it was made from.
    move: (c, lines) => ({ from: DIAGNOSTIC_DELTAS.shift(c.from, lines), conversion: c.conversion }),
    count: () => conversions,
  };
}

describe('deltas of diagnostics and lenses', () => {
  it('applied to the list before, a delta gives the list after', () => {
    fc.assert(
      fc.property(edited, ({ before, after }) => {
        assert.deepEqual(applyListDelta(DIAGNOSTIC_DELTAS, before, listDelta(DIAGNOSTIC_DELTAS, before, after)), after);
      }),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });

  it('sends only what typing changed: a new line in the middle moves the tail and sends nothing new', () => {
    const before = [diagnostic(2), diagnostic(10), diagnostic(20), diagnostic(30)];
    const after = [diagnostic(2), diagnostic(10), diagnostic(21), diagnostic(31)];
    assert.deepEqual(listDelta(DIAGNOSTIC_DELTAS, before, after), { head: 2, tail: 2, tailLineShift: 1, items: [] });
  });

  it('tells apart diagnostics that differ in any field, those PM Lens does not set included', () => {
    const base = diagnostic(4);
    for (const other of [{ ...base, message: 'other' }, { ...base, severity: 1 as const }, { ...base, tags: [1 as const] }, { ...base, data: { fix: 1 } }, { ...base, codeDescription: { href: 'https://example.com/x' } }]) {
      assert.deepEqual(listDelta(DIAGNOSTIC_DELTAS, [base], [other]).items, [other]);
    }
  });

  it('the server numbers what it sends: unchanged lists keep their number and are not sent', () => {
    const sent = new SentLists(DIAGNOSTIC_DELTAS);
    const first = sent.next('a', [diagnostic(1)]);
    assert.deepEqual([first.publish, first.base, first.changed], [1, 0, true]);
    assert.equal(sent.next('a', [diagnostic(1)]).changed, false);
    const second = sent.next('a', [diagnostic(2)]);
    assert.deepEqual([second.publish, second.base, second.changed], [2, 1, true]);
    // A client that holds another list gets the whole one.
    const stale = sent.next('a', [diagnostic(4)], 7);
    assert.deepEqual([stale.base, stale.delta.head, stale.delta.items.length], [0, 0, 1]);
  });

  it('the client shows, publish after publish, what a fresh publish shows, converting only new and moved diagnostics', async () => {
    const runs: { before: Diagnostic[]; after: Diagnostic[] }[] = fc.sample(edited, { seed: PROPERTY_SEED, numRuns: 60 });
    for (const { before, after } of runs) {
      const shown: Converted[][] = [];
      const { convert, move, count } = recorder();
      const deltas = new DiagnosticDeltas<Converted>({ convert, move, show: (_uri, list) => shown.push([...list]), lost: () => assert.fail('lost'), error: (what, e) => assert.fail(`${what}: ${String(e)}`) });
      const sent = new SentLists(DIAGNOSTIC_DELTAS);
      // Pieces of two diagnostics: most publishes come in several.
      for (const list of [before, after]) {
        const sending = sent.next('file:///plan.md', list);
        if (sending.changed) for (const piece of diagnosticsPieces('file:///plan.md', 1, sending, 2)) deltas.receive(piece);
      }
      await deltas.after('file:///plan.md', () => undefined);
      assert.deepEqual(shown.at(-1)!.map((c) => c.from), after);
      // Only the new diagnostics are converted: the moved ones are copies.
      if (shown.length === 2) assert.equal(count(), before.length + listDelta(DIAGNOSTIC_DELTAS, before, after).items.length);
    }
  });

  it('the client keeps the converted objects of what did not move, and shows a status only after the diagnostics before it', async () => {
    const events: string[] = [];
    const shown: Converted[][] = [];
    const { convert, move } = recorder();
    const deltas = new DiagnosticDeltas<Converted>({ convert, move, show: (_uri, list) => (events.push('shown'), shown.push([...list])), lost: () => events.push('lost'), error: (what) => events.push(what) });
    const piece = (fields: Partial<DiagnosticsPieceParams>): DiagnosticsPieceParams => ({ uri: 'u', publish: 1, base: 0, head: 0, tail: 0, tailLineShift: 0, items: [], last: true, ...fields });
    deltas.receive(piece({ items: [diagnostic(1), diagnostic(5)], last: false }));
    deltas.receive(piece({ items: [diagnostic(9)] }));
    void deltas.after('u', () => events.push('status 1'));
    // A new diagnostic on line 3; nothing moved.
    deltas.receive(piece({ publish: 2, base: 1, head: 1, tail: 2, items: [diagnostic(3)] }));
    void deltas.after('u', () => events.push('status 2'));
    await deltas.after('u', () => undefined);
    assert.deepEqual(events, ['shown', 'status 1', 'shown', 'status 2']);
    assert.deepEqual(shown[1].map((c) => c.from.range.start.line), [1, 3, 5, 9]);
    assert.equal(shown[1][0], shown[0][0]);
    assert.equal(shown[1][2], shown[0][1]);
    assert.equal(shown[1][3], shown[0][2]);
    // A new line above the last one: it moves as a copy of what was shown.
    deltas.receive(piece({ publish: 3, base: 2, head: 3, tail: 1, tailLineShift: 1 }));
    await deltas.after('u', () => undefined);
    assert.deepEqual(shown[2].map((c) => c.from.range.start.line), [1, 3, 5, 10]);
    assert.equal(shown[2][3].conversion, shown[1][3].conversion);
    assert.equal(shown[2][0], shown[1][0]);
    // A delta from a publish not held is not applied: the client asks for the whole list.
    deltas.receive(piece({ publish: 9, base: 8, head: 1, items: [] }));
    await deltas.after('u', () => undefined);
    assert.deepEqual(events.slice(5), ['Showing PM Lens diagnostics', 'lost']);
    assert.equal(shown.length, 3);
  });

  it('HeldLists converts and moves in slices what a plain conversion of the new list gives', async () => {
    // Slow enough that the work gives the thread back between slices.
    const slowly = <R>(make: () => R): R => {
      const until = performance.now() + 0.05;
      while (performance.now() < until);
      return make();
    };
    const lists = new HeldLists<Diagnostic, string>(
      (d) => slowly(() => `${d.code}@${d.range.start.line}`),
      (text, lines) => slowly(() => text.replace(/\d+$/, (line) => String(Number(line) + lines))),
    );
    const list = Array.from({ length: 100 }, (_, i) => diagnostic(i * 3));
    const whole: ListDelta<Diagnostic> = { head: 0, tail: 0, tailLineShift: 0, items: list };
    assert.deepEqual(await lists.apply('u', 1, 0, whole), list.map((d) => `${d.code}@${d.range.start.line}`));
    const moved = await lists.apply('u', 2, 1, { head: 50, tail: 50, tailLineShift: 1, items: [] });
    assert.deepEqual(moved, list.map((d, i) => `${d.code}@${d.range.start.line + (i >= 50 ? 1 : 0)}`));
    assert.equal(lists.number('u'), 2);
  });
});
