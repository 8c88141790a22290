/**
 * The worker-thread pool of {@link parsePosts}: posts split into batches, each parsed by
 * `worker.ts` in a thread of a piscina pool that lives for one call.
 */
import path from 'node:path';
import { Piscina } from 'piscina';
import type { SourceFile } from '../load/load.js';
import type { ParsedPost } from '../parse/post.js';
import { packageRoot } from '../paths.js';
import type { ParseTask } from './worker.js';

/** The compiled worker module: workers run JavaScript, so tests compile before they run. */
const WORKER_FILE = path.join(packageRoot, 'lib', 'pool', 'worker.js');

/**
 * Parses `files` on `threads` worker threads; results in the order of `files`. With
 * `cache`, each worker writes its results to the cache as well.
 */
export async function parseOnThreads(
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
