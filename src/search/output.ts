/**
 * The write-side step of search: after the pages are made, the run's records become the
 * index (`index.ts`), whose files are put in a folder of their own outside the site and
 * handed to the writer as files to copy, like static files. So the writer stages, compares
 * and commits them with the pages, and a build that fails leaves the last index in place.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BuildError } from '../errors.js';
import type { StaticFile } from '../load/load.js';
import { buildSearchIndex, SEARCH_FOLDER, type SearchFile } from './index.js';
import type { SearchRecord } from './records.js';

/** The index's files, ready to copy into the output folder, or why there are none. */
export interface SearchOutput {
  readonly files: readonly StaticFile[];
  readonly errors: readonly BuildError[];
  /** Deletes the folder the files are in, once the writer copied them. */
  dispose(): Promise<void>;
}

const NOTHING: SearchOutput = { files: [], errors: [], dispose: () => Promise.resolve() };

/** The search index of `records` (none with `search: false`) in the site's `language`. */
export async function searchOutput(
  records: readonly SearchRecord[] | null,
  language: string,
): Promise<SearchOutput> {
  if (records === null) return NOTHING;
  const index = await buildSearchIndex(records, language);
  if ('error' in index) return { ...NOTHING, errors: [index.error] };
  const folder = await mkdtemp(path.join(tmpdir(), 'rubric-search-'));
  try {
    return {
      files: await putFiles(folder, index.files),
      errors: [],
      dispose: () => rm(folder, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/** Writes the index's files under `folder`, as static files bound for `pagefind/`. */
async function putFiles(folder: string, files: readonly SearchFile[]): Promise<StaticFile[]> {
  const made = new Set<string>();
  const out: StaticFile[] = [];
  for (const file of files) {
    const outputPath = `${SEARCH_FOLDER}/${file.path}`;
    const absolutePath = path.join(folder, ...outputPath.split('/'));
    const dir = path.dirname(absolutePath);
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    await writeFile(absolutePath, file.bytes);
    out.push({ outputPath, absolutePath, sourcePath: `(search index) ${outputPath}` });
  }
  return out;
}
