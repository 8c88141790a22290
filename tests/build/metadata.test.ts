/** What search engines and link previews read in `<head>`. */
import { describe, expect, it } from 'vitest';
import { buildSite, post } from '../support/site.js';

const site = {
  'site.yaml': [
    'title: Gulf Notes',
    'description: Notes on the Gulf.',
    'baseUrl: https://example.org/blog/',
    'language: fr-CA',
    'timezone: Asia/Tehran',
    'author: Mina',
    'postsPerPage: 2',
    '',
  ].join('\n'),
  'posts/a.md': post({ title: 'A', date: '2025-01-10', labels: 'Oman' }),
  'posts/b.md': post({ title: 'B', date: '2025-02-10', labels: 'Oman' }),
  'posts/c.md': post(
    {
      title: '"Talks </script> & more"',
      date: '2025-03-10T09:30',
      updated: '2025-03-12T18:00',
      labels: '[Oman, nuclear talks]',
      summary: 'Why Muscat gets the call.',
    },
    'Body.',
  ),
};

describe('a post page', () => {
  it('has title, description, canonical, Open Graph and Twitter tags', async () => {
    const built = await buildSite(site);
    expect(built.result.errors).toEqual([]);
    const $ = await built.page('/2025/03/c/');
    const meta = (key: string) =>
      $(`meta[name="${key}"], meta[property="${key}"]`)
        .map((_, m) => $(m).attr('content'))
        .get();
    expect($('html').attr('lang')).toBe('fr-CA');
    expect($('title').text()).toBe('Talks </script> & more · Gulf Notes');
    expect(meta('description')).toEqual(['Why Muscat gets the call.']);
    expect($('link[rel=canonical]').attr('href')).toBe('https://example.org/blog/2025/03/c/');
    expect(meta('og:type')).toEqual(['article']);
    expect(meta('og:title')).toEqual(['Talks </script> & more']);
    expect(meta('og:description')).toEqual(['Why Muscat gets the call.']);
    expect(meta('og:url')).toEqual(['https://example.org/blog/2025/03/c/']);
    expect(meta('og:site_name')).toEqual(['Gulf Notes']);
    expect(meta('og:locale')).toEqual(['fr_CA']);
    expect(meta('article:published_time')).toEqual(['2025-03-10T09:30:00+03:30']);
    expect(meta('article:modified_time')).toEqual(['2025-03-12T18:00:00+03:30']);
    expect(meta('article:tag')).toEqual(['Oman', 'nuclear talks']);
    expect(meta('twitter:card')).toEqual(['summary']);
    expect(meta('twitter:title')).toEqual(['Talks </script> & more']);
    expect(meta('robots')).toEqual([]);
  });

  it('has a JSON-LD BlogPosting that no title can break out of', async () => {
    const built = await buildSite(site);
    const $ = await built.page('/2025/03/c/');
    const scripts = $('script[type="application/ld+json"]');
    expect(scripts).toHaveLength(1);
    expect(JSON.parse(scripts.text())).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: 'Talks </script> & more',
      description: 'Why Muscat gets the call.',
      datePublished: '2025-03-10T09:30:00+03:30',
      dateModified: '2025-03-12T18:00:00+03:30',
      author: [{ '@type': 'Person', name: 'Mina' }],
      keywords: 'Oman, nuclear talks',
      inLanguage: 'fr-CA',
      url: 'https://example.org/blog/2025/03/c/',
      mainEntityOfPage: 'https://example.org/blog/2025/03/c/',
      isPartOf: { '@type': 'Blog', name: 'Gulf Notes', url: 'https://example.org/blog/' },
    });
  });

  it('describes a post without summary by its first whole sentences', async () => {
    const sentence = 'This sentence is about forty-five characters. ';
    const built = await buildSite({
      ...site,
      'posts/long.md': post(
        { title: 'Long', date: '2025-01-01' },
        `${sentence.repeat(5)}\n\n<!-- more -->\n\nAfter the break.`,
      ),
      'posts/run-on.md': post({ title: 'Run-on', date: '2025-01-02' }, 'word '.repeat(60)),
    });
    const long = await built.page('/2025/01/long/');
    expect(long('meta[name=description]').attr('content')).toBe(sentence.repeat(3).trim());
    const runOn = await built.page('/2025/01/run-on/');
    const cut = runOn('meta[name=description]').attr('content') ?? '';
    expect(cut.endsWith('word…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(161);
  });
});

describe('list pages', () => {
  it('link their neighbours with rel prev/next and keep numbered pages out of the index', async () => {
    const built = await buildSite(site);
    const first = await built.page('/');
    expect(first('link[rel=prev]')).toHaveLength(0);
    expect(first('link[rel=next]').attr('href')).toBe('/blog/page/2/');
    expect(first('meta[name=robots]')).toHaveLength(0);
    expect(first('meta[property="og:type"]').attr('content')).toBe('website');
    expect(first('meta[name=description]').attr('content')).toBe('Notes on the Gulf.');
    expect(first('link[rel=canonical]').attr('href')).toBe('https://example.org/blog/');

    const second = await built.page('/page/2/');
    expect(second('link[rel=prev]').attr('href')).toBe('/blog/');
    expect(second('link[rel=next]')).toHaveLength(0);
    expect(second('meta[name=robots]').attr('content')).toBe('noindex, follow');
    // Each numbered page is its own canonical, not page 1.
    expect(second('link[rel=canonical]').attr('href')).toBe('https://example.org/blog/page/2/');

    const label = await built.page('/labels/oman/page/2/');
    expect(label('link[rel=prev]').attr('href')).toBe('/blog/labels/oman/');
    expect(label('meta[name=robots]').attr('content')).toBe('noindex, follow');
  });

  it('keep the 404 page out of the index', async () => {
    const built = await buildSite(site);
    const $ = await built.page('/404.html');
    expect($('meta[name=robots]').attr('content')).toBe('noindex');
  });
});

describe('a layout of its own', () => {
  it('gets every head tag from the head-meta partial', async () => {
    const built = await buildSite({
      ...site,
      'templates/layout.hbs':
        '<!DOCTYPE html><html lang="{{site.language}}"><head><title>{{page.title}}</title>' +
        '{{> head-meta}}</head><body>{{{body}}}</body></html>',
    });
    expect(built.result.errors).toEqual([]);
    const $ = await built.page('/2025/03/c/');
    expect($('link[rel=canonical]').attr('href')).toBe('https://example.org/blog/2025/03/c/');
    expect($('link[rel=alternate]').first().attr('href')).toBe('/blog/feed.xml');
    expect($('script[type="application/ld+json"]')).toHaveLength(1);
  });
});

describe('without a host in baseUrl', () => {
  it('makes canonical and og:url site-relative links', async () => {
    const built = await buildSite({ ...site, 'site.yaml': 'baseUrl: /blog/\n' });
    const $ = await built.page('/2025/03/c/');
    expect($('link[rel=canonical]').attr('href')).toBe('/blog/2025/03/c/');
    expect($('meta[property="og:url"]').attr('content')).toBe('/blog/2025/03/c/');
  });
});
