/**
 * Both fixture exports imported into a fresh site, built, and every old address of the
 * blog followed through the built site to the page it must land on.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, readEntries, type BloggerExport } from '../../src/import/entries.js';
import { readXmlFile } from '../../src/import/xml.js';
import { buildAt, listFiles, makeSite } from '../support/site.js';
import { CLASSIC, TAKEOUT, follow, importInto, readPost, served } from './support.js';

async function exportOf(file: string): Promise<BloggerExport> {
  const doc = await readXmlFile(file);
  const detected = detectFormat(doc);
  if ('problem' in detected) throw new Error(detected.problem);
  return readEntries(doc, detected.format);
}

/** Every old address that must resolve: published posts and pages, their labels, feeds. */
async function checkOldUrls(root: string, exportFile: string) {
  const blog = await exportOf(exportFile);
  const dist = path.join(root, 'dist');
  let checked = 0;
  for (const post of blog.posts) {
    if (post.status !== 'live' || post.path === null) continue;
    const landed = await follow(dist, post.path);
    expect(landed.hops, post.path).toBe(1);
    expect(landed.$('article h1').text(), post.path).toBe(post.title.trim() || 'Untitled');
    checked++;
  }
  const redirects = await readFile(path.join(dist, '_redirects'), 'utf8');
  const rules = new Map<string, string>();
  for (const line of redirects.split('\n')) {
    const [from, to, status] = line.split(' ');
    if (from?.startsWith('/') && to !== undefined) {
      expect(status).toBe('301');
      rules.set(from, to);
    }
  }
  const labels = new Set(
    blog.posts.filter((p) => p.status === 'live').flatMap((p) => [...p.labels]),
  );
  for (const name of labels) {
    const old = `/search/label/${encodeURIComponent(name)}`;
    const rule = rules.get(old);
    expect(rule, old).toBeDefined();
    // The rule and, where the host finds a file for it, the page agree on the label page.
    const labelPage = await follow(dist, rule ?? '');
    expect(labelPage.$('.label-name').text().toLowerCase()).toBe(name.toLowerCase());
    const html = await served(dist, old);
    if (html !== null) {
      const landed = await follow(dist, old);
      expect(landed.url).toBe(rule);
    }
    const feedRule = rules.get(`/feeds/posts/default/-/${encodeURIComponent(name)}`);
    expect(feedRule).toBe(`${rule ?? ''}feed.xml`);
    checked++;
  }
  expect(rules.get('/feeds/posts/default')).toBe('/feed.xml');
  const feedPage = await served(dist, '/feeds/posts/default');
  expect(feedPage).toContain('url=/feed.xml');
  return checked;
}

