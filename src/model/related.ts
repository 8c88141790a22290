/**
 * Related posts: for each post, the posts that share the most labels with it. Computed
 * from the label table (an inverted index: label → its posts), so a post is compared
 * only with posts that share at least one label, never with the whole site.
 */
import type { Label } from './labels.js';

/**
 * For each post, up to `limit` indices of related posts, best first: more shared labels
 * first, then the nearest in time, then the newer. `postLabels[i]` are the label indices
 * of post i; `labels[l].posts` the posts of label l, newest first.
 */
export function relatedPosts(
  postLabels: readonly (readonly number[])[],
  labels: readonly Label[],
  limit: number,
): number[][] {
  if (limit === 0) return postLabels.map(() => []);
  // One counter per post, reused: only the entries a post touched are reset.
  const shared = new Uint16Array(postLabels.length);
  return postLabels.map((own, self) => {
    const touched: number[] = [];
    for (const labelIndex of own) {
      for (const other of labels[labelIndex]?.posts ?? []) {
        if (other === self) continue;
        if (shared[other] === 0) touched.push(other);
        shared[other] = (shared[other] ?? 0) + 1;
      }
    }
    const score = (i: number) => shared[i] ?? 0;
    const best = touched
      .sort((a, b) => score(b) - score(a) || Math.abs(a - self) - Math.abs(b - self) || a - b)
      .slice(0, limit);
    for (const i of touched) shared[i] = 0;
    return best;
  });
}
