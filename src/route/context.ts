/**
 * What every router gets: the site, how to make links, the site view, and each post's
 * URL and view, made once per routing (and reused through the {@link RouteMemo}). Pure.
 */
import type { SiteConfig } from '../config/config.js';
import { dateFormatter, type DateFormatter } from '../dates.js';
import type { StaticFile } from '../load/load.js';
import type { Site } from '../model/site.js';
import type { Post } from '../parse/post.js';
import type { Words } from '../words.js';
import { sidebarArchive } from './archive.js';
import { bundleCopies, sizeLookup, type SiteAssets } from './assets.js';
import { hasFeed } from './feeds.js';
import { labelLinksOf, type LabelIndexEntry } from './labels.js';
import {
  memoAssets,
  memoLabelRefs,
  memoPostLink,
  memoPostView,
  memoSiteView,
  type RouteMemo,
} from './memo.js';
import { bundleNamesOf, postView, type PostFiles, type PostView } from './post-view.js';
import {
  ARCHIVE_URL,
  FEED_URL,
  HOME_URL,
  LABELS_URL,
  RSS_URL,
  hrefOf,
  labelFeedUrl,
  originOf,
  postUrl,
  sitePageUrl,
} from './urls.js';
import type { LabelRef, Page, SiteView } from './view.js';

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
  /** The output paths of the static files, which pages must not overwrite. */
  readonly staticPaths: readonly string[];
  /** The files of page bundles, copied next to their posts' pages. */
  readonly copies: readonly StaticFile[];
  readonly memo: RouteMemo;
  /** The view of a page of the site (`page: true`) at the link `url`. */
  readonly sitePageView: (post: Post, url: string) => PostView;
}

/**
 * A router: the pages of one kind. `earlier` holds the pages the routers before it made,
 * for those (the sitemap) that list other pages.
 */
export type Router = (context: RouteContext, earlier: readonly Page[]) => readonly Page[];

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
  const siteView = siteViewOf(site, { href, origin, withFeeds, labelRefs, memo });
  const postViews = site.posts.map((post, i) => {
    const url = postLinks[i]?.href ?? '';
    const labels = (site.postLabels[i] ?? []).map((index) => labelRefs[index] as LabelRef);
    return memoPostView(memo, post, { url, labels }, () =>
      postView(post, url, labels, site, formatDate, files),
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
    staticPaths,
    copies,
    memo,
    sitePageView: (post, url) => postView(post, url, [], site, formatDate, files),
  };
}

/**
 * The site view. The sidebar is on every page, so it carries no counts (see SiteView):
 * it changes only when a label, a year or a month appears or goes.
 */
function siteViewOf(
  site: Site,
  facts: {
    readonly href: (url: string) => string;
    readonly origin: string | null;
    readonly withFeeds: boolean;
    readonly labelRefs: readonly LabelRef[];
    readonly memo: RouteMemo;
  },
): SiteView {
  const { config } = site;
  const { href, origin, withFeeds } = facts;
  const sidebar = {
    feedUrl: withFeeds ? href(FEED_URL) : null,
    labels: facts.labelRefs,
    archive: sidebarArchive(site.archive, config.words, href),
  };
  return memoSiteView(facts.memo, sidebar, () => ({
    title: config.title,
    description: config.description,
    language: config.language,
    author: config.author,
    baseUrl: config.baseUrl,
    homeUrl: href(HOME_URL),
    labelsUrl: href(LABELS_URL),
    archiveUrl: href(ARCHIVE_URL),
    labels: sidebar.labels,
    labelIndex: config.labelIndex,
    archive: sidebar.archive,
    origin: origin ?? '',
    locale: openGraphLocale(config.language),
    feedUrl: sidebar.feedUrl,
    rssUrl: withFeeds ? href(RSS_URL) : null,
  }));
}

/** `fr-CA` → `fr_CA`, `de-Latn-CH` → `de_CH`: Open Graph's language_TERRITORY. */
function openGraphLocale(language: string): string {
  const { language: lang, region } = new Intl.Locale(language);
  return region ? `${lang}_${region}` : lang;
}
