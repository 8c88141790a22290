/**
 * Output stamps (`src/write/stamps.ts`): a build that keeps its cache, into an output
 * folder already there, skips the pages whose file is as the last build stamped it and
 * whose digest (template, settings, view data) is the same; whatever changed — a post,
 * a template, a setting, a file in the output folder — is rendered again, and the
 * output equals a clean build's.
 */
import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFolder } from '../../src/cache/cache.js';
import { buildAt, makeSite, post, snapshot, writeFiles } from '../support/site.js';

const site = {
  'site.yaml': 'title: Gulf Notes\nbaseUrl: https://example.org/\n',
  'posts/2025-01-01-a.md': post({ title: 'Aden', date: '2025-01-01', labels: 'Oman' }, 'One.'),
  'posts/2025-01-02-b.md': post({ title: 'Basra', date: '2025-01-02', labels: 'Iran' }, 'Two.'),
  'posts/2025-01-03-c.md': post(
    { title: 'Chabahar', date: '2025-01-03', labels: '[Iran, Oman]' },
    'Three.',
  ),
};

/** A site built twice with the cache: the second build, into dist/ as it was, stamps it. */
async function stampedSite(): Promise<string> {
  const root = await makeSite(site);
  expect((await buildAt(root)).result.ok).toBe(true);
  expect((await buildAt(root)).result.ok).toBe(true);
  return root;
}

/** The warm build's output, and a clean build's of the same site. */
async function warmAndClean(root: string) {
  const warm = await buildAt(root);
  expect(warm.result.ok).toBe(true);
  const clean = await buildAt(root, { cache: false, outDir: path.join(root, 'clean') });
  expect(clean.result.ok).toBe(true);
  return {
    output: await snapshot(path.join(root, 'dist')),
    expected: await snapshot(path.join(root, 'clean')),
  };
}

/**
 * Overwrites a page in place with other bytes of the same length and puts its
 * modification time back: to a stamp, it is the file the last build left. The time is a
 * whole second, set and stamped by a build first, because a time read from a file and
 * set again through `utimes` can come back a nanosecond off.
 */
async function forgeInPlace(root: string, file: string): Promise<string> {
  const time = new Date('2025-06-01T00:00:00Z');
  await utimes(file, time, time);
  // Not the stamped time: rendered and compared, the same bytes, so left as it is, and stamped.
  await buildAt(root);
  const before = await stat(file);
  expect(before.mtime).toEqual(time);
  const text = await readFile(file, 'utf8');
  const forged = text.replace('Chabahar', 'CHABAHAR');
  expect(forged).not.toBe(text);
  await writeFile(file, forged);
  await utimes(file, time, time);
  expect((await stat(file)).ino).toBe(before.ino);
  return forged;
}

describe('output stamps', () => {
  it('are kept in the cache folder, one file per output folder, once the output is there', async () => {
    const root = await makeSite(site);
    await buildAt(root);
    // Into an empty output folder nothing could be skipped: no stamps yet.
    await expect(readdir(path.join(cacheFolder(root), 'output'))).rejects.toThrow();
    await buildAt(root);
    await buildAt(root, { outDir: path.join(root, 'other') });
    await buildAt(root, { outDir: path.join(root, 'other') });
    expect(await readdir(path.join(cacheFolder(root), 'output'))).toHaveLength(2);
  });

  it('skip a page still as stamped: a file forged in place with its stamp kept stays', async () => {
    const root = await stampedSite();
    const page = path.join(root, 'dist/2025/01/c/index.html');
    const forged = await forgeInPlace(root, page);
    await buildAt(root);
    // Not rendered nor read back: the build trusted the stamp.
    expect(await readFile(page, 'utf8')).toBe(forged);
    // Without the cache there are no stamps: the page is rendered and put right.
    await buildAt(root, { cache: false });
    expect(await readFile(page, 'utf8')).not.toBe(forged);
  });

  it('render a page again when its file was touched since', async () => {
    const root = await stampedSite();
    const page = path.join(root, 'dist/2025/01/c/index.html');
    const text = await readFile(page, 'utf8');
    await writeFile(page, 'edited by hand');
    const { output, expected } = await warmAndClean(root);
    expect(output).toEqual(expected);
    expect(output['2025/01/c/index.html']).toBe(text);
  });

  it.each([
    [
      'a post',
      {
        'posts/2025-01-02-b.md': post(
          { title: 'Bushehr', date: '2025-01-02', labels: 'Iran' },
          'Two.',
        ),
      },
    ],
    ['a setting', { 'site.yaml': 'title: Gulf Letters\nbaseUrl: https://example.org/\n' }],
    ['a template', { 'templates/partials/labels-line.hbs': '<p>Filed in Muscat.</p>\n' }],
  ])('render what %s changes, the same as a clean build', async (_, change) => {
    const root = await stampedSite();
    const before = await snapshot(path.join(root, 'dist'));
    await writeFiles(root, change);
    const { output, expected } = await warmAndClean(root);
    expect(output).toEqual(expected);
    expect(output).not.toEqual(before);
  });

  it('are no stamps when their file is damaged', async () => {
    const root = await stampedSite();
    const page = path.join(root, 'dist/2025/01/c/index.html');
    await forgeInPlace(root, page);
    const folder = path.join(cacheFolder(root), 'output');
    const [name] = await readdir(folder);
    await writeFile(path.join(folder, name ?? ''), '{"version":1,"entries":[["2025/01/c/ind');
    const { output, expected } = await warmAndClean(root);
    expect(output).toEqual(expected);
  });
});
