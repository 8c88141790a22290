/** Output safety: escaping, paths that stay inside, and byte-identical output. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { insideFolder } from '../../src/write/write.js';
import { buildAt, buildSite, listFiles, makeSite, post } from '../support/site.js';

describe('escaping', () => {
  it('escapes HTML in titles, labels, authors and summaries, but not in the body', async () => {
    const built = await buildSite({
      'site.yaml': 'title: "Site <b>bold</b>"\n',
      'posts/a.md': post(
        {
          title: '"<script>alert(1)</script> & more"',
          date: '2025-01-01',
          labels: '["<script>alert(2)</script>"]',
          author: '"<img src=x onerror=alert(3)>"',
        },
        'Body with <em>real</em> HTML.',
      ),
    });
    expect(built.result.errors).toEqual([]);
    for (const url of ['/2025/01/a/', '/', '/labels/']) {
      const $ = await built.page(url);
      expect($('script:not([type="application/ld+json"])')).toHaveLength(0);
      expect($('img')).toHaveLength(0);
      expect($('b')).toHaveLength(0);
    }
    const $ = await built.page('/2025/01/a/');
    expect($('h1').text()).toBe('<script>alert(1)</script> & more');
    expect($('.post-labels a').text()).toBe('<script>alert(2)</script>');
    expect($('.post-author').text()).toBe('<img src=x onerror=alert(3)>');
    expect($('.site-title').text()).toBe('Site <b>bold</b>');
    expect($('.post-body em').text()).toBe('real');
    // The JSON-LD holds the title as data: one script element, parsed whole.
    const jsonLd = $('script[type="application/ld+json"]');
    expect(jsonLd).toHaveLength(1);
    expect(JSON.parse(jsonLd.text())).toMatchObject({
      headline: '<script>alert(1)</script> & more',
      keywords: '<script>alert(2)</script>',
    });
  });
});

describe('paths', () => {
  it('keeps a label named ../../x inside the output folder', async () => {
    const root = await makeSite({
      'posts/a.md': post({ title: 'A', date: '2025-01-01', labels: '["../../x"]' }),
    });
    const built = await buildAt(root, { outDir: path.join(root, 'out', 'dist'), cache: false });
    expect(built.result.errors).toEqual([]);
    expect(await built.exists('/labels/x/')).toBe(true);
    expect((await listFiles(root)).filter((f) => !f.startsWith('out/dist/'))).toEqual([
      'posts/a.md',
    ]);
  });

  it('rejects a slug of ../../x with a fix instead of writing outside', async () => {
    const root = await makeSite({
      'posts/a.md': post({ title: 'A', date: '2025-01-01', slug: '../../x' }),
    });
    const built = await buildAt(root, { cache: false });
    expect(built.result.errors).toEqual([
      expect.objectContaining({ name: 'InvalidSlug', file: 'posts/a.md', line: 4, column: 7 }),
    ]);
    expect(await listFiles(root)).toEqual(['posts/a.md']);
  });

  it('refuses to write any path that leaves the folder', () => {
    expect(() => insideFolder('/tmp/out', '../x/index.html')).toThrow(/outside/);
    expect(() => insideFolder('/tmp/out', '/etc/passwd')).toThrow(/outside/);
    expect(() => insideFolder('/tmp/out', 'a/../../b')).toThrow(/outside/);
    expect(insideFolder('/tmp/out', 'a/b/index.html')).toBe('/tmp/out/a/b/index.html');
  });
});

describe('determinism', () => {
  const files = {
    // With a host, so that feeds and the sitemap are part of what must not change.
    'site.yaml': 'timezone: Asia/Tehran\nbaseUrl: https://example.org/\n',
    'posts/b.md': post({ title: 'B', date: '2025-03-01T23:30', labels: '[Oman, Gulf]' }),
    'posts/a.md': post({ title: 'A', date: '2025-03-01T23:30', labels: '[Gulf, Oman]' }),
    'posts/c.md': post({ title: 'C', date: '2025-03-31T22:00:00Z', labels: 'Iran' }),
  };

  async function snapshot(root: string, outDir: string): Promise<Map<string, string>> {
    const built = await buildAt(root, { outDir });
    expect(built.result.errors).toEqual([]);
    const contents = new Map<string, string>();
    for (const file of await listFiles(outDir)) {
      contents.set(file, await readFile(path.join(outDir, file), 'utf8'));
    }
    return contents;
  }

  it('writes byte-identical output on two builds', async () => {
    const root = await makeSite(files);
    const first = await snapshot(root, path.join(root, 'one'));
    const second = await snapshot(root, path.join(root, 'two'));
    expect(second).toEqual(first);
  });

  it('writes the same bytes whatever the host time zone', async () => {
    const root = await makeSite(files);
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const utc = await snapshot(root, path.join(root, 'utc'));
      process.env.TZ = 'Pacific/Auckland';
      const auckland = await snapshot(root, path.join(root, 'auckland'));
      expect(auckland).toEqual(utc);
      // 2025-03-31T22:00Z is already April in Tehran (+03:30): the site's zone decides.
      expect([...utc.keys()]).toContain('2025/04/c/index.html');
      expect([...utc.keys()]).toEqual(expect.arrayContaining(['feed.xml', 'sitemap.xml']));
    } finally {
      process.env.TZ = saved;
    }
  });
});
