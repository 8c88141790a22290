/**
 * Incremental rebuilds count their work: each kind of edit re-parses, re-renders and
 * writes exactly what it must, and the pages show the change. The site has five posts,
 * two per list page, so lists paginate.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { createRebuilder, type Rebuilder } from '../../src/dev/rebuild.js';
import { BUILT_IN_THEME } from '../../src/load/load.js';
import { makeSite, NOW, post, writeFiles } from '../support/site.js';

const POSTS = {
  'posts/a.md': post({ title: 'Alpha', date: '2025-03-01', labels: 'Oman' }, 'Alpha body.'),
  'posts/b.md': post({ title: 'Bravo', date: '2025-03-02', labels: 'Oman, Iran' }, 'Bravo body.'),
  'posts/c.md': post({ title: 'Charlie', date: '2025-03-03', labels: 'Iran' }, 'Charlie body.'),
  'posts/d.md': post({ title: 'Delta', date: '2025-03-04' }, 'Delta body.'),
  'posts/e.md': post({ title: 'Echo', date: '2025-03-05', labels: 'Oman' }, 'Echo body.'),
};

async function started(extra: Record<string, string> = {}): Promise<Rebuilder> {
  const root = await makeSite({
    'site.yaml': 'title: Test\npostsPerPage: 2\n',
    ...POSTS,
    ...extra,
  });
  const rebuilder = createRebuilder({ root, now: () => NOW });
  const first = await rebuilder.rebuild();
  expect(first.run.errors).toEqual([]);
  return rebuilder;
}

async function edit(rebuilder: Rebuilder, files: Record<string, string>) {
  await writeFiles(rebuilder.root, files);
  return rebuilder.rebuild(Object.keys(files));
}

async function page(rebuilder: Rebuilder, url: string) {
  const file = url.endsWith('/') ? `${url}index.html` : url;
  return load(await readFile(path.join(rebuilder.outDir, decodeURI(file)), 'utf8'));
}

const sorted = (items: readonly string[]) => [...items].sort();

describe('incremental rebuilds', () => {
  it('re-renders, for a body edit, the post and the list pages that show its body, and nothing else', async () => {
    const site = await started();
    const result = await edit(site, {
      'posts/c.md': post({ title: 'Charlie', date: '2025-03-03', labels: 'Iran' }, 'New words.'),
    });
    expect(result.run.parsed).toEqual(['posts/c.md']);
    // Newest first, two a page: Charlie is on home page 2 and on page 1 of Iran, and on
    // the page of March 2025, which shows its posts as the home page does.
    expect(sorted(result.run.rendered)).toEqual([
      '/2025/03/',
      '/2025/03/c/',
      '/labels/iran/',
      '/page/2/',
    ]);
    expect(result.written).toEqual([
      '2025/03/c/index.html',
      '2025/03/index.html',
      'labels/iran/index.html',
      'page/2/index.html',
    ]);
    expect((await page(site, '/2025/03/c/'))('.post-body').text().trim()).toBe('New words.');
    expect((await page(site, '/page/2/'))('.post-body, .post-excerpt').text()).toContain(
      'New words.',
    );
  });

  it('re-parses nothing and writes nothing when a post is saved unchanged', async () => {
    const site = await started();
    const result = await edit(site, { 'posts/c.md': POSTS['posts/c.md'] });
    expect(result.run.parsed).toEqual([]);
    expect(result.run.rendered).toEqual([]);
    expect(result.written).toEqual([]);
  });

  it('re-renders, for a title edit, the neighbours that link to it as well', async () => {
    const site = await started();
    const result = await edit(site, {
      'posts/c.md': post({ title: 'Carla', date: '2025-03-03', labels: 'Iran' }, 'Charlie body.'),
    });
    // The archive, the year and the month list it by title.
    expect(sorted(result.run.rendered)).toEqual([
      '/2025/',
      '/2025/03/',
      '/2025/03/b/',
      '/2025/03/c/',
      '/2025/03/d/',
      '/archive/',
      '/labels/iran/',
      '/page/2/',
    ]);
    expect((await page(site, '/2025/03/d/'))('.blog-pager-older .pager-title').text()).toBe(
      'Carla',
    );
  });

  it('moves a post whose date changed in every list, and fixes its old and new neighbours', async () => {
    const site = await started();
    await edit(site, {
      'posts/a.md': post({ title: 'Alpha', date: '2025-03-10', labels: 'Oman' }, 'Alpha body.'),
    });
    const titles = (await page(site, '/'))('.post-title')
      .map((_, el) => load(el).text().trim())
      .get();
    expect(titles).toEqual(['Alpha', 'Echo']);
    const oman = (await page(site, '/labels/oman/'))('.post-title')
      .map((_, el) => load(el).text().trim())
      .get();
    expect(oman).toEqual(['Alpha', 'Echo']);
    expect((await page(site, '/2025/03/b/'))('.blog-pager-older').length).toBe(0);
  });

  it('adds a post to a label: the label index counts it, other labels and posts are left alone', async () => {
    const site = await started();
    const result = await edit(site, {
      'posts/d.md': post({ title: 'Delta', date: '2025-03-04', labels: 'Iran' }, 'Delta body.'),
    });
    // Delta's page, the lists that show it (home page 1, March 2025, both Iran pages)
    // and the label index; Bravo and Charlie list Delta as related now. The sidebar lists
    // labels without counts and label pages carry no cloud weight, so Iran's new count
    // reaches no other page: not Oman's, not Alpha's or Echo's.
    expect(sorted(result.run.rendered)).toEqual([
      '/',
      '/2025/03/',
      '/2025/03/b/',
      '/2025/03/c/',
      '/2025/03/d/',
      '/labels/',
      '/labels/iran/',
      '/labels/iran/page/2/',
    ]);
    expect((await page(site, '/labels/'))('.label-index li').eq(0).text()).toContain('(3)');
  });

  it('adds a label: its new page appears, the label index and every sidebar list it', async () => {
    const site = await started();
    const result = await edit(site, {
      'posts/d.md': post({ title: 'Delta', date: '2025-03-04', labels: 'Qatar' }, 'Delta body.'),
    });
    expect(result.written).toContain('labels/qatar/index.html');
    // A new label is a new sidebar entry, on every page: all of them are rendered again.
    expect(result.run.rendered).toContain('/labels/oman/');
    expect(result.run.rendered).toContain('/2025/03/a/');
    expect(
      (await page(site, '/labels/oman/'))('aside .labels-widget .label-list a')
        .map((_, a) => load(a).text())
        .get(),
    ).toEqual(['Iran', 'Oman', 'Qatar']);
    const index = await page(site, '/labels/');
    expect(
      index('.label-index a')
        .map((_, a) => load(a).text())
        .get(),
    ).toEqual(['Iran', 'Oman', 'Qatar']);
  });

  it('removes a label page, and the pages pagination no longer needs, when a label goes', async () => {
    const site = await started();
    expect(
      await readFile(path.join(site.outDir, 'labels/oman/page/2/index.html'), 'utf8'),
    ).toContain('Alpha');
    const result = await edit(site, {
      'posts/a.md': post({ title: 'Alpha', date: '2025-03-01' }, 'Alpha body.'),
    });
    expect(result.deleted).toEqual(['labels/oman/page/2/index.html']);
    const result2 = await edit(site, {
      'posts/b.md': post({ title: 'Bravo', date: '2025-03-02', labels: 'Iran' }, 'Bravo body.'),
      'posts/e.md': post({ title: 'Echo', date: '2025-03-05' }, 'Echo body.'),
    });
    expect(result2.deleted).toEqual(['labels/oman/index.html']);
    expect(result2.run.parsed).toEqual(['posts/b.md', 'posts/e.md']);
  });

  it('deletes the page of a deleted post and re-renders its neighbours', async () => {
    const site = await started();
    await rm(path.join(site.root, 'posts/e.md'));
    const result = await site.rebuild(['posts/e.md']);
    // Five posts were three home pages and two Oman pages; four are two and one.
    expect(result.deleted).toEqual([
      '2025/03/e/index.html',
      'labels/oman/page/2/index.html',
      'page/3/index.html',
    ]);
    expect(result.run.rendered).toContain('/2025/03/d/');
  });

  it('re-renders only the pages a changed template or partial is used by', async () => {
    const site = await started();
    const pager = await readFile(path.join(BUILT_IN_THEME, 'partials/pager.hbs'), 'utf8');
    const result = await edit(site, {
      'templates/partials/pager.hbs': `<p class="edited"></p>${pager}`,
    });
    // Pager users only: home pages 1-3, the label pages (Oman 2 pages, Iran 1), the posts,
    // the year and the month; not the label index, the archive or the 404 page.
    expect(sorted(result.run.rendered)).toEqual(
      sorted([
        '/',
        '/page/2/',
        '/page/3/',
        '/labels/oman/',
        '/labels/oman/page/2/',
        '/labels/iran/',
        ...['a', 'b', 'c', 'd', 'e'].map((s) => `/2025/03/${s}/`),
        '/2025/',
        '/2025/03/',
      ]),
    );
    expect((await page(site, '/labels/oman/'))('.edited').length).toBe(1);

    const post = await readFile(path.join(BUILT_IN_THEME, 'post.hbs'), 'utf8');
    const again = await edit(site, { 'templates/post.hbs': `<p class="edited-post"></p>${post}` });
    expect(sorted(again.run.rendered)).toEqual(
      ['a', 'b', 'c', 'd', 'e'].map((s) => `/2025/03/${s}/`),
    );
  });

  it('copies a changed static file and renders no page for it', async () => {
    const site = await started({ 'static/notes.txt': 'one' });
    const result = await edit(site, { 'static/notes.txt': 'two' });
    expect(result.run.rendered).toEqual([]);
    expect(result.written).toEqual(['notes.txt']);
    expect(await readFile(path.join(site.outDir, 'notes.txt'), 'utf8')).toBe('two');
    await rm(path.join(site.root, 'static/notes.txt'));
    expect((await site.rebuild(['static/notes.txt'])).deleted).toEqual(['notes.txt']);
  });

  it('starts afresh on a site.yaml edit', async () => {
    const site = await started();
    const result = await edit(site, { 'site.yaml': 'title: Renamed\npostsPerPage: 2\n' });
    // 5 posts, 3 home pages, 2 + 1 label pages, the label index, the archive, one year
    // and one month page, 404.html and robots.txt.
    expect(result.run.rendered).toHaveLength(17);
    expect(result.run.parsed).toHaveLength(5);
    expect((await page(site, '/'))('.site-title').text()).toBe('Renamed');
  });

  it('keeps the last good pages while a post is broken, and brings it back when fixed', async () => {
    const site = await started();
    const broken = await edit(site, {
      'posts/c.md': '---\ntitle: Charlie\ndate: [oops\n---\n\nBody.\n',
    });
    expect(broken.run.errors.map((e) => `${e.file}:${e.line}`)).toEqual(['posts/c.md:3']);
    expect(broken.written).toEqual([]);
    expect((await page(site, '/2025/03/c/'))('.post-body').text().trim()).toBe('Charlie body.');
    const fixed = await edit(site, {
      'posts/c.md': post({ title: 'Charlie', date: '2025-03-03', labels: 'Iran' }, 'Fixed.'),
    });
    expect(fixed.run.errors).toEqual([]);
    expect((await page(site, '/2025/03/c/'))('.post-body').text().trim()).toBe('Fixed.');
  });

  it('reports broken links as a full check would, edit after edit', async () => {
    const linking = (target: string) =>
      post({ title: 'Alpha', date: '2025-03-01', labels: 'Oman' }, `See [later](${target}).`);
    const site = await started({ 'posts/a.md': linking('/2025/03/c/#later') });
    const broken = (result: Awaited<ReturnType<typeof edit>>) =>
      result.run.warnings
        .filter((w) => w.name === 'BrokenLink')
        .map((w) => `${w.file}:${String(w.line)}:${String(w.column)} ${w.message}`);
    const missingId =
      'posts/a.md:7:5 The link `/2025/03/c/#later` leads nowhere: /2025/03/c/ has no element with the id `later`.';
    // An edit elsewhere keeps the warning (from the memo: nothing it depends on changed).
    expect(
      broken(
        await edit(site, { 'posts/d.md': post({ title: 'Delta', date: '2025-03-04' }, 'More.') }),
      ),
    ).toEqual([missingId]);
    // The target gains the id: the link is fine, though its own post did not change.
    const withHeading = post(
      { title: 'Charlie', date: '2025-03-03', labels: 'Iran' },
      '## Later\n\nText.',
    );
    expect(broken(await edit(site, { 'posts/c.md': withHeading }))).toEqual([]);
    // The link itself changes.
    expect(broken(await edit(site, { 'posts/a.md': linking('/nowhere/') }))).toEqual([
      'posts/a.md:7:5 The link `/nowhere/` leads nowhere: the build writes no page or file at /nowhere/.',
    ]);
  });
});
