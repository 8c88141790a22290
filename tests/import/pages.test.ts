/** `page: true`: a page of the site, such as Blogger's static pages, outside every list. */
import { describe, expect, it } from 'vitest';
import { buildSite, post } from '../support/site.js';
import { redirectTarget } from './support.js';

describe('page: true', () => {
  it('is built at /SLUG/ with the page template, and left out of lists and labels', async () => {
    const built = await buildSite({
      'posts/pages/2024-12-01-about.md': post(
        {
          title: 'About <us>',
          date: '2024-12-01',
          page: 'true',
          labels: 'Oman',
          aliases: '/p/about.html',
        },
        'We write about **Oman**.',
      ),
      'posts/2025-01-01-a.md': post({ title: 'A post', date: '2025-01-01', labels: 'Oman' }),
    });
    expect(built.result.errors).toEqual([]);
    expect(built.result.postCount).toBe(1);
    const $ = await built.page('/about/');
    expect($('article h1').text()).toBe('About <us>');
    expect($('article strong').text()).toBe('Oman');
    expect($('article time')).toHaveLength(0);
    expect($('body').attr('class')).toBe('page-page');
    expect(redirectTarget(await built.page('/p/about.html'))).toBe('/about/');

    const home = await built.page('/');
    expect(
      home('.post-title')
        .map((_, e) => home(e).text().trim())
        .get(),
    ).toEqual(['A post']);
    const label = await built.page('/labels/oman/');
    expect(
      label('.post-title')
        .map((_, e) => label(e).text().trim())
        .get(),
    ).toEqual(['A post']);
    // A page is nobody's neighbour.
    const a = await built.page('/2025/01/a/');
    expect(
      a('.blog-pager a')
        .map((_, e) => a(e).attr('href'))
        .get(),
    ).toEqual(['/']);
  });

  it('may not take a path Rubric keeps, and must be true or false', async () => {
    const reserved = await buildSite({
      'posts/labels.md': post({ title: 'Labels', date: '2024-12-01', page: 'true' }),
    });
    expect(reserved.result.errors).toMatchObject([
      { name: 'ReservedPath', file: 'posts/labels.md' },
    ]);
    const wrong = await buildSite({
      'posts/about.md': post({ title: 'About', date: '2024-12-01', page: 'yes please' }),
    });
    expect(wrong.result.errors).toMatchObject([
      { name: 'FrontMatterInvalid', file: 'posts/about.md', line: 4, column: 7 },
    ]);
  });
});
