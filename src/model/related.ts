/**
 * Related posts: for each post, the posts that share the most labels with it. Computed
 * from the label table (an inverted index: label → its posts), so a post is compared
 * only with posts that share a label, never with the whole site.
 *
 * A post's biggest label is not scanned: on a topic blog one label is often on a third of
 * all posts, and scanning it for each of its posts would cost a third of the site squared.
 * Every post that shares two or more labels with this one shares one of its smaller
 * labels too, so the scans of those find it (and a look at its own few labels adds the big
 * one). The posts that share just one label can only make the list if they are among
 * the nearest in time in that label's list, so they are taken walking outward from the
 * post's place in each of its labels' lists, and only those few are sorted.
 */
import type { Label } from './labels.js';

/**
 * For each post, up to `limit` indices of related posts, best first: more shared labels
 * first, then the nearest in time, then the newer. `postLabels[i]` are the label indices
 * of post i; `labels[l].posts` the posts of label l, newest first (ascending indices,
 * since posts are sorted newest first).
 */
export function relatedPosts(
  postLabels: readonly (readonly number[])[],
  labels: readonly Label[],
  limit: number,
): number[][] {
  if (limit === 0) return postLabels.map(() => []);
  // One counter per post, reused: only the entries a post touched are reset.
  const shared = new Uint16Array(postLabels.length);
  const postsOf = (label: number) => labels[label]?.posts ?? [];
  return postLabels.map((own, self) => {
    if (own.length === 0) return [];
    const big = own.reduce((a, b) => (postsOf(b).length > postsOf(a).length ? b : a));
    const touched: number[] = [];
    for (const labelIndex of own) {
      if (labelIndex === big) continue;
      for (const other of postsOf(labelIndex)) {
        if (other === self) continue;
        if (shared[other] === 0) touched.push(other);
        shared[other] = (shared[other] ?? 0) + 1;
      }
    }
    for (const other of touched) {
      if (postLabels[other]?.includes(big)) shared[other] = (shared[other] ?? 0) + 1;
    }
    // Posts sharing two or more labels all rank first. Of the rest, each shares exactly
    // one label, so the nearest of them overall are among the nearest of each label:
    // sorting only those keeps the sort small however big the labels are.
    const candidates = touched.filter((other) => (shared[other] ?? 0) >= 2);
    const single = (other: number) => (shared[other] ?? 0) <= 1;
    for (const labelIndex of own) {
      for (const other of nearest(postsOf(labelIndex), self, limit, single)) {
        if (shared[other] === 0) touched.push(other);
        shared[other] = 1;
        candidates.push(other);
      }
    }
    const score = (i: number) => shared[i] ?? 0;
    const best = [...new Set(candidates)]
      .sort((a, b) => score(b) - score(a) || Math.abs(a - self) - Math.abs(b - self) || a - b)
      .slice(0, limit);
    for (const i of touched) shared[i] = 0;
    return best;
  });
}

/**
 * Up to `limit` posts of a label (ascending indices) nearest to `self` in index, the
 * newer first on a tie, skipping `self` and posts `accept` turns down.
 */
function nearest(
  posts: readonly number[],
  self: number,
  limit: number,
  accept: (post: number) => boolean,
): number[] {
  // The first position whose post is not newer than `self`.
  let low = 0;
  let high = posts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((posts[mid] ?? 0) < self) low = mid + 1;
    else high = mid;
  }
  let left = low - 1;
  let right = posts[low] === self ? low + 1 : low;
  const found: number[] = [];
  while (found.length < limit && (left >= 0 || right < posts.length)) {
    const newer = left >= 0 ? (posts[left] ?? 0) : null;
    const older = right < posts.length ? (posts[right] ?? 0) : null;
    let next: number;
    if (newer !== null && (older === null || self - newer <= older - self)) {
      next = newer;
      left--;
    } else {
      next = older ?? 0;
      right++;
    }
    if (accept(next)) found.push(next);
  }
  return found;
}
