/** Pagination at its boundaries, on label pages and the home page. */
import { describe, expect, it } from 'vitest';
import { buildSite, post } from '../support/site.js';

/** `count` posts labelled `Oman`, one a day from 2025-01-01, so post 1 is the oldest. */
function posts(count: number): Record<string, string> {
  const files: Record<string, string> = { 'site.yaml': 'postsPerPage: 3\n' };
  for (let i = 1; i <= count; i++) {
    const day = String(i).padStart(2, '0');
    files[`posts/2025-01-${day}-p${i}.md`] = post({
      title: `Post ${i}`,
      date: `2025-01-${day}`,
      labels: 'Oman',
    });
  }
  return files;
}

describe.each([
  { name: 'label pages', first: '/labels/oman/', nth: (n: number) => `/labels/oman/page/${n}/` },
  { name: 'home pages', first: '/', nth: (n: number) => `/page/${n}/` },
])('pagination of $name', ({ first, nth }) => {
  it('puts one post on one page, with no pager links', async () => {
    const built = await buildSite(posts(1));
    const $ = await built.page(first);
    expect($('article.post')).toHaveLength(1);
    expect($('.blog-pager-older')).toHaveLength(0);
    expect($('.blog-pager-newer')).toHaveLength(0);
    expect(await built.exists(nth(2))).toBe(false);
  });

  it('fits exactly postsPerPage posts on one page', async () => {
    const built = await buildSite(posts(3));
    const $ = await built.page(first);
    expect(
      $('.post-title')
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(['Post 3', 'Post 2', 'Post 1']);
    expect($('.blog-pager-older')).toHaveLength(0);
    expect(await built.exists(nth(2))).toBe(false);
  });

  it('moves post postsPerPage+1 to page 2, linked both ways', async () => {
    const built = await buildSite(posts(4));
    const one = await built.page(first);
    expect(
      one('.post-title')
        .map((_, h) => one(h).text())
        .get(),
    ).toEqual(['Post 4', 'Post 3', 'Post 2']);
    expect(one('.blog-pager-older').attr('href')).toBe(nth(2));
    expect(one('.blog-pager-older').text()).toBe('Older posts');
    expect(one('.blog-pager-newer')).toHaveLength(0);

    const two = await built.page(nth(2));
    expect(
      two('.post-title')
        .map((_, h) => two(h).text())
        .get(),
    ).toEqual(['Post 1']);
    expect(two('.blog-pager-newer').attr('href')).toBe(first);
    expect(two('.blog-pager-newer').text()).toBe('Newer posts');
    expect(two('.blog-pager-older')).toHaveLength(0);
    expect(await built.exists(nth(3))).toBe(false);
  });

  it('chains middle pages to both neighbours', async () => {
    const built = await buildSite(posts(7));
    const two = await built.page(nth(2));
    expect(two('.blog-pager-newer').attr('href')).toBe(first);
    expect(two('.blog-pager-older').attr('href')).toBe(nth(3));
    const three = await built.page(nth(3));
    expect(three('.post-title').text()).toBe('Post 1');
  });
});

describe('label page headers', () => {
  it('keeps the "Showing posts with label" header on every page', async () => {
    const built = await buildSite(posts(4));
    const $ = await built.page('/labels/oman/page/2/');
    expect($('.status-message').text()).toContain('Showing posts with label Oman.');
    expect($('title').text()).toBe('Oman (page 2) · My blog');
  });
});

describe('an empty site', () => {
  it('still has a home page, a label index and a 404 page', async () => {
    const built = await buildSite({ 'site.yaml': 'title: New blog\n' });
    expect(built.result.errors).toEqual([]);
    expect(built.result.postCount).toBe(0);
    const $ = await built.page('/');
    expect($('.status-message').text()).toBe('No posts yet.');
    expect(await built.exists('/labels/')).toBe(true);
    expect(await built.exists('/404.html')).toBe(true);
  });
});
