/** Labels: names kept as written, merged variants, Unicode slugs, and collisions. */
import { describe, expect, it } from 'vitest';
import { buildSite, post } from '../support/site.js';

describe('label names and slugs', () => {
  it.each([
    ['foreign relations of iran', '/labels/foreign-relations-of-iran/'],
    ['Sécurité européenne', '/labels/sécurité-européenne/'],
    ['中东', '/labels/中东/'],
    ['Россия', '/labels/россия/'],
    ['Trade & Tariffs', '/labels/trade-tariffs/'],
    ["Women's Rights", '/labels/women-s-rights/'],
  ])('keeps "%s" as written and writes its page at %s', async (name, url) => {
    const built = await buildSite({
      'posts/a.md': post({ title: 'A', date: '2025-01-01', labels: JSON.stringify([name]) }),
    });
    expect(built.result.errors).toEqual([]);
    const $ = await built.page(url);
    expect($('.label-name').text()).toBe(name);
    const index = await built.page('/labels/');
    expect(index('.label-index a').text()).toBe(name);
    expect(decodeURI(index('.label-index a').attr('href') ?? '')).toBe(url);
  });

  it('percent-encodes non-ASCII slugs in links', async () => {
    const built = await buildSite({
      'posts/a.md': post({ title: 'A', date: '2025-01-01', labels: 'Sécurité' }),
    });
    const $ = await built.page('/2025/01/a/');
    expect($('.post-labels a').attr('href')).toBe('/labels/s%C3%A9curit%C3%A9/');
  });

  it('gives a punctuation-only label a stable, non-empty slug', async () => {
    const files = { 'posts/a.md': post({ title: 'A', date: '2025-01-01', labels: '"+++"' }) };
    const first = await buildSite(files);
    const second = await buildSite(files);
    const href = (await first.page('/labels/'))('.label-index a').attr('href');
    expect(href).toMatch(/^\/labels\/x-[0-9a-f]{8}\/$/);
    expect((await second.page('/labels/'))('.label-index a').attr('href')).toBe(href);
    const $ = await first.page(href ?? '');
    expect($('.label-name').text()).toBe('+++');
  });

  it('never splits a label string on spaces, only on commas', async () => {
    const built = await buildSite({
      'posts/a.md': post({
        title: 'A',
        date: '2025-01-01',
        labels: 'foreign relations of iran,  nuclear talks ',
      }),
    });
    const $ = await built.page('/labels/');
    expect(
      $('.label-index a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(['foreign relations of iran', 'nuclear talks']);
  });

  it('merges tags into labels', async () => {
    const built = await buildSite({
      'posts/a.md': post({ title: 'A', date: '2025-01-01', labels: 'Oman', tags: '[Gulf]' }),
    });
    const $ = await built.page('/2025/01/a/');
    expect(
      $('.post-labels a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(['Oman', 'Gulf']);
  });

  it('merges names that differ in case or spacing under the most used spelling, and warns', async () => {
    const built = await buildSite({
      'posts/a.md': post({ title: 'A', date: '2025-01-01', labels: 'Nuclear  Talks' }),
      'posts/b.md': post({ title: 'B', date: '2025-01-02', labels: 'nuclear talks' }),
      'posts/c.md': post({ title: 'C', date: '2025-01-03', labels: 'nuclear talks' }),
    });
    expect(built.result.errors).toEqual([]);
    const $ = await built.page('/labels/');
    expect($('.label-index li').text().replace(/\s+/g, ' ').trim()).toBe('nuclear talks (3)');
    const a = await built.page('/2025/01/a/');
    expect(a('.post-labels a').text()).toBe('nuclear talks');
    const variants = built.result.warnings.filter((w) => w.name === 'LabelVariants');
    expect(variants).toHaveLength(1);
    expect(variants[0]).toMatchObject({ file: 'posts/a.md', line: 4, column: 9 });
    expect(variants[0]?.message).toContain('"Nuclear  Talks" (posts/a.md)');
  });

  it('uses a slug set by hand in labelSlugs', async () => {
    const built = await buildSite({
      'site.yaml': 'labelSlugs:\n  "C++": cpp\n',
      'posts/a.md': post({ title: 'A', date: '2025-01-01', labels: '["C++"]' }),
    });
    expect(built.result.errors).toEqual([]);
    expect(await built.exists('/labels/cpp/')).toBe(true);
  });

  it('sorts the label index by name as the site language sorts', async () => {
    const built = await buildSite({
      'posts/a.md': post({ title: 'A', date: '2025-01-01', labels: '[zeta, Élysée, alpha, Beta]' }),
    });
    const $ = await built.page('/labels/');
    expect(
      $('.label-index a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(['alpha', 'Beta', 'Élysée', 'zeta']);
  });
});

describe('label collisions', () => {
  it('fails when two labels would share a slug, naming both, their posts and labelSlugs', async () => {
    const built = await buildSite({
      'posts/a.md': post({ title: 'A', date: '2025-01-01', labels: '["C++"]' }),
      'posts/b.md': post({ title: 'B', date: '2025-01-02', labels: '[C]' }),
    });
    expect(built.result.ok).toBe(false);
    expect(built.result.errors).toHaveLength(1);
    const [error] = built.result.errors;
    expect(error).toMatchObject({ name: 'LabelSlugCollision', file: 'posts/a.md', line: 4 });
    expect(error?.column).toBe(10);
    expect(error?.message).toContain('"C" (posts/b.md)');
    expect(error?.message).toContain('"C++" (posts/a.md)');
    expect(error?.message).toContain('/labels/c/');
    expect(error?.hint).toContain('labelSlugs');
  });

  it('is fixed by labelSlugs', async () => {
    const built = await buildSite({
      'site.yaml': 'labelSlugs: { "C++": cpp }\n',
      'posts/a.md': post({ title: 'A', date: '2025-01-01', labels: '["C++"]' }),
      'posts/b.md': post({ title: 'B', date: '2025-01-02', labels: '[C]' }),
    });
    expect(built.result.errors).toEqual([]);
    expect(await built.exists('/labels/cpp/')).toBe(true);
    expect(await built.exists('/labels/c/')).toBe(true);
  });
});
