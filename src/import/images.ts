/**
 * `--download-images DIR`: every image the imported bodies show is fetched once into DIR
 * (a folder inside the site's `static/`), and its `src` becomes the local copy. A file
 * already there is not fetched again, so a second import downloads nothing. An image that
 * cannot be fetched keeps its old `src` and is reported; it never stops the import.
 */
import { createHash } from 'node:crypto';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mapLimit } from '../concurrency.js';
import { hrefOf } from '../urls.js';
import { slugify } from '../slug.js';
import { toPosix } from '../paths.js';

/** Where images go and how their new `src` is made. */
export interface ImageTarget {
  /** The folder to write into: absolute, inside `static/`. */
  readonly dir: string;
  /** The site's `static/` folder, absolute: the new `src` is the path below it. */
  readonly staticDir: string;
  /** The path part of the site's `baseUrl`. */
  readonly basePath: string;
}

/** What downloading did. */
export interface ImageResult {
  /** Old URL → new `src`, for every image now on disk. */
  readonly sources: ReadonlyMap<string, string>;
  readonly downloaded: number;
  /** Already there from an earlier import. */
  readonly present: number;
  /** `URL: why`, for images that stay where they were. */
  readonly failed: readonly string[];
}

/** Largest image accepted: a photo straight off a camera fits; a video renamed .jpg does not. */
const MAX_BYTES = 50 * 1024 * 1024;

/** How many downloads run at once: polite to the image host. */
const CONCURRENCY = 4;

/**
 * The local file name of an image URL: the URL's own name, made safe, after a short hash
 * of the whole URL, because Blogger names many different images `image.png`.
 */
export function imageFileName(url: string): string {
  const hash = createHash('sha256').update(url).digest('hex').slice(0, 10);
  let last: string;
  try {
    last = decodeURIComponent(new URL(url).pathname.split('/').at(-1) ?? '');
  } catch {
    last = '';
  }
  const dot = last.lastIndexOf('.');
  const stem = dot > 0 ? last.slice(0, dot) : last;
  const ext = dot > 0 ? last.slice(dot + 1).toLowerCase() : '';
  const safeExt = /^[a-z0-9]{1,5}$/.test(ext) ? `.${ext}` : '';
  const safeStem = stem === '' ? 'image' : slugify(stem).slice(0, 60);
  return `${hash}-${safeStem}${safeExt}`;
}

/** Downloads every http(s) image in `urls` that is not already in the folder. */
export async function downloadImages(
  urls: readonly string[],
  target: ImageTarget,
): Promise<ImageResult> {
  const unique = [...new Set(urls)].filter((url) => /^https?:\/\//i.test(url)).sort();
  const sources = new Map<string, string>();
  const failed: string[] = [];
  let downloaded = 0;
  let present = 0;
  await mkdir(target.dir, { recursive: true });
  const srcOf = (file: string) =>
    hrefOf(`/${toPosix(path.relative(target.staticDir, file))}`, target.basePath);

  await mapLimit(
    unique,
    async (url) => {
      const file = path.join(target.dir, imageFileName(url));
      if (await exists(file)) {
        present++;
        sources.set(url, srcOf(file));
        return;
      }
      const problem = await fetchTo(url, file);
      if (problem === null) {
        downloaded++;
        sources.set(url, srcOf(file));
      } else {
        failed.push(`${url}: ${problem}`);
      }
    },
    CONCURRENCY,
  );
  return { sources, downloaded, present, failed: failed.sort() };
}

async function fetchTo(url: string, file: string): Promise<string | null> {
  try {
    const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(60_000) });
    if (!response.ok) return `the server answered ${response.status}`;
    const type = response.headers.get('content-type') ?? '';
    if (type !== '' && !/^image\//i.test(type)) return `it is ${type}, not an image`;
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_BYTES) return 'it is larger than 50 MB';
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > MAX_BYTES) return 'it is larger than 50 MB';
    await writeFile(file, bytes);
    return null;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return cause instanceof Error ? cause.message : String(cause);
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
