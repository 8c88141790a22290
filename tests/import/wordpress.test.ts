/**
 * `rubric import wordpress`: the fixture WXR (a block-editor post, a classic-editor post
 * full of shortcodes, pages, drafts, pending, private, scheduled, trashed, revisions,
 * menu items, attachments, comments of every state) → posts, front matter and comments.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildAt, listFiles, makeSite } from '../support/site.js';
import { readPost } from './support.js';
import { GULF_SITE_YAML, importWxr } from './wordpress-support.js';

const MUSCAT = 'posts/2024-03-15-a-week-in-muscat.md';
const COFFEE = 'posts/2024-04-02-cardamom-coffee.md';

describe('rubric import wordpress', () => {
  it('imports posts, pages, drafts and scheduled posts, and counts what it skips', async () => {
    const root = await makeSite({});
    const result = await importWxr(root);
    expect(result.counts).toEqual({
      posts: 2,
      drafts: 3,
      scheduled: 1,
      pages: 2,
      comments: 2,
      labels: 6,
    });
    expect(result.skipped.map((s) => `${String(s.line)} ${s.kind}: ${s.reason}`)).toEqual([
      '165 comment: it is spam',
      '179 comment: it is not approved',
      '193 comment: a pingback, not a comment a reader wrote',
      "414 post: it is in WordPress's trash",
      '438 revision: an older revision of a post; the post itself is imported',
      "462 nav_menu_item: a menu entry of WordPress's theme; Rubric builds its own navigation",
      '491 post: an empty auto-draft WordPress made when "Add New" was opened',
      '515 attachment: an uploaded file; its URL is used for featured images and galleries',
      '548 attachment: an uploaded file; its URL is used for featured images and galleries',
    ]);
    expect(await listFiles(root)).toEqual([
      'posts/2024-03-15-a-week-in-muscat.comments.yaml',
      MUSCAT,
      COFFEE,
      'posts/2024-05-01-half-finished-thoughts-on-dates.md',
      'posts/2024-05-02-waiting-for-review.md',
      'posts/2024-05-03-only-for-me.md',
      'posts/2027-01-10-salalah-in-the-monsoon.md',
      'posts/pages/2024-01-01-about.md',
      'posts/pages/2024-01-01-team.md',
      'site.yaml',
    ]);
  });

  it('maps categories, tags, author, excerpt, featured image and sticky to front matter', async () => {
    const root = await makeSite({});
    await importWxr(root);
    expect((await readPost(root, MUSCAT)).data).toEqual({
      title: 'A week in Muscat',
      date: '2024-03-15T09:30:00+04:00',
      updated: '2024-03-20T18:00:00+04:00',
      authors: ['Layla Haddad'],
      labels: ['Muscat', 'Travel', 'Oman', 'سفر'],
      summary: 'Seven days of souqs, forts & halwa.',
      image: 'https://gulfnotes.example/wp-content/uploads/2024/03/corniche.jpg',
      pinned: true,
      aliases: ['/2024/03/15/a-week-in-muscat/'],
      wordpress: { id: '101', url: 'https://gulfnotes.example/2024/03/15/a-week-in-muscat/' },
    });
    // Entities decoded: `Food &amp; Drink`, `Sam O&#039;Neill`.
    const coffee = (await readPost(root, COFFEE)).data;
    expect(coffee.labels).toEqual(['Food & Drink', 'Coffee', 'Oman']);
    expect(coffee.authors).toEqual(["Sam O'Neill"]);
    expect(coffee).not.toHaveProperty('pinned');
  });

  it('keeps drafts, pending and private posts as drafts, with no old address', async () => {
    const root = await makeSite({});
    const result = await importWxr(root);
    for (const file of [
      'posts/2024-05-01-half-finished-thoughts-on-dates.md',
      'posts/2024-05-02-waiting-for-review.md',
      'posts/2024-05-03-only-for-me.md',
    ]) {
      const { data } = await readPost(root, file);
      expect(data.draft, file).toBe(true);
      expect(data, file).not.toHaveProperty('aliases');
    }
    // WordPress has no UTC time for a draft yet: its local time, read in the site's zone.
    expect(
      (await readPost(root, 'posts/2024-05-01-half-finished-thoughts-on-dates.md')).data.date,
    ).toBe('2024-05-01T20:00:00');
    expect(result.notes).toContain('1 private post(s) imported as drafts.');
    const scheduled = await readPost(root, 'posts/2027-01-10-salalah-in-the-monsoon.md');
    expect(scheduled.data).not.toHaveProperty('draft');
    expect(scheduled.data.date).toBe('2027-01-10T09:00:00+04:00');
  });

  it('writes approved comments, threaded, in the Blogger import shape', async () => {
    const root = await makeSite({});
    await importWxr(root);
    const text = await readFile(
      path.join(root, 'posts/2024-03-15-a-week-in-muscat.comments.yaml'),
      'utf8',
    );
    expect(text.split('\n')[0]).toBe(
      '# Comments from WordPress on posts/2024-03-15-a-week-in-muscat.md, oldest first; shown under the post (README: Comments).',
    );
    expect(parse(text)).toEqual([
      {
        id: '11',
        author: 'Aisha',
        authorUrl: 'https://aisha.example/',
        date: '2024-03-16T12:00:00+04:00',
        body: 'Lovely photos!\\\nThe corniche is my favourite walk.\n',
      },
      {
        id: '12',
        author: 'Layla Haddad',
        authorUrl: 'https://gulfnotes.example',
        date: '2024-03-16T13:15:00+04:00',
        replyTo: '11',
        body: 'Thank you, **Aisha**! Go at sunset next time.\n',
      },
    ]);
  });

  it('reports an unknown shortcode with its post and export line, and keeps it', async () => {
    const root = await makeSite({});
    const result = await importWxr(root);
    expect(result.notes).toContain(
      'kept the shortcode [contact-form-7] as written in "Cardamom coffee, three ways" (export line 240): Rubric does not know what it showed.',
    );
    expect(result.notes.filter((n) => n.includes('shortcode'))).toHaveLength(1);
  });
});

describe('WordPress bodies, built', () => {
  it('removes block comments and keeps figures, the jump break and the embed', async () => {
    const root = await makeSite({ 'site.yaml': GULF_SITE_YAML });
    await importWxr(root);
    const { body } = await readPost(root, MUSCAT);
    expect(body).not.toContain('wp:');
    expect(body.split('\n')).toContain('<!-- more -->');
    // The video is Rubric's embed directive on a line of its own, not an iframe.
    expect(body.split('\n')).toContain('::youtube{#M7lc1UVf-VE}');
    expect(body).not.toContain('<iframe');
    const built = await buildAt(root);
    expect(built.result.errors).toEqual([]);
    const $ = await built.page('/2024/03/a-week-in-muscat/');
    const article = $('.post-body');
    expect(article.find('figure figcaption').text()).toBe('The corniche, before the traffic.');
    expect(article.find('figure img').attr('alt')).toBe('The Muttrah corniche at dawn');
    expect(article.find('h2').first().text().replace(/#$/, '')).toBe('The souq');
    expect(
      article
        .find('li')
        .map((_, li) => $(li).text())
        .get(),
    ).toContain('Frankincense');
    const iframe = article.find('iframe');
    expect(iframe.attr('src')).toBe('https://www.youtube-nocookie.com/embed/M7lc1UVf-VE');
    expect(iframe.attr('loading')).toBe('lazy');
    expect(iframe.attr('title')).toBe('YouTube video');
    // The internal link leads to the other post's new address.
    expect(article.find('a:contains("coffee")').attr('href')).toBe('/2024/04/cardamom-coffee/');
  });

  it('gives classic text paragraphs and turns caption, gallery, embed, audio and video into HTML', async () => {
    const root = await makeSite({ 'site.yaml': GULF_SITE_YAML });
    await importWxr(root);
    const built = await buildAt(root);
    expect(built.result.errors).toEqual([]);
    const $ = await built.page('/2024/04/cardamom-coffee/');
    const main = $('.post-body');
    const paragraphs = main
      .find('p')
      .map((_, p) => $(p).text().trim())
      .get();
    expect(paragraphs).toContain('Cardamom goes in first.\nThen the coffee, lightly roasted.');
    expect(main.find('p').first().find('br')).toHaveLength(1);
    expect(paragraphs).toContain('Write to us: [contact-form-7 id="5" title="Contact"]');
    expect(paragraphs).toContain('The old recipe [sic] says "a pinch". See the Muscat week.');
    expect(main.find('figure figcaption').text()).toBe("A dallah, the Gulf's coffee pot");
    expect(main.find('figure img').attr('src')).toBe(
      'https://gulfnotes.example/wp-content/uploads/2024/04/dallah-300x200.jpg',
    );
    expect(
      main
        .find('iframe')
        .map((_, f) => $(f).attr('src'))
        .get(),
    ).toEqual([
      'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE',
      'https://player.vimeo.com/video/76979871?dnt=1',
    ]);
    // The gallery: each attachment by id, with its alt text.
    expect(
      main
        .find('p > img')
        .map((_, img) => $(img).attr('alt'))
        .get(),
    ).toEqual(['The Muttrah corniche at dawn', 'A brass dallah']);
    expect(main.find('audio').attr('src')).toBe(
      'https://gulfnotes.example/wp-content/uploads/2024/04/pouring.mp3',
    );
    expect(main.find('video').attr('poster')).toBe(
      'https://gulfnotes.example/wp-content/uploads/2024/04/dallah.jpg',
    );
    // The blank line inside <pre> is the code's, not a paragraph break.
    expect(main.find('pre code').text()).toBe('beans: 20 g\n\ncardamom: 3 pods\n');
    // The jump break: the home page shows the part above it only.
    const home = await built.page('/');
    expect(home.text()).toContain('Cardamom goes in first.');
    expect(home.text()).not.toContain('Here is how it is poured');
  });
});
