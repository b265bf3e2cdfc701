import * as assert from 'node:assert/strict';
import { collectHandles, completeTag, tagCompletionContext, type TagCompletionSources } from '../../src/core/completion';
import { defaultConfig } from '../../src/core/config/defaults';
import { rules } from '../../src/core/rules/registry';
import { taxonomySchema } from '../../src/core/taxonomy/types';

const sources: TagCompletionSources = {
  taxonomy: defaultConfig.taxonomy,
  rules,
  handles: ['@lee', '@dana', '@sam.k', '@dana'],
};

/** Completes where `|` stands in the line; returns the labels. */
function labelsAt(marked: string, from: TagCompletionSources = sources): string[] {
  const character = marked.indexOf('|');
  const line = marked.slice(0, character) + marked.slice(character + 1);
  return completeTag(line, character, from).map((c) => c.label);
}

function itemsAt(marked: string, from: TagCompletionSources = sources) {
  const character = marked.indexOf('|');
  const line = marked.slice(0, character) + marked.slice(character + 1);
  return { line, items: completeTag(line, character, from) };
}

const productConcerns = Object.entries(defaultConfig.taxonomy.concerns).filter(([, d]) => d.role === 'product').map(([n]) => n);
const projectConcerns = Object.entries(defaultConfig.taxonomy.concerns).filter(([, d]) => d.role === 'project').map(([n]) => n);

describe('tag completion', () => {
  it('offers the four roles after owner:', () => {
    const roles = ['product', 'project', 'shared', 'none'];
    assert.deepEqual(labelsAt('<!-- owner: |'), roles);
    assert.deepEqual(labelsAt('<!-- owner:|'), roles);
    assert.deepEqual(labelsAt('<!-- owner: pro|'), roles, 'the editor filters by the typed word');
    assert.deepEqual(labelsAt('<!-- Owner : |-->'), roles);
    assert.deepEqual(labelsAt('Text before <!-- owner: | -->'), roles);
  });

  it('inserts a space after a bare colon, and replaces the typed word', () => {
    const bare = itemsAt('<!-- owner:|');
    assert.equal(bare.items[0].insertText, ' product');
    const typed = itemsAt('<!-- owner: pro|duct -->');
    assert.equal(typed.items[0].insertText, 'product');
    assert.deepEqual(typed.items[0].replace, { start: 12, end: 19 });
    assert.equal(typed.line.slice(typed.items[0].replace.start, typed.items[0].replace.end), 'product');
  });

  it('offers the concerns of the role after role/', () => {
    assert.deepEqual(labelsAt('<!-- owner: product/|'), productConcerns);
    assert.deepEqual(labelsAt('<!-- owner: project/|'), projectConcerns);
    assert.deepEqual(labelsAt('<!-- owner: project / bu| -->'), projectConcerns);
    assert.deepEqual(labelsAt('<!-- owner: PROJECT/|'), projectConcerns);
    const budget = itemsAt('<!-- owner: project/bu|').items.find((c) => c.label === 'budget')!;
    assert.equal(budget.kind, 'concern');
    assert.equal(budget.documentation, defaultConfig.taxonomy.concerns.budget.description);
    assert.deepEqual(labelsAt('<!-- owner: shared/|'), [], 'shared takes no concern');
  });

  it('offers the concerns a configuration adds', () => {
    const taxonomy = taxonomySchema.parse({
      concerns: { ...defaultConfig.taxonomy.concerns, compliance: { role: 'project', label: 'Compliance', description: 'Audits and regulation' } },
      neutral: defaultConfig.taxonomy.neutral,
    });
    assert.ok(labelsAt('<!-- owner: project/|', { ...sources, taxonomy }).includes('compliance'));
    assert.ok(!labelsAt('<!-- owner: product/|', { ...sources, taxonomy }).includes('compliance'));
  });

  it('offers the workspace handles after the role, without repeats or those already in the tag', () => {
    assert.deepEqual(labelsAt('<!-- owner: product @|'), ['@dana', '@lee', '@sam.k']);
    assert.deepEqual(labelsAt('<!-- owner: project/budget @|'), ['@dana', '@lee', '@sam.k']);
    assert.deepEqual(labelsAt('<!-- owner: project/budget |'), ['@dana', '@lee', '@sam.k']);
    assert.deepEqual(labelsAt('<!-- owner: shared @lee @|'), ['@dana', '@sam.k']);
    assert.deepEqual(labelsAt('<!-- owner: shared @LEE @d| -->'), ['@dana', '@sam.k']);
    const typed = itemsAt('<!-- owner: shared @da| -->');
    const dana = typed.items.find((c) => c.label === '@dana')!;
    assert.equal(typed.line.slice(dana.replace.start, dana.replace.end), '@da');
    assert.equal(dana.insertText, '@dana');
    assert.deepEqual(labelsAt('<!-- owner: product @|', { ...sources, handles: [] }), []);
  });

  it('offers rule ids in a directive, without those already named', () => {
    const ids = rules.map((r) => r.id);
    assert.ok(ids.length > 0);
    assert.deepEqual(labelsAt('<!-- pm-lens-disable |'), ids);
    assert.deepEqual(labelsAt('<!-- pm-lens-enable |'), ids);
    assert.deepEqual(labelsAt('<!-- pm-lens-disable-next-section |'), ids);
    assert.deepEqual(labelsAt('<!-- pm-lens-disable-line |'), ids);
    assert.deepEqual(labelsAt('- [ ] Movers booked by 2025-10-01 <!-- pm-lens-disable-next-line |'), ids);
    const rest = labelsAt(`<!-- pm-lens-disable ${ids[0]}, |`);
    assert.deepEqual(rest, ids.slice(1));
    const item = itemsAt('<!-- pm-lens-disable owner-m| -->').items.find((c) => c.label === 'owner-mismatch');
    if (ids.includes('owner-mismatch')) {
      assert.ok(item);
      assert.equal(item.detail, rules.find((r) => r.id === 'owner-mismatch')!.description);
    }
  });

  it('offers owner: and the directive names right after <!--', () => {
    const labels = labelsAt('<!-- |');
    assert.deepEqual(labels, ['owner:', 'pm-lens-disable', 'pm-lens-enable', 'pm-lens-disable-next-section', 'pm-lens-disable-line', 'pm-lens-disable-next-line']);
    assert.deepEqual(labelsAt('<!-- ow|'), labels);
    assert.equal(itemsAt('<!-- |').items[0].retrigger, true);
  });

  it('stays quiet outside tags', () => {
    for (const marked of [
      'owner: |',
      'Plain text |',
      '<!-- owner: product --> |',
      '<!-- just a note |',
      '<!|',
      '|<!-- owner: ',
      '<!-- owner: product/vision --> and then @|',
      '<!-- owner: product/vision extra |',
      '<!-- owner: founders @|',
    ]) assert.deepEqual(labelsAt(marked), [], marked);
  });

  it('tells the context without the sources, so the editor fetches handles only when needed', () => {
    assert.equal(tagCompletionContext('<!-- owner: product @', 21)?.type, 'handle');
    assert.equal(tagCompletionContext('<!-- owner: ', 12)?.type, 'role');
    assert.equal(tagCompletionContext('no tag here', 5), undefined);
  });
});

