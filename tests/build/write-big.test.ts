/**
 * The write stage on a site big enough that a worker thread writes its staged files
 * (`src/write/sink.ts`), and the commit that moves a folder new to the output in whole:
 * whichever way the files get there, the output is the same as a clean build's.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { THREAD_FROM } from '../../src/write/sink.js';
import { buildAt, listFiles, makeSite, post, writeFiles } from '../support/site.js';

const LABELS = ['Oman', 'Iran', 'Trade & Tariffs', 'Россия'];
const DAY = 86_400_000;

/** `count` posts from 2023-01-01 on, one a day; post i has label i mod 4. */
function posts(from: number, count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = from; i < from + count; i++) {
    const date = new Date(Date.UTC(2023, 0, 1) + i * DAY).toISOString().slice(0, 10);
    files[`posts/${date}-dispatch-${String(i)}.md`] = post(
      { title: `Dispatch ${String(i)}`, date, labels: LABELS[i % LABELS.length] ?? '' },
      `Day ${String(i)} of the talks.`,
    );
  }
  return files;
}

/** Every file of a folder and its text. */
async function snapshot(folder: string): Promise<Map<string, string>> {
  const files = await listFiles(folder);
  return new Map(
    await Promise.all(
      files.map(async (f) => [f, await readFile(path.join(folder, f), 'utf8')] as const),
    ),
  );
}

describe('writing a big site', () => {
  const COUNT = THREAD_FROM + 20;

  it('stages every page through the writer thread, into no folder or an empty one alike', async () => {
    const root = await makeSite(posts(0, COUNT));
    const first = await buildAt(root, { cache: false });
    expect(first.result.ok).toBe(true);
    const output = await snapshot(path.join(root, 'dist'));
    expect(output.size).toBeGreaterThan(THREAD_FROM);
    for (const i of [0, 150, COUNT - 1]) {
      const date = new Date(Date.UTC(2023, 0, 1) + i * DAY).toISOString().slice(0, 10);
      const url = `/${date.slice(0, 4)}/${date.slice(5, 7)}/dispatch-${String(i)}/`;
      expect((await first.page(url))('h1').first().text()).toBe(`Dispatch ${String(i)}`);
    }
    const empty = path.join(root, 'empty');
    await mkdir(empty);
    expect((await buildAt(root, { cache: false, outDir: empty })).result.ok).toBe(true);
    expect(await snapshot(empty)).toEqual(output);
    expect(await listFiles(root)).not.toContainEqual(expect.stringMatching(/staging/));
  }, 120_000);

  it('moves folders new to the output in whole, and the result equals a clean build', async () => {
    const root = await makeSite(posts(0, COUNT));
    await buildAt(root);
    // New posts a year on: new year and month folders; one post gone, one label changed.
    await rm(path.join(root, Object.keys(posts(7, 1))[0] ?? ''));
    await writeFiles(root, { ...posts(COUNT + 400, 3), ...posts(9, 1) });
    await writeFiles(root, {
      [Object.keys(posts(9, 1))[0] ?? '']: post(
        { title: 'Dispatch 9', date: '2023-01-10', labels: 'Qatar' },
        'Day 9 of the talks.',
      ),
    });
    expect((await buildAt(root)).result.ok).toBe(true);
    const clean = path.join(root, 'clean');
    expect((await buildAt(root, { cache: false, outDir: clean })).result.ok).toBe(true);
    const output = await snapshot(path.join(root, 'dist'));
    expect(output).toEqual(await snapshot(clean));
    const qatar = load(output.get('labels/qatar/index.html') ?? '');
    expect(qatar('main a[href$="/dispatch-9/"]').length).toBeGreaterThan(0);
  }, 120_000);
});
