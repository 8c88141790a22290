/**
 * Page bundles (`posts/2024-05-01-oman/index.md` with `photo.jpg` beside it) and image
 * sizes: the bundle builds at the post's URL with its files next to the page, its
 * relative images work on the post page, on list pages and in feeds, and local images
 * get `width` and `height` from their files, never reading outside the site folder.
 */
import { readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { createRebuilder } from '../../src/dev/rebuild.js';
import { buildAt, buildSite, makeSite, post, writeFiles } from '../support/site.js';
import { jpeg, png } from '../support/images.js';
import { readFeed } from '../support/xml.js';

const siteYaml = 'title: Gulf Notes\nbaseUrl: https://example.org/blog/\n';

const images = ($: CheerioAPI, scope: string) =>
  $(`${scope} img`)
    .map((_, el) => {
      const img = $(el);
      return { src: img.attr('src'), width: img.attr('width'), height: img.attr('height') };
    })
    .get();

const photo = png(1200, 800);

const bundle = {
  'site.yaml': siteYaml,
  'posts/2024-05-01-oman/index.md': post(
    { title: 'Oman', date: '2024-05-01', labels: 'Oman' },
    '![The harbour](photo.jpg)\n\n![A map](maps/route.png) and [the notes](notes.pdf).\n\n<!-- more -->\n\nMore.',
  ),
  'posts/2024-05-01-oman/photo.jpg': photo,
  'posts/2024-05-01-oman/maps/route.png': png(400, 300),
  'posts/2024-05-01-oman/notes.pdf': '%PDF-1.4 notes',
  'posts/2024-05-01-oman/index.comments.yaml':
    '- author: A reader\n  date: 2024-05-02\n  body: Lovely.\n',
  'posts/2024-05-01-oman/.DS_Store': 'litter',
  'static/images/logo.png': png(64, 32),
  'posts/2024-05-02-plain.md': post(
    { title: 'Plain', date: '2024-05-02' },
    '![Logo](/blog/images/logo.png) ![Remote](https://example.net/x.png) ![Loose](loose.png)',
  ),
};

describe('a page bundle', () => {
  it('builds at the URL its folder names, with its files next to the page', async () => {
    const built = await buildSite(bundle);
    expect(built.result.errors).toEqual([]);
    // The bundle's links all lead somewhere; the plain post's loose relative image does not.
    expect(built.result.warnings.map((w) => [w.name, w.file, w.line, w.column])).toEqual([
      ['BrokenLink', 'posts/2024-05-02-plain.md', 6, 69],
    ]);
    const files = await built.files();
    expect(files.filter((f) => f.startsWith('2024/05/oman/'))).toEqual([
      '2024/05/oman/index.html',
      '2024/05/oman/maps/route.png',
      '2024/05/oman/notes.pdf',
      '2024/05/oman/photo.jpg',
    ]);
    const copied = await readFile(path.join(built.result.outDir, '2024/05/oman/photo.jpg'));
    expect(copied.equals(Buffer.from(photo))).toBe(true);
  });

  it('shows its images from the root under the base path, with their sizes, on every page', async () => {
    const built = await buildSite(bundle);
    const expected = [
      { src: '/blog/2024/05/oman/photo.jpg', width: '1200', height: '800' },
      { src: '/blog/2024/05/oman/maps/route.png', width: '400', height: '300' },
    ];
    const $post = await built.page('/2024/05/oman/');
    expect(images($post, '.post-full .post-body')).toEqual(expected);
    expect($post('.post-full .post-body a[href$="notes.pdf"]').attr('href')).toBe(
      '/blog/2024/05/oman/notes.pdf',
    );
    const $home = await built.page('/');
    expect(images($home, '.post:has(a[href="/blog/2024/05/oman/"]) .post-body')).toEqual(expected);
    const $label = await built.page('/labels/oman/');
    expect(images($label, '.post-body')).toEqual(expected);
  });

  it('carries the same links in feeds, which resolve to the copied files', async () => {
    const built = await buildSite(bundle);
    const feed = readFeed(await built.text('/feed.xml'));
    const entry = feed.items.find((item) => item.title === 'Oman');
    const $ = load(entry?.content ?? '');
    const sources = $('img')
      .map((_, el) => new URL($(el).attr('src') ?? '', entry?.url ?? '').href)
      .get();
    expect(sources).toEqual([
      'https://example.org/blog/2024/05/oman/photo.jpg',
      'https://example.org/blog/2024/05/oman/maps/route.png',
    ]);
    const files = await built.files();
    for (const source of sources) expect(files).toContain(new URL(source).pathname.slice(6));
  });

  it('sizes static images written from the root, and leaves remote and loose ones alone', async () => {
    const built = await buildSite(bundle);
    expect(images(await built.page('/2024/05/plain/'), '.post-full .post-body')).toEqual([
      { src: '/blog/images/logo.png', width: '64', height: '32' },
      { src: 'https://example.net/x.png', width: undefined, height: undefined },
      { src: 'loose.png', width: undefined, height: undefined },
    ]);
  });

  it('copies nothing for a draft, and puts files beside a .html url', async () => {
    const built = await buildSite({
      'posts/2024-05-01-draft/index.md': post({ title: 'D', date: '2024-05-01', draft: 'true' }),
      'posts/2024-05-01-draft/secret.png': png(10, 10),
      'posts/old/index.md': post(
        { title: 'Old', date: '2012-05-01', url: '/2012/05/old.html' },
        '![Chart](chart.png)',
      ),
      'posts/old/chart.png': png(20, 10),
    });
    const files = await built.files();
    expect(files.filter((f) => f.includes('secret'))).toEqual([]);
    expect(files).toContain('2012/05/chart.png');
    expect(images(await built.page('/2012/05/old.html'), '.post-body')).toEqual([
      { src: '/2012/05/chart.png', width: '20', height: '10' },
    ]);
  });

  it('uses the picture beside it as the post image', async () => {
    const built = await buildSite({
      ...bundle,
      'posts/2024-05-01-oman/index.md': post({
        title: 'Oman',
        date: '2024-05-01',
        image: 'photo.jpg',
      }),
    });
    const $ = await built.page('/2024/05/oman/');
    expect($('meta[property="og:image"]').attr('content')).toBe(
      'https://example.org/blog/2024/05/oman/photo.jpg',
    );
    expect(images($, '.post-image')).toEqual([
      { src: '/blog/2024/05/oman/photo.jpg', width: '1200', height: '800' },
    ]);
  });

  it('is an error when one of its files would overwrite a page', async () => {
    const built = await buildSite({
      'posts/oman/index.md': post({ title: 'Oman', date: '2024-05-01' }),
      'posts/oman/index.html': '<p>exported</p>',
    });
    expect(built.result.ok).toBe(false);
    expect(built.result.errors.map((e) => [e.name, e.file, e.message])).toEqual([
      [
        'UrlCollision',
        'posts/oman/index.html',
        'posts/oman/index.html and posts/oman/index.md would all be written to /2024/05/oman/index.html.',
      ],
    ]);
  });
});

describe('image sizes', () => {
  it('follow EXIF rotation, and are found past a large header', async () => {
    const built = await buildSite({
      'posts/p/index.md': post({ title: 'P', date: '2024-05-01' }, '![Upright](phone.jpg)'),
      // Stored 4000×3000, turned a quarter by orientation 6, with 100 KB of maker notes first.
      'posts/p/phone.jpg': jpeg(4000, 3000, 6, 100_000),
    });
    expect(images(await built.page('/2024/05/p/'), '.post-body')).toEqual([
      { src: '/2024/05/p/phone.jpg', width: '3000', height: '4000' },
    ]);
  });

  it('are never read through a link that leaves the site folder', async () => {
    const outside = path.join(tmpdir(), `rubric-outside-${String(process.pid)}.png`);
    await writeFile(outside, png(300, 200));
    try {
      const root = await makeSite({
        'posts/p/index.md': post(
          { title: 'P', date: '2024-05-01' },
          '![In](inside.png) ![Out](outside.png) ![Static](/images/outside.png)',
        ),
        'posts/p/inside.png': png(30, 20),
      });
      await symlink(outside, path.join(root, 'posts/p/outside.png'));
      await writeFiles(root, { 'static/images/.keep': '' });
      await symlink(outside, path.join(root, 'static/images/outside.png'));
      const built = await buildAt(root);
      // A link out of the site fails the build (issue 10), so nothing of it is published.
      expect(built.result.errors.map((e) => [e.name, e.file])).toEqual([
        ['SymlinkOutside', 'posts/p/outside.png'],
        ['SymlinkOutside', 'static/images/outside.png'],
      ]);
      expect(await built.exists('/2024/05/p/')).toBe(false);
    } finally {
      await rm(outside, { force: true });
    }
  });
});

describe('rubric dev and bundles', () => {
  it('copies a changed bundle image again and gives the page its new size', async () => {
    const root = await makeSite(bundle);
    const rebuilder = createRebuilder({ root, cache: false, now: () => Date.UTC(2026, 0, 1) });
    await rebuilder.rebuild();
    const bigger = png(1600, 900);
    await writeFiles(root, { 'posts/2024-05-01-oman/photo.jpg': bigger });
    const { written } = await rebuilder.rebuild(['posts/2024-05-01-oman/photo.jpg']);
    expect(written).toContain('2024/05/oman/photo.jpg');
    const out = rebuilder.outDir;
    const copy = await readFile(path.join(out, '2024/05/oman/photo.jpg'));
    expect(copy.equals(Buffer.from(bigger))).toBe(true);
    const $ = load(await readFile(path.join(out, '2024/05/oman/index.html'), 'utf8'));
    expect(images($, '.post-full .post-body')[0]).toEqual({
      src: '/blog/2024/05/oman/photo.jpg',
      width: '1600',
      height: '900',
    });
  });
});
