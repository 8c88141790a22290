/**
 * Test sites: a site declared inline as `{ path: contents }`, written into a fresh
 * temporary folder, built for real, and read back as parsed HTML.
 */
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { afterEach } from 'vitest';
import { build, type BuildOptions, type BuildResult } from '../../src/build.js';

/** A fixed "now" for tests: 2026-01-01T00:00:00Z. Posts after it are in the future. */
export const NOW = Date.UTC(2026, 0, 1);

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Writes files into a new temporary folder (removed after the test) and returns its path. */
export async function makeSite(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'rubric-test-'));
  made.push(root);
  await writeFiles(root, files);
  return root;
}

/** Writes (or overwrites) files in a folder. */
export async function writeFiles(
  root: string,
  files: Record<string, string | Uint8Array>,
): Promise<void> {
  for (const [file, contents] of Object.entries(files)) {
    const target = path.join(root, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, contents);
  }
}

/** A built test site, with readers for its output. */
export interface BuiltSite {
  readonly root: string;
  readonly result: BuildResult;
  /** The output file at a site URL, parsed: `page('/labels/oman/')`. */
  page(url: string): Promise<CheerioAPI>;
  /** The output file at a site URL as text: feeds, the sitemap, robots.txt. */
  text(url: string): Promise<string>;
  /** Whether a URL was written. */
  exists(url: string): Promise<boolean>;
  /** Every file written, as sorted forward-slash paths relative to the output folder. */
  files(): Promise<string[]>;
}

/** Builds a site folder (by default into ROOT/dist, with `now` pinned to {@link NOW}). */
export async function buildAt(
  root: string,
  options: Partial<BuildOptions> = {},
): Promise<BuiltSite> {
  const result = await build({ root, now: NOW, ...options });
  const outDir = result.outDir;
  const fileOf = (url: string) => {
    const relative = decodeURI(url).replace(/^\/+/, '');
    return path.join(
      outDir,
      relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative,
    );
  };
  return {
    root,
    result,
    page: async (url) => load(await readFile(fileOf(url), 'utf8')),
    text: (url) => readFile(fileOf(url), 'utf8'),
    exists: async (url) =>
      readFile(fileOf(url)).then(
        () => true,
        () => false,
      ),
    files: () => listFiles(outDir),
  };
}

/** Declares a site inline and builds it. */
export async function buildSite(
  files: Record<string, string | Uint8Array>,
  options: Partial<BuildOptions> = {},
): Promise<BuiltSite> {
  return buildAt(await makeSite(files), options);
}

/** Every file below a folder, as sorted forward-slash relative paths. */
export async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort();
}

/** Every file below a folder and its text, by forward-slash relative path: to compare two outputs whole. */
export async function snapshot(folder: string): Promise<Record<string, string>> {
  const files = await listFiles(folder);
  const entries = await Promise.all(
    files.map(async (file) => [file, await readFile(path.join(folder, file), 'utf8')] as const),
  );
  return Object.fromEntries(entries);
}

/** A post file: front matter from `fields` (written as given, one `key: value` a line), then the body. */
export function post(fields: Record<string, string>, body = 'Some text.'): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}
