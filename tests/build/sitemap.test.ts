/** sitemap.xml and robots.txt. */
import { describe, expect, it } from 'vitest';
import { buildSite, post } from '../support/site.js';
import { readXml } from '../support/xml.js';

const site = {
  'site.yaml': 'baseUrl: https://example.org/blog/\ntimezone: Europe/Paris\npostsPerPage: 2\n',
  'posts/a.md': post({ title: 'A', date: '2025-01-10T12:00', labels: 'Oman' }),
  'posts/b.md': post({
    title: 'B',
    date: '2025-02-10T12:00',
    updated: '2025-06-01T09:00',
    labels: 'Oman',
  }),
  'posts/c.md': post({ title: 'C', date: '2025-03-10T12:00', labels: 'Gulf' }),
  'posts/d.md': post({ title: 'D', date: '2025-04-10', labels: 'Gulf', draft: 'true' }),
};

interface Sitemap {
  urlset: { '@_xmlns': string; url: { loc: string; lastmod: string }[] };
}

async function sitemapOf(files: Record<string, string>, drafts = false) {
  const built = await buildSite(files, { drafts });
  expect(built.result.errors).toEqual([]);
  const xml = readXml(await built.text('/sitemap.xml'), ['url']) as unknown as Sitemap;
  return { built, xml, lastmod: new Map(xml.urlset.url.map((u) => [u.loc, u.lastmod])) };
}

describe('sitemap.xml', () => {
  it('lists every indexable page, absolute, with when it last changed', async () => {
    const { xml, lastmod } = await sitemapOf(site, true);
    expect(xml.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect([...lastmod.keys()].sort()).toEqual([
      'https://example.org/blog/',
      'https://example.org/blog/2025/',
      'https://example.org/blog/2025/01/',
      'https://example.org/blog/2025/01/a/',
      'https://example.org/blog/2025/02/',
      'https://example.org/blog/2025/02/b/',
      'https://example.org/blog/2025/03/',
      'https://example.org/blog/2025/03/c/',
      'https://example.org/blog/2025/04/',
      'https://example.org/blog/archive/',
      'https://example.org/blog/labels/',
      'https://example.org/blog/labels/gulf/',
      'https://example.org/blog/labels/oman/',
    ]);
    // A post: its `updated`, else its date, in the site's zone.
    expect(lastmod.get('https://example.org/blog/2025/01/a/')).toBe('2025-01-10T12:00:00+01:00');
    expect(lastmod.get('https://example.org/blog/2025/02/b/')).toBe('2025-06-01T09:00:00+02:00');
    // A list: the newest change among its posts; the label index: the newest of all.
    expect(lastmod.get('https://example.org/blog/labels/oman/')).toBe('2025-06-01T09:00:00+02:00');
    expect(lastmod.get('https://example.org/blog/labels/')).toBe('2025-06-01T09:00:00+02:00');
    // Archive pages: a month like a list, the archive and years like the label index.
    expect(lastmod.get('https://example.org/blog/2025/02/')).toBe('2025-06-01T09:00:00+02:00');
    expect(lastmod.get('https://example.org/blog/archive/')).toBe('2025-06-01T09:00:00+02:00');
  });

  it('leaves out drafts, the 404 page and numbered list pages', async () => {
    const { built, lastmod } = await sitemapOf(site, true);
    expect(await built.exists('/2025/04/d/')).toBe(true);
    expect(await built.exists('/page/2/')).toBe(true);
    for (const gone of ['2025/04/d/', '404.html', 'page/2/', 'labels/gulf/page/2/']) {
      expect(lastmod.has(`https://example.org/blog/${gone}`)).toBe(false);
    }
  });

  it("lists the site's pages but not the redirects of old addresses", async () => {
    const { lastmod } = await sitemapOf({
      ...site,
      'posts/e.md': post({ title: 'E', date: '2025-01-01', aliases: '[/old/]' }),
      'posts/about.md': post({ title: 'About', date: '2025-01-02', page: 'true' }),
    });
    expect(lastmod.get('https://example.org/blog/about/')).toBe('2025-01-02T00:00:00+01:00');
    expect(lastmod.has('https://example.org/blog/old/')).toBe(false);
    expect(lastmod.has('https://example.org/blog/2025/01/e/')).toBe(true);
  });

  it('is not made when baseUrl has no host, since its links must be absolute', async () => {
    const built = await buildSite({ ...site, 'site.yaml': 'baseUrl: /blog/\n' });
    expect(await built.exists('/sitemap.xml')).toBe(false);
  });
});

describe('robots.txt', () => {
  it('allows everything and points at the sitemap', async () => {
    const built = await buildSite(site);
    const lines = (await built.text('/robots.txt')).split('\n');
    expect(lines).toContain('User-agent: *');
    expect(lines).toContain('Disallow:');
    expect(lines).toContain('Sitemap: https://example.org/blog/sitemap.xml');
  });

  it('has no Sitemap line when there is no sitemap', async () => {
    const built = await buildSite({ 'posts/a.md': post({ title: 'A', date: '2025-01-01' }) });
    const text = await built.text('/robots.txt');
    expect(text.split('\n')).toContain('User-agent: *');
    expect(text).not.toContain('Sitemap');
  });

  it('comes from a theme template like any page, which a site may override', async () => {
    const built = await buildSite({
      ...site,
      'templates/robots.hbs': 'User-agent: *\nDisallow: /drafts/\nSitemap: {{{sitemapUrl}}}\n',
    });
    expect(built.result.errors).toEqual([]);
    expect(await built.text('/robots.txt')).toBe(
      'User-agent: *\nDisallow: /drafts/\nSitemap: https://example.org/blog/sitemap.xml\n',
    );
  });

  it("gives way to the site's own static/robots.txt", async () => {
    const own = 'User-agent: *\nDisallow: /private/\n';
    const built = await buildSite({ ...site, 'static/robots.txt': own });
    expect(built.result.errors).toEqual([]);
    expect(await built.text('/robots.txt')).toBe(own);
  });
});
