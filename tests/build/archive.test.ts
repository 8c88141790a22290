/** Archives: a page per year and per month, the /archive/ tree, and the sidebar widget. */
import type { CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { buildAt, buildSite, makeSite, post, writeFiles } from '../support/site.js';

const site = {
  'site.yaml': 'title: Gulf Notes\ntimezone: Asia/Tehran\npostsPerPage: 1\n',
  'posts/a.md': post(
    { title: 'April one', date: '2025-04-02' },
    'Teaser.\n\n<!-- more -->\n\nRest.',
  ),
  'posts/b.md': post({ title: 'April two', date: '2025-04-20' }),
  'posts/c.md': post({ title: 'March', date: '2025-03-09' }),
  'posts/d.md': post({ title: 'Old year', date: '2024-12-31T23:00' }),
  // 2025-01-01T01:00 in Tehran is still 2024 in UTC: the site's zone decides the month.
  'posts/e.md': post({ title: 'New year', date: '2025-01-01T01:00' }),
};

const texts = ($: CheerioAPI, selector: string) =>
  $(selector)
    .map((_, el) => $(el).text().trim())
    .get();

describe('month pages', () => {
  it('list every post of the month, newest first, in full cards, on one page', async () => {
    const built = await buildSite(site);
    expect(built.result.errors).toEqual([]);
    const $ = await built.page('/2025/04/');
    expect($('h1').text()).toBe('April 2025 (2 posts)');
    expect(texts($, 'article .post-title')).toEqual(['April two', 'April one']);
    // Not paginated even with postsPerPage: 1.
    expect(await built.exists('/2025/04/page/2/')).toBe(false);
    expect($('article').eq(1).find('.jump-link a').attr('href')).toBe('/2025/04/a/#more');
    expect($('.blog-pager-older').attr('href')).toBe('/2025/03/');
    expect($('.blog-pager-older').text()).toBe('March 2025');
    expect($('.blog-pager-newer')).toHaveLength(0);
    expect($('.home-link').attr('href')).toBe('/2025/');
  });

  it('group by month in the site time zone', async () => {
    const built = await buildSite(site);
    const january = await built.page('/2025/01/');
    expect(texts(january, 'article .post-title')).toEqual(['New year']);
    const december = await built.page('/2024/12/');
    expect(texts(december, 'article .post-title')).toEqual(['Old year']);
  });

  it('are written only for months with posts', async () => {
    const built = await buildSite(site);
    expect(await built.exists('/2025/02/')).toBe(false);
  });

  it('stay the same when a newer post arrives', async () => {
    const root = await makeSite(site);
    const before = await (await buildAt(root)).page('/2025/03/');
    await writeFiles(root, { 'posts/f.md': post({ title: 'Newer', date: '2025-05-01' }) });
    const after = await (await buildAt(root)).page('/2025/03/');
    expect(after('main').html()).toBe(before('main').html());
  });
});

describe('year pages', () => {
  it('list the months of the year with their posts, and link the years around', async () => {
    const built = await buildSite(site);
    const $ = await built.page('/2025/');
    expect($('h1').text()).toBe('2025 (4 posts)');
    expect(texts($, 'main h2 a')).toEqual(['April 2025', 'March 2025', 'January 2025']);
    expect($('main h2 a').first().attr('href')).toBe('/2025/04/');
    expect(texts($, '.archive-posts a')).toEqual(['April two', 'April one', 'March', 'New year']);
    expect($('.blog-pager-older').attr('href')).toBe('/2024/');
    expect($('.blog-pager-newer')).toHaveLength(0);
  });
});

describe('the archive page', () => {
  it('shows the year → month → post tree with counts', async () => {
    const built = await buildSite(site);
    const $ = await built.page('/archive/');
    expect(texts($, '.archive-year > h2')).toEqual(['2025 (4)', '2024 (1)']);
    const y2025 = $('.archive-year').first();
    expect(
      y2025
        .find('h3')
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(['April 2025 (2)', 'March 2025 (1)', 'January 2025 (1)']);
    expect(
      y2025
        .find('.archive-posts')
        .first()
        .find('a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/2025/04/b/', '/2025/04/a/']);
    expect(y2025.find('.archive-posts time').first().attr('datetime')).toBe(
      '2025-04-20T00:00:00+03:30',
    );
  });

  it('says so when there are no posts', async () => {
    const built = await buildSite({ 'site.yaml': 'title: Empty\n' });
    const $ = await built.page('/archive/');
    expect($('.status-message').text()).toBe('No posts yet.');
  });
});

describe('the archive sidebar widget', () => {
  it('is on every page: years without counts, the newest with its months', async () => {
    const built = await buildSite(site);
    for (const url of ['/', '/2025/04/a/', '/labels/', '/404.html', '/archive/']) {
      const $ = await built.page(url);
      const years = $('aside .archive-widget .archive-years > li');
      expect(years.map((_, li) => $(li).children('a').attr('href')).get()).toEqual([
        '/2025/',
        '/2024/',
      ]);
      // No counts: the sidebar is on every page, so a count would change every page
      // whenever a post is published.
      expect($('aside .archive-widget .count')).toHaveLength(0);
      expect(
        years
          .first()
          .find('.archive-months li')
          .map((_, li) => $(li).text().replace(/\s+/g, ' ').trim())
          .get(),
      ).toEqual(['April', 'March', 'January']);
      expect(years.first().find('.archive-months a').first().attr('href')).toBe('/2025/04/');
      // Older years link to their year page: every month of every year on every page
      // would make the sidebar outweigh the posts on a blog with a long history.
      expect(years.last().find('.archive-months')).toHaveLength(0);
    }
  });

  it('can be used by a custom theme as a partial', async () => {
    const built = await buildSite({
      ...site,
      'templates/layout.hbs':
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>{{{body}}}<aside>{{> sidebar-archive}}</aside></body></html>',
    });
    const $ = await built.page('/2025/03/c/');
    expect($('aside .archive-months a').first().attr('href')).toBe('/2025/04/');
  });
});

describe('archive URLs', () => {
  it('are under the baseUrl path', async () => {
    const built = await buildSite({ ...site, 'site.yaml': 'baseUrl: https://example.org/blog/\n' });
    const $ = await built.page('/archive/');
    expect($('.archive-year h2 a').first().attr('href')).toBe('/blog/2025/');
    expect($('.site-nav a').last().attr('href')).toBe('/blog/archive/');
  });

  it('collide with a post whose permalink lands on a month page', async () => {
    const built = await buildSite({
      'site.yaml': 'permalink: /:year/:slug/\n',
      'posts/a.md': post({ title: 'A', date: '2025-04-01', slug: '"04"' }),
    });
    expect(built.result.errors.map((e) => e.name)).toEqual(['UrlCollision']);
    expect(built.result.errors[0]?.message).toContain('/2025/04/index.html');
  });
});

describe('the /archive/ path', () => {
  it('is reserved: a post may not take it', async () => {
    const built = await buildSite({
      'site.yaml': 'permalink: /:slug/\n',
      'posts/a.md': post({ title: 'A', date: '2025-04-01', slug: 'archive' }),
    });
    expect(built.result.errors).toMatchObject([{ name: 'ReservedPath', file: 'posts/a.md' }]);
    expect(built.result.errors[0]?.message).toContain('/archive/');
  });
});
