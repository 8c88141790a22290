import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../src/concurrency.js';

describe('mapLimit', () => {
  it('keeps the order of the items and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapLimit(
      Array.from({ length: 50 }, (_, i) => i),
      async (n) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, (n * 7) % 5));
        running--;
        return n * 2;
      },
      4,
    );
    expect(results).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
    expect(most).toBe(4);
  });

  it('returns an empty list for no items', async () => {
    expect(await mapLimit([], () => Promise.resolve(1))).toEqual([]);
  });
});
