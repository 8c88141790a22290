/** Words: the theme's fixed phrases follow the site's language and site.yaml `words:`. */
import { describe, expect, it } from 'vitest';
import { buildSite, post } from '../support/site.js';

const posts = Object.fromEntries(
  Array.from({ length: 3 }, (_, i) => [
    `posts/p${i}.md`,
    post(
      { title: `Post ${i}`, date: `2025-04-0${i + 1}`, labels: 'Sécurité' },
      'Teaser.\n\n<!-- more -->\n\nRest.',
    ),
  ]),
);

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('phrases by language', () => {
  it.each([
    [
      'en',
      'Showing posts with label Sécurité. Show all posts',
      'Older posts',
      'Read more »',
      'April 2025',
      'Page 2',
    ],
    [
      'fr',
      'Affichage des articles dont le libellé est Sécurité. Afficher tous les articles',
      'Articles plus anciens',
      'Lire la suite »',
      'avril 2025',
      'Page 2',
    ],
    [
      'de-CH',
      'Posts mit dem Label Sécurité werden angezeigt. Alle Posts anzeigen',
      'Ältere Posts',
      'Weiterlesen »',
      'April 2025',
      'Seite 2',
    ],
  ])('in %s', async (language, showing, older, readMore, month, page2) => {
    const built = await buildSite({
      ...posts,
      'site.yaml': `language: ${language}\npostsPerPage: 1\n`,
    });
    expect(built.result.errors).toEqual([]);
    const label = await built.page('/labels/sécurité/');
    expect(squash(label('.status-message').text())).toBe(showing);
    expect(label('.status-message strong').text()).toBe('Sécurité');
    expect(label('.blog-pager-older').text()).toBe(older);
    expect(label('.jump-link a').text()).toBe(readMore);
    expect(label('.archive-widget .archive-months a').first().text()).toBe(month.split(' ')[0]);
    const april = await built.page('/2025/04/');
    expect(april('h1').text().startsWith(month)).toBe(true);
    const second = await built.page('/page/2/');
    expect(second('title').text().startsWith(`${page2} · `)).toBe(true);
  });

  it('uses English phrases, but the language’s month names, for a language without a table', async () => {
    const built = await buildSite({ ...posts, 'site.yaml': 'language: es\n' });
    const $ = await built.page('/2025/04/');
    expect($('h1').text()).toBe('abril 2025 (3 posts)');
    expect($('.jump-link a').first().text()).toBe('Read more »');
  });

  it('chooses singular and plural by the language’s rules', async () => {
    const built = await buildSite({
      'site.yaml': 'language: fr\n',
      'posts/a.md': post({ title: 'A', date: '2025-04-01' }),
    });
    expect((await built.page('/2025/04/'))('h1').text()).toBe('avril 2025 (1 article)');
  });
});

describe('words: in site.yaml', () => {
  it('overrides phrases and month names, escaping them like any text', async () => {
    const built = await buildSite({
      ...posts,
      'site.yaml': [
        'language: fr',
        'postsPerPage: 1',
        'words:',
        '  olderPosts: "<Plus vieux>"',
        '  showingPostsWithLabel: "Libellé : {label} !"',
        '  months: [janv, févr, mars, avr, mai, juin, juil, août, sept, oct, nov, déc]',
        '',
      ].join('\n'),
    });
    expect(built.result.errors).toEqual([]);
    const $ = await built.page('/labels/sécurité/');
    expect($('.blog-pager-older').text()).toBe('<Plus vieux>');
    expect($('.blog-pager-older b')).toHaveLength(0);
    expect(squash($('.status-message').text())).toBe(
      'Libellé : Sécurité ! Afficher tous les articles',
    );
    expect($('.jump-link a').text()).toBe('Lire la suite »');
    expect((await built.page('/2025/04/'))('h1').text()).toBe('avr 2025 (3 articles)');
  });

  it('rejects an unknown phrase, naming the closest one', async () => {
    const built = await buildSite({
      ...posts,
      'site.yaml': 'words:\n  olderPost: ok\n  oldrPosts: Earlier\n',
    });
    expect(built.result.errors).toMatchObject([
      { name: 'ConfigUnknownKey', file: 'site.yaml', line: 3 },
    ]);
    expect(built.result.errors[0]?.hint).toBe('Did you mean `olderPosts`?');
  });

  it('rejects months that are not twelve names', async () => {
    const built = await buildSite({ ...posts, 'site.yaml': 'words:\n  months: [Jan, Feb]\n' });
    expect(built.result.errors).toMatchObject([
      { name: 'ConfigInvalid', file: 'site.yaml', line: 2 },
    ]);
  });
});
