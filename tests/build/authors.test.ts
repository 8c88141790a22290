/**
 * Authors: bylines from `author`/`authors`, the `authors:` map of site.yaml, author pages
 * in the shape of Blogger's label pages, their feeds, and JSON-LD naming every author.
 */
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { buildSite, post } from '../support/site.js';
import { readFeed } from '../support/xml.js';

const siteYaml = [
  'title: Gulf Notes',
  'baseUrl: https://example.org/',
  'author: Mina Farahani',
  'timezone: UTC',
  'postsPerPage: 2',
  'authors:',
  '  mina:',
  '    name: Mina Farahani',
  '    bio: Writes on Gulf diplomacy & treaty law.',
  '    avatar: /images/mina.svg',
  '    links:',
  '      Website: https://mina.example.org/',
  '  Omid Rahimi:',
  '    slug: omid',
  '',
].join('\n');

/** Three posts by Mina (one by site default), two by Omid, one by both. */
const site = {
  'site.yaml': siteYaml,
  'static/images/mina.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
  'posts/a.md': post({ title: 'Oman talks', date: '2025-01-10', author: 'mina' }),
  'posts/b.md': post({ title: 'Snapback', date: '2025-02-10', author: '[Omid Rahimi, mina]' }),
  'posts/c.md': post({ title: 'Caspian', date: '2025-03-10' }),
  'posts/d.md': post({ title: 'OSCE rule', date: '2025-04-10', authors: '[omid  rahimi]' }),
  'posts/e.md': post({ title: 'Baskets', date: '2025-05-10', author: 'Mina Farahani' }),
};

function texts(
  $: ReturnType<Awaited<ReturnType<typeof buildSite>>['page']> extends Promise<infer C> ? C : never,
  selector: string,
): string[] {
  return $(selector)
    .map((_, element) => $(element).text())
    .get();
}

