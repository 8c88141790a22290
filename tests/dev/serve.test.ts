/**
 * The dev server's file handler, on a real built site: pretty URLs, 404.html, content
 * types, the reload script only in HTML and only as served, and no way out of the
 * output folder.
 */
import { readFile, symlink, writeFile } from 'node:fs/promises';
import { request, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { load } from 'cheerio';
import { afterEach, describe, expect, it } from 'vitest';
import { injectClient } from '../../src/dev/reload.js';
import { serveFolder } from '../../src/dev/serve.js';
import { buildSite, post } from '../support/site.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

interface Reply {
  status: number;
  type: string;
  location: string;
  allow: string;
  body: string;
}

async function serve(basePath = '/') {
  const built = await buildSite({
    'site.yaml': basePath === '/' ? '' : `baseUrl: ${basePath}\n`,
    'posts/a.md': post({ title: 'Alpha', date: '2025-03-01', labels: 'Oman' }),
    'static/feed.xml': '<?xml version="1.0"?><feed></feed>',
    'static/notes.txt': 'plain',
  });
  const folder = built.result.outDir;
  const server = createServer((req, res) => {
    void serveFolder({ folder, basePath: () => basePath, transform: injectClient })(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // http.request sends the path as written: no client-side `..` clean-up.
  const get = (urlPath: string, method = 'GET') =>
    new Promise<Reply>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: urlPath, method }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            type: res.headers['content-type'] ?? '',
            location: res.headers.location ?? '',
            allow: res.headers.allow ?? '',
            body,
          });
        });
      });
      req.on('error', reject);
      req.end();
    });
  return { folder, get, root: built.root };
}

describe('the dev file server', () => {
  it('serves pages at pretty URLs with the reload script, which the files do not have', async () => {
    const { get, folder } = await serve();
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.type).toBe('text/html; charset=utf-8');
    expect(load(home.body)('script[data-rubric-dev]').length).toBe(1);
    const onDisk = load(await readFile(path.join(folder, 'index.html'), 'utf8'));
    expect(onDisk('script[data-rubric-dev]').length).toBe(0);
    const label = await get('/labels/oman/');
    expect(load(label.body)('.label-name').text()).toBe('Oman');
  });

  it('redirects a folder without its slash', async () => {
    const { get } = await serve();
    const reply = await get('/labels/oman');
    expect(reply.status).toBe(301);
    expect(reply.location).toBe('/labels/oman/');
  });

  it('answers missing paths with 404.html and status 404', async () => {
    const { get } = await serve();
    const reply = await get('/no/such/page/');
    expect(reply.status).toBe(404);
    expect(load(reply.body)('title').text()).toContain('Page not found');
  });

  it.each([
    ['/style.css', 'text/css; charset=utf-8'],
    ['/feed.xml', 'text/xml; charset=utf-8'],
    ['/notes.txt', 'text/plain; charset=utf-8'],
  ])('serves %s as %s, byte for byte', async (file, type) => {
    const { get, folder } = await serve();
    const reply = await get(file);
    expect(reply.type).toBe(type);
    expect(reply.body).toBe(await readFile(path.join(folder, file), 'utf8'));
  });

  it('answers HEAD without a body', async () => {
    const { get } = await serve();
    const reply = await get('/', 'HEAD');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/labels/../../secret.txt',
    '/..%5csecret.txt',
    '//secret.txt',
    '/%00',
    '/%E0%A4%A',
    '/escape/secret.txt',
  ])('never reads outside the output folder: %s', async (attempt) => {
    const { get, folder, root } = await serve();
    await writeFile(path.join(root, 'secret.txt'), 'SECRET');
    await symlink(root, path.join(folder, 'escape'));
    const reply = await get(attempt);
    expect([400, 404]).toContain(reply.status);
    expect(reply.body).not.toContain('SECRET');
  });

  it('serves the site under the path of its baseUrl', async () => {
    const { get } = await serve('/blog/');
    expect((await get('/blog/')).status).toBe(200);
    expect((await get('/blog/labels/oman/')).status).toBe(200);
    const root = await get('/');
    expect(root.status).toBe(301);
    expect(root.location).toBe('/blog/');
    expect((await get('/labels/oman/')).status).toBe(404);
  });

  it.each([
    ['//labels', '/labels/'],
    ['///labels/oman', '/labels/oman/'],
    ['//labels//oman', '/labels/oman/'],
  ])('redirects %s to the path %s on this server, never to another host', async (asked, to) => {
    const { get } = await serve();
    const reply = await get(asked);
    expect(reply.status).toBe(301);
    expect(reply.location).toBe(to);
    // Resolved against the page it came from, the target stays on this origin.
    expect(new URL(reply.location, 'http://127.0.0.1:4000/x/').origin).toBe(
      'http://127.0.0.1:4000',
    );
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS'])(
    'answers %s with 405 and the methods it takes in Allow',
    async (method) => {
      const { get } = await serve();
      const reply = await get('/', method);
      expect(reply.status).toBe(405);
      expect(reply.allow).toBe('GET, HEAD');
    },
  );
});
