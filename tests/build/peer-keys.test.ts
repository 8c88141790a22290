/**
 * The front-matter keys Jekyll, Hugo and Eleventy posts carry, read from built pages,
 * feeds and JSON-LD: authors, categories, description and excerpt, the post's picture,
 * lastmod, `published: false`, Hugo's `url:`, and per-post `permalink` (warned about).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { crawl } from '../support/crawl.js';
import { buildAt, buildSite, post } from '../support/site.js';
import { png } from '../support/images.js';
import { readFeed, readXml } from '../support/xml.js';

const siteYaml = 'title: Gulf Notes\nbaseUrl: https://example.org/blog/\nauthor: The Editors\n';

const texts = ($: CheerioAPI, selector: string) =>
  $(selector)
    .map((_, el) => $(el).text().trim())
    .get();

function jsonLd($: CheerioAPI): Record<string, unknown> {
  return JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>;
}

describe('authors', () => {
  const site = {
    'site.yaml': siteYaml,
    'posts/2025-03-01-two.md': post({
      title: 'Two',
      date: '2025-03-01',
      authors: '[Salma Al-Harthy, Peter Lindqvist]',
    }),
    'posts/2025-03-02-list.md': post({
      title: 'List',
      date: '2025-03-02',
      author: '[Mina Tehrani, Omid Rahimi, Sara Ahmadi]',
    }),
    'posts/2025-03-03-none.md': post({ title: 'None', date: '2025-03-03' }),
  };

  it('shows every name in the byline of the post page and of list pages', async () => {
    const built = await buildSite(site);
    expect(built.result.warnings).toEqual([]);
    const $post = await built.page('/2025/03/two/');
    expect(texts($post, '.post-full .post-author')).toEqual([
      'Salma Al-Harthy and Peter Lindqvist',
    ]);
    const $home = await built.page('/');
    expect(texts($home, '.post-author')).toEqual([
      'The Editors',
      'Mina Tehrani, Omid Rahimi, and Sara Ahmadi',
      'Salma Al-Harthy and Peter Lindqvist',
    ]);
  });

  it('lists each author as a Person in JSON-LD', async () => {
    const built = await buildSite(site);
    expect(jsonLd(await built.page('/2025/03/two/')).author).toEqual([
      {
        '@type': 'Person',
        name: 'Salma Al-Harthy',
        url: 'https://example.org/blog/authors/salma-al-harthy/',
      },
      {
        '@type': 'Person',
        name: 'Peter Lindqvist',
        url: 'https://example.org/blog/authors/peter-lindqvist/',
      },
    ]);
    expect(jsonLd(await built.page('/2025/03/none/')).author).toEqual([
      {
        '@type': 'Person',
        name: 'The Editors',
        url: 'https://example.org/blog/authors/the-editors/',
      },
    ]);
  });

  it('gives each author an element of its own in both feeds', async () => {
    const built = await buildSite(site);
    const atom = readXml(await built.text('/feed.xml'), ['entry', 'author']) as {
      feed: { entry: { title: { '#text': string }; author: { name: string }[] }[] };
    };
    expect(atom.feed.entry.map((e) => [e.title['#text'], e.author.map((a) => a.name)])).toEqual([
      ['None', ['The Editors']],
      ['List', ['Mina Tehrani', 'Omid Rahimi', 'Sara Ahmadi']],
      ['Two', ['Salma Al-Harthy', 'Peter Lindqvist']],
    ]);
    const feed = readFeed(await built.text('/feed.xml'));
    expect(feed.items[2]?.authors.map((a) => a.name)).toEqual([
      'Salma Al-Harthy',
      'Peter Lindqvist',
    ]);
    const rss = readXml(await built.text('/rss.xml'), ['item', 'dc:creator']) as {
      rss: { channel: { item: { title: string; 'dc:creator': string[] }[] } };
    };
    expect(rss.rss.channel.item.map((i) => i['dc:creator'])).toEqual([
      ['The Editors'],
      ['Mina Tehrani', 'Omid Rahimi', 'Sara Ahmadi'],
      ['Salma Al-Harthy', 'Peter Lindqvist'],
    ]);
  });

  it('joins names as the site language does', async () => {
    const built = await buildSite({
      'site.yaml': 'title: Notes\nlanguage: fr\n',
      'posts/a.md': post({ title: 'A', date: '2025-03-01', authors: '[Salma, Peter, Mina]' }),
    });
    expect(texts(await built.page('/2025/03/a/'), '.post-author')).toEqual([
      'Salma, Peter et Mina',
    ]);
  });

  it('is an error, at the item, when an author is not a name', async () => {
    const built = await buildSite({
      'posts/a.md': post({ title: 'A', date: '2025-03-01', authors: '[Salma, [x, y]]' }),
    });
    expect(built.result.ok).toBe(false);
    expect(built.result.errors.map((e) => `${e.name} ${e.file}:${e.line}:${e.column}`)).toEqual([
      'FrontMatterInvalid posts/a.md:4:18',
    ]);
  });
});

describe('categories, description and excerpt', () => {
  it('merges categories into labels, and splits a Jekyll string of them on spaces', async () => {
    const built = await buildSite({
      'site.yaml': siteYaml,
      'posts/a.md': post({
        title: 'A',
        date: '2025-03-01',
        tags: '[maritime trade]',
        categories: '[Oman, ports]',
      }),
      'posts/b.md': post({ title: 'B', date: '2025-03-02', categories: 'treaties history' }),
    });
    expect(built.result.warnings).toEqual([]);
    const $ = await built.page('/2025/03/a/');
    expect(texts($, '.post-labels a')).toEqual(['maritime trade', 'Oman', 'ports']);
    expect(texts(await built.page('/2025/03/b/'), '.post-labels a')).toEqual([
      'treaties',
      'history',
    ]);
    expect(await built.exists('/labels/ports/')).toBe(true);
  });

  it('reads description, else excerpt, as the summary; summary wins over both', async () => {
    const built = await buildSite({
      'posts/a.md': post({ title: 'A', date: '2025-03-01', description: 'From description.' }),
      'posts/b.md': post({ title: 'B', date: '2025-03-02', excerpt: 'From excerpt.' }),
      'posts/c.md': post({
        title: 'C',
        date: '2025-03-03',
        summary: 'From summary.',
        description: 'Not this.',
        excerpt: 'Nor this.',
      }),
    });
    const description = async (url: string) =>
      (await built.page(url))('meta[name="description"]').attr('content');
    expect(await description('/2025/03/a/')).toBe('From description.');
    expect(await description('/2025/03/b/')).toBe('From excerpt.');
    expect(await description('/2025/03/c/')).toBe('From summary.');
  });
});

describe("the post's picture", () => {
  const site = {
    'site.yaml': siteYaml,
    'static/images/muscat.png': png(1200, 630),
    'posts/2025-03-01-a.md': post({
      title: 'Muscat & the sea',
      date: '2025-03-01',
      image: '/images/muscat.png',
      imageAlt: 'The corniche at dusk',
    }),
    'posts/2025-03-02-b.md': post({ title: 'Cover', date: '2025-03-02' }, 'Body.').replace(
      'date: 2025-03-02',
      'date: 2025-03-02\ncover:\n  image: images/muscat.png\n  alt: From the cover',
    ),
    'posts/2025-03-03-c.md': post({
      title: 'Remote <b>bold</b>',
      date: '2025-03-03',
      images: '[https://images.example.net/ferry.jpg]',
    }),
    'posts/2025-03-04-d.md': post({ title: 'Plain', date: '2025-03-04' }),
  };

  it('is og:image (absolute), a large Twitter card and the JSON-LD image', async () => {
    const built = await buildSite(site);
    expect(built.result.warnings).toEqual([]);
    const $ = await built.page('/2025/03/a/');
    expect($('meta[property="og:image"]').attr('content')).toBe(
      'https://example.org/blog/images/muscat.png',
    );
    expect($('meta[property="og:image:alt"]').attr('content')).toBe('The corniche at dusk');
    expect($('meta[property="og:image:width"]').attr('content')).toBe('1200');
    expect($('meta[property="og:image:height"]').attr('content')).toBe('630');
    expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
    expect($('meta[name="twitter:image"]').attr('content')).toBe(
      'https://example.org/blog/images/muscat.png',
    );
    expect(jsonLd($).image).toBe('https://example.org/blog/images/muscat.png');
    const $plain = await built.page('/2025/03/d/');
    expect($plain('meta[name="twitter:card"]').attr('content')).toBe('summary');
    expect($plain('meta[property="og:image"]')).toHaveLength(0);
    expect(jsonLd($plain).image).toBeUndefined();
  });

  it('is shown on the post page and in list cards, sized, with its alt text', async () => {
    const built = await buildSite(site);
    const picture = ($: CheerioAPI, scope: string) =>
      $(`${scope} .post-image img`)
        .toArray()
        .map((el) => $(el).attr());
    expect(picture(await built.page('/2025/03/a/'), '.post-full')).toEqual([
      {
        src: '/blog/images/muscat.png',
        alt: 'The corniche at dusk',
        width: '1200',
        height: '630',
      },
    ]);
    expect(picture(await built.page('/'), '.post')).toEqual([
      {
        src: 'https://images.example.net/ferry.jpg',
        alt: 'Remote <b>bold</b>',
        loading: 'lazy',
      },
      {
        src: '/blog/images/muscat.png',
        alt: 'From the cover',
        width: '1200',
        height: '630',
        loading: 'lazy',
      },
      {
        src: '/blog/images/muscat.png',
        alt: 'The corniche at dusk',
        width: '1200',
        height: '630',
        loading: 'lazy',
      },
    ]);
  });

  it('is an error at the value when it is not a path', async () => {
    const built = await buildSite({
      'posts/a.md': post({ title: 'A', date: '2025-03-01', image: '[1, 2]' }),
    });
    expect(built.result.errors.map((e) => `${e.name} ${e.file}:${e.line}:${e.column}`)).toEqual([
      'FrontMatterInvalid posts/a.md:4:8',
    ]);
  });
});

describe('lastmod and published', () => {
  it('reads lastmod as updated', async () => {
    const built = await buildSite({
      'site.yaml': siteYaml,
      'posts/a.md': post({ title: 'A', date: '2025-03-01', lastmod: '2025-03-09T10:00' }),
    });
    const $ = await built.page('/2025/03/a/');
    expect($('meta[property="article:modified_time"]').attr('content')).toBe(
      '2025-03-09T10:00:00Z',
    );
    expect(readFeed(await built.text('/feed.xml')).items[0]?.updated?.toISOString()).toBe(
      '2025-03-09T10:00:00.000Z',
    );
  });

  it('keeps a post with published: false out, as a draft, unless --drafts', async () => {
    const site = {
      'posts/a.md': post({ title: 'A', date: '2025-03-01', published: 'false' }),
      'posts/b.md': post({ title: 'B', date: '2025-03-02', published: 'true' }),
    };
    const built = await buildSite(site);
    expect(built.result.draftCount).toBe(1);
    expect(await built.exists('/2025/03/a/')).toBe(false);
    expect(await built.exists('/2025/03/b/')).toBe(true);
    const withDrafts = await buildSite(site, { drafts: true });
    const $ = await withDrafts.page('/2025/03/a/');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
  });
});

describe("Hugo's url", () => {
  it('puts the post at exactly that path, a .html one included', async () => {
    const built = await buildSite({
      'site.yaml': siteYaml,
      'posts/a.md': post({ title: 'A', date: '2025-03-01', url: '/2012/05/old-name.html' }),
      'posts/b.md': post({ title: 'B', date: '2025-03-02', url: '/notes/b' }),
    });
    expect(built.result.ok).toBe(true);
    const $ = await built.page('/2012/05/old-name.html');
    expect($('link[rel="canonical"]').attr('href')).toBe(
      'https://example.org/blog/2012/05/old-name.html',
    );
    expect(await built.exists('/notes/b/')).toBe(true);
    const $home = await built.page('/');
    expect(
      $home('.post-title a')
        .map((_, el) => $home(el).attr('href'))
        .get(),
    ).toEqual(['/blog/notes/b/', '/blog/2012/05/old-name.html']);
  });

  it('is an error at the url line when two posts share it, or it is reserved or not a path', async () => {
    const built = await buildSite({
      'posts/a.md': post({ title: 'A', date: '2025-03-01', url: '/same/' }),
      'posts/b.md': post({ title: 'B', date: '2025-03-02', url: '/same' }),
      'posts/c.md': post({ title: 'C', date: '2025-03-03', url: '/labels/c/' }),
      'posts/d.md': post({ title: 'D', date: '2025-03-04', url: '/Notes/../d/' }),
    });
    expect(built.result.ok).toBe(false);
    expect(built.result.errors.map((e) => `${e.name} ${e.file}:${e.line}:${e.column}`)).toEqual([
      'UrlCollision posts/a.md:4:6',
      'ReservedPath posts/c.md:4:6',
      'InvalidUrl posts/d.md:4:6',
    ]);
    expect(built.result.errors[0]?.hint).toBe(
      'Give one of the posts a different `url:` in its front matter.',
    );
  });
});

describe('permalink and keys from other tools', () => {
  it('warns that a per-post permalink is not read, at its line', async () => {
    const built = await buildSite({
      'site.yaml': siteYaml,
      'posts/a.md': post({
        title: 'A',
        date: '2025-03-01',
        layout: 'post',
        permalink: '/blog/a/',
      }),
    });
    expect(built.result.ok).toBe(true);
    expect(built.result.warnings.map((w) => `${w.name} ${w.file}:${w.line}:${w.column}`)).toEqual([
      'PostPermalinkIgnored posts/a.md:5:1',
    ]);
    expect(await built.exists('/2025/03/a/')).toBe(true);
  });
});

describe('the messy fixture site (tests/fixtures/messy)', () => {
  it('builds posts in Jekyll, Hugo and Eleventy shapes with every link leading somewhere', async () => {
    const root = fileURLToPath(new URL('../fixtures/messy/', import.meta.url));
    const outDir = await mkdtemp(path.join(tmpdir(), 'rubric-messy-'));
    try {
      const built = await buildAt(root, { outDir, cache: false });
      expect(built.result.errors).toEqual([]);
      const mine = built.result.warnings.filter((w) => MESSY_POSTS.includes(w.file));
      expect(mine.map((w) => `${w.name} ${w.file}:${w.line}:${w.column}`)).toEqual([
        'PostPermalinkIgnored posts/2015-03-17-a-jekyll-post.md:9:1',
      ]);
      const $hugo = await built.page('/2016/03/dhow-harbours/');
      expect(texts($hugo, '.post-full .post-author')).toEqual([
        'Salma Al-Harthy and Peter Lindqvist',
      ]);
      // labels, then tags, then categories: the author's order within each.
      expect(texts($hugo, '.post-full .post-labels a')).toEqual([
        'maritime trade',
        'ports',
        'Oman',
      ]);
      expect($hugo('meta[property="og:image"]').attr('content')).toBe(
        'https://example.org/notes/2016/03/dhow-harbours/harbour.png',
      );
      expect($hugo('.post-image img').attr('alt')).toBe('Wooden dhows moored at low tide');
      const $eleventy = await built.page('/2024/02/caspian-notes/');
      expect(texts($eleventy, '.post-full .post-author')).toEqual(['Mina Tehrani']);
      expect(await built.exists('/2012/05/notes-on-gulf-ferry-timetable.html')).toBe(true);
      expect(await built.exists('/2014/01/not-yet/')).toBe(false);
      const { broken } = await crawl(outDir, 'https://example.org/notes/');
      expect(broken.filter((b) => MESSY_POSTS.some((p) => b.from.includes(slugOf(p))))).toEqual([]);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});

/** The fixture posts this file pins; colleagues add others to the same site. */
const MESSY_POSTS = [
  'posts/2016-03-23-dhow-harbours/index.md',
  'posts/2015-03-17-a-jekyll-post.md',
  'posts/2012-05-old-address.md',
  'posts/2024/2024-02-11-caspian-notes/index.md',
  'posts/2014-01-01-not-yet.md',
];

function slugOf(source: string): string {
  const name = source.endsWith('/index.md') ? path.posix.dirname(source) : source;
  return path.posix.basename(name, '.md').replace(/^\d{4}-\d{2}-\d{2}-/, '');
}
