/**
 * The search index, built by Pagefind (npm `pagefind`: its Node API drives the Pagefind
 * binary that its platform package ships). An edge: it runs a process. Pagefind shards the
 * index by word and keeps each post's text in a fragment of its own, so a query downloads
 * the few shards its words need and the fragments of the results it shows, not the site.
 *
 * Records are added in URL order and Pagefind names every file by a hash of its bytes and
 * writes its gzip streams without a time stamp, so the same posts give the same files, byte
 * for byte. Only the files a search needs are kept: not Pagefind's own UIs, which the
 * theme's script replaces.
 */
import type * as pagefind from 'pagefind';
import { buildError, type BuildError } from '../errors.js';
import type { SearchRecord } from './records.js';

/** A file of the index, with its path inside the index's folder (`index/en_3f2a.pf_index`). */
export interface SearchFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** The files of an index, or why Pagefind could not make them. */
export type SearchIndex =
  { readonly files: readonly SearchFile[] } | { readonly error: BuildError };

/** The folder the index's files go in, inside the output folder, as Pagefind's script expects. */
export const SEARCH_FOLDER = 'pagefind';

/** Records sent to Pagefind at once: enough to keep it busy, few enough to stay small. */
const BATCH = 200;

/** What a search in the browser loads: Pagefind's script, its worker, its WebAssembly and the index. */
const WANTED =
  /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[\w-]+\.pagefind|[^/]+\.pf_meta|(index|fragment|filter)\/.+)$/;

/** Indexes `records` (in any order) as text of `language` (a BCP 47 tag: `fr-CA`). */
export async function buildSearchIndex(
  records: readonly SearchRecord[],
  language: string,
): Promise<SearchIndex> {
  try {
    // Loaded here, not with the module: a site without search never loads Pagefind.
    const { createIndex } = await import('pagefind');
    const { index, errors } = await createIndex({
      forceLanguage: pagefindLanguage(language),
    });
    if (!index) return failed(errors.join('; '));
    try {
      const sorted = [...records].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
      for (let at = 0; at < sorted.length; at += BATCH) {
        const added = await Promise.all(
          sorted.slice(at, at + BATCH).map((r) => index.addCustomRecord(customRecord(r, language))),
        );
        const problems = added.flatMap((response) => response.errors);
        if (problems.length > 0) return failed(problems.join('; '));
      }
      const written = await index.getFiles();
      if (written.errors.length > 0) return failed(written.errors.join('; '));
      const files = written.files
        .filter((file) => WANTED.test(file.path))
        .map((file) => ({ path: file.path, bytes: file.content }))
        .sort((a, b) => (a.path < b.path ? -1 : 1));
      return { files };
    } finally {
      await index.deleteIndex();
    }
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
}

/** A record as Pagefind takes it: `meta` is shown with a result, `filters` narrow a search. */
function customRecord(record: SearchRecord, language: string): pagefind.CustomRecord {
  return {
    url: record.url,
    content: record.text,
    language: pagefindLanguage(language),
    meta: { title: record.title, date: record.date, datetime: record.datetime },
    filters: { label: [...record.labels], year: [record.year] },
    sort: { date: record.datetime },
  };
}

/** Pagefind splits and stems words by a two-letter language: `fr-CA` is `fr`. */
function pagefindLanguage(language: string): string {
  return new Intl.Locale(language).language;
}

function failed(reason: string): SearchIndex {
  return {
    error: buildError(
      'SearchIndexFailed',
      { file: 'site.yaml' },
      `The search index could not be built (search: true): Pagefind said ${reason || 'nothing'}.`,
      'Install the dependencies again (`npm ci`) so that Pagefind and its binary for this system are there, or set `search: false`.',
    ),
  };
}
