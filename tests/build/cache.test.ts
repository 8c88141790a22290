/**
 * The persistent parse cache: a warm build reads it, and whatever is in it (an edited
 * post, a changed setting, a damaged or foreign entry) the output equals a clean build.
 */
import { readFile, readdir, truncate, writeFile, copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFolder, decodeEntry, encodeEntry } from '../../src/cache/cache.js';
import type { ParsedComments } from '../../src/parse/comments.js';
import { run } from '../../src/cli.js';
import { buildAt, listFiles, makeSite, snapshot, NOW, post, writeFiles } from '../support/site.js';

const site = {
  'posts/2025-01-01-a.md': post(
    { title: 'A', date: '2025-01-01', labels: 'Oman' },
    '# A\n\n| x |\n| - |\n| 1 |',
  ),
  'posts/2025-01-02-b.md': post(
    { title: 'B', date: '2025-01-02 10:00', labels: 'Iran' },
    'B *b*\n\n<!-- more -->\n\nrest',
  ),
  'posts/2025-01-03-c.md': post(
    { title: 'C', date: '2025-01-03', labels: '[Iran, Oman]' },
    '```js\nx\n```',
  ),
};

/** The entry files in the posts cache. */
async function entries(root: string): Promise<string[]> {
  return (await readdir(path.join(cacheFolder(root), 'posts'))).sort();
}

/** Builds with the cache into dist/, and without it into clean/; returns both outputs. */
async function warmAndClean(root: string) {
  const warm = await buildAt(root);
  const clean = await buildAt(root, { cache: false, outDir: path.join(root, 'clean') });
  expect(warm.result.ok).toBe(true);
  expect(clean.result.cachedPosts).toBe(0);
  return {
    warm: warm.result,
    output: await snapshot(path.join(root, 'dist')),
    expected: await snapshot(path.join(root, 'clean')),
  };
}

