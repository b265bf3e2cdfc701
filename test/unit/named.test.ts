import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { compileTaxonomy } from '../../src/core/classify/compile';
import type { Features } from '../../src/core/classify/model';
import { countNamed, productName } from '../../src/core/classify/named';
import { tokenize } from '../../src/core/classify/read';
import { defaultTaxonomy } from '../../src/core/taxonomy/default';
import { LineIndex } from '../../src/core/text';

/** The features the classifier read in each section of `text`, by heading. */
function featuresOf(text: string): Map<string, Features> {
  const seen = new Map<number, Features>();
  const analysis = analyze(text, { observe: (index, features) => seen.set(index, new Map(features)) });
  return new Map(analysis.sections.map((s) => [s.heading, seen.get(s.index) ?? new Map()]));
}

describe('the product by its name', () => {
  const compiled = compileTaxonomy(defaultTaxonomy);

  it("takes the title's words that name no concern and no kind of document", () => {
    const name = productName(compiled, new LineIndex('# Tidewatch: product requirements\n\nSome text.\n'));
    assert.deepEqual([...name], ['tidewatch']);
    assert.deepEqual([...productName(compiled, new LineIndex('No heading at all.\n'))], []);
    // A title of only planning words names no product.
    assert.deepEqual([...productName(compiled, new LineIndex('# Project plan and schedule\n'))], []);
  });

  it('counts the name in prose, not inside an identifier', () => {
    const name = new Set(['tidewatch']);
    assert.equal(countNamed(tokenize(compiled, 'Tidewatch warns skippers; Tidewatch logs tides.'), name), 2);
    assert.equal(countNamed(tokenize(compiled, 'Set tidewatch_port and open tidewatch.json first.'), name), 0);
    assert.equal(countNamed(tokenize(compiled, 'Tidewatch warns skippers.'), new Set()), 0);
  });

  it('a body that names the product is read as such; one that does not, is not', () => {
    const features = featuresOf(
      '# Tidewatch\n\n## Alerts\n\nTidewatch warns a skipper an hour before the tide turns at the chosen mooring.\n\n' +
        '## Glossary\n\nA neap tide is the smallest range between high and low water.\n',
    );
    assert.ok((features.get('Alerts')?.get('name:product') ?? 0) > 0, [...(features.get('Alerts')?.keys() ?? [])].join(', '));
    assert.equal(features.get('Glossary')?.get('name:product'), undefined);
    // The title itself names the document, not a section's content.
    assert.equal(features.get('Tidewatch')?.get('name:product'), undefined);
  });
});
