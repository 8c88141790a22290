/**
 * Issue 14 parts 2 and 5 in Chromium: the example site's post with a video, a figure and
 * formulas has no serious or critical axe violation in light or dark mode, draws its
 * MathML with nothing fetched (no script, no font), and sizes the player to the text
 * column at 16:9 on a phone.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import { lookup } from 'mrmime';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { buildAt, type BuiltSite } from '../support/site.js';

const CHROMIUM = '/usr/bin/chromium';
const ORIGIN = 'http://the-long-table.test';
const POST = '/2025/11/weighing-votes/';
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let built: BuiltSite;
let outDir = '';
let context: BrowserContext;
let profile = '';
/** Every request the pages made: its URL and what kind of resource it is. */
const requests: { url: string; type: string }[] = [];

describe.skipIf(!existsSync(CHROMIUM))('embeds and math in Chromium', () => {
  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'rubric-embeds-math-'));
    built = await buildAt(packageRoot, { outDir: path.join(outDir, 'dist') });
    profile = await mkdtemp(path.join(tmpdir(), 'rubric-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    // The built files, served as a static host would; nothing leaves the machine.
    await context.route('**/*', async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      requests.push({ url: url.href, type: request.resourceType() });
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
    await rm(outDir, { recursive: true, force: true });
  });

  it('has no serious or critical axe violation, in light or dark mode', async () => {
    const page = await context.newPage();
    await page.goto(`${ORIGIN}${POST}`);
    await page.addScriptTag({ path: AXE_SOURCE });
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await page.evaluate<AxeResults>(
        "axe.run(document, { resultTypes: ['violations'] })",
      );
      for (const rule of results.violations) {
        if (rule.impact !== 'serious' && rule.impact !== 'critical') continue;
        found.push(...rule.nodes.map((node) => `${colorScheme} ${rule.id}: ${node.html}`));
      }
    }
    expect(found).toEqual([]);
    await page.close();
  }, 60_000);

  it('draws the formulas as MathML, fetching no script and no font', async () => {
    requests.length = 0;
    const page = await context.newPage();
    await page.goto(`${ORIGIN}${POST}`, { waitUntil: 'load' });
    const sizes = await page.$$eval('.post-body math', (maths) =>
      maths.map((math) => {
        const box = math.getBoundingClientRect();
        return { block: math.getAttribute('display') === 'block', w: box.width, h: box.height };
      }),
    );
    expect(sizes.filter((s) => s.block).length).toBe(2);
    expect(sizes.filter((s) => !s.block).length).toBe(13);
    expect(sizes.every(({ w, h }) => w > 0 && h > 0)).toBe(true);
    // A displayed fraction stands taller than a line of text: Chromium laid it out as math.
    const fraction = await page.locator('.post-body math[display="block"] mfrac').boundingBox();
    expect(fraction && fraction.height > 30).toBe(true);
    expect(requests.filter((r) => r.type === 'script' || r.type === 'font')).toEqual([]);
    expect(requests.filter((r) => r.type === 'stylesheet').map((r) => r.url)).toEqual([
      `${ORIGIN}/style.css`,
    ]);
    await page.close();
  }, 60_000);

  it('sizes the player to the text column at 16:9 on a phone', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${ORIGIN}${POST}`);
    const frame = await page.locator('.post-body iframe').boundingBox();
    const column = await page.locator('.post-body').boundingBox();
    expect(frame && column && Math.abs(frame.width - column.width) < 1).toBe(true);
    expect(frame && Math.abs(frame.height - (frame.width * 9) / 16) < 1).toBe(true);
    // No wider than the screen: the page does not scroll sideways.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBe(360);
    await page.close();
  }, 60_000);
});
