/**
 * What every router gets: the site, how to make links, the site view, and each post's
 * URL and view, made once per routing (and reused through the {@link RouteMemo}). Pure.
 */
import type { SiteConfig } from '../config/config.js';
import { dateFormatter, type DateFormatter } from '../dates.js';
import type { StaticFile } from '../load/load.js';
import type { CommentThread } from '../model/comments.js';
import type { Site } from '../model/site.js';
import type { Post } from '../parse/post.js';
import type { Words } from '../words.js';
import { bundleCopies, sizeLookup, type SiteAssets } from './assets.js';
import {
  memoAssets,
  memoAuthorRefs,
  memoLabelRefs,
  memoPostLink,
  memoPostView,
  type RouteMemo,
} from './memo.js';
import { bundleNamesOf, postView, type PostFiles, type PostView } from './post-view.js';
import { authorUrl, hrefOf, labelFeedUrl, originOf, postUrl, sitePageUrl } from '../urls.js';
import { hasFeed, labelLinksOf, siteViewOf } from './site-view.js';
import { bylineOf } from '../model/authors.js';
import type { AuthorRef, LabelIndexEntry, LabelRef, SiteView } from './view-parts.js';

/** What the routers share. `postUrls[i]` and `postViews[i]` belong to `site.posts[i]`. */
export interface RouteContext {
  readonly site: Site;
  readonly config: SiteConfig;
  readonly words: Words;
  /** A site URL as a link: under the base path, percent-encoded. */
  readonly href: (url: string) => string;
  /** `https://example.org`, or null when `baseUrl` is a path alone. */
  readonly origin: string | null;
  /** Feeds need absolute links, so a site without a host in `baseUrl` has none. */
  readonly withFeeds: boolean;
  readonly siteView: SiteView;
  readonly postUrls: readonly string[];
  readonly postViews: readonly PostView[];
  /** Every label with its count, feed and weight, as `site.labels` orders them. */
  readonly labelLinks: readonly LabelIndexEntry[];
  /** Every author as a byline links them, as `site.authors` orders them. */
  readonly authorRefs: readonly AuthorRef[];
  /** The output paths of the static files, which pages must not overwrite. */
  readonly staticPaths: readonly string[];
  /** The files of page bundles, copied next to their posts' pages. */
  readonly copies: readonly StaticFile[];
  readonly memo: RouteMemo;
  /** Each post's comments, by the post's source (`posts/a.md`). */
  readonly commentThreads: ReadonlyMap<string, CommentThread>;
  /** Dates as pages show them, in the site's language and time zone. */
  readonly formatDate: DateFormatter;
  /** The view of a page of the site (`page: true`) at the link `url`. */
  readonly sitePageView: (post: Post, url: string) => PostView;
}

/** The context of one routing of `site`. */
export function routeContext(
  site: Site,
  staticPaths: readonly string[],
  memo: RouteMemo,
  assets: SiteAssets,
): RouteContext {
  const { config } = site;
  const href = (url: string) => hrefOf(url, config.basePath);
  const origin = originOf(config.baseUrl);
  const withFeeds = origin !== null && site.posts.some((post) => !post.draft);
  // Made lazily: only posts without a memoised view need a date formatted.
  let formatter: DateFormatter | null = null;
  const formatDate: DateFormatter = (epochMs, withTime) =>
    (formatter ??= dateFormatter(config.language, config.timezone))(epochMs, withTime);
  const postLinks = site.posts.map((post) =>
    memoPostLink(memo, post, () => {
      const url = postUrl(post, config.permalink, config.timezone);
      return { url, href: href(url) };
    }),
  );
  const postUrls = postLinks.map((link) => link.url);
  const copies = bundleCopies(
    [
      ...site.posts.map((post, i) => ({ post, url: postUrls[i] ?? '' })),
      ...site.pages.map((post) => ({ post, url: sitePageUrl(post) })),
    ],
    assets.bundleFiles,
  );
  memoAssets(memo, assets);
  const files: PostFiles = {
    sizeOf: sizeLookup([...assets.staticFiles, ...copies], assets.imageSizes, config.basePath),
    bundleNames: bundleNamesOf(assets.bundleFiles),
    origin,
  };
  const labelLinks = labelLinksOf(site, href, (label) =>
    withFeeds && hasFeed(site, label.posts) ? href(labelFeedUrl(label.slug)) : null,
  );
  const labelRefs = memoLabelRefs(memo, labelLinks);
  const authorRefs = memoAuthorRefs(
    memo,
    site.authors.map((author) => ({
      name: author.name,
      url: site.authorPages ? href(authorUrl(author.slug)) : null,
    })),
  );
  const siteView = siteViewOf(site, { href, origin, withFeeds, labelRefs, memo });
  const postViews = site.posts.map((post, i) => {
    const url = postLinks[i]?.href ?? '';
    const labels = (site.postLabels[i] ?? []).map((index) => labelRefs[index] as LabelRef);
    const authors = (site.postAuthors[i] ?? []).map((index) => authorRefs[index] as AuthorRef);
    return memoPostView(memo, post, { url, labels, authors }, () =>
      postView(post, url, { labels, authors }, site, formatDate, files),
    );
  });
  return {
    site,
    config,
    words: config.words,
    href,
    origin,
    withFeeds,
    siteView,
    postUrls,
    postViews,
    labelLinks,
    authorRefs,
    staticPaths,
    copies,
    memo,
    commentThreads: assets.commentThreads ?? new Map(),
    formatDate,
    // A page of the site is in no author's list: its byline names, unlinked.
    sitePageView: (post, url) => {
      const authors = bylineOf(post, config).map((name) => ({ name, url: null }));
      return postView(post, url, { labels: [], authors }, site, formatDate, files);
    },
  };
}
