/**
 * What earlier routings of the same site (same config) made, reused when the inputs are
 * the same objects or values: `rubric dev` keeps one {@link RouteMemo}, so an unchanged
 * post keeps its view object and comparing pages stays cheap. Memoising only: routing
 * with a memo gives the same pages as routing without. Every reuse rule of the route
 * stage is here; the routers ask these functions and never read the memo themselves.
 */
import type { CommentThread } from '../model/comments.js';
import type { Post } from '../parse/post.js';
import type { SiteAssets } from './assets.js';
import type { PostView } from './post-view.js';
import type { AuthorRef, LabelRef, SidebarYear, SiteView } from './view-parts.js';

/** A post's URL and the link to it (under the base path, encoded). */
export interface PostLinkMemo {
  readonly url: string;
  readonly href: string;
}

/** What a post's page was made from, besides its own view. */
export interface PostPageInputs {
  readonly url: string;
  readonly newer: PostView | null;
  readonly older: PostView | null;
  readonly related: readonly PostView[];
  readonly site: SiteView;
  /** The post's comments: the same object while its comments file is unchanged. */
  readonly comments: CommentThread | null;
}

/** Where pages, posts and files go: all that collisions depend on. */
export interface RouteOutputs {
  readonly postUrls: readonly string[];
  readonly pageUrls: readonly string[];
  readonly staticPaths: readonly string[];
  readonly copyPaths: readonly string[];
}

/** Views made by earlier routings of one site config. */
export interface RouteMemo {
  readonly postUrls: WeakMap<Post, PostLinkMemo>;
  postViews: WeakMap<Post, PostView>;
  /** The bundle files and image sizes the post views were made with. */
  assets: SiteAssets | null;
  /**
   * A post's page, by its view, with the neighbours and related posts it was made with.
   * Held as `object` so that the memo needs no page kind; only {@link memoPostPage}
   * stores and reads it.
   */
  readonly postPages: WeakMap<PostView, PostPageInputs & { readonly page: object }>;
  /** The label references of the last routing, by name and URL. */
  labelRefs: Map<string, LabelRef>;
  /** The author references of the last routing, by name and URL. */
  authorRefs: Map<string, AuthorRef>;
  /**
   * The last site view. Reused while it is structurally the same (the config, whether
   * there are feeds, the sidebar's label links and archive years and months), so that
   * pages compare by identity and an edit that moves nothing in the sidebar re-renders
   * no page for it.
   */
  siteView: SiteView | null;
  /**
   * The outputs of the last routing when they had no collision. Collisions depend only
   * on where pages, posts and static files go, so the same URLs in the same places are
   * still clear and need no new check.
   */
  clearOutputs: RouteOutputs | null;
}

/** An empty {@link RouteMemo}; valid for one site config. */
export function createRouteMemo(): RouteMemo {
  return {
    postUrls: new WeakMap(),
    postViews: new WeakMap(),
    postPages: new WeakMap(),
    labelRefs: new Map(),
    authorRefs: new Map(),
    assets: null,
    clearOutputs: null,
    siteView: null,
  };
}

/** A post's URL and link, made by `make` the first time the post object is seen. */
export function memoPostLink(memo: RouteMemo, post: Post, make: () => PostLinkMemo): PostLinkMemo {
  let link = memo.postUrls.get(post);
  if (link === undefined) {
    link = make();
    memo.postUrls.set(post, link);
  }
  return link;
}

/** Notes the site's files; a view holds its body's image sizes and bundle links, so new files drop every post view. */
export function memoAssets(memo: RouteMemo, assets: SiteAssets): void {
  const same =
    memo.assets !== null &&
    memo.assets.bundleFiles === assets.bundleFiles &&
    memo.assets.imageSizes === assets.imageSizes;
  if (!same) memo.postViews = new WeakMap();
  memo.assets = assets;
}

/** The label references, each the same object as last time when its name and URL are. */
export function memoLabelRefs(memo: RouteMemo, links: readonly LabelRef[]): LabelRef[] {
  const { refs, known } = sameRefs(memo.labelRefs, links, ({ name, url }) => ({ name, url }));
  memo.labelRefs = known;
  return refs;
}

