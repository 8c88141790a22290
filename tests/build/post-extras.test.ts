/**
 * Post extras: summaries, reading time, heading anchors, tables of contents, highlighted
 * code, lazy images and related posts, read from built pages.
 */
import type { CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { buildSite, post } from '../support/site.js';

const texts = ($: CheerioAPI, selector: string) =>
  $(selector)
    .map((_, el) => $(el).text().trim())
    .get();

/** A theme whose post page shows only the summary, so the test reads exactly it. */
const summaryTheme = { 'templates/post.hbs': '<p id="summary">{{post.summary}}</p>\n' };

describe('summary', () => {
  it('is the front-matter summary when there is one', async () => {
    const built = await buildSite({
      ...summaryTheme,
      'posts/a.md': post(
        { title: 'A', date: '2025-01-01', summary: 'Written <b>by hand</b>.' },
        'Body.\n\n<!-- more -->\n\nRest.',
      ),
    });
    const $ = await built.page('/2025/01/a/');
    expect($('#summary').text()).toBe('Written <b>by hand</b>.');
    expect($('#summary b')).toHaveLength(0);
  });

  it('is the part before the jump break, as plain text, when there is no summary', async () => {
    const built = await buildSite({
      ...summaryTheme,
      'posts/a.md': post(
        { title: 'A', date: '2025-01-01' },
        'First *emphasised* paragraph with a [link](https://example.org/).\n\nSecond & last   before\nthe break.\n\n<!-- more -->\n\nAfter.',
      ),
    });
    const $ = await built.page('/2025/01/a/');
    expect($('#summary').text()).toBe(
      'First emphasised paragraph with a link. Second & last before the break.',
    );
  });

  it('is the first paragraph when there is neither summary nor jump break', async () => {
    const built = await buildSite({
      ...summaryTheme,
      'posts/a.md': post(
        { title: 'A', date: '2025-01-01' },
        '## A heading first\n\nThe **first** paragraph.\n\nThe second.',
      ),
    });
    const $ = await built.page('/2025/01/a/');
    expect($('#summary').text()).toBe('The first paragraph.');
  });
});

describe('reading time', () => {
  it('is shown on the post page, at 200 words a minute and at least one minute', async () => {
    const words = Array.from({ length: 600 }, (_, i) => `word${i}`).join(' ');
    const built = await buildSite({
      'posts/long.md': post({ title: 'Long', date: '2025-01-01' }, words),
      'posts/short.md': post({ title: 'Short', date: '2025-01-02' }, 'Just three words.'),
    });
    expect((await built.page('/2025/01/long/'))('.reading-time').text()).toBe('3 min read');
    expect((await built.page('/2025/01/short/'))('.reading-time').text()).toBe('1 min read');
  });
});

describe('headings', () => {
  const body = '## Why Oman?\n\nText.\n\n### The 1970s\n\nMore.\n\n## Why Oman?\n\nAgain.';

  it('get ids and a # link to themselves on the post page', async () => {
    const built = await buildSite({ 'posts/a.md': post({ title: 'A', date: '2025-01-01' }, body) });
    const $ = await built.page('/2025/01/a/');
    const headings = $('.post-body h2, .post-body h3');
    expect(headings.map((_, h) => $(h).attr('id')).get()).toEqual([
      'why-oman',
      'the-1970s',
      'why-oman-1',
    ]);
    const anchor = headings.first().find('a.heading-anchor');
    expect(anchor.attr('href')).toBe('#why-oman');
    expect(anchor.attr('aria-hidden')).toBe('true');
  });

  it('have no ids or anchors on list pages, where several posts share one page', async () => {
    const built = await buildSite({
      'posts/a.md': post({ title: 'A', date: '2025-01-01' }, body),
      'posts/b.md': post({ title: 'B', date: '2025-01-02' }, body),
    });
    const $ = await built.page('/');
    expect($('article.post .post-body h2')).toHaveLength(4);
    expect($('article.post [id]')).toHaveLength(0);
    expect($('article.post .heading-anchor')).toHaveLength(0);
    expect(texts($, 'article.post .post-body h2')[0]).toBe('Why Oman?');
  });
});

describe('table of contents', () => {
  const body =
    '## One\n\nText.\n\n### One point one\n\nText.\n\n## Two\n\nText.\n\n#### Too deep\n';

  it('lists the ## and ### headings, nested, when the post has toc: true', async () => {
    const built = await buildSite({
      'posts/a.md': post({ title: 'A', date: '2025-01-01', toc: 'true' }, body),
    });
    const $ = await built.page('/2025/01/a/');
    const toc = $('nav.toc');
    expect(toc.find('.toc-title').text()).toBe('Contents');
    expect(
      toc
        .find('> ol > li > a')
        .map((_, a) => `${$(a).text()} ${$(a).attr('href') ?? ''}`)
        .get(),
    ).toEqual(['One #one', 'Two #two']);
    expect(toc.find('> ol > li').first().find('ol a').text()).toBe('One point one');
    expect(toc.text()).not.toContain('#');
    expect(toc.text()).not.toContain('Too deep');
  });

  it('is left out without toc: true, and when there are no headings', async () => {
    const built = await buildSite({
      'posts/a.md': post({ title: 'A', date: '2025-01-01' }, body),
      'posts/b.md': post({ title: 'B', date: '2025-01-02', toc: 'true' }, 'No headings.'),
    });
    expect((await built.page('/2025/01/a/'))('nav.toc')).toHaveLength(0);
    expect((await built.page('/2025/01/b/'))('nav.toc')).toHaveLength(0);
  });

  it('must be true or false', async () => {
    const built = await buildSite({
      'posts/a.md': post({ title: 'A', date: '2025-01-01', toc: 'yes please' }),
    });
    expect(built.result.errors).toMatchObject([
      { name: 'FrontMatterInvalid', file: 'posts/a.md', line: 4, column: 6 },
    ]);
  });
});

describe('code', () => {
  it('is highlighted at build time with classes, and no script is added', async () => {
    const built = await buildSite({
      'posts/a.md': post(
        { title: 'A', date: '2025-01-01' },
        '```ts\nconst answer: number = 42; // why\n```\n\n```\nplain <b>block</b>\n```\n\n```nosuchlanguage\nx = 1\n```',
      ),
    });
    expect(built.result.errors).toEqual([]);
    const $ = await built.page('/2025/01/a/');
    const code = $('pre code').first();
    expect(code.hasClass('hljs')).toBe(true);
    expect(code.find('.hljs-keyword').first().text()).toBe('const');
    expect(code.find('.hljs-number').text()).toBe('42');
    expect(code.find('.hljs-comment').text()).toBe('// why');
    expect(code.text()).toBe('const answer: number = 42; // why\n');
    expect($('pre code').eq(1).text()).toBe('plain <b>block</b>\n');
    expect($('pre code').eq(1).children()).toHaveLength(0);
    expect($('pre code').eq(2).text()).toBe('x = 1\n');
    // The page's only script is its JSON-LD data: the highlighter adds none.
    expect($('script:not([type="application/ld+json"])')).toHaveLength(0);
    expect($('[style]')).toHaveLength(0);
  });
});

describe('code in a language highlight.js lacks', () => {
  it('is shown plain, with a warning at the fence', async () => {
    const built = await buildSite({
      'posts/a.md':
        '---\r\ntitle: A\r\ndate: 2025-01-01\r\n---\r\n\r\nText.\r\n\r\n```klingon\r\nqapla\r\n```\r\n',
    });
    expect(built.result.errors).toEqual([]);
    // The site has no baseUrl host, so RelativeBaseUrl comes too; this test is about the fence.
    const warnings = built.result.warnings.filter((w) => w.name === 'UnknownCodeLanguage');
    expect(warnings).toMatchObject([
      { name: 'UnknownCodeLanguage', file: 'posts/a.md', line: 8, column: 1 },
    ]);
    expect(warnings[0]?.message).toContain('`klingon`');
    const $ = await built.page('/2025/01/a/');
    expect($('pre code').text()).toBe('qapla\n');
  });
});

describe('images', () => {
  it('load lazily and keep their alt text', async () => {
    const built = await buildSite({
      'posts/a.md': post(
        { title: 'A', date: '2025-01-01' },
        '![The Muscat corniche](corniche.jpg "At dusk")\n\n![](decor.png)',
      ),
    });
    const $ = await built.page('/2025/01/a/');
    const images = $('.post-body img');
    expect(images.first().attr('loading')).toBe('lazy');
    expect(images.first().attr('alt')).toBe('The Muscat corniche');
    expect(images.first().attr('title')).toBe('At dusk');
    expect(images.last().attr('loading')).toBe('lazy');
    expect(images.last().attr('alt')).toBe('');
    const home = await built.page('/');
    expect(home('.post-body img').first().attr('loading')).toBe('lazy');
  });
});

describe('related posts', () => {
  const site = {
    'posts/a.md': post({ title: 'A', date: '2025-01-10', labels: '[Oman, Iran, talks]' }),
    'posts/b.md': post({ title: 'B', date: '2025-01-01', labels: '[Oman, Iran]' }),
    'posts/c.md': post({ title: 'C', date: '2025-01-09', labels: '[Oman]' }),
    'posts/d.md': post({ title: 'D', date: '2025-01-02', labels: '[Iran]' }),
    'posts/e.md': post({ title: 'E', date: '2025-01-11', labels: '[elsewhere]' }),
  };

  it('are the posts sharing the most labels, then the nearest in time', async () => {
    const built = await buildSite(site);
    const $ = await built.page('/2025/01/a/');
    expect(texts($, '.related-posts li a')).toEqual(['B', 'C', 'D']);
    expect($('.related-posts li a').first().attr('href')).toBe('/2025/01/b/');
  });

  it('are left out when no post shares a label, or with relatedPosts: 0', async () => {
    const built = await buildSite(site);
    expect((await built.page('/2025/01/e/'))('.related-posts')).toHaveLength(0);
    const none = await buildSite({ ...site, 'site.yaml': 'relatedPosts: 0\n' });
    expect((await none.page('/2025/01/a/'))('.related-posts')).toHaveLength(0);
  });

  it('are at most relatedPosts', async () => {
    const built = await buildSite({ ...site, 'site.yaml': 'relatedPosts: 1\n' });
    expect(texts(await built.page('/2025/01/a/'), '.related-posts li a')).toEqual(['B']);
  });
});
