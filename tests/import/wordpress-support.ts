/**
 * Helpers for the WordPress import tests: the fixture export, and an import of it into a
 * site folder that is expected to succeed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportOptions, ImportSuccess } from '../../src/import/import.js';
import { importWordPress } from '../../src/import/wordpress/import.js';

/** The fixture export, written for these tests: every part of a WXR file Rubric reads. */
export const WXR = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/wordpress/export.xml',
);

/** The site.yaml the fixture blog is imported into: its own address, so feeds are built. */
export const GULF_SITE_YAML = 'title: Notes from the Gulf\nbaseUrl: https://gulfnotes.example/\n';

/** Imports a WXR file into `root` and expects it to succeed. */
export async function importWxr(
  root: string,
  exportFile = WXR,
  options: Partial<ImportOptions> = {},
): Promise<ImportSuccess> {
  const result = await importWordPress({
    exportFile,
    root,
    comments: true,
    force: false,
    downloadImages: null,
    ...options,
  });
  if (!result.ok) throw new Error(`${result.error.message} ${result.error.hint}`);
  return result;
}
