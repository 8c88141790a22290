/**
 * The worker-thread pool of {@link parsePosts}: posts split into batches, each parsed by
 * `worker.ts` in a thread of a piscina pool that lives for one parse stage. A pool can be
 * started before the posts are read (`startParsePool`), so that the threads load the
 * Markdown pipeline, a few hundred modules, while the main thread reads the site.
 */
import path from 'node:path';
import { Piscina } from 'piscina';
import type { SourceFile } from '../load/load.js';
import type { ParsedPost } from '../parse/post.js';
import { packageRoot } from '../paths.js';
import type { ParseTask } from './worker.js';

/** The compiled worker module: workers run JavaScript, so tests compile before they run. */
const WORKER_FILE = path.join(packageRoot, 'lib', 'pool', 'worker.js');

/** Posts per batch, at most: a batch is what one thread may still be parsing when the others are done. */
const MAX_BATCH = 40;
/** Posts per batch, at least: below this the message per batch costs more than it saves. */
const MIN_BATCH = 8;

/** A started pool of parse threads; {@link ParsePool.close} ends it. */
export interface ParsePool {
  readonly threads: number;
  /**
   * Parses `files`; results in the order of `files`. With `cache`, each worker writes its
   * results to the cache as well.
   */
  parse(
    files: readonly SourceFile[],
    zone: string,
    cache: ParseTask['cache'],
    onParsed?: (count: number) => void,
  ): Promise<ParsedPost[]>;
  close(): Promise<void>;
}

/** Starts `threads` worker threads; each begins loading the parse pipeline at once. */
export function startParsePool(threads: number): ParsePool {
  const pool = new Piscina<ParseTask, ParsedPost[]>({
    filename: WORKER_FILE,
    minThreads: threads,
    maxThreads: threads,
  });
  return {
    threads,
    async parse(files, zone, cache, onParsed) {
      // Many batches per thread, so that the last ones end close together: the stage waits
      // for the slowest thread. Each batch is still tens of posts, so messages cost little.
      const size = Math.min(
        MAX_BATCH,
        Math.max(MIN_BATCH, Math.ceil(files.length / (threads * 16))),
      );
      const batches: Promise<ParsedPost[]>[] = [];
      for (let start = 0; start < files.length; start += size) {
        const end = start + size;
        const task: ParseTask = {
          zone,
          files: files.slice(start, end),
          cache: cache && { folder: cache.folder, keys: cache.keys.slice(start, end) },
        };
        batches.push(
          pool.run(task).then((parsed) => {
            onParsed?.(parsed.length);
            return parsed;
          }),
        );
      }
      return (await Promise.all(batches)).flat();
    },
    close: () => pool.destroy(),
  };
}
