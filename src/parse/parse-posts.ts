/**
 * The parse stage for a whole site: every post file → its {@link ParsedPost}, in the order
 * of the files. Results come from the disk cache when the post, the pipeline and the
 * settings it depends on are unchanged; the rest are parsed on a pool of worker threads
 * (one per core) when there are enough of them to pay for starting it, else right here.
 * Either way the results are the same values, byte for byte: only where they come from
 * differs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { DiskCache, hashKey } from '../cache/cache.js';
import type { SourceFile } from '../load/load.js';
import { packageRoot } from '../paths.js';
import type { ParseTask } from './parse-worker.js';
import type { ParsedPost } from './post.js';

/** How a site's posts are parsed. */
export interface ParsePostsOptions {
  /** The site's time zone: dates without an offset are read in it. */
  readonly zone: string;
  /** The cache folder (`.cache/rubric` in the site folder), or null to neither read nor write one. */
  readonly cacheFolder: string | null;
  /**
   * Posts to parse (cache misses) from which worker threads are used; fewer are parsed on
   * this thread, since starting the pool costs about as much as parsing 50 posts.
   */
  readonly parallelFrom?: number;
  /** Worker threads; one per core by default. */
  readonly threads?: number;
  /** Told how many more posts are done (from the cache, a batch, one post), for progress. */
  readonly onParsed?: (count: number) => void;
}

/** The parsed posts, and how many came from the cache. */
export interface ParsedPosts {
  readonly results: readonly ParsedPost[];
  readonly fromCache: number;
}

/** Below this many posts to parse, the pool is not started. */
export const PARALLEL_FROM = 50;

/**
 * The version of the parse pipeline's output. Bump it when a change the fingerprint does
 * not see changes what parsing produces (a setting read from somewhere new); code changes
 * to Rubric and dependency upgrades are seen already.
 */
export const PARSE_PIPELINE_VERSION = 2;

/**
 * Everything a parsed post depends on besides its own path and bytes: the pipeline version,
 * Rubric's version and code (every compiled module, so an edited Markdown plugin in a
 * checkout invalidates too), the installed dependency tree, the V8 serialization format,
 * and the site settings parsing reads. A setting that starts to change parsing (a
 * highlighting theme, a heading-id option) must be added to `settings` here.
 */
export function parseFingerprint(zone: string): string {
  const settings = { zone };
  return hashKey([
    String(PARSE_PIPELINE_VERSION),
    codeFingerprint(),
    process.versions.v8,
    JSON.stringify(settings),
  ]);
}

/** The cache key of one post file. */
export function postKey(fingerprint: string, file: SourceFile): string {
  return hashKey([fingerprint, file.path, file.text]);
}

/** Parses every post, from the cache where it can. Results are in the order of `files`. */
export async function parsePosts(
  files: readonly SourceFile[],
  options: ParsePostsOptions,
): Promise<ParsedPosts> {
  const cache =
    options.cacheFolder === null ? null : new DiskCache(path.join(options.cacheFolder, 'posts'));
  const fingerprint = cache ? parseFingerprint(options.zone) : '';
  const keys = cache ? files.map((file) => postKey(fingerprint, file)) : [];
  const results: (ParsedPost | undefined)[] = cache
    ? cache.getMany(keys, isParsedPost)
    : Array.from<undefined>({ length: files.length });

  const missing: number[] = [];
  results.forEach((result, i) => {
    if (result === undefined) missing.push(i);
  });
  const fromCache = files.length - missing.length;
  const onParsed = options.onParsed;
  if (fromCache > 0) onParsed?.(fromCache);

  if (cache && missing.length > 0)
    await mkdir(cache.folder, { recursive: true }).catch(() => undefined);
  if (missing.length >= (options.parallelFrom ?? PARALLEL_FROM)) {
    const parsed = await parseOnWorkers(
      missing.map((i) => files[i] as SourceFile),
      options.zone,
      cache ? { folder: cache.folder, keys: missing.map((i) => keys[i] ?? '') } : null,
      options.threads ?? availableParallelism(),
      onParsed,
    );
    missing.forEach((fileIndex, i) => (results[fileIndex] = parsed[i]));
  } else if (missing.length > 0) {
    // Loaded only when needed: the Markdown pipeline is a few hundred modules, and a warm
    // build, with every post in the cache, does not need it at all.
    const [{ createMarkdownRenderer }, { parsePost }] = await Promise.all([
      import('./markdown.js'),
      import('./post.js'),
    ]);
    const renderMarkdown = createMarkdownRenderer();
    for (const i of missing) {
      results[i] = parsePost(files[i] as SourceFile, options.zone, renderMarkdown);
      onParsed?.(1);
    }
    await cache?.setMany(missing.map((i) => [keys[i] ?? '', results[i]] as const));
  }
  await cache?.prune(new Set(keys));
  return { results: results as ParsedPost[], fromCache };
}

/** The compiled worker module: workers run JavaScript, so tests compile before they run. */
const WORKER_FILE = path.join(packageRoot, 'lib', 'parse', 'parse-worker.js');

async function parseOnWorkers(
  files: readonly SourceFile[],
  zone: string,
  cache: ParseTask['cache'],
  threads: number,
  onParsed?: (count: number) => void,
): Promise<ParsedPost[]> {
  const pool = new Piscina<ParseTask, ParsedPost[]>({
    filename: WORKER_FILE,
    minThreads: threads,
    maxThreads: threads,
  });
  try {
    // Several batches per thread, so a thread that draws slow posts does not hold up the
    // end; big enough that the message per batch costs little next to parsing it.
    const size = Math.min(200, Math.max(10, Math.ceil(files.length / (threads * 4))));
    const batches: Promise<ParsedPost[]>[] = [];
    for (let start = 0; start < files.length; start += size) {
      const end = start + size;
      batches.push(
        pool
          .run({
            zone,
            files: files.slice(start, end),
            cache: cache && { folder: cache.folder, keys: cache.keys.slice(start, end) },
          })
          .then((parsed) => {
            onParsed?.(parsed.length);
            return parsed;
          }),
      );
    }
    return (await Promise.all(batches)).flat();
  } finally {
    await pool.destroy();
  }
}

/** A cheap shape check of a cached value, against a foreign or outdated entry. */
function isParsedPost(value: unknown): value is ParsedPost {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as Record<string, unknown>;
  const post = result.post as Record<string, unknown> | null | undefined;
  return (
    Array.isArray(result.errors) &&
    Array.isArray(result.warnings) &&
    (post === null ||
      (typeof post === 'object' && typeof post.html === 'string' && Array.isArray(post.links)))
  );
}

let codeHash: string | null = null;

/**
 * A hash of Rubric's own code (the folder this module was loaded from: `lib/`, or `src/`
 * under the tests) and of the installed dependencies (npm's `node_modules/.package-lock.json`,
 * the nearest one up from the package). Read once per process: about 60 small files.
 */
function codeFingerprint(): string {
  if (codeHash !== null) return codeHash;
  const codeRoot = fileURLToPath(new URL('..', import.meta.url));
  const parts: string[] = [readText(path.join(packageRoot, 'package.json'))];
  const entries = readdirSync(codeRoot, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && /\.(js|ts)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) parts.push(path.relative(codeRoot, file), readText(file));
  for (let dir = packageRoot; ; dir = path.dirname(dir)) {
    const lock = [
      path.join(dir, 'node_modules', '.package-lock.json'),
      path.join(dir, '.package-lock.json'),
    ]
      .map(readText)
      .find((text) => text !== '');
    if (lock !== undefined) {
      parts.push(lock);
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  codeHash = hashKey(parts);
  return codeHash;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
