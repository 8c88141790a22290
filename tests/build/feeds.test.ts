/** Atom and RSS feeds: valid, absolute, dated in the site's zone, stable across edits. */
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { buildAt, buildSite, makeSite, post, writeFiles } from '../support/site.js';
import { readFeed, readXml } from '../support/xml.js';

const siteYaml = [
  'title: Gulf Notes',
  'description: Notes on the Gulf & beyond',
  'baseUrl: https://example.org/',
  'author: Mina',
  'timezone: Asia/Tehran',
  '',
].join('\n');

const site = {
  'site.yaml': siteYaml,
  'posts/2025-03-01-oman.md': post(
    {
      title: 'Oman talks',
      date: '2025-03-01T10:00',
      updated: '2025-03-05T08:00',
      labels: '[foreign relations of iran, Oman]',
      summary: 'Why Muscat gets the call.',
    },
    'Teaser with a [link](https://example.com/?a=1&b=2).\n\n<!-- more -->\n\nThe rest.',
  ),
  'posts/2025-03-02-iaea.md': post(
    {
      title: 'IAEA report',
      date: '2025-03-02T09:30',
      labels: 'foreign relations of iran',
      author: 'Guest Writer',
    },
    'A whole post.',
  ),
  'posts/2025-02-01-treaty.md': post({ title: 'Treaty', date: '2025-02-01', labels: 'treaties' }),
};

