/**
 * The crawl: build a fixture site, then follow every internal link and asset in every
 * output file (href, src and srcset in HTML, links in feeds, sitemap entries, the
 * robots.txt Sitemap line) and fail on any that does not resolve to a written file, or
 * to an element id on it. Done at the host root, under a subpath, and with a subpath
 * but no host.
 */
import { describe, expect, it } from 'vitest';
import { crawl } from '../support/crawl.js';
import { buildSite, listFiles, post } from '../support/site.js';

const posts = {
  'posts/2025-01-05-oman.md': post(
    {
      title: 'Oman talks',
      date: '2025-01-05T10:00',
      labels: '[foreign relations of iran, Oman]',
      summary: 'Muscat again.',
    },
    'Teaser.\n\n<!-- more -->\n\nThe rest, with a [note](#more) and an [outside link](https://example.com/).',
  ),
  'posts/2025-02-01-securite.md': post({
    title: 'Sécurité',
    date: '2025-02-01',
    labels: '[Sécurité européenne, "中东"]',
    updated: '2025-02-03',
  }),
  'posts/2025-03-01-trade.md': post({
    title: 'Trade',
    date: '2025-03-01',
    labels: 'Trade & Tariffs',
  }),
  'posts/2025-03-02-more.md': post({ title: 'More', date: '2025-03-02', labels: 'Oman' }),
  'posts/2025-03-03-yet-more.md': post({ title: 'Yet more', date: '2025-03-03', labels: 'Oman' }),
  'posts/2025-03-04-draft.md': post({ title: 'Draft', date: '2025-03-04', draft: 'true' }),
  'posts/2027-01-01-future.md': post({ title: 'Future', date: '2027-01-01', labels: 'Later' }),
  'posts/2025-03-05-renamed.md': post({
    title: 'Renamed',
    date: '2025-03-05',
    aliases: '[/2019/01/old-name.html, /old/]',
  }),
  'posts/pages/about.md': post({ title: 'About', date: '2025-01-01', page: 'true' }),
  'static/img/logo.png': 'not really a png',
};

/** A theme that also links a static asset through the `href` helper, as themes do. */
const theme = {
  'templates/partials/pager.hbs':
    '<img class="logo" src="{{href "img/logo.png"}}" srcset="{{href "img/logo.png"}} 2x" alt="">\n' +
    '<nav>{{#if newerUrl}}<a href="{{newerUrl}}">Newer posts</a>{{/if}} <a href="{{homeUrl}}">Home</a> ' +
    '{{#if olderUrl}}<a href="{{olderUrl}}">Older posts</a>{{/if}}</nav>\n',
};

describe.each([
  ['at the host root', 'https://example.org/', true],
  ['under a subpath', 'https://example.org/blog/', true],
  ['under a subpath given without a host', '/blog/', false],
])('every internal link and asset resolves %s', (_where, baseUrl, hasFeeds) => {
  it.each([
    ['the built-in theme', {}],
    ['a theme that links static files', theme],
  ])('with %s', async (_theme, themeFiles) => {
    const built = await buildSite(
      {
        ...posts,
        ...themeFiles,
        'site.yaml': `title: Crawl\nbaseUrl: ${baseUrl}\npostsPerPage: 2\n`,
      },
      { drafts: true },
    );
    expect(built.result.errors).toEqual([]);
    const outDir = built.result.outDir;
    const files = await listFiles(outDir);
    // The crawl covers every kind of output, so a kind that links wrongly is caught.
    expect(files).toEqual(
      expect.arrayContaining([
        '404.html',
        'index.html',
        'page/2/index.html',
        'labels/oman/page/2/index.html',
        'labels/sécurité-européenne/index.html',
        'about/index.html',
        '2019/01/old-name.html',
        'old/index.html',
        'robots.txt',
        'style.css',
        ...(hasFeeds
          ? ['feed.xml', 'rss.xml', 'sitemap.xml', 'labels/oman/feed.xml', 'labels/中东/feed.xml']
          : []),
      ]),
    );
    const { checked, broken } = await crawl(outDir, baseUrl);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(hasFeeds ? 300 : 150);
  });
});

describe('the crawler', () => {
  it('reports a link that leaves the subpath, a missing file and a missing id', async () => {
    const built = await buildSite({
      'site.yaml': 'baseUrl: https://example.org/blog/\n',
      'posts/a.md': post(
        { title: 'A', date: '2025-01-01' },
        '[root](/labels/) [gone](https://example.org/blog/nothing/) [frag](#nowhere)',
      ),
    });
    const { broken } = await crawl(built.result.outDir, 'https://example.org/blog/');
    expect(broken.map((b) => `${b.from} ${b.link}`).sort()).toEqual(
      [
        '2025/01/a/index.html /labels/',
        '2025/01/a/index.html https://example.org/blog/nothing/',
        '2025/01/a/index.html #nowhere',
        // The home page and the month's page show the whole post, links and all.
        '2025/01/index.html /labels/',
        '2025/01/index.html https://example.org/blog/nothing/',
        '2025/01/index.html #nowhere',
        'index.html /labels/',
        'index.html https://example.org/blog/nothing/',
        'index.html #nowhere',
      ].sort(),
    );
  });
});
