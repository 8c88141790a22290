/**
 * `--download-images`: the fixture's image host is swapped for a server on 127.0.0.1, so
 * the test fetches real bytes over HTTP without the network.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageFileName } from '../../src/import/images.js';
import { buildAt, listFiles, makeSite } from '../support/site.js';
import { CLASSIC, importInto, readPost } from './support.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
let server: Server;
let origin = '';
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (request.url?.endsWith('/muscat.jpg') === true) {
      response.writeHead(200, { 'content-type': 'image/jpeg' }).end(PNG);
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('gone');
    }
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    }),
);

/** The classic fixture with its images on the local server, and one image that is missing. */
async function exportOnLocalServer(root: string): Promise<string> {
  const text = (await readFile(CLASSIC, 'utf8'))
    .replaceAll('https://blogger.googleusercontent.com', origin)
    .replace(
      '&lt;p&gt;First notes,',
      `&lt;img src="${origin}/img/missing.png"&gt;&lt;p&gt;First notes,`,
    );
  const file = path.join(root, 'export.xml');
  await import('node:fs/promises').then((fs) => fs.writeFile(file, text));
  return file;
}

describe('--download-images DIR', () => {
  it('fetches each image once into DIR and points its src at the copy', async () => {
    const root = await makeSite({});
    const exportFile = await exportOnLocalServer(root);
    const dir = path.join(root, 'static/images/blogger');
    requests.length = 0;
    const result = await importInto(root, exportFile, { downloadImages: dir });
    // The image shown, and the full-size one Blogger links around it.
    expect(result.images?.downloaded).toBe(2);
    expect(result.images?.failed).toEqual([`${origin}/img/missing.png: the server answered 404`]);

    const saved = imageFileName(`${origin}/img/b/R29v/s320/muscat.jpg`);
    const big = imageFileName(`${origin}/img/b/R29v/s1600/muscat.jpg`);
    expect(saved).toMatch(/^[0-9a-f]{10}-muscat\.jpg$/);
    expect(await listFiles(dir)).toEqual([big, saved].sort());
    expect(await readFile(path.join(dir, saved))).toEqual(Buffer.from(PNG));
    const { body } = await readPost(root, 'posts/2025-03-14-omans-quiet-channel.md');
    expect(body).toContain(
      `[![The corniche in Muscat](/images/blogger/${saved})](/images/blogger/${big})`,
    );
    // The missing image keeps its old address rather than a broken local one.
    expect((await readPost(root, 'posts/2025-04-10-notes.md')).body).toContain(
      `${origin}/img/missing.png`,
    );

    const built = await buildAt(root);
    expect(built.result.errors).toEqual([]);
    const $ = await built.page('/2025/03/omans-quiet-channel/');
    expect($('.post-body img').attr('src')).toBe(`/images/blogger/${saved}`);
    expect($('.post-body a:has(img)').attr('href')).toBe(`/images/blogger/${big}`);
    expect(await built.exists(`/images/blogger/${saved}`)).toBe(true);

    // Run again: nothing is fetched that is already there, and no post changes.
    requests.length = 0;
    const again = await importInto(root, exportFile, { downloadImages: dir });
    expect(again.images?.present).toBe(2);
    expect(again.images?.downloaded).toBe(0);
    expect(requests).toEqual(['/img/missing.png']);
    expect(again.files.written).toEqual([]);
  });

  it('refuses a folder outside static/, where images would not be published', async () => {
    const root = await makeSite({});
    const { importBlogger } = await import('../../src/import/import.js');
    const result = await importBlogger({
      exportFile: CLASSIC,
      root,
      comments: false,
      force: false,
      downloadImages: path.join(root, 'images'),
    });
    expect(result.ok).toBe(false);
    expect(await listFiles(root)).toEqual([]);
  });
});
