/**
 * Helpers for import tests: run an import into a fresh site folder, read the posts it
 * wrote, and follow an old address through the built site the way a static host and a
 * browser would.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, type CheerioAPI } from 'cheerio';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { importBlogger, type ImportOptions, type ImportSuccess } from '../../src/import/import.js';

/** The fixture exports, written for these tests. */
export const FIXTURES = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/blogger',
);
export const CLASSIC = path.join(FIXTURES, 'classic.xml');
export const TAKEOUT = path.join(FIXTURES, 'takeout.atom');

/** Imports an export into `root` and expects it to succeed. */
export async function importInto(
  root: string,
  exportFile: string,
  options: Partial<ImportOptions> = {},
): Promise<ImportSuccess> {
  const result = await importBlogger({
    exportFile,
    root,
    comments: false,
    force: false,
    downloadImages: null,
    ...options,
  });
  if (!result.ok) throw new Error(`${result.error.message} ${result.error.hint}`);
  return result;
}

/** A post file the import wrote: its front matter and Markdown body. */
export async function readPost(
  root: string,
  file: string,
): Promise<{ data: Record<string, unknown>; body: string }> {
  // Read with the `yaml` package, as Rubric reads it: dates stay text.
  const text = await readFile(path.join(root, file), 'utf8');
  const [, frontMatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  return { data: parse(frontMatter) as Record<string, unknown>, body };
}

/**
 * The file a static host serves for a URL path: `%20` decoded, a folder's `index.html`
 * for a folder (the host redirects `/X` to `/X/` first). Null when nothing is there.
 */
export async function served(dist: string, url: string): Promise<string | null> {
  const decoded = decodeURIComponent(url.split(/[?#]/)[0] ?? '');
  let file = path.join(dist, decoded);
  const found = await stat(file).catch(() => null);
  if (found === null) return null;
  if (found.isDirectory()) file = path.join(file, 'index.html');
  return readFile(file, 'utf8').catch(() => null);
}

/** Where a redirect page sends the reader, checked to agree with its canonical link. */
export function redirectTarget($: CheerioAPI): string | null {
  const refresh = $('meta[http-equiv="refresh"]').attr('content');
  if (refresh === undefined) return null;
  const target = /^0; url=(.+)$/.exec(refresh)?.[1] ?? '';
  // The canonical link is the same address, absolute when `baseUrl` is.
  const canonical = $('link[rel="canonical"]').attr('href') ?? '';
  expect(new URL(target, canonical.startsWith('/') ? 'http://x.invalid' : canonical).href).toBe(
    new URL(canonical, 'http://x.invalid').href,
  );
  expect($('body a').attr('href')).toBe(target);
  expect($('script')).toHaveLength(0);
  return target;
}

/** Follows an old URL through redirect pages to the page it ends on. */
export async function follow(
  dist: string,
  url: string,
): Promise<{ url: string; $: CheerioAPI; hops: number }> {
  let current = url;
  for (let hops = 0; hops < 5; hops++) {
    const html = await served(dist, current);
    if (html === null) throw new Error(`nothing is served at ${current} (from ${url})`);
    const $ = load(html);
    const next = redirectTarget($);
    if (next === null) return { url: current, $, hops };
    current = next;
  }
  throw new Error(`${url} redirects in a loop`);
}
