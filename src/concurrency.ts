/** Bounded concurrency for file I/O: enough to keep the disk busy, few enough for fds. */

/** How many files are read or written at once (macOS allows 256 open files by default). */
export const IO_CONCURRENCY = 32;

/**
 * Maps `items` through `task` with at most `limit` calls under way, keeping the order of
 * `items` in the result.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  task: (item: T) => Promise<R>,
  limit = IO_CONCURRENCY,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
