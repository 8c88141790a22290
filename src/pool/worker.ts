/**
 * The worker side of {@link parseOnThreads}: a module piscina loads in each worker thread
 * (always from the compiled `lib/`). It keeps one Markdown processor per thread (this
 * module's state is the thread's: each thread loads its own copy) and parses a batch of
 * posts per message, so message passing stays small next to parsing.
 */
import path from 'node:path';
import { writeEntry } from '../cache/cache.js';
import { mapLimit } from '../concurrency.js';
import type { SourceFile } from '../load/load.js';
import { createMarkdownRenderer, type MarkdownRenderer } from '../parse/markdown.js';
import { parsePost, type ParsedPost } from '../parse/post.js';

/** One batch of posts for a worker. */
export interface ParseTask {
  readonly zone: string;
  readonly files: readonly SourceFile[];
  /** Cache keys of `files`, in order, and the folder to write entries to; null: no cache. */
  readonly cache: { readonly folder: string; readonly keys: readonly string[] } | null;
}

let renderMarkdown: MarkdownRenderer | null = null;

/** Parses a batch; writes each result to the cache, since the worker already holds it. */
export default async function parseBatch(task: ParseTask): Promise<ParsedPost[]> {
  renderMarkdown ??= createMarkdownRenderer();
  const render = renderMarkdown;
  const results = task.files.map((file) => parsePost(file, task.zone, render));
  const { cache } = task;
  if (cache) {
    // Bounded, as every file operation: all threads together stay under open-file limits.
    await mapLimit(
      results.map((result, i) => [cache.keys[i] ?? '', result] as const),
      ([key, result]) => writeEntry(path.join(cache.folder, `${key}.bin`), key, result),
      8,
    );
  }
  return results;
}
