/**
 * The built-in theme is accessible: a code-heavy fixture blog (highlighted code in a
 * dozen languages, a wide table, long lines in `<pre>`, a table of contents, footnotes,
 * pagers) is built and every kind of page is checked by axe-core in Debian's Chromium, in
 * light and in dark mode, with no serious or critical violation allowed. The page
 * structure (one `<h1>`, a skip link to `<main>`, focusable scrolling blocks) is checked
 * on the parsed output too, which needs no browser.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AxeResults } from 'axe-core';
import { HtmlValidate } from 'html-validate';
import { lookup } from 'mrmime';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAt, listFiles, makeSite, type BuiltSite } from '../support/site.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** The built site is served to the browser from memory at this made-up origin. */
const ORIGIN = 'http://tide-tables.test';
const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/code-blog');
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Every kind of page the theme has, with the one `<h1>` each must have. */
const PAGES = [
  { url: '/', h1: 'Tide Tables' },
  { url: '/page/2/', h1: 'Tide Tables' },
  { url: '/labels/data/', h1: 'data' },
  { url: '/labels/data/page/2/', h1: 'data' },
  { url: '/2025/01/harbour-registry-scraper/', h1: 'Scraping the harbour registry' },
  { url: '/2025/02/typed-tide-parser/', h1: 'A typed parser for tide tables' },
  { url: '/2025/03/styling-the-tide-chart/', h1: 'Styling the tide chart' },
  { url: '/archive/', h1: 'Archive' },
  { url: '/2025/', h1: '2025 (4 posts)' },
  { url: '/2025/03/', h1: 'March 2025 (2 posts)' },
  { url: '/labels/', h1: 'Labels' },
  { url: '/authors/ines/', h1: 'Inês Carvalho' },
  { url: '/authors/ines/page/2/', h1: 'Inês Carvalho' },
  { url: '/404.html', h1: 'Page not found' },
  { url: '/search/', h1: 'Search' },
] as const;

let built: BuiltSite;
let outDir = '';

beforeAll(async () => {
  const files: Record<string, string> = {};
  for (const file of await listFiles(FIXTURE)) {
    files[file] = await readFile(path.join(FIXTURE, file), 'utf8');
  }
  outDir = await mkdtemp(path.join(tmpdir(), 'rubric-axe-'));
  built = await buildAt(await makeSite(files), { outDir: path.join(outDir, 'dist') });
}, 60_000);
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('the theme’s page structure', () => {
  it('builds the fixture blog cleanly, with its code highlighted', async () => {
    expect(built.result.errors).toEqual([]);
    expect(built.result.warnings).toEqual([]);
    const $ = await built.page('/2025/02/typed-tide-parser/');
    const languages = $('pre code')
      .map((_, code) => ($(code).attr('class') ?? '').replace('hljs language-', ''))
      .get();
    expect(languages).toEqual(['ts', 'rust', 'go', 'yaml', 'diff']);
    expect($('pre .hljs-keyword').length).toBeGreaterThan(20);
  });

  it('gives every page one <h1>: the site, label, post or archive title', async () => {
    for (const { url, h1 } of PAGES) {
      const $ = await built.page(url);
      expect($('h1').length, url).toBe(1);
      expect($('h1').text().replace(/\s+/g, ' ').trim(), url).toBe(h1);
    }
  });

  it('starts every page with a skip link to <main>', async () => {
    for (const { url } of PAGES) {
      const $ = await built.page(url);
      const first = $('body a').first();
      expect(first.attr('href'), url).toBe('#main');
      expect(first.text(), url).toBe('Skip to main content');
      expect($('main#main').length, url).toBe(1);
    }
  });

  it('writes valid HTML on every page', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: { 'long-title': 'off' },
    });
    const problems: string[] = [];
    for (const file of (await built.files()).filter((f) => f.endsWith('.html'))) {
      const html = await readFile(path.join(built.result.outDir, file), 'utf8');
      const report = await validator.validateString(html, file);
      for (const message of report.results.flatMap((result) => result.messages)) {
        problems.push(`${file}:${String(message.line)} ${message.ruleId} ${message.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('lets the keyboard reach every code block and table', async () => {
    const $ = await built.page('/2025/01/harbour-registry-scraper/');
    expect($('.post-body pre').length).toBe(4);
    expect($('.post-body table').length).toBe(1);
    for (const block of $('.post-body pre, .post-body table').toArray()) {
      expect($(block).attr('tabindex')).toBe('0');
    }
    // List pages show the same blocks, as focusable as on the post page.
    const home = await built.page('/page/2/');
    expect(home('.post-body pre').length).toBeGreaterThan(0);
    expect(home('.post-body pre:not([tabindex="0"])').length).toBe(0);
  });
});

/** A page's axe violations of serious or critical impact, one readable line per node. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await page.evaluate<AxeResults>(
    "axe.run(document, { resultTypes: ['violations'] })",
  );
  return results.violations
    .filter((rule) => rule.impact === 'serious' || rule.impact === 'critical')
    .flatMap((rule) =>
      rule.nodes.map((node) => `${rule.id}: ${node.target.join(' ')} ${node.failureSummary ?? ''}`),
    );
}

describe.skipIf(!existsSync(CHROMIUM))('the theme in Chromium, checked by axe', () => {
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    profile = await mkdtemp(path.join(tmpdir(), 'rubric-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
    });
    // The built files, served as a static host would; nothing leaves the machine.
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN) return route.abort();
      const file = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
      const body = await readFile(path.join(built.result.outDir, file)).catch(() => null);
      if (body === null) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ body, contentType: lookup(file) ?? 'application/octet-stream' });
    });
  }, 60_000);

  afterAll(async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  });

  it('has no serious or critical violation on any page, in light or dark mode', async () => {
    const page = await context.newPage();
    const found: string[] = [];
    for (const { url } of PAGES) {
      await page.goto(`${ORIGIN}${url}`);
      await page.addScriptTag({ path: AXE_SOURCE });
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        found.push(...(await seriousViolations(page)).map((v) => `${url} (${colorScheme}) ${v}`));
      }
    }
    expect(found).toEqual([]);
  }, 240_000);

  it('has none on a phone-sized screen either, where tables scroll too', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${ORIGIN}/2025/01/harbour-registry-scraper/`);
    const table = page.locator('.post-body table');
    // The table is wider than the screen: a region the keyboard must be able to scroll.
    expect(await table.evaluate((t) => t.scrollWidth > t.clientWidth)).toBe(true);
    await page.addScriptTag({ path: AXE_SOURCE });
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      found.push(...(await seriousViolations(page)).map((v) => `(${colorScheme}) ${v}`));
    }
    expect(found).toEqual([]);
  }, 60_000);

  it('moves the keyboard to the main content from the skip link', async () => {
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/2025/02/typed-tide-parser/`);
    await page.keyboard.press('Tab');
    const skip = page.locator('a[href="#main"]');
    expect(await skip.evaluate((a) => a === document.activeElement)).toBe(true);
    // Hidden until focused, then on screen where a sighted keyboard user sees it.
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.width > 50 && box.height > 10).toBe(true);
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
    // The next Tab lands inside <main>, not back in the masthead.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('!!document.activeElement.closest("main")')).toBe(true);
  }, 60_000);
});