describe('the Atom feed', () => {
  it('is at /feed.xml with the newest posts, absolute links and full content', async () => {
    const built = await buildSite(site);
    expect(built.result.errors).toEqual([]);
    const feed = readFeed(await built.text('/feed.xml'));
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe('Gulf Notes');
    expect(feed.description).toBe('Notes on the Gulf & beyond');
    expect(feed.self).toBe('https://example.org/feed.xml');
    expect(feed.url).toBe('https://example.org/');
    expect(feed.items.map((item) => item.title)).toEqual(['IAEA report', 'Oman talks', 'Treaty']);
    const [iaea, oman] = feed.items;
    expect(oman?.url).toBe('https://example.org/2025/03/oman/');
    expect(oman?.description).toBe('Why Muscat gets the call.');
    const content = load(oman?.content ?? '');
    expect(content('a').attr('href')).toBe('https://example.com/?a=1&b=2');
    expect(content('p').last().text()).toBe('The rest.');
    expect(oman?.categories.map((c) => c.term)).toEqual(['foreign relations of iran', 'Oman']);
    expect(oman?.authors.map((a) => a.name)).toEqual(['Mina']);
    expect(iaea?.authors.map((a) => a.name)).toEqual(['Guest Writer']);
    // 10:00 in Tehran (+03:30) is 06:30 UTC; `updated` is the post's own.
    expect(oman?.published?.toISOString()).toBe('2025-03-01T06:30:00.000Z');
    expect(oman?.updated?.toISOString()).toBe('2025-03-05T04:30:00.000Z');
    expect(iaea?.updated?.toISOString()).toBe('2025-03-02T06:00:00.000Z');
    // The feed changed when its newest change did.
    expect(feed.updated?.toISOString()).toBe('2025-03-05T04:30:00.000Z');
  });

  it("writes dates in RFC 3339 with the site's offset and resolves content against the post", async () => {
    const built = await buildSite(site);
    const xml = readXml(await built.text('/feed.xml'), ['entry']) as {
      feed: { updated: string; entry: { published: string; content: { '@_xml:base': string } }[] };
    };
    expect(xml.feed.updated).toBe('2025-03-05T08:00:00+03:30');
    expect(xml.feed.entry[1]?.published).toBe('2025-03-01T10:00:00+03:30');
    expect(xml.feed.entry[1]?.content['@_xml:base']).toBe('https://example.org/2025/03/oman/');
  });

  it('holds at most feedLimit posts, and only summaries with feedContent: summary', async () => {
    const built = await buildSite({
      ...site,
      'site.yaml': `${siteYaml}feedLimit: 2\nfeedContent: summary\n`,
    });
    const feed = readFeed(await built.text('/feed.xml'));
    expect(feed.items.map((item) => item.title)).toEqual(['IAEA report', 'Oman talks']);
    const [iaea, oman] = feed.items;
    expect(oman?.content).toBeNull();
    expect(oman?.description).toBe('Why Muscat gets the call.');
    // Without a summary, the first sentences stand in.
    expect(iaea?.description).toBe('A whole post.');
    const rss = readFeed(await built.text('/rss.xml'));
    expect(rss.items[1]?.description).toBe('Why Muscat gets the call.');
  });

  it('carries a long summary whole, where the meta description is cut', async () => {
    const long = `${'Muscat has hosted quiet talks for years, and this is why it matters. '.repeat(4)}End.`;
    const built = await buildSite({
      'site.yaml': `${siteYaml}feedContent: summary\n`,
      'posts/a.md': post({ title: 'Long', date: '2025-03-01', summary: long }),
    });
    const [entry] = readFeed(await built.text('/feed.xml')).items;
    expect(entry?.description).toBe(long.trim());
    const description = (await built.page('/2025/03/a/'))('meta[name="description"]').attr(
      'content',
    );
    expect(description?.length).toBeLessThan(long.length);
  });

  it('keeps entry ids when a title or slug changes, and gives each post its own', async () => {
    const root = await makeSite(site);
    const before = readFeed(await (await buildAt(root)).text('/feed.xml'));
    await writeFiles(root, {
      'posts/2025-03-01-oman.md': post(
        { title: 'Oman talks, revisited', date: '2025-03-01T10:00', slug: 'oman-revisited' },
        'New text.',
      ),
    });
    const after = readFeed(await (await buildAt(root)).text('/feed.xml'));
    const ids = (feed: typeof before) => feed.items.map((item) => item.id);
    expect(ids(after)).toEqual(ids(before));
    expect(new Set(ids(before)).size).toBe(3);
    expect(after.items[1]?.title).toBe('Oman talks, revisited');
    expect(after.items[1]?.url).toBe('https://example.org/2025/03/oman-revisited/');
    expect(ids(before)[1]).toBe('tag:example.org,2025:2025-03-01-oman');
  });

  it('keeps author text as text and drops characters XML cannot hold', async () => {
    const built = await buildSite({
      'site.yaml': 'title: "A <b>bold</b> & odd site"\nbaseUrl: https://example.org/\n',
      'posts/a.md': post(
        {
          title: '"AT&T <b>not bold</b> \\b\\u0001 ]]> done"',
          date: '2025-01-01',
          labels: '["<script>x</script>"]',
          author: '"O\'Brien & <Sons>"',
        },
        'Body with ]]> and <em>HTML</em>.',
      ),
    });
    expect(built.result.errors).toEqual([]);
    for (const url of ['/feed.xml', '/rss.xml', '/labels/script-x-script/feed.xml']) {
      const feed = readFeed(await built.text(url));
      expect(feed.items[0]?.title).toBe('AT&T <b>not bold</b>  ]]> done');
      expect(feed.items[0]?.categories[0]?.term).toBe('<script>x</script>');
    }
    const atom = readFeed(await built.text('/feed.xml'));
    expect(atom.title).toBe('A <b>bold</b> & odd site');
    expect(atom.items[0]?.authors[0]?.name).toBe("O'Brien & <Sons>");
    expect(atom.items[0]?.content).toContain('Body with ]]> and <em>HTML</em>.');
  });
});

describe('label feeds', () => {
  it("hold only the label's posts and are announced on the label's page", async () => {
    const built = await buildSite(site);
    const feed = readFeed(await built.text('/labels/foreign-relations-of-iran/feed.xml'));
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe('Gulf Notes: foreign relations of iran');
    expect(feed.url).toBe('https://example.org/labels/foreign-relations-of-iran/');
    expect(feed.self).toBe('https://example.org/labels/foreign-relations-of-iran/feed.xml');
    expect(feed.items.map((item) => item.title)).toEqual(['IAEA report', 'Oman talks']);
    const everywhere = readFeed(await built.text('/feed.xml'));
    expect(feed.items[1]?.id).toBe(everywhere.items[1]?.id);

    const $ = await built.page('/labels/foreign-relations-of-iran/');
    const alternates = $('link[rel=alternate]')
      .map((_, link) => `${$(link).attr('type') ?? ''} ${$(link).attr('href') ?? ''}`)
      .get();
    expect(alternates).toEqual([
      'application/atom+xml /feed.xml',
      'application/rss+xml /rss.xml',
      'application/atom+xml /labels/foreign-relations-of-iran/feed.xml',
    ]);
  });

  it('leave out drafts built with --drafts and posts held back for the future', async () => {
    const built = await buildSite(
      {
        ...site,
        'posts/draft.md': post({
          title: 'Draft',
          date: '2025-03-03',
          labels: 'Oman, drafty',
          draft: 'true',
        }),
        'posts/future.md': post({ title: 'Future', date: '2027-01-01', labels: 'Oman' }),
      },
      { drafts: true },
    );
    expect(await built.exists('/2025/03/draft/')).toBe(true);
    const titles = async (url: string) =>
      readFeed(await built.text(url)).items.map((item) => item.title);
    expect(await titles('/feed.xml')).not.toContain('Future');
    expect(await titles('/feed.xml')).not.toContain('Draft');
    expect(await titles('/labels/oman/feed.xml')).toEqual(['Oman talks']);
    // A label with drafts alone has a page in a draft build, but no feed to announce.
    expect(await built.exists('/labels/drafty/feed.xml')).toBe(false);
    const $ = await built.page('/labels/drafty/');
    expect(
      $('link[rel=alternate]')
        .map((_, l) => $(l).attr('href'))
        .get(),
    ).toEqual(['/feed.xml', '/rss.xml']);
  });
});

