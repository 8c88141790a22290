/**
 * Search in `rubric dev`: the index is built when a search first asks for it, from memory,
 * and again only after a change to what it holds. A save does not re-index the site: the
 * log says each time the index is built, and the tests count those lines.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dev, type DevServer } from '../../src/dev/dev.js';
import { listFiles, makeSite, post, writeFiles } from '../support/site.js';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/search-blog');

let server: DevServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(): Promise<{ dev: DevServer; root: string; log: string[] }> {
  const files: Record<string, string> = {};
  for (const file of await listFiles(FIXTURE)) {
    files[file] = await readFile(path.join(FIXTURE, file), 'utf8');
  }
  const root = await makeSite({ ...files, 'static/notes.txt': 'field notes' });
  const log: string[] = [];
  server = await dev({
    root,
    port: 0,
    strictPort: true,
    host: '127.0.0.1',
    cache: false,
    log: (line) => log.push(line),
  });
  return { dev: server, root, log };
}

/** The index's entry file as the preview serves it: its page count and content hash. */
async function entry(dev: DevServer): Promise<{ pages: number; hash: string }> {
  const response = await fetch(new URL('pagefind/pagefind-entry.json', dev.url));
  expect(response.status).toBe(200);
  const json = (await response.json()) as {
    languages: Record<string, { page_count: number; hash: string }>;
  };
  const en = json.languages.en;
  if (!en) throw new Error('no English index');
  return { pages: en.page_count, hash: en.hash };
}

const indexLines = (log: readonly string[]) =>
  log.filter((line) => line.startsWith('search index:'));

/** Saves files and waits until the preview has rebuilt for them. */
async function save(dev: DevServer, root: string, log: string[], files: Record<string, string>) {
  const before = log.length;
  await writeFiles(root, files);
  await vi.waitFor(
    () => {
      expect(log.slice(before).some((line) => / changed: /.test(line))).toBe(true);
    },
    { timeout: 20_000, interval: 50 },
  );
  await dev.idle();
}

describe('search in rubric dev', () => {
  it('builds the index when a search asks for it, and again only when a post changed', async () => {
    const { dev, root, log } = await start();
    expect(indexLines(log)).toEqual([]);
    const first = await entry(dev);
    expect(first.pages).toBe(3);
    expect(indexLines(log)).toEqual([expect.stringMatching(/^search index: 3 posts in \d+ ms$/)]);
    // Asked again, it is the same index.
    expect(await entry(dev)).toEqual(first);
    // A change that no record sees (a static file) keeps it.
    await save(dev, root, log, { 'static/notes.txt': 'more field notes' });
    expect(await entry(dev)).toEqual(first);
    expect(indexLines(log)).toHaveLength(1);
    // A new post: nothing is indexed until a search asks, then the post is in.
    await save(dev, root, log, {
      'posts/2025-09-01-caviar.md': post(
        { title: 'Caviar Prices in Astrakhan', date: '2025-09-01', labels: 'fisheries' },
        'Farmed caviar now sells for less than it did.',
      ),
    });
    expect(indexLines(log)).toHaveLength(1);
    const second = await entry(dev);
    expect(second.pages).toBe(4);
    expect(indexLines(log)).toHaveLength(2);
    // A changed body changes the index too.
    await save(dev, root, log, {
      'posts/2025-09-01-caviar.md': post(
        { title: 'Caviar Prices in Astrakhan', date: '2025-09-01', labels: 'fisheries' },
        'Farmed caviar from Astrakhan now sells for less than wild caviar did.',
      ),
    });
    const third = await entry(dev);
    expect(third.pages).toBe(4);
    expect(third.hash).not.toBe(second.hash);
    // The index is served from memory: the output folder holds only the pages.
    expect((await listFiles(dev.outDir)).filter((file) => file.startsWith('pagefind/'))).toEqual(
      [],
    );
  }, 90_000);

  it('answers 404 for the index of a site without search', async () => {
    const root = await makeSite({ 'posts/a.md': post({ title: 'A', date: '2025-01-01' }) });
    server = await dev({
      root,
      port: 0,
      strictPort: true,
      host: '127.0.0.1',
      cache: false,
      log: () => undefined,
    });
    const response = await fetch(new URL('pagefind/pagefind-entry.json', server.url));
    expect(response.status).toBe(404);
  }, 60_000);
});
