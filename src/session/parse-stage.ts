/**
 * The parse stage of a run, over every post, reusing the result of a post whose text is
 * the one parsed before. Unchanged posts keep their `SourceFile` object across runs, so
 * most are recognised by that; a post read again is compared by its text with the file
 * remembered (kept anyway), which costs less than hashing every post of a first run only
 * for the disk cache to hash it again for its key. What is left goes to the batch parser (disk cache,
 * worker threads: `pool/parse-posts.ts`) when it is every post, as on a first run; the one
 * or two posts an edit touches are parsed right here with the session's own Markdown
 * processor, which is quicker than a cache lookup and a fresh processor.
 */
import type { SourceFile } from '../load/load.js';
import type { MarkdownRenderer } from '../parse/markdown.js';
import { parsePost, type ParsedPost } from '../parse/post.js';
import { parsePosts, type ParsePool } from '../pool/parse-posts.js';
import type { State } from './state.js';

/** The parse results of a run, in the order of the post files. */
export interface ParseStage {
  readonly results: readonly ParsedPost[];
  /** Posts parsed (or read from the disk cache) this run; the others were remembered. */
  readonly parsed: readonly string[];
  readonly cachedPosts: number;
}

/** How the batch parser is set up. */
export interface BatchOptions {
  readonly cacheFolder: string | null;
  readonly parallelFrom: number | undefined;
  /** Told the running count of posts parsed (or read from the cache), for progress. */
  readonly progress?: (parsed: number, total: number) => void;
}

/**
 * Parses what changed among `files`; updates the posts `state` remembers. `pool`, threads
 * started while the site was read, is handed over: used or closed here.
 */
export async function parseStage(
  files: readonly SourceFile[],
  state: State,
  batch: BatchOptions,
  pool: ParsePool | null = null,
): Promise<ParseStage> {
  const results: (ParsedPost | undefined)[] = [];
  const missing = rememberedPosts(files, state, results);
  let cachedPosts = 0;
  const zone = state.config.timezone;
  if (missing.length === files.length && files.length > 0) {
    const { progress, ...options } = batch;
    let done = 0;
    const onParsed = progress
      ? (count: number) => {
          done += count;
          progress(done, files.length);
        }
      : undefined;
    const parsed = await parsePosts(files, { zone, ...options, onParsed, pool });
    cachedPosts = parsed.fromCache;
    parsed.results.forEach((result, i) => (results[i] = result));
  } else {
    await pool?.close();
    for (const index of missing) {
      state.markdown ??= await markdownRenderer();
      results[index] = parsePost(files[index] as SourceFile, zone, state.markdown);
    }
  }
  for (const index of missing) {
    const file = files[index] as SourceFile;
    state.posts.set(file.path, { file, parsed: results[index] as ParsedPost });
  }
  return {
    results: results as ParsedPost[],
    parsed: missing.map((index) => (files[index] as SourceFile).path),
    cachedPosts,
  };
}

/**
 * A Markdown renderer, its modules loaded on first use: they are most of what Rubric
 * loads (unified, micromark, KaTeX, highlight.js), and a build whose posts all come from
 * the cache, or are parsed on worker threads, never needs them on this thread.
 */
async function markdownRenderer(): Promise<MarkdownRenderer> {
  const { createMarkdownRenderer } = await import('../parse/markdown.js');
  return createMarkdownRenderer();
}

/**
 * Fills `results` with the remembered parse of each post whose text is unchanged (and
 * undefined for the rest), forgets posts that are gone, and returns the indices of the
 * posts to parse.
 */
function rememberedPosts(
  files: readonly SourceFile[],
  state: State,
  results: (ParsedPost | undefined)[],
): number[] {
  const missing: number[] = [];
  const seen = new Set<string>();
  files.forEach((file, index) => {
    seen.add(file.path);
    const cached = state.posts.get(file.path);
    if (cached?.file === file) {
      results.push(cached.parsed);
      return;
    }
    if (cached?.file.text === file.text) {
      state.posts.set(file.path, { ...cached, file });
      results.push(cached.parsed);
      return;
    }
    results.push(undefined);
    missing.push(index);
  });
  for (const key of state.posts.keys()) if (!seen.has(key)) state.posts.delete(key);
  return missing;
}
