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
});