describe('the build cache', () => {
  it('is written by a cold build and read by a warm one, with the same output', async () => {
    const root = await makeSite(site);
    const cold = await buildAt(root);
    expect(cold.result.cachedPosts).toBe(0);
    expect(await entries(root)).toHaveLength(3);
    const { warm, output, expected } = await warmAndClean(root);
    expect(warm.cachedPosts).toBe(3);
    expect(output).toEqual(expected);
  });

  it('re-parses an edited post alone, and the output equals a clean build', async () => {
    const root = await makeSite(site);
    await buildAt(root);
    await writeFiles(root, {
      'posts/2025-01-02-b.md': post(
        { title: 'B edited', date: '2025-01-02', labels: 'Qatar' },
        'New *text*.',
      ),
    });
    const { warm, output, expected } = await warmAndClean(root);
    expect(warm.cachedPosts).toBe(2);
    expect(output).toEqual(expected);
    expect(output['2025/01/b/index.html']).toContain('New <em>text</em>.');
    // The old entry of the edited post is gone: one entry per post.
    expect(await entries(root)).toHaveLength(3);
  });

  it('drops the entries of deleted posts', async () => {
    const root = await makeSite(site);
    await buildAt(root);
    await rm(path.join(root, 'posts/2025-01-03-c.md'));
    const second = await buildAt(root);
    expect(second.result.cachedPosts).toBe(2);
    expect(await entries(root)).toHaveLength(2);
  });

  it('is invalidated by a setting parsing depends on (the time zone)', async () => {
    const root = await makeSite(site);
    await buildAt(root);
    await writeFiles(root, { 'site.yaml': 'timezone: Asia/Tokyo\n' });
    const { warm, output, expected } = await warmAndClean(root);
    expect(warm.cachedPosts).toBe(0);
    expect(output).toEqual(expected);
  });

  it('ignores truncated, corrupt and foreign entries, and removes them', async () => {
    const root = await makeSite(site);
    await buildAt(root);
    const folder = path.join(cacheFolder(root), 'posts');
    const [first, second, third] = await entries(root);
    if (!first || !second || !third) throw new Error('expected three entries');
    const original = await readFile(path.join(folder, first));
    // Truncated: half the file.
    await truncate(path.join(folder, first), Math.floor(original.length / 2));
    // Corrupt: one byte flipped near the end (in the HTML).
    const bytes = await readFile(path.join(folder, second));
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0x20;
    await writeFile(path.join(folder, second), bytes);
    // Foreign: another post's intact entry under this post's name.
    await copyFile(path.join(folder, second), path.join(folder, third));
    // Litter: not an entry at all.
    await writeFile(path.join(folder, 'notes.txt'), 'hello');
    await writeFile(path.join(folder, `${'0'.repeat(64)}.bin`), 'RUBRIC-CACHE-1\ngarbage');

    const { warm, output, expected } = await warmAndClean(root);
    expect(warm.cachedPosts).toBe(0);
    expect(output).toEqual(expected);
    expect(await entries(root)).toEqual([first, second, third].sort());
  });

  it('is neither read nor written with cache: false', async () => {
    const root = await makeSite(site);
    const built = await buildAt(root, { cache: false });
    expect(built.result.ok).toBe(true);
    expect(await listFiles(root)).not.toContainEqual(expect.stringMatching(/^\.cache\//));
  });
});

describe('rubric build --no-cache and rubric clean', () => {
  const io = (cwd: string) => ({
    out: () => undefined,
    err: () => undefined,
    color: false,
    cwd,
    now: NOW,
  });

  it('--no-cache leaves no cache; clean removes one', async () => {
    const root = await makeSite(site);
    expect(await run(['build', '--no-cache'], io(root))).toBe(0);
    expect(await listFiles(root)).not.toContainEqual(expect.stringMatching(/^\.cache\//));
    expect(await run(['build'], io(root))).toBe(0);
    expect(await entries(root)).toHaveLength(3);
    const lines: string[] = [];
    expect(await run(['clean'], { ...io(root), out: (line) => lines.push(line) })).toBe(0);
    expect(lines).toEqual(['removed the build cache .cache/rubric/']);
    expect(await listFiles(root)).not.toContainEqual(expect.stringMatching(/^\.cache\//));
    expect(await listFiles(path.join(root, 'dist'))).toContain('index.html');
  });
});

/** The shape of a comments cache entry, as far as this test reads it. */
function isParsedComments(value: unknown): value is ParsedComments {
  return typeof value === 'object' && value !== null && 'comments' in value;
}

describe('the comments cache', () => {
  const thread = (who: string) =>
    `- id: "1"\n  author: ${who}\n  date: 2025-01-05T10:00:00\n  body: |\n    Thanks, *${who}* here.\n`;
  const withComments = {
    ...site,
    'posts/2025-01-01-a.comments.yaml': thread('Layla'),
    'posts/2025-01-02-b.comments.yaml': thread('Omid'),
  };
  const commentEntries = async (root: string) =>
    (await readdir(path.join(cacheFolder(root), 'comments'))).sort();

  it('keeps one entry per comments file, read by the next build, with the same output', async () => {
    const root = await makeSite(withComments);
    await buildAt(root);
    expect(await commentEntries(root)).toHaveLength(2);
    const { output, expected } = await warmAndClean(root);
    expect(output).toEqual(expected);
    expect(output['2025/01/a/index.html']).toContain('Layla');
  });

  it('is read: an entry changed in place (still well-formed) is what the page shows', async () => {
    const root = await makeSite(withComments);
    await buildAt(root);
    const folder = path.join(cacheFolder(root), 'comments');
    for (const name of await commentEntries(root)) {
      const file = path.join(folder, name);
      const key = name.slice(0, -'.bin'.length);
      const value = decodeEntry(await readFile(file), key, isParsedComments);
      if (!value) throw new Error(`${name} is not a comments entry`);
      const comments = value.comments.map((c) => ({ ...c, html: '<p>From the cache.</p>' }));
      await writeFile(file, encodeEntry(key, { ...value, comments }));
    }
    const warm = await buildAt(root);
    expect((await warm.page('/2025/01/a/'))('.comment .comment-body').first().text().trim()).toBe(
      'From the cache.',
    );
  });

  it('reads a damaged entry as a miss, and drops the entry of a file that is gone', async () => {
    const root = await makeSite(withComments);
    await buildAt(root);
    const [first] = await commentEntries(root);
    await writeFile(path.join(cacheFolder(root), 'comments', first ?? ''), 'not an entry');
    await rm(path.join(root, 'posts/2025-01-02-b.comments.yaml'));
    const { output, expected } = await warmAndClean(root);
    expect(output).toEqual(expected);
    expect(await commentEntries(root)).toHaveLength(1);
  });
});
