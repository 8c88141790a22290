/**
 * Pinned posts: `pinned: true` holds a post at the top of the home page, `pinned: labels`
 * at the top of its label pages too, marked in words; dates, feeds, the archive, the
 * sitemap and the newer/older links between posts stay in date order.
 */
import type { CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { buildSite, post } from '../support/site.js';
import { readFeed, readXml } from '../support/xml.js';

/** Six posts a month apart; "Old rules" is pinned on the home page, "Oman" on labels too. */
const site = {
  'site.yaml': 'title: Gulf Notes\nbaseUrl: https://example.org/\ntimezone: UTC\npostsPerPage: 2\n',
  'posts/a.md': post({
    title: 'Old rules',
    date: '2025-01-10',
    labels: 'treaties',
    pinned: 'true',
  }),
  'posts/b.md': post({ title: 'Oman', date: '2025-02-10', labels: 'treaties', pinned: 'labels' }),
  'posts/c.md': post({ title: 'Caspian', date: '2025-03-10', labels: 'treaties' }),
  'posts/d.md': post({ title: 'OSCE', date: '2025-04-10', labels: 'treaties' }),
  'posts/e.md': post({ title: 'Baskets', date: '2025-05-10' }),
  'posts/f.md': post({ title: 'Snapback', date: '2025-06-10', pinned: 'false' }),
};

function titles($: CheerioAPI): string[] {
  return $('.post-title a')
    .map((_, a) => $(a).text())
    .get();
}

function pinnedTitles($: CheerioAPI): string[] {
  return $('article.post-pinned')
    .map((_, article) => $(article).find('.post-title a').text())
    .get();
}

describe('pinned posts', () => {
  it('holds pinned posts at the top of the home page, newest first among them', async () => {
    const built = await buildSite(site);
    expect(built.result.errors).toEqual([]);
    const home = await built.page('/');
    expect(titles(home)).toEqual(['Oman', 'Old rules']);
    expect(pinnedTitles(home)).toEqual(['Oman', 'Old rules']);
    expect(
      home('article.post-pinned .pinned-mark')
        .map((_, mark) => home(mark).text())
        .get(),
    ).toEqual(['Pinned post', 'Pinned post']);
    // Their dates are their own.
    expect(home('article.post-pinned time').first().attr('datetime')).toBe('2025-02-10T00:00:00Z');
  });

  it('does not repeat a pinned post on later pages of the home page', async () => {
    const built = await buildSite(site);
    const second = await built.page('/page/2/');
    const third = await built.page('/page/3/');
    expect(titles(second)).toEqual(['Snapback', 'Baskets']);
    expect(titles(third)).toEqual(['OSCE', 'Caspian']);
    expect(second('.pinned-mark').length + third('.pinned-mark').length).toBe(0);
    expect(await built.exists('/page/4/')).toBe(false);
  });

  it('holds `pinned: labels` posts at the top of their label pages, and `true` ones not', async () => {
    const built = await buildSite(site);
    const label = await built.page('/labels/treaties/');
    expect(titles(label)).toEqual(['Oman', 'OSCE']);
    expect(pinnedTitles(label)).toEqual(['Oman']);
    const second = await built.page('/labels/treaties/page/2/');
    expect(titles(second)).toEqual(['Caspian', 'Old rules']);
    expect(second('.pinned-mark').length).toBe(0);
  });

  it('leaves feeds, the archive, the sitemap and post neighbours in date order', async () => {
    const built = await buildSite(site);
    const byDate = ['Snapback', 'Baskets', 'OSCE', 'Caspian', 'Oman', 'Old rules'];
    const feed = readFeed(await built.text('/feed.xml'));
    expect(feed.items.map((item) => item.title)).toEqual(byDate);
    const labelFeed = readFeed(await built.text('/labels/treaties/feed.xml'));
    expect(labelFeed.items.map((item) => item.title)).toEqual([
      'OSCE',
      'Caspian',
      'Oman',
      'Old rules',
    ]);
    const archive = await built.page('/archive/');
    expect(
      archive('main a')
        .map((_, a) => archive(a).text())
        .get()
        .filter((text) => byDate.includes(text)),
    ).toEqual(byDate);
    const sitemap = readXml(await built.text('/sitemap.xml'), ['url']) as {
      urlset: { url: { loc: string }[] };
    };
    const posts = sitemap.urlset.url
      .map((url) => url.loc)
      .filter((loc) => /\/2025\/\d\d\/\w\/$/.test(loc));
    expect(posts).toEqual([
      'https://example.org/2025/06/f/',
      'https://example.org/2025/05/e/',
      'https://example.org/2025/04/d/',
      'https://example.org/2025/03/c/',
      'https://example.org/2025/02/b/',
      'https://example.org/2025/01/a/',
    ]);
    const oman = await built.page('/2025/02/b/');
    expect(
      oman('.blog-pager a')
        .map((_, a) => oman(a).attr('href'))
        .get(),
    ).toEqual(['/2025/03/c/', '/', '/2025/01/a/']);
    expect(oman('.pinned-mark').length).toBe(0);
  });

  it('is an error at its line for anything but true, false or labels', async () => {
    const built = await buildSite({
      'posts/a.md': post({ title: 'A', date: '2025-01-10', pinned: 'home' }),
    });
    expect(built.result.errors.map((e) => [e.name, e.file, e.line, e.column, e.message])).toEqual([
      [
        'FrontMatterInvalid',
        'posts/a.md',
        4,
        9,
        'pinned must be true, false or labels (got "home").',
      ],
    ]);
  });
});
