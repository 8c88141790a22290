/**
 * Pinned posts (`pinned: true`, `pinned: labels`): which posts a list holds at its top.
 * Only lists move them; a post's date, its feeds, the archive, the sitemap and the
 * newer/older links between posts never see it. Pure.
 */
import type { Post } from '../parse/post.js';

/** Which list is being ordered: the home page, or a label's page. */
export type PinnedIn = 'home' | 'labels';

/** A list in the order it is shown, and how many posts at its start are pinned. */
export interface PinnedOrder {
  readonly order: readonly number[];
  readonly pinnedCount: number;
}

/** True when `post` is held at the top of lists of kind `list`. */
export function isPinnedIn(post: Post, list: PinnedIn): boolean {
  return post.pinned === 'labels' || (post.pinned === 'home' && list === 'home');
}

/**
 * `indices` (into `posts`, newest first) with the posts pinned in `list` first, newest
 * first among them, then the rest in their order. Each post is in the list once, so a
 * pinned post is on page 1 only and later pages are not shifted by it.
 */
export function pinnedFirst(
  indices: readonly number[],
  posts: readonly Post[],
  list: PinnedIn,
): PinnedOrder {
  const pinned: number[] = [];
  const rest: number[] = [];
  for (const index of indices) {
    const post = posts[index];
    if (post && isPinnedIn(post, list)) pinned.push(index);
    else rest.push(index);
  }
  return {
    order: pinned.length === 0 ? indices : [...pinned, ...rest],
    pinnedCount: pinned.length,
  };
}