describe('importing the classic "Back up content" file', () => {
  it('writes one post per post and page, drafts as drafts, and says what it skipped', async () => {
    const root = await makeSite({});
    const result = await importInto(root, CLASSIC, { comments: true });
    expect(result.format).toBe('classic');
    expect(result.counts).toEqual({
      posts: 5,
      drafts: 2,
      scheduled: 1,
      pages: 1,
      comments: 1,
      labels: 5,
    });
    expect(result.skipped.map((s) => s.kind)).toEqual([
      'template',
      'settings',
      'settings',
      'settings',
      'post',
    ]);
    expect(result.skipped.at(-1)?.reason).toContain('"last tuesday"');
    expect(result.files.written).toEqual([
      'posts/2025-03-14-omans-quiet-channel.comments.yaml',
      'posts/2025-03-14-omans-quiet-channel.md',
      'posts/2025-04-02-nuclear-talks-round-two.md',
      'posts/2025-04-10-notes.md',
      'posts/2025-05-01-notes-2.md',
      'posts/2025-05-03-blog-post.md',
      'posts/2025-05-20-caspian-notes.md',
      'posts/2025-05-21-https-example-org-a-b-c.md',
      'posts/2026-02-01-year-ahead.md',
      'posts/pages/2024-12-01-about.md',
      'site.yaml',
    ]);
    expect(await readFile(path.join(root, 'site.yaml'), 'utf8')).toBe(
      'title: The Long Table\ntimezone: Europe/Paris\nbloggerRedirects: true\n',
    );

    const oman = await readPost(root, 'posts/2025-03-14-omans-quiet-channel.md');
    expect(oman.data).toEqual({
      title: "Oman's quiet channel",
      date: '2025-03-14T09:30:00+01:00',
      updated: '2025-03-20T18:00:00+01:00',
      author: 'Mina Farahani',
      labels: ['foreign relations of iran', 'Oman', '中东'],
      summary: 'Why Oman keeps getting the call.',
      aliases: ['/2025/03/omans-quiet-channel.html'],
      blogger: {
        id: 'tag:blogger.com,1999:blog-7001.post-101',
        url: 'http://longtable.blogspot.com/2025/03/omans-quiet-channel.html',
      },
    });
    // The jump break, alone on its line; HTML Markdown cannot say, kept.
    expect(oman.body).toContain('\n\nThis is the teaser.\n\n<!-- more -->\n\n');
    expect(oman.body).toContain('The channel ran for years<sup>1</sup> before anyone wrote');
    expect(oman.body).toContain('<iframe allowfullscreen frameborder="0" height="266"');
    expect(oman.body).toContain(
      '[![The corniche in Muscat](https://blogger.googleusercontent.com/img/b/R29v/s320/muscat.jpg)]',
    );

    const draft = await readPost(root, 'posts/2025-05-20-caspian-notes.md');
    expect(draft.data.draft).toBe(true);
    expect(draft.data.aliases).toBeUndefined();
    const page = await readPost(root, 'posts/pages/2024-12-01-about.md');
    expect(page.data.page).toBe(true);
    expect(page.data.aliases).toEqual(['/p/about.html']);
    expect((await readPost(root, 'posts/2025-05-03-blog-post.md')).data.title).toBe('Untitled');

    const comments = await readFile(
      path.join(root, 'posts/2025-03-14-omans-quiet-channel.comments.yaml'),
      'utf8',
    );
    expect(comments).toContain('author: A Reader');
    expect(comments).toContain('Great piece & very _clear_.');
  });

  it('rewrites links between posts of the blog to their new addresses', async () => {
    const root = await makeSite({});
    await importInto(root, CLASSIC);
    const { body } = await readPost(root, 'posts/2025-04-02-nuclear-talks-round-two.md');
    expect(body).toContain('[the Muscat post](/2025/03/omans-quiet-channel/#more)');
    expect(body).toContain('[my notes](/2025/04/notes/)');
    expect(body).toContain('[everything on Iran](/labels/foreign-relations-of-iran/)');
    expect(body).toContain('| Round | Venue  |');
    // A static page is at its own address, not under a date.
    const notes = await readPost(root, 'posts/2025-04-10-notes.md');
    expect(notes.body).toContain('written [about](/about/) this blog');
  });

  it('builds with no errors, and every old address leads to its new page', async () => {
    const root = await makeSite({});
    await importInto(root, CLASSIC);
    const built = await buildAt(root);
    expect(built.result.errors).toEqual([]);
    // The scheduled post is held back until its day; its old address waits with it.
    expect(built.result.heldBack.map((p) => p.source)).toEqual(['posts/2026-02-01-year-ahead.md']);
    expect(await built.exists('/2026/02/year-ahead.html')).toBe(false);
    expect(await checkOldUrls(root, CLASSIC)).toBe(12);

    // The jump break works: the list shows the teaser and a link to the rest.
    const label = await built.page('/labels/中东/');
    const card = label('article.post').first();
    expect(card.find('.post-body').text()).toContain('This is the teaser.');
    expect(card.find('.post-body').text()).not.toContain('before anyone wrote about it');
    expect(card.find('.jump-link a').attr('href')).toBe('/2025/03/omans-quiet-channel/#more');

    // Duplicate titles: two posts, two addresses, each old one to its own.
    expect((await follow(built.root + '/dist', '/2025/04/notes.html')).url).toBe('/2025/04/notes/');
    expect((await follow(built.root + '/dist', '/2025/05/notes.html')).url).toBe(
      '/2025/05/notes-2/',
    );
    // A label written in two cases on Blogger: both old addresses are in _redirects.
    const redirects = await readFile(path.join(root, 'dist/_redirects'), 'utf8');
    expect(redirects).toContain('/search/label/oman /labels/oman/ 301');
    expect(redirects).toContain('/search/label/Oman /labels/oman/ 301');
    expect(redirects).toContain(
      '/search/label/foreign%20relations%20of%20iran /labels/foreign-relations-of-iran/ 301',
    );
    const files = await built.files();
    expect(files).toContain('search/label/foreign relations of iran/index.html');
    expect(files).toContain('search/label/中东/index.html');
    expect(files).toContain('feeds/posts/default/-/中东/index.html');
  });

  it('changes nothing when run again, keeps edited files, and overwrites them with --force', async () => {
    const root = await makeSite({});
    await importInto(root, CLASSIC);
    const before = await listFiles(root);
    const again = await importInto(root, CLASSIC);
    expect(again.files.written).toEqual([]);
    expect(again.files.unchanged).toHaveLength(9);
    expect(await listFiles(root)).toEqual(before);

    const file = path.join(root, 'posts/2025-04-10-notes.md');
    await import('node:fs/promises').then((fs) => fs.appendFile(file, '\nMy own edit.\n'));
    const kept = await importInto(root, CLASSIC);
    expect(kept.files.kept).toEqual(['posts/2025-04-10-notes.md']);
    expect(await readFile(file, 'utf8')).toContain('My own edit.');
    const forced = await importInto(root, CLASSIC, { force: true });
    expect(forced.files.written).toEqual(['posts/2025-04-10-notes.md']);
    expect(await readFile(file, 'utf8')).not.toContain('My own edit.');
  });
});

