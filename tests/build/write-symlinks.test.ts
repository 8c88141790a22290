/**
 * No writer writes, deletes or renames through a symbolic link: `rubric build` and
 * `rubric dev` replace a link in the output folder (to a file or to a folder) with real
 * files, `rubric import` refuses before writing anything, and `rubric clean` deletes
 * links, never what they point to. Each case puts the link's target in a folder outside
 * the site and checks that folder is exactly as it was.
 */
import { lstat, mkdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { createRebuilder } from '../../src/dev/rebuild.js';
import { capture } from '../support/cli.js';
import { buildAt, listFiles, makeSite, NOW, post, writeFiles } from '../support/site.js';
import { CLASSIC } from '../import/support.js';

const SITE = {
  'posts/a.md': post({ title: 'Alpha', date: '2025-03-01', labels: 'Oman' }, 'Alpha body.'),
  'posts/b.md': post({ title: 'Bravo', date: '2025-03-02', labels: 'Iran' }, 'Bravo body.'),
};

/** A folder outside the site with one file, and a check that it is untouched. */
async function outsideFolder(): Promise<{ dir: string; untouched: () => Promise<void> }> {
  const dir = await makeSite({ 'secret.txt': 'outside the site\n' });
  return {
    dir,
    untouched: async () => {
      expect(await listFiles(dir)).toEqual(['secret.txt']);
      expect(await readFile(path.join(dir, 'secret.txt'), 'utf8')).toBe('outside the site\n');
    },
  };
}

async function isLink(file: string): Promise<boolean> {
  return (await lstat(file)).isSymbolicLink();
}

describe('rubric build and links in the output folder', () => {
  it('replaces a page that became a link with a real file, leaving the target alone', async () => {
    const root = await makeSite(SITE);
    await buildAt(root);
    const outside = await outsideFolder();
    const page = path.join(root, 'dist/2025/03/a/index.html');
    await rm(page);
    await symlink(path.join(outside.dir, 'secret.txt'), page);

    const rebuilt = await buildAt(root);
    expect(rebuilt.result.errors).toEqual([]);
    expect(await isLink(page)).toBe(false);
    expect((await rebuilt.page('/2025/03/a/'))('h1').text()).toBe('Alpha');
    await outside.untouched();
  });

  it('replaces a link whose target holds the very bytes of the page', async () => {
    const root = await makeSite(SITE);
    await buildAt(root);
    const outside = await makeSite({});
    const page = path.join(root, 'dist/2025/03/a/index.html');
    const copy = path.join(outside, 'same.html');
    await writeFile(copy, await readFile(page));
    await rm(page);
    await symlink(copy, page);

    await buildAt(root);
    // Unchanged bytes are no reason to keep a link: it would publish whatever it points to.
    expect(await isLink(page)).toBe(false);
    expect(await listFiles(outside)).toEqual(['same.html']);
  });

  it('replaces a folder that became a link, and deletes nothing through it', async () => {
    const root = await makeSite(SITE);
    await buildAt(root);
    const outside = await outsideFolder();
    // dist/labels now points outside; a label page and a stale page "exist" through it.
    await rm(path.join(root, 'dist/labels'), { recursive: true });
    await symlink(outside.dir, path.join(root, 'dist/labels'));

    const rebuilt = await buildAt(root);
    expect(rebuilt.result.errors).toEqual([]);
    expect(await isLink(path.join(root, 'dist/labels'))).toBe(false);
    expect((await rebuilt.page('/labels/oman/'))('title').text()).toContain('Oman');
    expect(await rebuilt.files()).not.toContain('labels/secret.txt');
    await outside.untouched();
  });

  it('deletes an unwanted link, not what it points to', async () => {
    const root = await makeSite(SITE);
    await buildAt(root);
    const outside = await outsideFolder();
    await symlink(outside.dir, path.join(root, 'dist/etc'));
    await symlink(path.join(outside.dir, 'secret.txt'), path.join(root, 'dist/secret.txt'));

    await buildAt(root);
    await expect(lstat(path.join(root, 'dist/etc'))).rejects.toThrow(/ENOENT/);
    await expect(lstat(path.join(root, 'dist/secret.txt'))).rejects.toThrow(/ENOENT/);
    await outside.untouched();
  });
});

describe('rubric dev and links in the output folder', () => {
  async function devSite() {
    const root = await makeSite(SITE);
    const rebuilder = createRebuilder({ root, now: () => NOW });
    expect((await rebuilder.rebuild()).run.errors).toEqual([]);
    return rebuilder;
  }

  it('writes a changed page in place of a link, not through it', async () => {
    const rebuilder = await devSite();
    const outside = await outsideFolder();
    const page = path.join(rebuilder.outDir, '2025/03/a/index.html');
    await rm(page);
    await symlink(path.join(outside.dir, 'secret.txt'), page);

    await writeFiles(rebuilder.root, {
      'posts/a.md': post({ title: 'Alpha two', date: '2025-03-01', labels: 'Oman' }),
    });
    const update = await rebuilder.rebuild(['posts/a.md']);
    expect(update.written).toContain('2025/03/a/index.html');
    expect(await isLink(page)).toBe(false);
    expect(load(await readFile(page, 'utf8'))('h1').text()).toBe('Alpha two');
    await outside.untouched();
  });

  it('writes into a real folder where a folder became a link', async () => {
    const rebuilder = await devSite();
    const outside = await outsideFolder();
    const folder = path.join(rebuilder.outDir, '2025/03/a');
    await rm(folder, { recursive: true });
    await symlink(outside.dir, folder);

    await writeFiles(rebuilder.root, {
      'posts/a.md': post({ title: 'Alpha two', date: '2025-03-01', labels: 'Oman' }),
    });
    await rebuilder.rebuild(['posts/a.md']);
    expect(await isLink(folder)).toBe(false);
    expect(load(await readFile(path.join(folder, 'index.html'), 'utf8'))('h1').text()).toBe(
      'Alpha two',
    );
    await outside.untouched();
  });

  it('deletes the link, not the file behind it, when a deleted page sat behind one', async () => {
    const rebuilder = await devSite();
    const outside = await makeSite({ 'index.html': 'not Rubric’s\n' });
    const folder = path.join(rebuilder.outDir, '2025/03/b');
    await rm(folder, { recursive: true });
    await symlink(outside, folder);

    await rm(path.join(rebuilder.root, 'posts/b.md'));
    const update = await rebuilder.rebuild(['posts/b.md']);
    expect(update.deleted).toContain('2025/03/b/index.html');
    await expect(lstat(folder)).rejects.toThrow(/ENOENT/);
    expect(await readFile(path.join(outside, 'index.html'), 'utf8')).toBe('not Rubric’s\n');
  });
});

describe('rubric import and links in the site folder', () => {
  it('refuses with --force to write through a linked post, and writes nothing', async () => {
    const root = await makeSite({});
    const io = capture(root);
    expect(await run(['import', 'blogger', CLASSIC], io)).toBe(0);
    const outside = await outsideFolder();
    const post = path.join(root, 'posts/2025-04-10-notes.md');
    await rm(post);
    await symlink(path.join(outside.dir, 'secret.txt'), post);
    await writeFile(path.join(root, 'posts/2025-05-01-notes-2.md'), 'edited\n');

    const forced = capture(root);
    expect(await run(['import', 'blogger', CLASSIC, '--force'], forced)).toBe(1);
    expect(forced.stderr).toEqual([
      `error posts/2025-04-10-notes.md  posts/2025-04-10-notes.md is a symbolic link (to ${path.join(outside.dir, 'secret.txt')}): rubric import writes only inside the site folder and never through a link, so it wrote nothing. Replace posts/2025-04-10-notes.md with a real file (or remove it), then import again. [WriteThroughLink]`,
    ]);
    await outside.untouched();
    // Nothing at all was written: the other edited post is still the author's.
    expect(await readFile(path.join(root, 'posts/2025-05-01-notes-2.md'), 'utf8')).toBe('edited\n');
  });

  it('refuses to write into a linked posts/pages folder, with or without --force', async () => {
    const root = await makeSite({});
    const outside = await outsideFolder();
    await mkdir(path.join(root, 'posts'));
    await symlink(outside.dir, path.join(root, 'posts/pages'));
    for (const args of [[], ['--force']]) {
      const io = capture(root);
      expect(await run(['import', 'blogger', CLASSIC, ...args], io)).toBe(1);
      expect(io.stderr[0]).toContain(
        'posts/pages, a folder on the way to posts/pages/2024-12-01-about.md, is a symbolic link',
      );
      expect(io.stderr[0]).toMatch(/\[WriteThroughLink\]$/);
    }
    await outside.untouched();
    expect(await listFiles(root)).toEqual([]);
  });
});

describe('rubric clean and links', () => {
  it('deletes a link inside the cache, not what it points to', async () => {
    const root = await makeSite(SITE);
    await buildAt(root);
    const outside = await outsideFolder();
    await mkdir(path.join(root, '.cache/rubric/staging'), { recursive: true });
    await symlink(outside.dir, path.join(root, '.cache/rubric/staging/999999-abcd'));
    await symlink(outside.dir, path.join(root, '.cache/rubric/elsewhere'));

    expect(await run(['clean'], capture(root))).toBe(0);
    await expect(lstat(path.join(root, '.cache/rubric'))).rejects.toThrow(/ENOENT/);
    await outside.untouched();
  });

  it('deletes a .cache that is a link, leaving the folder it points to', async () => {
    const root = await makeSite(SITE);
    const outside = await outsideFolder();
    await mkdir(path.join(outside.dir, 'rubric/posts'), { recursive: true });
    await writeFile(path.join(outside.dir, 'rubric/posts/keep.bin'), 'x');
    await symlink(outside.dir, path.join(root, '.cache'));

    expect(await run(['clean'], capture(root))).toBe(0);
    await expect(lstat(path.join(root, '.cache'))).rejects.toThrow(/ENOENT/);
    expect(await listFiles(outside.dir)).toEqual(['rubric/posts/keep.bin', 'secret.txt']);
    expect(await readlink(path.join(outside.dir, 'secret.txt')).catch(() => 'file')).toBe('file');
  });
});