/** The author references, each the same object as last time when its name and URL are. */
export function memoAuthorRefs(memo: RouteMemo, links: readonly AuthorRef[]): AuthorRef[] {
  const { refs, known } = sameRefs(memo.authorRefs, links, ({ name, url }) => ({ name, url }));
  memo.authorRefs = known;
  return refs;
}

/**
 * Links as references (name and URL alone, made by `refOf`: a label link's count must
 * not reach the sidebar) that stay the same objects while their name and URL do.
 */
function sameRefs<L extends R, R extends { readonly name: string; readonly url: string | null }>(
  before: ReadonlyMap<string, R>,
  links: readonly L[],
  refOf: (link: L) => R,
): { refs: R[]; known: Map<string, R> } {
  const known = new Map<string, R>();
  const refs = links.map((link) => {
    const key = `${link.name}\0${link.url ?? ''}`;
    const ref = before.get(key) ?? refOf(link);
    known.set(key, ref);
    return ref;
  });
  return { refs, known };
}

/**
 * The site view: the last one while its feed link, labels and archive years and months
 * are the same (everything else in it comes from the config, which a memo never
 * outlives), else `make()`.
 */
export function memoSiteView(
  memo: RouteMemo,
  sidebar: Pick<SiteView, 'feedUrl' | 'labels' | 'archive'>,
  make: () => SiteView,
): SiteView {
  const known = memo.siteView;
  const siteView =
    known !== null &&
    known.feedUrl === sidebar.feedUrl &&
    sameItems(known.labels, sidebar.labels) &&
    sameSidebarArchive(known.archive, sidebar.archive)
      ? known
      : make();
  memo.siteView = siteView;
  return siteView;
}

/** A post's view: the last one while its link, labels and authors are the same, else `make()`. */
export function memoPostView(
  memo: RouteMemo,
  post: Post,
  facts: {
    readonly url: string;
    readonly labels: readonly LabelRef[];
    readonly authors: readonly AuthorRef[];
  },
  make: () => PostView,
): PostView {
  const known = memo.postViews.get(post);
  if (
    known?.url === facts.url &&
    sameItems(known.labels, facts.labels) &&
    sameItems(known.authorLinks, facts.authors)
  ) {
    return known;
  }
  const view = make();
  memo.postViews.set(post, view);
  return view;
}

/** A post's page: the last one while its view, neighbours and site view are the same. */
export function memoPostPage<P extends object>(
  memo: RouteMemo,
  view: PostView,
  inputs: PostPageInputs,
  make: () => P,
): P {
  const known = memo.postPages.get(view);
  if (
    known?.url === inputs.url &&
    known.newer === inputs.newer &&
    known.older === inputs.older &&
    sameItems(known.related, inputs.related) &&
    known.site === inputs.site &&
    known.comments === inputs.comments
  ) {
    // Stored by this function from the same caller's `make`: the post router's pages.
    return known.page as P;
  }
  const page = make();
  memo.postPages.set(view, { ...inputs, page });
  return page;
}

/** The collisions of `outputs`: none when they are the last clear ones, else `find()`. */
export function memoCollisions<E>(memo: RouteMemo, outputs: RouteOutputs, find: () => E[]): E[] {
  const clear = memo.clearOutputs;
  const unchanged =
    clear !== null &&
    sameItems(clear.postUrls, outputs.postUrls) &&
    sameItems(clear.pageUrls, outputs.pageUrls) &&
    sameItems(clear.staticPaths, outputs.staticPaths) &&
    sameItems(clear.copyPaths, outputs.copyPaths);
  const errors = unchanged ? [] : find();
  memo.clearOutputs = errors.length === 0 ? outputs : null;
  return errors;
}

/** True when two sidebar archives link the same years and months (the rest follows). */
function sameSidebarArchive(a: readonly SidebarYear[], b: readonly SidebarYear[]): boolean {
  return (
    a.length === b.length &&
    a.every((year, i) => {
      const other = b[i] as SidebarYear;
      return (
        year.year === other.year &&
        year.months.length === other.months.length &&
        year.months.every((month, j) => month.month === other.months[j]?.month)
      );
    })
  );
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
