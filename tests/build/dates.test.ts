/** The site's time zone decides every date Rubric reads and writes; `updated` is shown. */
import { describe, expect, it } from 'vitest';
import { buildSite, post } from '../support/site.js';
import { readFeed, readXml } from '../support/xml.js';

const site = {
  'site.yaml': 'baseUrl: https://example.org/\ntimezone: Asia/Tehran\n',
  // 22:00 UTC on 5 March is already 6 March in Tehran (+03:30).
  'posts/a.md': post({
    title: 'A',
    date: '2025-03-01T23:30',
    updated: '2025-03-05T22:00Z',
    labels: 'Oman',
  }),
};

describe("the site's time zone", () => {
  it('reads dates without an offset in it and shows every date in it', async () => {
    const built = await buildSite(site);
    expect(built.result.errors).toEqual([]);
    // 23:30 on 1 March in Tehran is 20:00 UTC; still March in Tehran, so /2025/03/.
    const $ = await built.page('/2025/03/a/');
    expect($('.date-header time').attr('datetime')).toBe('2025-03-01T23:30:00+03:30');
    expect($('.date-header time').text()).toBe('March 1, 2025');
    expect($('.post-updated time').attr('datetime')).toBe('2025-03-06T01:30:00+03:30');
    expect($('.post-updated time').text()).toBe('March 6, 2025');
    expect($('meta[property="article:modified_time"]').attr('content')).toBe(
      '2025-03-06T01:30:00+03:30',
    );

    const feed = readXml(await built.text('/feed.xml'), ['entry']) as {
      feed: { entry: { published: string; updated: string }[] };
    };
    expect(feed.feed.entry[0]?.published).toBe('2025-03-01T23:30:00+03:30');
    expect(feed.feed.entry[0]?.updated).toBe('2025-03-06T01:30:00+03:30');
    const rss = readXml(await built.text('/rss.xml'), ['item']) as {
      rss: { channel: { item: { pubDate: string }[] } };
    };
    expect(rss.rss.channel.item[0]?.pubDate).toBe('Sat, 01 Mar 2025 23:30:00 +0330');
    const sitemap = readXml(await built.text('/sitemap.xml'), ['url']) as {
      urlset: { url: { loc: string; lastmod: string }[] };
    };
    expect(sitemap.urlset.url.find((u) => u.loc.endsWith('/a/'))?.lastmod).toBe(
      '2025-03-06T01:30:00+03:30',
    );
  });

  it('gives the same output whatever the zone of the machine', async () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Auckland';
      const there = await buildSite(site);
      process.env.TZ = 'America/Los_Angeles';
      const here = await buildSite(site);
      for (const url of ['/feed.xml', '/rss.xml', '/sitemap.xml', '/2025/03/a/index.html']) {
        expect(await there.text(url)).toBe(await here.text(url));
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('updated', () => {
  it('is shown beside the byline and in feeds when a post has it, and only then', async () => {
    const built = await buildSite({
      ...site,
      'posts/b.md': post({ title: 'B', date: '2025-02-01' }),
    });
    const a = await built.page('/2025/03/a/');
    expect(a('.post-byline .post-updated').text()).toBe('updated March 6, 2025');
    const b = await built.page('/2025/02/b/');
    expect(b('.post-updated')).toHaveLength(0);
    expect(b('meta[property="article:modified_time"]')).toHaveLength(0);
    const feed = readFeed(await built.text('/feed.xml'));
    expect(feed.items.map((item) => item.updated?.toISOString())).toEqual([
      '2025-03-05T22:00:00.000Z',
      '2025-01-31T20:30:00.000Z',
    ]);
  });
});
