/** Every page kind exists at its URL and shows what a Blogger-style topic blog shows. */
import { describe, expect, it } from 'vitest';
import { buildSite, post } from '../support/site.js';

const site = {
  'site.yaml': 'title: Gulf Notes\nauthor: Mina\nlanguage: en\ntimezone: UTC\npostsPerPage: 10\n',
  'posts/2025-03-01-oman.md': post(
    { title: 'Oman talks', date: '2025-03-01T10:00', labels: '[foreign relations of iran, Oman]' },
    'Teaser paragraph.\n\n<!-- more -->\n\nThe rest of the story.',
  ),
  'posts/2025-03-02-iaea.md': post(
    {
      title: 'IAEA report',
      date: '2025-03-02T09:30',
      labels: 'foreign relations of iran',
      author: 'Guest Writer',
    },
    'Whole post with **no** break.',
  ),
  'posts/2025-02-01-treaty.md': post({ title: 'Treaty', date: '2025-02-01', labels: 'treaties' }),
};

describe('a built site', () => {
  it('writes a post page with title, date, author, labels, body and neighbours', async () => {
    const built = await buildSite(site);
    expect(built.result.errors).toEqual([]);
    const $ = await built.page('/2025/03/oman/');
    expect($('article h1').text()).toBe('Oman talks');
    expect($('article time').first().attr('datetime')).toBe('2025-03-01T10:00:00Z');
    expect($('article time').first().text()).toBe('March 1, 2025');
    expect($('.post-author').text()).toBe('Mina');
    expect(
      $('.post-labels a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(['foreign relations of iran', 'Oman']);
    expect($('.post-labels a').first().attr('href')).toBe('/labels/foreign-relations-of-iran/');
    expect($('.post-body').text()).toContain('Teaser paragraph.');
    expect($('.post-body').text()).toContain('The rest of the story.');
    expect($('.post-body #more')).toHaveLength(1);
    expect($('.blog-pager-newer').attr('href')).toBe('/2025/03/iaea/');
    expect($('.blog-pager-older').attr('href')).toBe('/2025/02/treaty/');
    expect($('title').text()).toBe('Oman talks · Gulf Notes');
  });

  it('gives the newest post no newer link and the oldest no older link', async () => {
    const built = await buildSite(site);
    const newest = await built.page('/2025/03/iaea/');
    expect(newest('.blog-pager-newer')).toHaveLength(0);
    expect(newest('.blog-pager-older').attr('href')).toBe('/2025/03/oman/');
    expect(newest('.post-author').text()).toBe('Guest Writer');
    const oldest = await built.page('/2025/02/treaty/');
    expect(oldest('.blog-pager-older')).toHaveLength(0);
  });

  it('writes a label page in the Blogger shape, newest first, cut at the jump break', async () => {
    const built = await buildSite(site);
    const $ = await built.page('/labels/foreign-relations-of-iran/');
    const status = $('.status-message');
    expect(status.text().replace(/\s+/g, ' ').trim()).toBe(
      'Showing posts with label foreign relations of iran. Show all posts',
    );
    expect(status.find('a').attr('href')).toBe('/');
    const posts = $('article.post');
    expect(posts.map((_, a) => $(a).find('.post-title').text()).get()).toEqual([
      'IAEA report',
      'Oman talks',
    ]);
    const oman = posts.eq(1);
    expect(oman.find('.post-body').text()).toContain('Teaser paragraph.');
    expect(oman.find('.post-body').text()).not.toContain('The rest of the story.');
    expect(oman.find('.jump-link a').attr('href')).toBe('/2025/03/oman/#more');
    expect(oman.find('.jump-link a').text()).toContain('Read more');
    const iaea = posts.eq(0);
    expect(iaea.find('.post-body').text()).toContain('Whole post with no break.');
    expect(iaea.find('.jump-link')).toHaveLength(0);
    expect(oman.find('.post-byline').text()).toContain('Posted by Mina');
  });

  it('writes the home page with every post, newest first', async () => {
    const built = await buildSite(site);
    const $ = await built.page('/');
    expect(
      $('article .post-title')
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(['IAEA report', 'Oman talks', 'Treaty']);
    expect($('.status-message')).toHaveLength(0);
    expect($('title').text()).toBe('Gulf Notes');
  });

  it('writes the label index with every label and its post count', async () => {
    const built = await buildSite(site);
    const $ = await built.page('/labels/');
    const rows = $('.label-index li')
      .map((_, li) => $(li).text().replace(/\s+/g, ' ').trim())
      .get();
    expect(rows).toEqual(['foreign relations of iran (2)', 'Oman (1)', 'treaties (1)']);
    expect($('.label-index a').eq(1).attr('href')).toBe('/labels/oman/');
  });

  it('writes 404.html with links home', async () => {
    const built = await buildSite(site);
    const $ = await built.page('/404.html');
    expect($('h1').text()).toBe('Page not found');
    expect($('main a').first().attr('href')).toBe('/');
  });

  it('writes exactly the pages the routes call for, plus the built-in stylesheet', async () => {
    const built = await buildSite(site);
    expect(await built.files()).toEqual([
      '2025/02/index.html',
      '2025/02/treaty/index.html',
      '2025/03/iaea/index.html',
      '2025/03/index.html',
      '2025/03/oman/index.html',
      '2025/index.html',
      '404.html',
      'archive/index.html',
      // Two authors sign these posts: each has a page.
      'authors/guest-writer/index.html',
      'authors/mina/index.html',
      'index.html',
      'labels/foreign-relations-of-iran/index.html',
      'labels/index.html',
      'labels/oman/index.html',
      'labels/treaties/index.html',
      'robots.txt',
      'style.css',
    ]);
    expect(built.result.pageCount).toBe(16);
    expect(built.result.postCount).toBe(3);
  });

  it('puts every link under the baseUrl path', async () => {
    const built = await buildSite({
      ...site,
      'site.yaml': 'title: Gulf Notes\nbaseUrl: https://example.org/blog/\n',
    });
    const $ = await built.page('/labels/oman/');
    expect($('.site-title a').attr('href')).toBe('/blog/');
    expect($('link[rel=stylesheet]').attr('href')).toBe('/blog/style.css');
    expect($('.post-title a').attr('href')).toBe('/blog/2025/03/oman/');
    expect($('.post-labels a').first().attr('href')).toBe(
      '/blog/labels/foreign-relations-of-iran/',
    );
  });

  it('follows the permalink pattern of site.yaml', async () => {
    const built = await buildSite({
      ...site,
      'site.yaml': 'permalink: /posts/:year/:month/:day/:slug/\n',
    });
    expect(await built.exists('/posts/2025/03/01/oman/')).toBe(true);
    const $ = await built.page('/');
    expect($('.post-title a').last().attr('href')).toBe('/posts/2025/02/01/treaty/');
  });

  it('passes unknown front-matter keys to templates as post.data', async () => {
    const built = await buildSite({
      ...site,
      'templates/post.hbs': '<p class="editor">{{post.data.editor}}</p>',
      'posts/2025-03-01-oman.md': post({ title: 'Oman', date: '2025-03-01', editor: 'R. Okafor' }),
    });
    expect(built.result.errors).toEqual([]);
    const $ = await built.page('/2025/03/oman/');
    expect($('.editor').text()).toBe('R. Okafor');
  });
});

describe('meta description', () => {
  it("is the post's summary on its page, else its first paragraph, else the site's description", async () => {
    const built = await buildSite({
      'site.yaml': 'description: All about the Gulf\n',
      'posts/a.md': post({ title: 'A', date: '2025-01-01', summary: 'A <short> summary' }),
      'posts/b.md': post({ title: 'B', date: '2025-01-02' }, 'First *paragraph*.\n\nSecond.'),
      'posts/c.md': post({ title: 'C', date: '2025-01-03' }, '## Only a heading'),
    });
    const a = await built.page('/2025/01/a/');
    expect(a('meta[name=description]').attr('content')).toBe('A <short> summary');
    const b = await built.page('/2025/01/b/');
    expect(b('meta[name=description]').attr('content')).toBe('First paragraph.');
    const c = await built.page('/2025/01/c/');
    expect(c('meta[name=description]').attr('content')).toBe('All about the Gulf');
    const home = await built.page('/');
    expect(home('meta[name=description]').attr('content')).toBe('All about the Gulf');
  });
});

describe('bylines', () => {
  it('show the time of day only for posts dated with one', async () => {
    const built = await buildSite(site);
    const timed = await built.page('/2025/03/oman/');
    expect(timed('.post-byline').text()).toBe('Posted by Mina at 10:00 AM');
    const dayOnly = await built.page('/2025/02/treaty/');
    expect(dayOnly('.post-byline').text()).toBe('Posted by Mina on February 1, 2025');
  });
});