describe('importing the newer (2018 namespace, Takeout) file', () => {
  it('reads types, statuses and file names, and skips trashed and malformed entries', async () => {
    const root = await makeSite({
      'site.yaml': 'title: Field Notes\nbaseUrl: /notes/\ntimezone: Europe/Paris\n',
    });
    const result = await importInto(root, TAKEOUT, { comments: true });
    expect(result.format).toBe('takeout');
    expect(result.counts).toEqual({
      posts: 4,
      drafts: 1,
      scheduled: 1,
      pages: 1,
      comments: 1,
      labels: 3,
    });
    expect(result.skipped.map((s) => s.reason)).toEqual([
      "it is in Blogger's trash (SOFT_TRASHED)",
      'tag:blogger.com,1999:blog-8002.post-9 has no <published> date',
    ]);
    // An existing site.yaml only gains the one setting.
    expect(await readFile(path.join(root, 'site.yaml'), 'utf8')).toBe(
      'title: Field Notes\nbaseUrl: /notes/\ntimezone: Europe/Paris\nbloggerRedirects: true\n',
    );
    expect(result.files.written).toContain('posts/2024-12-03-consensus-12.md');
    expect(result.files.written).toContain('posts/2024-12-02-consensus.md');
    expect(result.files.written).toContain('posts/2024-12-10-vienna-draft.md');
    expect(result.files.written).toContain('posts/pages/2024-09-01-contact.md');
    expect(result.files.written).toContain(
      'posts/2024-11-05-securite-europeenne-after-helsinki.comments.yaml',
    );

    const helsinki = await readPost(root, 'posts/2024-11-05-securite-europeenne-after-helsinki.md');
    expect(helsinki.data.labels).toEqual(['Sécurité européenne', 'OSCE', '中东']);
    // Takeout gives UTC; the zone the site already names is the blog's.
    expect(helsinki.data.date).toBe('2024-11-05T09:15:00+01:00');
    // `<a name="more">` inside a div is the newer editor's jump break.
    expect(helsinki.body).toContain(
      'three baskets.\n\n<!-- more -->\n\nBasket three mattered most<sub>*</sub>.',
    );

    const consensus = await readPost(root, 'posts/2024-12-02-consensus.md');
    expect(consensus.body).toContain(
      '[Helsinki](/notes/2024/11/securite-europeenne-after-helsinki/)',
    );
    expect(consensus.body).toContain('[the other one](/notes/2024/12/consensus-12/)');
    // Another blog's post at the same path is not this blog's.
    expect(consensus.body).toContain(
      '(https://other.blogspot.com/2024/11/securite-europeenne-after-helsinki.html)',
    );
    const punctuation = await readPost(root, 'posts/2024-12-20-blog-post.md');
    expect(punctuation.data.title).toBe('!!!');
  });

  it('builds with no errors, and every old address leads to its new page', async () => {
    const root = await makeSite({});
    await importInto(root, TAKEOUT);
    const built = await buildAt(root);
    expect(built.result.errors).toEqual([]);
    expect(await checkOldUrls(root, TAKEOUT)).toBe(10);
    const files = await built.files();
    // Two spellings differing in case: one folder (the label's shown name), both rules.
    expect(
      files.filter((f) => f.toLowerCase() === 'search/label/sécurité européenne/index.html'),
    ).toHaveLength(1);
    expect(files).not.toContain('2024/10/thrown-away.html');
  });
});
