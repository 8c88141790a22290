/**
 * Helpers for the Jekyll and Hugo import tests: the fixture sites, and an import of one
 * into a site folder that is expected to succeed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportSuccess } from '../../src/import/import.js';
import type { FolderImportOptions } from '../../src/import/folder/site.js';
import { importHugo } from '../../src/import/hugo/hugo.js';
import { importJekyll } from '../../src/import/jekyll/jekyll.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

/** The fixture sites, written for these tests. */
export const JEKYLL_SITE = path.join(fixtures, 'jekyll-site');
export const HUGO_SITE = path.join(fixtures, 'hugo-site');

/** Imports a Jekyll or Hugo site into `root` and expects it to succeed. */
export async function importSite(
  source: 'jekyll' | 'hugo',
  root: string,
  options: Partial<FolderImportOptions> = {},
): Promise<ImportSuccess> {
  const run = source === 'jekyll' ? importJekyll : importHugo;
  const result = await run({
    sourceDir: source === 'jekyll' ? JEKYLL_SITE : HUGO_SITE,
    root,
    force: false,
    ...options,
  });
  if (!result.ok) throw new Error(`${result.error.message} ${result.error.hint}`);
  return result;
}