describe('author pages', () => {
  it('lists an author’s posts newest first under "Showing posts by NAME", paginated', async () => {
    const built = await buildSite(site);
    expect(built.result.errors).toEqual([]);
    const $ = await built.page('/authors/mina/');
    expect($('h1.author-title').text()).toBe('Mina Farahani');
    expect($('.status-message').text().replace(/\s+/g, ' ').trim()).toBe(
      'Showing posts by Mina Farahani. Show all posts',
    );
    expect($('.status-message a').attr('href')).toBe('/');
    expect($('.author-bio').text()).toBe('Writes on Gulf diplomacy & treaty law.');
    expect($('.author-avatar').attr('src')).toBe('/images/mina.svg');
    expect($('.author-links a').attr('href')).toBe('https://mina.example.org/');
    expect(texts($, '.post-title a')).toEqual(['Baskets', 'Caspian']);
    expect($('title').text()).toBe('Mina Farahani · Gulf Notes');
    expect(
      $('.blog-pager a.blog-pager-older-link, .blog-pager a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toContain('/authors/mina/page/2/');
    const second = await built.page('/authors/mina/page/2/');
    expect(texts(second, '.post-title a')).toEqual(['Snapback', 'Oman talks']);
    expect(second('link[rel="prev"]').attr('href')).toBe('/authors/mina/');
    expect(second('meta[name="robots"]').attr('content')).toBe('noindex, follow');
    expect(await built.exists('/authors/mina/page/3/')).toBe(false);
  });

  it('merges names that differ only in case or spacing, and uses the map’s slug', async () => {
    const built = await buildSite(site);
    const $ = await built.page('/authors/omid/');
    expect($('h1.author-title').text()).toBe('Omid Rahimi');
    expect(texts($, '.post-title a')).toEqual(['OSCE rule', 'Snapback']);
    expect(await built.exists('/authors/omid-rahimi/')).toBe(false);
    expect(await built.exists('/authors/')).toBe(false);
  });

  it('links every byline name to its page, joined as the language joins a list', async () => {
    const built = await buildSite(site);
    const $ = await built.page('/2025/02/b/');
    expect($('.post-author').text()).toBe('Omid Rahimi and Mina Farahani');
    expect(
      $('.post-author a')
        .map((_, a) => [[$(a).text(), $(a).attr('href'), $(a).attr('rel')]])
        .get(),
    ).toEqual([
      ['Omid Rahimi', '/authors/omid/', 'author'],
      ['Mina Farahani', '/authors/mina/', 'author'],
    ]);
    // A post without `author` is signed by the site's author, linked too.
    const caspian = await built.page('/2025/03/c/');
    expect(caspian('.post-author a').attr('href')).toBe('/authors/mina/');
  });

  it('names every author, with their page, in the JSON-LD of a post', async () => {
    const built = await buildSite(site);
    const $ = await built.page('/2025/02/b/');
    const data = JSON.parse($('script[type="application/ld+json"]').text()) as {
      author: unknown;
    };
    expect(data.author).toEqual([
      { '@type': 'Person', name: 'Omid Rahimi', url: 'https://example.org/authors/omid/' },
      { '@type': 'Person', name: 'Mina Farahani', url: 'https://example.org/authors/mina/' },
    ]);
  });

  it('writes an Atom feed per author that a feed reader reads', async () => {
    const built = await buildSite(site);
    const feed = readFeed(await built.text('/authors/omid/feed.xml'));
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe('Gulf Notes: posts by Omid Rahimi');
    expect(feed.self).toBe('https://example.org/authors/omid/feed.xml');
    expect(feed.url).toBe('https://example.org/authors/omid/');
    expect(feed.items.map((item) => item.title)).toEqual(['OSCE rule', 'Snapback']);
    expect(feed.items[1]?.authors.map((author) => author.name)).toEqual([
      'Omid Rahimi',
      'Mina Farahani',
    ]);
    const $ = await built.page('/authors/omid/');
    expect(
      $(
        'link[rel="alternate"][href="https://example.org/authors/omid/feed.xml"], link[rel="alternate"][href="/authors/omid/feed.xml"]',
      ).attr('title'),
    ).toBe('Gulf Notes: posts by Omid Rahimi');
    const sitemap = await built.text('/sitemap.xml');
    expect(sitemap).toContain('<loc>https://example.org/authors/omid/</loc>');
  });
});

describe('the author page’s HTML', () => {
  it('is valid with a picture, a bio and links, as are linked bylines', async () => {
    const built = await buildSite(site);
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const url of ['/authors/mina/', '/authors/mina/page/2/', '/2025/02/b/', '/']) {
      const report = await validator.validateString(await built.text(url), url);
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${url}:${m.line}:${m.column} ${m.ruleId}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('when a blog has author pages', () => {
  it('gives a blog one person writes none, and leaves its bylines as text', async () => {
    const built = await buildSite({
      'site.yaml': 'baseUrl: https://example.org/\nauthor: Mina\n',
      'posts/a.md': post({ title: 'A', date: '2025-01-10' }),
      'posts/b.md': post({ title: 'B', date: '2025-01-11', author: 'Mina' }),
    });
    expect(built.result.errors).toEqual([]);
    const $ = await built.page('/2025/01/a/');
    expect($('.post-author').text()).toBe('Mina');
    expect($('.post-author a').length).toBe(0);
    expect((await built.files()).filter((file) => file.startsWith('authors/'))).toEqual([]);
  });

  it('gives a one-author blog its page once site.yaml has an authors: map', async () => {
    const built = await buildSite({
      'site.yaml':
        'baseUrl: https://example.org/\nauthor: Mina\nauthors:\n  Mina: { bio: Hello. }\n',
      'posts/a.md': post({ title: 'A', date: '2025-01-10' }),
    });
    expect(built.result.errors).toEqual([]);
    const $ = await built.page('/authors/mina/');
    expect($('.author-bio').text()).toBe('Hello.');
    expect(texts($, '.post-title a')).toEqual(['A']);
  });
});

describe('author problems', () => {
  it('is an error naming every source when two authors would have one page', async () => {
    const built = await buildSite({
      'site.yaml': 'baseUrl: https://example.org/\n',
      'posts/a.md': post({ title: 'A', date: '2025-01-10', author: 'Ann Lambton' }),
      'posts/b.md': post({ title: 'B', date: '2025-01-11', author: 'Ann-Lambton' }),
    });
    const errors = built.result.errors;
    expect(errors.map((error) => [error.name, error.file, error.line, error.column])).toEqual([
      ['AuthorSlugCollision', 'posts/b.md', 4, 9],
    ]);
    expect(errors.map((error) => [error.name, error.file, error.message])).toEqual([
      [
        'AuthorSlugCollision',
        'posts/b.md',
        'The authors "Ann Lambton" (posts/a.md) and "Ann-Lambton" (posts/b.md) would all be at /authors/ann-lambton/.',
      ],
    ]);
    expect(built.result.errors[0]?.hint).toContain('slug: ann-lambton-2');
  });

  it.each([
    ['a list', 'authors: [mina]\n', 2, 10, 'authors must map names to what to show.'],
    [
      'a bio that is not text',
      'authors:\n  mina:\n    bio: [a, b]\n',
      4,
      10,
      'authors.mina.bio must be text.',
    ],
    [
      'an avatar that is no address',
      'authors:\n  mina:\n    avatar: "mina pic.jpg"\n',
      4,
      13,
      'authors.mina.avatar must be the address of an image: a full https:// URL or a site path starting with / (got "mina pic.jpg").',
    ],
    [
      'a link that is no address',
      'authors:\n  mina:\n    links:\n      Website: mina.example.org\n',
      5,
      16,
      'authors.mina.links.Website must be the address of a page: a full https:// URL or a site path starting with / (got "mina.example.org").',
    ],
    [
      'a slug that is no slug',
      'authors:\n  mina:\n    slug: Mina F\n',
      4,
      11,
      'The slug for author "mina" must be lower-case letters, digits and single hyphens (got "Mina F").',
    ],
    [
      'a misspelt field',
      'authors:\n  mina:\n    avatr: /m.jpg\n',
      4,
      5,
      'authors.mina has no field called `avatr`.',
    ],
  ])('reports %s in authors: at its line and column', async (_, yaml, line, column, message) => {
    const built = await buildSite({
      'site.yaml': `title: T\n${yaml}`,
      'posts/a.md': post({ title: 'A', date: '2025-01-10' }),
    });
    const [error] = built.result.errors;
    expect([error?.file, error?.line, error?.column, error?.message]).toEqual([
      'site.yaml',
      line,
      column,
      message,
    ]);
  });

  it('accepts author: [A, B] and authors: [A, B] alike', async () => {
    const built = await buildSite({
      'posts/a.md': post({ title: 'A', date: '2025-01-10', author: '[Ann, Omid]' }),
      'posts/b.md': post({ title: 'B', date: '2025-01-11', authors: '[Ann, Omid]' }),
    });
    expect(built.result.errors).toEqual([]);
    for (const url of ['/2025/01/a/', '/2025/01/b/']) {
      expect(
        (await built.page(url))('.post-author a')
          .map((_, a) => a.attribs.href)
          .get(),
      ).toEqual(['/authors/ann/', '/authors/omid/']);
    }
  });
});
