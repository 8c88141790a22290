/**
 * What earlier link checks of the same site (same config) found, reused by `rubric dev`:
 * a page's broken links are the same while its links and everything they may land on —
 * the set of output paths, every page's ids, the templates' ids — are the same. A save
 * that edits one post's text changes none of those but its own links, so only that post
 * is checked again. Memoising only: a check with a memo finds what one without finds.
 */
import type { Problem } from '../errors.js';
import type { Post } from '../parse/post.js';
import type { LinkSource } from './links.js';

/** The link checks of one site config, run after run. */
export interface LinkMemo {
  /** Each post's link source, made again only when the post or its URL changes. */
  readonly sources: WeakMap<Post, LinkSource>;
  /** What the last check resolved links against; its results hold while it is the same. */
  targets: readonly (readonly string[])[] | null;
  /** The problems of each source, against {@link LinkMemo.targets}. */
  results: WeakMap<LinkSource, readonly Problem[]>;
}

/** An empty {@link LinkMemo}; valid for one site config. */
export function createLinkMemo(): LinkMemo {
  return { sources: new WeakMap(), targets: null, results: new WeakMap() };
}

/**
 * Forgets the results when what links resolve against is not what it was. `targets` are
 * lists of strings (output paths, each page's ids in order); equal lists, element by
 * element, are the same targets.
 */
export function sameTargetsOrForget(memo: LinkMemo, targets: readonly (readonly string[])[]): void {
  const before = memo.targets;
  memo.targets = targets;
  if (
    before &&
    before.length === targets.length &&
    before.every((list, i) => sameList(list, targets[i]))
  ) {
    return;
  }
  memo.results = new WeakMap();
}

function sameList(a: readonly string[], b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (!b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
