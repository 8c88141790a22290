/**
 * `rubric dev` in a real browser: Debian's Chromium driven by playwright-core (which
 * never downloads a browser). Open a post, edit its Markdown, see the new text without
 * reloading by hand; break its front matter, see the overlay name the file, line and
 * column; close it with Esc or its button; fix the post, and the overlay goes. Waits are for what the page shows, never for a time.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dev, type DevServer } from '../../src/dev/dev.js';
import { makeSite, post } from '../support/site.js';

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

/** The overlay's texts, read in the page: what its light DOM and its shadow root hold. */
const SHADOW_TEXT = `(() => {
  const overlay = document.querySelector('rubric-error-overlay');
  const text = (selector) => overlay.shadowRoot.querySelector(selector)?.textContent;
  return {
    light: overlay.textContent,
    location: text('.location'),
    message: text('.message'),
    hint: text('.hint'),
  };
})()`;

describe('rubric dev in Chromium', () => {
  let context: BrowserContext;
  let profile: string;
  let server: DevServer | null = null;

  beforeAll(async () => {
    profile = await mkdtemp(path.join(tmpdir(), 'rubric-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
    });
  }, 60_000);

  // Before the test site is deleted: a running dev would see its output go and write it again.
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  afterAll(async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  });

  it('shows edits live, and build errors in an overlay until they are fixed', async () => {
    const root = await makeSite({
      'posts/a.md': post({ title: 'Alpha', date: '2025-03-01', labels: 'Oman' }, 'First words.'),
      'posts/b.md': post({ title: 'Bravo', date: '2025-03-02' }, 'Other post.'),
      'static/style.css': 'body { color: black; }\n',
    });
    const terminal: string[] = [];
    server = await dev({
      root,
      port: 0,
      strictPort: false,
      host: '127.0.0.1',
      log: (line) => terminal.push(line),
    });
    const page = await context.newPage();
    await page.goto(`${server.url}2025/03/a/`);
    expect(await page.locator('.post-body').innerText()).toBe('First words.');
    // From here on the test never reloads: new text can only come from live reload.
    // Page scripts run in the browser: given as text, since the tests have no DOM types.
    await page.evaluate('window.marker = 1');
    const marker = () => page.evaluate('window.marker');

    // Another post's body and the stylesheet change: this page is not reloaded, its CSS is
    // swapped in place. The CSS message comes after the other post's on the same stream.
    await writeFile(
      path.join(root, 'posts/b.md'),
      post({ title: 'Bravo', date: '2025-03-02' }, 'Changed.'),
    );
    await writeFile(path.join(root, 'static/style.css'), 'body { color: navy; }\n');
    await page.locator('link[rel="stylesheet"][href*="rubric="]').waitFor({ state: 'attached' });
    expect(await marker()).toBe(1);
    // The new href is set before the browser has fetched the sheet: wait for it to apply.
    await expect
      .poll(() => page.evaluate('getComputedStyle(document.body).color'), { timeout: 10_000 })
      .toBe('rgb(0, 0, 128)');

    const file = path.join(root, 'posts/a.md');
    await writeFile(
      file,
      post({ title: 'Alpha', date: '2025-03-01', labels: 'Oman' }, 'Fresh words.'),
    );
    await page.locator('.post-body', { hasText: 'Fresh words.' }).waitFor();
    expect(await marker()).toBeUndefined();

    await writeFile(file, '---\ntitle: Alpha\ndate: [2025-03-01\n---\n\nBroken.\n');
    const overlay = page.locator('rubric-error-overlay');
    // Waits for this error's text: the watcher may first see the file half written.
    const showing = (location: string) =>
      overlay.locator('.location', { hasText: location }).waitFor();
    await showing('posts/a.md:3:7 ');
    expect(await overlay.locator('.location').innerText()).toBe(
      'posts/a.md:3:7 [FrontMatterSyntax]',
    );
    expect(terminal.some((line) => line.startsWith('posts/a.md:3:7 '))).toBe(true);
    // Inside its shadow root, so the page's CSS cannot reach it: the light DOM is empty.
    expect(await page.evaluate(SHADOW_TEXT)).toEqual({
      light: '',
      location: 'posts/a.md:3:7 [FrontMatterSyntax]',
      message:
        'The front matter is not valid YAML: the list that starts with [ here has no closing ].',
      hint: 'End the list with the bracket that closes it, on the same line or on a later, indented one: `tags: [Oman, Iran]`.',
    });
    // The last good page is still what is served.
    expect(await page.locator('.post-body').innerText()).toBe('Fresh words.');
    await page.keyboard.press('Escape');
    await overlay.waitFor({ state: 'detached' });

    // The next failure shows it again; its close button closes it too. Markup in a message
    // (a bad slug quoted back) is shown as text.
    await writeFile(file, post({ title: 'Alpha', date: '2025-03-01', slug: '<b>x</b>' }, 'Odd.'));
    await showing('posts/a.md:4:7 ');
    expect(await overlay.locator('.location').innerText()).toBe('posts/a.md:4:7 [InvalidSlug]');
    expect(await overlay.locator('.message').innerText()).toMatch(
      /^slug "<b>x<\/b>" is not a slug/,
    );
    expect(await overlay.locator('b').count()).toBe(0);
    await overlay.getByRole('button', { name: 'Close' }).click();
    await overlay.waitFor({ state: 'detached' });

    await writeFile(file, '---\ntitle: Alpha\ndate: [2025-03-01\n---\n\nBroken again.\n');
    await overlay.waitFor();
    await writeFile(
      file,
      post({ title: 'Alpha', date: '2025-03-01', labels: 'Oman' }, 'Fixed words.'),
    );
    await page.locator('.post-body', { hasText: 'Fixed words.' }).waitFor();
    await overlay.waitFor({ state: 'detached' });
  }, 60_000);
});
