/**
 * Search in a real browser (Debian's Chromium through playwright-core): the fixture blog,
 * built with `baseUrl: https://example.org/notes/`, is served as a static host would serve
 * it, under `/notes/` and nowhere else. A reader types words into the search box of the
 * home page, lands on the search page, and sees the right post with its date, labels and
 * the matched word marked; a label filter narrows the results. Waits are for what the page
 * shows, never for a time.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AxeResults } from 'axe-core';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType } from '../../src/dev/serve.js';
import { buildAt, listFiles, makeSite } from '../support/site.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'];
const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/search-blog');
const SUBPATH = '/notes/';
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** The first query loads Pagefind's WebAssembly: slow on a busy machine, so waits are long. */
const POLL = { timeout: 30_000 };

/** Serves `folder` at `SUBPATH` as a plain static host does: files, and `index.html` for folders. */
function serveUnder(folder: string): Server {
  return createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
    const notFound = () => {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    };
    if (!pathname.startsWith(SUBPATH)) {
      notFound();
      return;
    }
    const relative = pathname.slice(SUBPATH.length);
    const file = path.join(
      folder,
      relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative,
    );
    if (!file.startsWith(folder)) {
      notFound();
      return;
    }
    stat(file)
      .then(async (stats) => {
        if (!stats.isFile()) {
          notFound();
          return;
        }
        res.writeHead(200, { 'Content-Type': contentType(file) });
        res.end(await readFile(file));
      })
      .catch(notFound);
  });
}

describe('search in Chromium, under a subpath', () => {
  let context: BrowserContext;
  let profile: string;
  let server: Server;
  let origin = '';
  /** Outside the test site, which is deleted after the first test. */
  let outDir = '';

  beforeAll(async () => {
    const files: Record<string, string> = {};
    for (const file of await listFiles(FIXTURE)) {
      files[file] = await readFile(path.join(FIXTURE, file), 'utf8');
    }
    outDir = await mkdtemp(path.join(tmpdir(), 'rubric-search-'));
    const built = await buildAt(await makeSite(files), { outDir: path.join(outDir, 'dist') });
    expect(built.result.errors).toEqual([]);
    server = serveUnder(built.result.outDir);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    origin = `http://127.0.0.1:${String(address.port)}`;
    profile = await mkdtemp(path.join(tmpdir(), 'rubric-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
    });
  }, 60_000);

  afterAll(async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    await rm(outDir, { recursive: true, force: true });
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
  });

  /** The results the page shows: title, link, date, labels, snippet and its marked words. */
  async function results(page: Page) {
    return page.locator('.search-result').evaluateAll((items) =>
      items.map((item) => ({
        title: item.querySelector('.post-title a')?.textContent,
        href: item.querySelector('.post-title a')?.getAttribute('href'),
        date: item.querySelector('time')?.textContent,
        labels: Array.from(item.querySelectorAll('.post-labels a')).map((a) => a.textContent),
        marked: Array.from(item.querySelectorAll('.search-snippet mark')).map((m) => m.textContent),
      })),
    );
  }

  it('finds a post from the search box and marks the word', async () => {
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(response.url());
    });
    await page.goto(`${origin}${SUBPATH}`);
    await page.getByRole('searchbox', { name: 'Search this blog' }).fill('sturgeon');
    await page.getByRole('searchbox', { name: 'Search this blog' }).press('Enter');
    await expect
      .poll(() => page.locator('.search-status').textContent(), POLL)
      .toBe('1 post found');
    expect(new URL(page.url()).pathname).toBe('/notes/search/');
    expect(await results(page)).toEqual([
      {
        title: 'Sturgeon Quotas After the Moratorium',
        href: '/notes/2024/11/sturgeon-quotas/',
        date: 'November 3, 2024',
        labels: ['fisheries', 'Kazakhstan'],
        marked: ['Sturgeon', 'sturgeon'],
      },
    ]);
    expect(failed).toEqual([]);
    await page.close();
  }, 60_000);

  it('narrows by label, and shows titles and text as text', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}${SUBPATH}search/?q=ferries`);
    await expect
      .poll(() => page.locator('.search-status').textContent(), POLL)
      .toBe('2 posts found');
    const titles = (await results(page)).map((result) => result.title).sort();
    expect(titles).toEqual([
      "Aktau's Port Expansion & the Middle Corridor",
      'Reading <Ferry> Timetables Across the Caspian',
    ]);
    // `<Ferry>` and `&` are text, in titles and snippets: no element came of them.
    expect(await page.locator('.search-results ferry').count()).toBe(0);
    expect(await page.locator('.search-snippet').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Reading <Ferry> Timetables'),
        expect.stringContaining('ferries to Baku & Alat'),
      ]),
    );
    // The page's form keeps the query, and a label narrows it.
    expect(await page.getByRole('searchbox').inputValue()).toBe('ferries');
    await page.getByLabel('Label').selectOption('Kazakhstan');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect
      .poll(() => page.locator('.search-status').textContent(), POLL)
      .toBe('1 post found');
    const [aktau] = await results(page);
    expect(aktau?.title).toBe("Aktau's Port Expansion & the Middle Corridor");
    expect(aktau?.marked).toEqual(['ferries']);
    await page.close();
  }, 60_000);

  it('shows results with no serious or critical axe violation, in light or dark mode', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}${SUBPATH}search/?q=ferries`);
    await expect
      .poll(() => page.locator('.search-status').textContent(), POLL)
      .toBe('2 posts found');
    await page.addScriptTag({ path: AXE_SOURCE });
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await page.evaluate<AxeResults>(
        "axe.run(document, { resultTypes: ['violations'] })",
      );
      for (const rule of results.violations) {
        if (rule.impact !== 'serious' && rule.impact !== 'critical') continue;
        found.push(
          ...rule.nodes.map((node) => `${colorScheme} ${rule.id}: ${node.target.join(' ')}`),
        );
      }
    }
    expect(found).toEqual([]);
    await page.close();
  }, 60_000);

  it('lists a year newest first when no words are given', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}${SUBPATH}search/?year=2025`);
    await expect
      .poll(() => page.locator('.search-status').textContent(), POLL)
      .toBe('2 posts found');
    expect((await results(page)).map((result) => result.date)).toEqual([
      'June 7, 2025',
      'February 18, 2025',
    ]);
    await page.close();
  }, 60_000);
});
