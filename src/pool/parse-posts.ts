/**
 * Parsing a whole site's posts: every post file → its {@link ParsedPost}, in the order of
 * the files. Results come from the disk cache (`cache/`) when the post, the pipeline and
 * the settings it depends on are unchanged; the rest are parsed on a pool of worker threads
 * (`threads.ts`, one per core) when there are enough of them to pay for starting it, else
 * right here. Either way the results are the same values, byte for byte: only where they
 * come from differs. The parse stage itself (`parse/`) stays pure: this module is the edge
 * that owns the cache, the threads and the disk.
 */
import { readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { DiskCache } from '../cache/cache.js';
import { parseFingerprint, postKey } from '../cache/fingerprint.js';
import type { SourceFile } from '../load/load.js';
import type { ParsedPost } from '../parse/post.js';
import { startParsePool, type ParsePool } from './threads.js';

export type { ParsePool } from './threads.js';

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
  /**
   * Threads started before the posts were read ({@link startPoolEarly}): used when there
   * are enough posts to parse, and closed when parsing is done either way.
   */
  readonly pool?: ParsePool | null;
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
  const early = options.pool ?? null;
  if (missing.length >= (options.parallelFrom ?? PARALLEL_FROM)) {
    const pool = early ?? startParsePool(options.threads ?? availableParallelism());
    try {
      const parsed = await pool.parse(
        missing.map((i) => files[i] as SourceFile),
        options.zone,
        cache ? { folder: cache.folder, keys: missing.map((i) => keys[i] ?? '') } : null,
        onParsed,
      );
      missing.forEach((fileIndex, i) => (results[fileIndex] = parsed[i]));
    } finally {
      await pool.close();
    }
  } else if (missing.length > 0) {
    await early?.close();
    const parsed = await parseHere(
      missing.map((i) => files[i] as SourceFile),
      options.zone,
      onParsed,
    );
    missing.forEach((fileIndex, i) => (results[fileIndex] = parsed[i]));
    await cache?.setMany(missing.map((i) => [keys[i] ?? '', results[i]] as const));
  } else {
    await early?.close();
  }
  await cache?.prune(new Set(keys));
  return { results: results as ParsedPost[], fromCache };
}

/**
 * Starts the parse threads before the site is read, when its first run will most likely
 * use them: nothing in the disk cache (none kept, or none yet) and at least `parallelFrom`
 * Markdown files under `posts/` (a quick count; the load stage reads them properly). The
 * threads then load the Markdown pipeline while the main thread reads the posts. Else
 * null, so that a warm build, or a small site, never pays for threads it does not use.
 */
export function startPoolEarly(
  root: string,
  options: Pick<ParsePostsOptions, 'cacheFolder' | 'parallelFrom' | 'threads'>,
): ParsePool | null {
  const from = options.parallelFrom ?? PARALLEL_FROM;
  if (options.cacheFolder !== null && listOrEmpty(path.join(options.cacheFolder, 'posts')).length)
    return null;
  const posts = listOrEmpty(path.join(root, 'posts'), true);
  let count = 0;
  for (const name of posts) if (/\.(md|markdown)$/.test(name) && ++count >= from) break;
  return count >= from ? startParsePool(options.threads ?? availableParallelism()) : null;
}

function listOrEmpty(folder: string, recursive = false): string[] {
  try {
    return readdirSync(folder, { recursive, encoding: 'utf8' });
  } catch {
    return [];
  }
}

/** Parses a few posts on this thread. */
async function parseHere(
  files: readonly SourceFile[],
  zone: string,
  onParsed?: (count: number) => void,
): Promise<ParsedPost[]> {
  // Loaded only when needed: the Markdown pipeline is a few hundred modules, and a warm
  // build, with every post in the cache, does not need it at all.
  const [{ createMarkdownRenderer }, { parsePost }] = await Promise.all([
    import('../parse/markdown.js'),
    import('../parse/post.js'),
  ]);
  const renderMarkdown = createMarkdownRenderer();
  return files.map((file) => {
    const parsed = parsePost(file, zone, renderMarkdown);
    onParsed?.(1);
    return parsed;
  });
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
