/** `rubric dev` from the command line: serving, stopping cleanly, and a taken port. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { run, type CliIO } from '../../src/cli.js';
import { dev } from '../../src/dev/dev.js';
import { capture as captureIn } from '../support/cli.js';
import { makeSite, post } from '../support/site.js';

function capture(cwd: string, extra: Partial<CliIO> = {}) {
  const io = captureIn(cwd, extra);
  return { io, stdout: io.stdout, stderr: io.stderr };
}

const files = { 'posts/a.md': post({ title: 'Alpha', date: '2025-01-01' }) };

describe('rubric dev', () => {
  it('builds, serves, prints the URL, and stops cleanly when told', async () => {
    const root = await makeSite(files);
    const stop = new AbortController();
    let served = '';
    const { io, stdout } = capture(root, {
      stop: stop.signal,
      onServing: (url) => {
        served = url;
        void fetch(url)
          .then((res) => res.text())
          .then((html) => {
            served = load(html)('.post-title').first().text().trim();
            stop.abort();
          });
      },
    });
    expect(await run(['dev', '--port', '0'], io)).toBe(0);
    expect(served).toBe('Alpha');
    expect(stdout.some((line) => /^serving http:\/\/127\.0\.0\.1:\d+\/ /.test(line))).toBe(true);
    expect(stdout.at(-1)).toBe('stopped');
  });

  it('says so when the port it was given is taken', async () => {
    const root = await makeSite(files);
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      const { io, stderr } = capture(root);
      expect(await run(['dev', '--port', String(port)], io)).toBe(2);
      expect(stderr.join('\n')).toContain(`port ${port} is already in use`);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it('takes the next free port when the default one is taken', async () => {
    const root = await makeSite(files);
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      const server = await dev({
        root,
        port,
        strictPort: false,
        host: '127.0.0.1',
        log: () => undefined,
      });
      const chosen = Number(new URL(server.url).port);
      await server.close();
      expect(chosen).toBeGreaterThan(port);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it('rejects a port that is not a number', async () => {
    const { io, stderr } = capture(await makeSite(files));
    expect(await run(['dev', '--port', 'http'], io)).toBe(2);
    expect(stderr.join('\n')).toContain('--port must be a number');
  });
});
