/**
 * Reads a built site's Pagefind index back: each post's fragment (`pagefind/fragment/*`)
 * is a gzip stream of `pagefind_dcd` and a JSON object holding what was indexed, shown and
 * filtered on. The word shards (`index/*.pf_index`) are Pagefind's own binary format; a
 * query through them is what the Chromium test checks.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { listFiles } from './site.js';

/** One indexed page as its fragment holds it. */
export interface Fragment {
  readonly url: string;
  readonly content: string;
  readonly meta: Readonly<Record<string, string>>;
  readonly filters: Readonly<Record<string, readonly string[]>>;
}

const SIGNATURE = 'pagefind_dcd';

/** Every fragment of the index in `outDir/pagefind/`, sorted by URL. */
export async function readFragments(outDir: string): Promise<Fragment[]> {
  const folder = path.join(outDir, 'pagefind');
  const files = (await listFiles(folder)).filter((file) => file.startsWith('fragment/'));
  const fragments: Fragment[] = [];
  for (const file of files) {
    const text = gunzipSync(await readFile(path.join(folder, file))).toString('utf8');
    if (!text.startsWith(SIGNATURE)) throw new Error(`${file} is not a Pagefind fragment`);
    fragments.push(JSON.parse(text.slice(SIGNATURE.length)) as Fragment);
  }
  return fragments.sort((a, b) => (a.url < b.url ? -1 : 1));
}

/** The languages of the index, as its entry file lists them, with their page counts. */
export async function readEntry(outDir: string): Promise<Record<string, number>> {
  const entry = JSON.parse(
    await readFile(path.join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8'),
  ) as { languages: Record<string, { page_count: number }> };
  return Object.fromEntries(
    Object.entries(entry.languages).map(([language, { page_count }]) => [language, page_count]),
  );
}
