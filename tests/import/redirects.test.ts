/**
 * Redirects on any site, imported or not: `aliases` in front matter, `bloggerRedirects`
 * in site.yaml, what they write, and the errors they give.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, post } from '../support/site.js';
import { redirectTarget } from './support.js';

describe('aliases', () => {
  it('writes a redirect page at each alias, and nothing Blogger-only without bloggerRedirects', async () => {
    const built = await buildSite({
      'site.yaml': 'title: T\nbaseUrl: https://example.org/blog/\n',
      'posts/2025-01-05-new-name.md': post({
        title: 'New <name>',
        date: '2025-01-05',
        labels: 'Oman',
        aliases: '[/2019/03/old-name.html, /old/post, "/caf%C3%A9.html"]',
      }),
    });
    expect(built.result.errors).toEqual([]);
    for (const alias of ['/2019/03/old-name.html', '/old/post/', '/café.html']) {
      const $ = await built.page(alias);
      expect(redirectTarget($)).toBe('/blog/2025/01/new-name/');
      expect($('link[rel="canonical"]').attr('href')).toBe(
        'https://example.org/blog/2025/01/new-name/',
      );
      expect($('title').text()).toBe('New <name>');
    }
    const files = await built.files();
    expect(files).not.toContain('_redirects');
    expect(files.filter((f) => f.startsWith('search/') || f.startsWith('feeds/'))).toEqual([]);
  });

  it("says the page moved in the site's language, with the title escaped in the link", async () => {
    const built = await buildSite({
      'site.yaml': 'title: T\nlanguage: fr\n',
      'posts/a.md': post({ title: 'Oman & <Iran>', date: '2025-01-05', aliases: '[/old.html]' }),
    });
    const $ = await built.page('/old.html');
    expect($('body p').text()).toBe('Cette page a été déplacée : Oman & <Iran>.');
    expect($('body p a').text()).toBe('Oman & <Iran>');
  });

  it('rejects an alias that would leave the output folder, with its line', async () => {
    const built = await buildSite({
      'posts/a.md':
        '---\ntitle: A\ndate: 2025-01-01\naliases:\n  - /fine.html\n  - /x/../../etc\n---\n',
    });
    expect(built.result.ok).toBe(false);
    expect(built.result.errors).toMatchObject([
      { name: 'InvalidAlias', file: 'posts/a.md', line: 6, column: 5 },
    ]);
  });

  it('reports an alias on top of another post as a collision naming both', async () => {
    const built = await buildSite({
      'posts/a.md': post({ title: 'A', date: '2025-01-01', aliases: '/2025/01/b/' }),
      'posts/b.md': post({ title: 'B', date: '2025-01-02' }),
    });
    expect(built.result.errors).toMatchObject([
      {
        name: 'UrlCollision',
        file: 'posts/a.md',
        message: expect.stringContaining(
          'posts/b.md and the alias /2025/01/b/ of posts/a.md',
        ) as string,
      },
    ]);
  });
});

describe('bloggerRedirects: true', () => {
  it("writes Blogger's label and feed addresses under the base path, and _redirects", async () => {
    const built = await buildSite({
      'site.yaml': 'title: T\nbaseUrl: https://example.org/blog/\nbloggerRedirects: true\n',
      'posts/2025-01-05-a.md': post({
        title: 'A',
        date: '2025-01-05',
        labels: '[foreign relations of iran, AC/DC]',
        aliases: '/2025/01/a.html',
      }),
    });
    expect(built.result.errors).toEqual([]);
    const $ = await built.page('/search/label/foreign relations of iran/');
    expect(redirectTarget($)).toBe('/blog/labels/foreign-relations-of-iran/');
    expect($('link[rel="canonical"]').attr('href')).toBe(
      'https://example.org/blog/labels/foreign-relations-of-iran/',
    );
    const feed = await built.page('/feeds/posts/default/');
    expect(redirectTarget(feed)).toBe('/blog/feed.xml');
    const labelFeed = await built.page('/feeds/posts/default/-/foreign relations of iran/');
    expect(redirectTarget(labelFeed)).toBe('/blog/labels/foreign-relations-of-iran/feed.xml');

    // A name with a slash cannot be a folder: the rule alone carries it.
    const files = await built.files();
    expect(files.filter((f) => f.includes('AC'))).toEqual([]);
    const rules = (await readFile(path.join(built.root, 'dist/_redirects'), 'utf8'))
      .split('\n')
      .filter((line) => !line.startsWith('#') && line !== '');
    expect(rules).toEqual([
      '/blog/2025/01/a.html /blog/2025/01/a/ 301',
      '/blog/feeds/posts/default /blog/feed.xml 301',
      '/blog/search/label/AC%2FDC /blog/labels/ac-dc/ 301',
      '/blog/feeds/posts/default/-/AC%2FDC /blog/labels/ac-dc/feed.xml 301',
      '/blog/search/label/foreign%20relations%20of%20iran /blog/labels/foreign-relations-of-iran/ 301',
      '/blog/feeds/posts/default/-/foreign%20relations%20of%20iran /blog/labels/foreign-relations-of-iran/feed.xml 301',
    ]);
  });

  it('reports a _redirects file of the site as a collision, with what to do', async () => {
    const built = await buildSite({
      'site.yaml': 'bloggerRedirects: true\n',
      'posts/a.md': post({ title: 'A', date: '2025-01-01' }),
      'static/_redirects': '/old /new 301\n',
    });
    expect(built.result.errors).toMatchObject([
      {
        name: 'UrlCollision',
        file: 'static/_redirects',
        message: expect.stringContaining('bloggerRedirects: true') as string,
      },
    ]);
  });

  it('must be true or false', async () => {
    const built = await buildSite({
      'site.yaml': 'bloggerRedirects: yes please\n',
      'posts/a.md': post({ title: 'A', date: '2025-01-01' }),
    });
    expect(built.result.errors).toMatchObject([
      { name: 'ConfigInvalid', file: 'site.yaml', line: 1, column: 19 },
    ]);
  });
});
