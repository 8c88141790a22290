/**
 * The search index of `rubric dev`, made lazily. Saving a post re-renders its pages at
 * once, but the index is not touched then: Pagefind cannot change one post of an index in
 * place (its word shards and their manifest are made whole), and most saves are followed
 * by another save, not by a search. Instead the preview keeps the records of the last good
 * run (a post's text is re-read from its HTML only when the post changed: `records.ts`),
 * and the first request for a file of the index after a change builds it once, from
 * memory, for every request until the next change. A change that leaves every record as
 * it was (a template, a style sheet, a draft) never rebuilds it.
 *
 * The index lives in memory, not in the output folder, which `rubric dev` writes page by
 * page; `rubric build` writes it there.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatProblem, type BuildError } from '../errors.js';
import { plural } from '../plural.js';
import { buildSearchIndex, SEARCH_FOLDER } from './index.js';
import type { SearchRecord } from './records.js';

/** The preview's search index. */
export interface LiveSearchIndex {
  /** Takes the records and language of the latest good run; null records: search is off. */
  update(records: readonly SearchRecord[] | null, language: string): void;
  /**
   * Answers a request for a file of the index under the site's `basePath`, building the
   * index first when the records changed; false (nothing sent) for any other request.
   */
  answer(req: IncomingMessage, res: ServerResponse, basePath: string): Promise<boolean>;
}

/** What the index was built from, and its files by path, or the error that stopped it. */
interface Built {
  readonly records: readonly SearchRecord[];
  readonly language: string;
  readonly files: Promise<{ files: ReadonlyMap<string, Uint8Array> } | { error: BuildError }>;
}

/** A lazy index; `log` is told each time it is built, and why it could not be. */
export function createLiveSearchIndex(log: (line: string) => void): LiveSearchIndex {
  let wanted: { records: readonly SearchRecord[]; language: string } | null = null;
  let built: Built | null = null;

  const current = (): Built | null => {
    if (wanted === null) return null;
    if (built && built.language === wanted.language && sameRecords(built.records, wanted.records)) {
      return built;
    }
    const { records, language } = wanted;
    const started = performance.now();
    const files = buildSearchIndex(records, language).then((index) => {
      if ('error' in index) {
        log(formatProblem(index.error));
        return index;
      }
      const ms = Math.round(performance.now() - started);
      log(`search index: ${plural(records.length, 'post')} in ${String(ms)} ms`);
      return { files: new Map(index.files.map((file) => [file.path, file.bytes])) };
    });
    built = { records, language, files };
    return built;
  };

  return {
    update(records, language) {
      wanted = records === null ? null : { records, language };
    },
    async answer(req, res, basePath) {
      const prefix = `${basePath}${SEARCH_FOLDER}/`;
      const pathname = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
      if (!pathname.startsWith(prefix)) return false;
      const index = current();
      if (index === null) return false;
      const made = await index.files;
      if ('error' in made) {
        const { message, hint } = made.error;
        respond(res, 500, 'text/plain; charset=utf-8', `${message}\n${hint}\n`);
        return true;
      }
      const bytes = made.files.get(pathname.slice(prefix.length));
      if (bytes === undefined) return false;
      respond(res, 200, typeOf(pathname), req.method === 'HEAD' ? '' : bytes);
      return true;
    },
  };
}

/**
 * Whether two runs' records are the same. A post that did not change keeps its text (the
 * same string, so comparing is quick) and makes a record equal field for field.
 */
function sameRecords(a: readonly SearchRecord[], b: readonly SearchRecord[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((record, i) => {
    const other = b[i];
    return (
      other !== undefined &&
      record.url === other.url &&
      record.title === other.title &&
      record.date === other.date &&
      record.datetime === other.datetime &&
      record.year === other.year &&
      record.text === other.text &&
      record.labels.length === other.labels.length &&
      record.labels.every((label, j) => label === other.labels[j])
    );
  });
}

function typeOf(pathname: string): string {
  if (pathname.endsWith('.js')) return 'text/javascript; charset=utf-8';
  if (pathname.endsWith('.json')) return 'application/json; charset=utf-8';
  return 'application/octet-stream';
}

function respond(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array,
): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}
