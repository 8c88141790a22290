/**
 * The output folder removed while `rubric dev` runs (`rm -rf dist`, a clean in another
 * terminal, a folder of it deleted by hand): dev notices and writes it whole again,
 * without waiting for a source to change, and keeps answering meanwhile.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dev, type DevServer } from '../../src/dev/dev.js';
import { listFiles, makeSite, post } from '../support/site.js';

let server: DevServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(): Promise<{ dev: DevServer; log: string[] }> {
  const root = await makeSite({
    'posts/2025-01-01-oman.md': post({ title: 'Oman', date: '2025-01-01', labels: 'Oman' }),
    'posts/2025-02-01-iran.md': post({ title: 'Iran', date: '2025-02-01', labels: 'Iran' }),
    'static/notes.txt': 'field notes',
  });
  const log: string[] = [];
  server = await dev({
    root,
    port: 0,
    strictPort: true,
    host: '127.0.0.1',
    cache: false,
    log: (line) => log.push(line),
  });
  return { dev: server, log };
}

/** Every file of a folder with its bytes, to compare a folder with what it was. */
async function snapshot(folder: string): Promise<Map<string, string>> {
  const files = await listFiles(folder).catch(() => []);
  const entries = await Promise.all(
    files.map(async (f) => [f, await readFile(path.join(folder, f), 'hex')] as const),
  );
  return new Map(entries);
}

/** Waits (bounded) until the folder holds exactly what it held before. */
async function whole(folder: string, before: Map<string, string>): Promise<void> {
  await vi.waitFor(
    async () => {
      expect(await snapshot(folder)).toEqual(before);
    },
    { timeout: 20_000, interval: 50 },
  );
}

describe('rubric dev when its output folder goes', () => {
  it('writes the whole folder again after rm -rf of it, with no source change', async () => {
    const { dev, log } = await start();
    const before = await snapshot(dev.outDir);
    expect(before.size).toBeGreaterThan(8);
    await rm(dev.outDir, { recursive: true, force: true });
    // Meanwhile the pages are still answered.
    const home = await fetch(dev.url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Oman');
    await whole(dev.outDir, before);
    expect(log.some((line) => line.includes('is gone or incomplete: writing it whole again'))).toBe(
      true,
    );
  }, 60_000);

  it('writes it whole again when a page of a deleted subfolder is asked for', async () => {
    const { dev } = await start();
    const before = await snapshot(dev.outDir);
    await rm(path.join(dev.outDir, 'labels'), { recursive: true, force: true });
    const label = await fetch(new URL('labels/oman/', dev.url));
    expect(label.status).toBe(200);
    expect(await label.text()).toContain('Oman');
    await whole(dev.outDir, before);
  }, 60_000);

  it('serves a deleted static file again instead of a 404', async () => {
    const { dev } = await start();
    const before = await snapshot(dev.outDir);
    await rm(path.join(dev.outDir, 'notes.txt'));
    const notes = await fetch(new URL('notes.txt', dev.url));
    expect(notes.status).toBe(200);
    expect(await notes.text()).toBe('field notes');
    await whole(dev.outDir, before);
  }, 60_000);

  it('still answers 404 for a path no build wrote, and writes nothing for it', async () => {
    const { dev, log } = await start();
    const missing = await fetch(new URL('no/such/page/', dev.url));
    expect(missing.status).toBe(404);
    await dev.idle();
    expect(log.some((line) => line.includes('is gone or incomplete'))).toBe(false);
  }, 60_000);
});
