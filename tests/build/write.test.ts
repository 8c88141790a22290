/**
 * The write stage on a reused output folder: unchanged pages are not written again (the
 * file stays the same file, with its time), changed ones are, and a build that fails while
 * rendering leaves the previous output as it was.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAt, listFiles, makeSite, post, writeFiles } from '../support/site.js';

const site = {
  'posts/2025-01-01-a.md': post({ title: 'A', date: '2025-01-01', labels: 'Oman' }),
  'posts/2025-01-02-b.md': post({ title: 'B', date: '2025-01-02', labels: 'Iran' }),
};

describe('writing into a reused output folder', () => {
  it('keeps unchanged files as they are and rewrites changed ones', async () => {
    const root = await makeSite(site);
    await buildAt(root);
    const dist = path.join(root, 'dist');
    const file = (relative: string) => path.join(dist, relative);
    const before = {
      oman: await stat(file('labels/oman/index.html')),
      css: await stat(file('style.css')),
      b: await stat(file('2025/01/b/index.html')),
    };

    await writeFiles(root, {
      'posts/2025-01-02-b.md': post({ title: 'B', date: '2025-01-02', labels: 'Iran' }, 'Changed.'),
    });
    const second = await buildAt(root);
    expect(second.result.ok).toBe(true);
    // Same inode: linked from the previous output, not written again.
    expect((await stat(file('labels/oman/index.html'))).ino).toBe(before.oman.ino);
    expect((await stat(file('labels/oman/index.html'))).mtimeMs).toBe(before.oman.mtimeMs);
    expect((await stat(file('style.css'))).ino).toBe(before.css.ino);
    expect((await stat(file('2025/01/b/index.html'))).ino).not.toBe(before.b.ino);
    const page = await second.page('/2025/01/b/');
    expect(page('.post-body').text()).toContain('Changed.');
    expect(await listFiles(root)).not.toContainEqual(expect.stringMatching(/rubric-/));
  });

  it('drops files no longer routed', async () => {
    const root = await makeSite(site);
    await buildAt(root);
    await writeFiles(root, {
      'posts/2025-01-01-a.md': post({ title: 'A', date: '2025-01-01', labels: 'Qatar' }),
    });
    const second = await buildAt(root);
    expect(await second.exists('/labels/oman/')).toBe(false);
    expect(await second.exists('/labels/qatar/')).toBe(true);
  });

  it('leaves the previous output as it was when a page fails to render', async () => {
    const root = await makeSite(site);
    await buildAt(root);
    const dist = path.join(root, 'dist');
    const files = await listFiles(dist);
    const home = await readFile(path.join(dist, 'index.html'), 'utf8');

    await writeFiles(root, {
      'posts/2025-01-03-c.md': post({ title: 'C', date: '2025-01-03' }),
      'templates/labels.hbs': '{{> nowhere}}',
    });
    const failed = await buildAt(root);
    expect(failed.result.ok).toBe(false);
    expect(failed.result.errors.map((e) => e.name)).toEqual(['TemplateRender']);
    expect(await listFiles(dist)).toEqual(files);
    expect(await readFile(path.join(dist, 'index.html'), 'utf8')).toBe(home);
    expect(await listFiles(root)).not.toContainEqual(expect.stringMatching(/rubric-/));
  });
});
