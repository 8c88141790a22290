/**
 * Numbered lists of posts (the home page, each label's and each author's page): splitting a list into
 * pages, the pager between them, and what search engines may do with each page.
 */
import type { PinnedOrder } from '../model/pinned.js';
import type { Words } from '../words.js';
import type { RouteContext } from './context.js';
import type { PostView } from './post-view.js';
import {
  pageView,
  type AuthorLink,
  type LabelLink,
  type PagerView,
  type PageView,
  type SiteView,
} from './view-parts.js';

/** The data of a page of a numbered list. */
export interface ListPageData {
  readonly site: SiteView;
  readonly page: PageView;
  readonly words: Words;
  /** Set on label pages: the label being shown. */
  readonly label: LabelLink | null;
  /** Set on author pages: the author being shown. */
  readonly author: AuthorLink | null;
  readonly posts: readonly ListedPost[];
  /** Page `page` of `pageCount`. */
  readonly pageNumber: number;
  readonly pageCount: number;
  readonly pager: PagerView;
}

/**
 * A post in a list: its view, and `pinned: true` when the list holds it at its top
 * (`pinned:` in its front matter), so the theme can say so.
 */
export type ListedPost = PostView & { readonly pinned?: true };

/** A page of the home list, or of a label's or an author's list. */
export interface ListPage {
  readonly url: string;
  readonly template: 'home' | 'label' | 'author';
  readonly data: ListPageData;
}

/** One page of a paginated list. */
export interface Chunk<T> {
  /** 1-based. */
  readonly number: number;
  readonly count: number;
  readonly items: readonly T[];
}

/**
 * Splits `items` into pages of `perPage`. An empty list still has one (empty) page, so a
 * new blog has a home page.
 */
export function paginate<T>(items: readonly T[], perPage: number): Chunk<T>[] {
  const count = Math.max(1, Math.ceil(items.length / perPage));
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    count,
    items: items.slice(i * perPage, (i + 1) * perPage),
  }));
}

/** How one numbered list is laid out in pages. */
export interface ListFacts {
  readonly template: 'home' | 'label' | 'author';
  readonly label: LabelLink | null;
  readonly author: AuthorLink | null;
  readonly posts: readonly ListedPost[];
  /** The URL of page `n` of the list. */
  readonly urlOf: (n: number) => string;
  /** The title of page `n`. */
  readonly titleOf: (n: number) => string;
}

/**
 * The views of `indices` (into the site's posts) in the order `pinnedFirst` gives, the
 * first `pinnedCount` marked as pinned.
 */
export function listedPosts(
  views: readonly PostView[],
  { order, pinnedCount }: PinnedOrder,
): ListedPost[] {
  return order.map((index, at) => {
    const view = views[index] as PostView;
    return at < pinnedCount ? { ...view, pinned: true } : view;
  });
}

/** The pages of one numbered list, newest posts first (pinned posts before them). */
export function listPages(context: RouteContext, list: ListFacts): ListPage[] {
  const { siteView, words, href, config } = context;
  return paginate(list.posts, config.postsPerPage).map((chunk) => {
    const url = list.urlOf(chunk.number);
    const newer = chunk.number > 1 ? href(list.urlOf(chunk.number - 1)) : null;
    const older = chunk.number < chunk.count ? href(list.urlOf(chunk.number + 1)) : null;
    const page = pageView(siteView, {
      kind: list.template,
      title: list.titleOf(chunk.number),
      url: href(url),
      ...listPageRobots(chunk.number),
      ...(newer === null ? {} : { prevUrl: newer }),
      ...(older === null ? {} : { nextUrl: older }),
    });
    const pager: PagerView = {
      label: `${words.newerPosts} / ${words.olderPosts}`,
      newer: newer === null ? null : { url: newer, text: words.newerPosts, title: null },
      home: { url: siteView.homeUrl, text: words.home, title: null },
      older: older === null ? null : { url: older, text: words.olderPosts, title: null },
    };
    return {
      url,
      template: list.template,
      data: {
        site: siteView,
        page,
        words,
        label: list.label,
        author: list.author,
        posts: chunk.items,
        pageNumber: chunk.number,
        pageCount: chunk.count,
        pager,
      },
    };
  });
}

/**
 * What search engines may do with page `n` of a list: pages after the first are kept out
 * of search results (and so out of the sitemap) but their links are followed. See
 * "Search engines" in the README for why.
 */
export function listPageRobots(n: number): { robots?: string } {
  return n > 1 ? { robots: 'noindex, follow' } : {};
}
