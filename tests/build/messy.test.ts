/**
 * The messy-content fixture (tests/fixtures/messy/): posts in the shapes real Jekyll,
 * Eleventy, Hugo and WordPress-exported blogs have, built for real. Other parts add posts
 * there; each test here pins what its own posts give.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLocation } from '../../src/errors.js';
import { buildAt, buildSite, listFiles, makeSite, type BuiltSite } from '../support/site.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/messy/', import.meta.url));

/** The fixture's files, read as bytes (one post is not UTF-8 on purpose). */
async function fixtureFiles(): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {};
  for (const file of await listFiles(FIXTURE))
    files[file] = await readFile(path.join(FIXTURE, file));
  return files;
}

/** The posts this file is about: the front-matter reading ones. */
const READING_POSTS = [
  'posts/2004-09-02-hello-world.md',
  'posts/2010-05-01-cafe.md',
  'posts/2015-03-17-data-federation.md',
  'posts/2016-03-23-morning-notes.md',
  'posts/2016-08-04-release.md',
  'posts/2019-11-05-bells.md',
];

// Control characters other than tab, line feed and carriage return, DEL, and C1.
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

describe('the messy fixture: front matter as blogs wrote it', () => {
  // Built once into a folder of its own: support/site.ts removes its sites after each test.
  let site: BuiltSite;
  let outDir: string;
  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'rubric-messy-'));
    site = await buildAt(await makeSite(await fixtureFiles()), { outDir });
  });
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it('builds, every post of it', () => {
    expect(site.result.errors).toEqual([]);
    expect(site.result.ok).toBe(true);
  });

  it('warns about exactly what it should, at the exact line and column', () => {
    const mine = site.result.warnings.filter((w) => READING_POSTS.includes(w.file));
    expect(mine.map((w) => `${w.name} ${formatLocation(w)}`)).toEqual([
      'InvalidUtf8 posts/2010-05-01-cafe.md:2:11',
      'FrontMatterRepeatedKey posts/2015-03-17-data-federation.md:11:1',
      'FrontMatterRepeatedKey posts/2016-03-23-morning-notes.md:7:1',
      'ControlCharacter posts/2019-11-05-bells.md:2:14',
      'ControlCharacter posts/2019-11-05-bells.md:5:7',
      'ControlCharacter posts/2019-11-05-bells.md:8:22',
      'ControlCharacter posts/2019-11-05-bells.md:8:30',
    ]);
  });

  it('reads a double-quoted title and excerpt that go on without indentation as one line', async () => {
    const $ = await site.page('/2015/03/data-federation/');
    expect($('h1').first().text()).toBe(
      'The U.S. Data Federation wants to make it easier to collect, combine, and exchange data across government',
    );
    expect($('meta[name="description"]').attr('content')).toBe(
      'A look at the shared schemas, the pilot agencies, and what the first year of the project has shown.',
    );
  });

  it('merges tags given twice and dates the post at its Jekyll offset', async () => {
    const $ = await site.page('/2015/03/data-federation/');
    expect($('time').first().attr('datetime')).toBe('2015-03-17T22:00:00+04:00');
    const labels = $('.post-labels a[rel="tag"]')
      .map((_, a) => $(a).text())
      .get();
    expect(labels).toEqual(['open data', 'government', 'standards']);
  });

  it('reads one-digit hours and offsets, and WordPress offsets', async () => {
    expect((await site.page('/2016/03/morning-notes/'))('time').first().attr('datetime')).toBe(
      '2016-03-23T17:00:00+04:00',
    );
    expect((await site.page('/2004/09/hello-world/'))('time').first().attr('datetime')).toBe(
      '2004-09-02T04:05:05+04:00',
    );
  });

  it('keeps a title, labels and slug as written: 1.10, 007, 3.0, 0x1F, 1e3, true', async () => {
    const $ = await site.page('/2016/08/007/');
    expect($('h1').first().text()).toBe('1.10');
    expect(
      $('.post-labels a[rel="tag"]')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(['007', '3.0', '0x1F', '1e3', 'true']);
    expect($('time').first().attr('datetime')).toBe('2016-08-04T00:00:00+04:00');
  });

  it('writes no control character into any page and keeps the rest of the text', async () => {
    const pages = (await site.files()).filter(
      (file) => file.endsWith('.html') || file.endsWith('.xml'),
    );
    for (const file of pages) {
      const text = await readFile(path.join(site.result.outDir, file), 'utf8');
      expect(CONTROL.test(text), file).toBe(false);
    }
    const $ = await site.page('/2019/11/bells/');
    expect($('h1').first().text()).toBe('Bells and whistles');
    expect($('.post-body, article').first().text()).toContain(
      'The terminal printed [1mbold[0m text.',
    );
  });

  it('shows bytes that are not UTF-8 as U+FFFD', async () => {
    const $ = await site.page('/2010/05/cafe/');
    expect($('h1').first().text()).toBe('Caf\ufffd notes');
  });
});

describe('front matter never closed, built', () => {
  it('fails the build at line 1 of the post, saying the closing line is missing', async () => {
    const { result } = await buildSite({
      'posts/2024-01-02-draft.md':
        '---\ntitle: Half written\ndate: 2024-01-02\n\nNote: this reads as YAML.\n',
    });
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => `${e.name} ${formatLocation(e)}`)).toEqual([
      'FrontMatterUnclosed posts/2024-01-02-draft.md:1:1',
    ]);
  });
});
