/**
 * The watcher on a real folder: it reports sources and nothing else. Editor litter and
 * the output folder are written first, then a post; the first report must name only the
 * post. The test waits for that report, not for a time.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchSite, type SiteWatcher } from '../../src/dev/watch.js';
import { makeSite, post } from '../support/site.js';

let watcher: SiteWatcher | null = null;
afterEach(async () => {
  await watcher?.close();
  watcher = null;
});

describe('the watcher', () => {
  it('reports a saved post, and never editor litter, the output folder or other files', async () => {
    const root = await makeSite({
      'posts/a.md': post({ title: 'A', date: '2025-01-01' }),
      'dist/index.html': '<p>old</p>',
    });
    const seen: string[] = [];
    let resolve: () => void = () => undefined;
    const reported = new Promise<void>((r) => (resolve = r));
    watcher = await watchSite(root, 'dist', (paths) => {
      seen.push(...paths);
      if (paths.includes('posts/a.md')) resolve();
    });
    await writeFile(path.join(root, 'posts/.a.md.swp'), 'swap');
    await writeFile(path.join(root, 'posts/a.md~'), 'backup');
    await writeFile(path.join(root, 'posts/#a.md#'), 'autosave');
    await writeFile(path.join(root, 'dist/index.html'), '<p>new</p>');
    await mkdir(path.join(root, 'notes'));
    await writeFile(path.join(root, 'notes/todo.md'), 'not a post');
    await writeFile(path.join(root, 'posts/a.md'), post({ title: 'A', date: '2025-01-02' }));
    await reported;
    expect(seen).toEqual(['posts/a.md']);
  });

  it('reports a second save that comes within 50 ms of the first', async () => {
    // chokidar swallows a second change to one file inside 50 ms; a formatter that
    // rewrites a file just after the editor saved it must still be seen.
    const root = await makeSite({ 'posts/a.md': post({ title: 'A', date: '2025-01-01' }) });
    const file = path.join(root, 'posts/a.md');
    let reports = 0;
    let resolve: () => void = () => undefined;
    const twice = new Promise<void>((r) => (resolve = r));
    watcher = await watchSite(root, 'dist', (paths) => {
      if (paths.includes('posts/a.md') && ++reports === 2) resolve();
    });
    await writeFile(file, post({ title: 'A', date: '2025-01-02' }));
    await new Promise((r) => setTimeout(r, 20));
    await writeFile(file, post({ title: 'A', date: '2025-01-03' }, 'Formatted.'));
    await twice;
    expect(reports).toBe(2);
  });
});