describe('collectHandles', () => {
  it('reads handles from owner tags and front matter owners', () => {
    const text = [
      '---',
      'plan: prd',
      'owners:',
      '  product: "@dana"',
      '  project: ["@lee", "@kim-o"]',
      'reviewers: "@not-an-owner"',
      '---',
      '# Vision',
      '<!-- owner: product/vision @sam.k -->',
      'Mail me at x@example.com.',
      '## Budget',
      '   <!-- owner: shared @dana @ava_b -->',
    ].join('\n');
    assert.deepEqual(collectHandles(text).sort(), ['@ava_b', '@dana', '@kim-o', '@lee', '@sam.k']);
  });

  it('reads inline owners and CRLF documents', () => {
    const text = ['---', 'owners: { product: "@dana", project: "@lee" }', '---', '<!-- owner: none @rob -->'].join('\r\n');
    assert.deepEqual(collectHandles(text).sort(), ['@dana', '@lee', '@rob']);
  });

  it('skips tags in fenced and inline code', () => {
    const text = [
      '# How to tag',
      'Write `<!-- owner: product @example -->` under the heading.',
      '```markdown',
      '<!-- owner: project @fenced -->',
      '```',
      '~~~',
      '<!-- owner: project @tilde -->',
      '~~~',
      '<!-- owner: project @real -->',
    ].join('\n');
    assert.deepEqual(collectHandles(text), ['@real']);
  });
});

describe('tag completion ranges', () => {
  it('never reach into the closing -->', () => {
    const role = itemsAt('<!-- owner: |-->');
    assert.deepEqual(role.items[0].replace, { start: 12, end: 12 });
    const concern = itemsAt('<!-- owner: project/bu|-->');
    assert.equal(concern.line.slice(concern.items[0].replace.start, concern.items[0].replace.end), 'bu');
    const rule = itemsAt('<!-- pm-lens-disable owner|-->');
    assert.equal(rule.line.slice(rule.items[0].replace.start, rule.items[0].replace.end), 'owner');
  });
});
