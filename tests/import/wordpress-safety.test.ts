/**
 * The WordPress import's guarantees, as the Blogger import's: `--dry-run` writes nothing,
 * a second run writes nothing, an edited post is kept without `--force`, DTDs are never
 * loaded, and a file that is not a WXR export is refused, saying what it is. Also
 * `--download-images` with WordPress's resized copies, against a local server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageFileName } from '../../src/import/images.js';
import { importWordPress } from '../../src/import/wordpress/import.js';
import { listFiles, makeSite } from '../support/site.js';
import { readPost } from './support.js';
import { WXR, importWxr } from './wordpress-support.js';

const MUSCAT = 'posts/2024-03-15-a-week-in-muscat.md';

async function attempt(root: string, text: string) {
  const file = path.join(root, 'export.xml');
  await writeFile(file, text);
  return importWordPress({
    exportFile: file,
    root,
    comments: false,
    force: false,
    downloadImages: null,
  });
}

describe('running the WordPress import again', () => {
  it('--dry-run reports the files and writes none', async () => {
    const root = await makeSite({});
    const result = await importWxr(root, WXR, { dryRun: true });
    expect(result.dryRun).toBe(true);
    expect(result.files.written).toContain(MUSCAT);
    expect(result.files.written).toContain('site.yaml');
    expect(await listFiles(root)).toEqual([]);
  });

  it('writes nothing the second time, and keeps an edited post without --force', async () => {
    const root = await makeSite({});
    const first = await importWxr(root);
    const second = await importWxr(root);
    expect(second.files.written).toEqual([]);
    // site.yaml already has its redirects, so the plan leaves it alone.
    expect(second.files.unchanged).toEqual(first.files.written.filter((f) => f !== 'site.yaml'));
    await writeFile(path.join(root, MUSCAT), 'edited by hand\n');
    const third = await importWxr(root);
    expect(third.files.kept).toEqual([MUSCAT]);
    expect(await readFile(path.join(root, MUSCAT), 'utf8')).toBe('edited by hand\n');
    const forced = await importWxr(root, WXR, { force: true });
    expect(forced.files.written).toEqual([MUSCAT]);
  });
});

describe('what is not a WordPress export', () => {
  it('refuses a Blogger export, saying what it is', async () => {
    const root = await makeSite({});
    const result = await attempt(
      root,
      '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>B</title></feed>',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toBe(
      'This is an Atom feed (a Blogger export is one: rubric import blogger reads it), not a WordPress export (WXR), which is RSS 2.0.',
    );
    expect(await listFiles(root)).toEqual(['export.xml']);
  });

  it("refuses a blog's RSS feed, which is not an export", async () => {
    const root = await makeSite({});
    const result = await attempt(
      root,
      '<rss version="2.0"><channel><item><title>A</title></item></channel></rss>',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/^This RSS feed is not a WordPress export/);
  });

  it('does not load an external entity from a DTD', async () => {
    const secretDir = await makeSite({ 'secret.txt': 'TOP-SECRET-VALUE' });
    const root = await makeSite({});
    const text = (await readFile(WXR, 'utf8'))
      .replace(
        '<rss ',
        `<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://${path.join(secretDir, 'secret.txt')}">]>\n<rss `,
      )
      .replace('<title>Notes from the Gulf</title>', '<title>&xxe;</title>');
    const result = await attempt(root, text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('undefined entity');
    expect(await listFiles(root)).toEqual(['export.xml']);
  });
});

describe('--download-images with WordPress uploads', () => {
  const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7]);
  let server: Server;
  let origin = '';
  const requests: string[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      // Only the full-size uploads exist: fetching a resized copy would fail.
      if (/\/(?:corniche|dallah)\.jpg$/.test(request.url ?? '')) {
        response.writeHead(200, { 'content-type': 'image/jpeg' }).end(PNG);
      } else {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('gone');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  );

  it('fetches the full-size file once for every size, and points body and image at it', async () => {
    const root = await makeSite({});
    const exportFile = path.join(root, 'export.xml');
    const uploads = 'https://gulfnotes.example/wp-content/uploads';
    await writeFile(
      exportFile,
      (await readFile(WXR, 'utf8')).replaceAll(uploads, `${origin}/wp-content/uploads`),
    );
    const dir = path.join(root, 'static/images/wp');
    const result = await importWxr(root, exportFile, { downloadImages: dir });
    expect(result.images?.failed).toEqual([]);
    expect(requests.filter((r) => /-\d+x\d+\./.test(r))).toEqual([]);
    const corniche = `/images/wp/${imageFileName(`${origin}/wp-content/uploads/2024/03/corniche.jpg`)}`;
    const dallah = `/images/wp/${imageFileName(`${origin}/wp-content/uploads/2024/04/dallah.jpg`)}`;
    const muscat = await readPost(root, MUSCAT);
    expect(muscat.data.image).toBe(corniche);
    expect(muscat.body).toContain(`<img src="${corniche}"`);
    const coffee = await readPost(root, 'posts/2024-04-02-cardamom-coffee.md');
    expect(coffee.body).toContain(`<img src="${dallah}"`);
    expect(coffee.body).not.toContain('300x200');
    expect((await listFiles(dir)).length).toBe(2);
  });
});
