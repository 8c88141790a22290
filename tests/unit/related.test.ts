/**
 * Related posts against the plain definition: compare every pair, rank by shared labels,
 * then nearness in time, then the newer. The index skips scanning a post's biggest label,
 * so random label tables check that it still finds exactly the same posts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Label } from '../../src/model/labels.js';
import { relatedPosts } from '../../src/model/related.js';

function labelTable(postLabels: readonly (readonly number[])[], labelCount: number): Label[] {
  return Array.from({ length: labelCount }, (_, l) => ({
    key: `l${String(l)}`,
    name: `L${String(l)}`,
    slug: `l${String(l)}`,
    posts: postLabels.flatMap((own, i) => (own.includes(l) ? [i] : [])),
  }));
}

function byDefinition(postLabels: readonly (readonly number[])[], limit: number): number[][] {
  return postLabels.map((own, self) =>
    postLabels
      .map((other, i) => ({ i, shared: other.filter((l) => own.includes(l)).length }))
      .filter(({ i, shared }) => i !== self && shared > 0)
      .sort(
        (a, b) => b.shared - a.shared || Math.abs(a.i - self) - Math.abs(b.i - self) || a.i - b.i,
      )
      .slice(0, limit)
      .map(({ i }) => i),
  );
}

describe('related posts', () => {
  it('ranks more shared labels first, then the nearest in time, then the newer', () => {
    // Post 0 shares two labels with post 3 and one with posts 1 and 2.
    const postLabels = [[0, 1], [0], [1], [0, 1], []];
    expect(relatedPosts(postLabels, labelTable(postLabels, 2), 3)[0]).toEqual([3, 1, 2]);
    expect(relatedPosts(postLabels, labelTable(postLabels, 2), 3)[4]).toEqual([]);
  });

  it('finds exactly what comparing every pair finds', () => {
    const tables = fc.integer({ min: 1, max: 6 }).chain((labelCount) =>
      fc.record({
        labelCount: fc.constant(labelCount),
        limit: fc.integer({ min: 0, max: 6 }),
        postLabels: fc.array(
          fc.uniqueArray(fc.integer({ min: 0, max: labelCount - 1 }), { maxLength: 4 }),
          { maxLength: 60 },
        ),
      }),
    );
    fc.assert(
      fc.property(tables, ({ labelCount, limit, postLabels }) => {
        expect(relatedPosts(postLabels, labelTable(postLabels, labelCount), limit)).toEqual(
          byDefinition(postLabels, limit),
        );
      }),
      { numRuns: 500 },
    );
  });
});
