/**
 * The messy-content fixture (`tests/fixtures/messy/`): posts in the shapes real blogs
 * have (old Blogger and WordPress HTML, Jekyll Liquid, Hugo shortcodes), read into a
 * `{ path: contents }` site that tests extend and build.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MESSY = fileURLToPath(new URL('../fixtures/messy/', import.meta.url));

/** Every file of the messy fixture, by site-relative path. */
export async function messyFiles(): Promise<Record<string, string>> {
  const entries = await readdir(MESSY, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const entry of entries.filter((e) => e.isFile())) {
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(MESSY, full).split(path.sep).join('/')] = await readFile(full, 'utf8');
  }
  return files;
}
