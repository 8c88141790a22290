/**
 * `rubric dev` under load and when a rebuild throws: no reader ever gets a page that is
 * empty or cut short while the page is being rewritten, and a rebuild that fails with a
 * thrown error is printed, reaches open pages as an overlay message, and does not stop
 * the next change from rebuilding.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dev, type DevServer } from '../../src/dev/dev.js';
import { EVENTS_PATH, injectClient, type ReloadMessage } from '../../src/dev/reload.js';
import { makeSite, post, writeFiles } from '../support/site.js';

let server: DevServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** A post long enough that writing its page takes more than one system call. */
function longPost(version: number): string {
  // One long paragraph: quick to parse, long to write.
  const filler = Array.from(
    { length: 1500 },
    (_, i) => `Sentence ${i} of version ${version}, about shipping in the Gulf.`,
  );
  return post({ title: `Tides, version ${version}`, date: '2025-02-01' }, filler.join(' '));
}

async function start(root: string, log: string[] = []): Promise<DevServer> {
  server = await dev({
    root,
    port: 0,
    strictPort: true,
    host: '127.0.0.1',
    cache: false,
    log: (line) => log.push(line),
  });
  return server;
}

interface Reply {
  readonly status: number;
  readonly body: Buffer;
}

function get(url: string, agent: Agent): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Listens to the reload stream; `next(type)` resolves with the next message of that type. */
function listen(url: string) {
  const messages: ReloadMessage[] = [];
  const waiting: { type: string; resolve: (m: ReloadMessage) => void }[] = [];
  const req = request(new URL(EVENTS_PATH, url), (res) => {
    res.setEncoding('utf8');
    let buffer = '';
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!event.startsWith('data: ')) continue;
        const message = JSON.parse(event.slice('data: '.length)) as ReloadMessage;
        const i = waiting.findIndex((w) => w.type === message.type);
        if (i === -1) messages.push(message);
        else waiting.splice(i, 1)[0]?.resolve(message);
      }
    });
  });
  req.on('error', () => undefined);
  req.end();
  return {
    next(type: ReloadMessage['type']): Promise<ReloadMessage> {
      const i = messages.findIndex((m) => m.type === type);
      if (i !== -1) return Promise.resolve(messages.splice(i, 1)[0] as ReloadMessage);
      return new Promise((resolve) => waiting.push({ type, resolve }));
    },
    close: () => req.destroy(),
  };
}

describe('rubric dev under load', () => {
  it('never answers 200 with an empty or cut-short page while pages are rewritten', async () => {
    const root = await makeSite({
      'posts/2025-02-01-tides.md': longPost(0),
      'posts/2025-01-01-oman.md': post({ title: 'Oman', date: '2025-01-01', labels: 'Oman' }),
    });
    const dev = await start(root);
    const file = '2025/02/tides/index.html';
    const url = new URL(file.replace(/index\.html$/, ''), dev.url).href;
    const home = new URL('./', dev.url).href;
    // Every version of the two pages that was ever on the disk, whole.
    const whole = new Map<string, Set<string>>([
      [url, new Set()],
      [home, new Set()],
    ]);
    const remember = async () => {
      whole.get(url)?.add(injectClient(await readFile(path.join(dev.outDir, file), 'utf8'), file));
      const homeHtml = await readFile(path.join(dev.outDir, 'index.html'), 'utf8');
      whole.get(home)?.add(injectClient(homeHtml, 'index.html'));
    };
    await remember();

    const agent = new Agent({ keepAlive: true, maxSockets: 50 });
    const replies: { url: string; reply: Reply }[] = [];
    let editing = true;
    const MAX_REQUESTS = 4000;
    const reader = async (n: number) => {
      for (let i = 0; editing && replies.length < MAX_REQUESTS; i++) {
        const target = (n + i) % 4 === 0 ? home : url;
        replies.push({ url: target, reply: await get(target, agent) });
      }
    };
    const readers = Array.from({ length: 50 }, (_, n) => reader(n));
    for (let version = 1; version <= 12; version++) {
      await writeFiles(root, { 'posts/2025-02-01-tides.md': longPost(version) });
      // The watcher's event can arrive after idle() looks; wait for the page to change.
      for (let tries = 0; tries < 200; tries++) {
        await dev.idle();
        const html = await readFile(path.join(dev.outDir, file), 'utf8').catch(() => '');
        if (html.includes(`Tides, version ${version}<`)) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await remember();
    }
    editing = false;
    await Promise.all(readers);
    agent.destroy();

    expect(whole.get(url)?.size).toBe(13);
    const oks = replies.filter(({ reply }) => reply.status === 200);
    expect(oks.length).toBeGreaterThan(500);
    const bad = oks.filter(
      ({ url: at, reply }) => !whole.get(at)?.has(reply.body.toString('utf8')),
    );
    expect(bad.map(({ url: at, reply }) => `${at}: ${reply.body.length} bytes`)).toEqual([]);
    expect(replies.filter(({ reply }) => reply.status !== 200)).toEqual([]);
  }, 120_000);
});

describe('a rebuild that throws', () => {
  it('is printed and shown in open pages, and the next change still rebuilds', async () => {
    const root = await makeSite({
      'posts/2025-01-01-oman.md': post({ title: 'Oman', date: '2025-01-01' }),
    });
    const log: string[] = [];
    const dev = await start(root, log);
    const events = listen(dev.url);
    try {
      // A file where the output folder should be: writing the site can only throw.
      await rm(dev.outDir, { recursive: true });
      await writeFile(dev.outDir, 'not a folder');
      await writeFiles(root, {
        'posts/2025-01-01-oman.md': post({ title: 'Oman talks', date: '2025-01-01' }),
      });
      const failed = await events.next('failed');
      expect(failed.type === 'failed' && failed.errors.map((e) => e.name)).toEqual([
        'RebuildFailed',
      ]);
      expect(failed.type === 'failed' && failed.errors[0]?.message).toContain(dev.outDir);
      expect(
        log.some((line) => line.startsWith('rebuild failed: ') && line.includes(dev.outDir)),
      ).toBe(true);

      await rm(dev.outDir);
      await writeFiles(root, {
        'posts/2025-01-01-oman.md': post({ title: 'Oman, again', date: '2025-01-01' }),
      });
      const built = await events.next('built');
      expect(built.type === 'built' && built.files).toContain('2025/01/oman/index.html');
      await dev.idle();
      const page = await readFile(path.join(dev.outDir, '2025/01/oman/index.html'), 'utf8');
      expect(page).toContain('Oman, again');
    } finally {
      events.close();
    }
  }, 60_000);
});
