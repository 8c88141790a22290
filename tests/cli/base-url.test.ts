/** `--base-url` and `RUBRIC_BASE_URL`: another address for one build (a preview deploy). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { runBin } from '../support/cli.js';
import { crawl } from '../support/crawl.js';
import { makeSite, post } from '../support/site.js';

const site = {
  'site.yaml': 'title: T\nbaseUrl: https://example.org/blog/\n',
  'posts/a.md': post({ title: 'A', date: '2025-01-01', labels: 'Oman' }),
};

const PREVIEW = 'https://preview.example.net/pr-12/';

/** The canonical URL of the built home page. */
async function canonical(root: string): Promise<string | undefined> {
  const $ = load(await readFile(path.join(root, 'dist/index.html'), 'utf8'));
  return $('link[rel=canonical]').attr('href');
}

describe('--base-url', () => {
  it("replaces site.yaml's baseUrl for one build, and every link follows it", async () => {
    const root = await makeSite(site);
    const result = await runBin(['build', '--base-url', PREVIEW], root);
    expect(result.code).toBe(0);
    expect(await canonical(root)).toBe(PREVIEW);
    expect((await crawl(path.join(root, 'dist'), PREVIEW)).broken).toEqual([]);
    await runBin(['build'], root);
    expect(await canonical(root)).toBe('https://example.org/blog/');
  });

  it('is read from RUBRIC_BASE_URL, and the option wins over it', async () => {
    const root = await makeSite(site);
    await runBin(['build'], root, { RUBRIC_BASE_URL: PREVIEW });
    expect(await canonical(root)).toBe(PREVIEW);
    await runBin(['build', '--base-url', 'https://other.example.net/'], root, {
      RUBRIC_BASE_URL: PREVIEW,
    });
    expect(await canonical(root)).toBe('https://other.example.net/');
  });

  it('fails the build, writing nothing, when it is not a URL or a path', async () => {
    const root = await makeSite(site);
    const result = await runBin(['build', '--base-url', 'ftp://x'], root);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(
      'error site  --base-url must be an absolute URL, or a path starting with /, not "ftp://x". Write it like `--base-url https://preview.example.org/blog/`. [ConfigInvalid]',
    );
  });
});