describe('autodiscovery', () => {
  it('announces the Atom and RSS feeds on every page', async () => {
    const built = await buildSite(site);
    for (const url of ['/', '/2025/03/oman/', '/labels/', '/404.html']) {
      const $ = await built.page(url);
      expect($('link[rel=alternate][type="application/atom+xml"]').first().attr('href')).toBe(
        '/feed.xml',
      );
      expect($('link[rel=alternate][type="application/rss+xml"]').attr('href')).toBe('/rss.xml');
    }
  });
});

describe('the RSS 2.0 copy', () => {
  it('is at /rss.xml with RFC 822 dates in English and the same entries', async () => {
    const built = await buildSite({ ...site, 'site.yaml': `${siteYaml}language: fr\n` });
    const rss = readFeed(await built.text('/rss.xml'));
    expect(rss.meta.type).toBe('rss');
    expect(rss.meta.version).toBe('2.0');
    expect(rss.self).toBe('https://example.org/rss.xml');
    expect(rss.language).toBe('fr');
    expect(rss.items.map((item) => item.title)).toEqual(['IAEA report', 'Oman talks', 'Treaty']);
    const atom = readFeed(await built.text('/feed.xml'));
    expect(rss.items.map((item) => item.id)).toEqual(atom.items.map((item) => item.id));
    expect(rss.items[1]?.published?.toISOString()).toBe('2025-03-01T06:30:00.000Z');
    expect(
      load(rss.items[1]?.description ?? '')('p')
        .last()
        .text(),
    ).toBe('The rest.');
    const xml = readXml(await built.text('/rss.xml'), ['item']) as {
      rss: { channel: { item: { pubDate: string; guid: { '@_isPermaLink': string } }[] } };
    };
    expect(xml.rss.channel.item[1]?.pubDate).toBe('Sat, 01 Mar 2025 10:00:00 +0330');
    expect(xml.rss.channel.item[1]?.guid['@_isPermaLink']).toBe('false');
  });
});

describe('feed paths', () => {
  it('collide like label pages: two labels on one slug are one error, not two', async () => {
    const built = await buildSite({
      'site.yaml': siteYaml,
      'posts/a.md': post({ title: 'A', date: '2025-01-01', labels: '["C++"]' }),
      'posts/b.md': post({ title: 'B', date: '2025-01-02', labels: '[C]' }),
    });
    expect(built.result.errors.map((e) => e.name)).toEqual(['LabelSlugCollision']);
  });

  it('may not be taken by a static file', async () => {
    const built = await buildSite({ ...site, 'static/feed.xml': '<feed/>' });
    expect(built.result.errors).toEqual([
      expect.objectContaining({ name: 'UrlCollision', file: 'static/feed.xml' }),
    ]);
  });
});

describe('without a host in baseUrl', () => {
  it('makes no feeds, announces none, and warns', async () => {
    const built = await buildSite({ ...site, 'site.yaml': 'baseUrl: /blog/\n' });
    expect(built.result.errors).toEqual([]);
    expect(built.result.warnings.map((w) => w.name)).toEqual(['RelativeBaseUrl']);
    expect(await built.exists('/feed.xml')).toBe(false);
    expect(await built.exists('/rss.xml')).toBe(false);
    expect(await built.exists('/labels/oman/feed.xml')).toBe(false);
    const $ = await built.page('/labels/oman/');
    expect($('link[rel=alternate]')).toHaveLength(0);
  });
});
