/**
 * The route stage: the {@link Site} → every {@link Page} with its URL and view data.
 * Pure. Pagination lives here; `collisions.ts` checks that no two outputs share a path.
 */
import { dateFormatter, type DateFormatter } from '../dates.js';
import { buildWarning, type BuildError, type BuildWarning } from '../errors.js';
import type { Site } from '../model/site.js';
import type { Post } from '../parse/post.js';
import { findCollisions } from './collisions.js';
import { blogPostingJsonLd, describePost } from './describe.js';
import { feedPages, hasFeed } from './feeds.js';
import { paginate, type Chunk } from './paginate.js';
import { redirectPages } from './redirects.js';
import { sitemapPages } from './sitemap.js';
import {
  FEED_URL,
  HOME_URL,
  LABELS_URL,
  NOT_FOUND_URL,
  ROBOTS_URL,
  RSS_URL,
  absoluteHref,
  homeUrl,
  hrefOf,
  labelFeedUrl,
  labelUrl,
  originOf,
  postUrl,
  staticPageUrl,
} from './urls.js';
import type { LabelLink, LabelRef, Page, PagerView, PostView, SiteView } from './view.js';

/** The pages of a site, or the collisions that stop it from being written. */
export interface Routes {
  readonly pages: readonly Page[];
  readonly errors: readonly BuildError[];
  readonly warnings: readonly BuildWarning[];
}

/**
 * What search engines may do with page `n` of a list: pages after the first are kept out
 * of search results (and so out of the sitemap) but their links are followed. See
 * "Search engines" in the README for why. Spread into a {@link PageView}.
 */
export function listPageRobots(n: number): { robots?: string } {
  return n > 1 ? { robots: 'noindex, follow' } : {};
}

/**
 * Views made by earlier routings of the same site (same config), reused when their
 * inputs are the same objects or values: `rubric dev` keeps one, so an unchanged post
 * keeps its view object and comparing pages stays cheap. Memoising only: routing with a
 * memo gives the same pages as routing without.
 */
export interface RouteMemo {
  /** A post's URL and the link to it (under the base path, encoded). */
  readonly postUrls: WeakMap<Post, { readonly url: string; readonly href: string }>;
  readonly postViews: WeakMap<Post, PostView>;
  /** A post's page, by its view, with the neighbours it was made with. */
  readonly postPages: WeakMap<
    PostView,
    {
      url: string;
      newer: PostView | null;
      older: PostView | null;
      site: SiteView;
      page: Page;
    }
  >;
  /** The label references of the last routing, by name and URL. */
  labelRefs: Map<string, LabelRef>;
  siteView: SiteView | null;
  /**
   * The URLs of the last routing when they had no collision. Collisions depend only on
   * where pages, posts and static files go, so the same URLs in the same places are
   * still clear and need no new check.
   */
  clearOutputs: {
    readonly postUrls: readonly string[];
    readonly pageUrls: readonly string[];
    readonly staticPaths: readonly string[];
  } | null;
}

/** An empty {@link RouteMemo}; valid for one site config. */
export function createRouteMemo(): RouteMemo {
  return {
    postUrls: new WeakMap(),
    postViews: new WeakMap(),
    postPages: new WeakMap(),
    labelRefs: new Map(),
    clearOutputs: null,
    siteView: null,
  };
}

/**
 * Routes a site. `staticPaths` are the output paths of the static files, which pages
 * must not overwrite. `memo` (for one config) lets repeated routings reuse views.
 */
export function routeSite(
  site: Site,
  staticPaths: readonly string[] = [],
  memo: RouteMemo = createRouteMemo(),
): Routes {
  const { config } = site;
  const href = (url: string) => hrefOf(url, config.basePath);
  const origin = originOf(config.baseUrl);
  const absolute = (link: string) => absoluteHref(link, origin);
  // Feeds need absolute links, so a site without a host in baseUrl has none.
  const withFeeds = origin !== null && site.posts.some((post) => !post.draft);
  // Made lazily: only posts without a memoised view need a date formatted.
  let formatter: DateFormatter | null = null;
  const formatDate: DateFormatter = (epochMs, withTime) =>
    (formatter ??= dateFormatter(config.language, config.timezone))(epochMs, withTime);
  const freshSiteView: SiteView = {
    title: config.title,
    description: config.description,
    language: config.language,
    author: config.author,
    baseUrl: config.baseUrl,
    homeUrl: href(HOME_URL),
    labelsUrl: href(LABELS_URL),
    origin: origin ?? '',
    locale: openGraphLocale(config.language),
    feedUrl: withFeeds ? href(FEED_URL) : null,
    rssUrl: withFeeds ? href(RSS_URL) : null,
  };
  // Everything in the site view comes from the config, which a memo outlives never,
  // except whether there are feeds at all.
  if (memo.siteView?.feedUrl !== freshSiteView.feedUrl) memo.siteView = freshSiteView;
  const siteView = memo.siteView;

  const postLinks = site.posts.map((post) => {
    let link = memo.postUrls.get(post);
    if (link === undefined) {
      const url = postUrl(post, config.permalink, config.timezone);
      link = { url, href: href(url) };
      memo.postUrls.set(post, link);
    }
    return link;
  });
  const postUrls = postLinks.map((link) => link.url);
  const labelLinks: LabelLink[] = site.labels.map((label) => ({
    name: label.name,
    url: href(labelUrl(label.slug)),
    count: label.posts.length,
    feedUrl: withFeeds && hasFeed(site, label.posts) ? href(labelFeedUrl(label.slug)) : null,
  }));
  const refs = new Map<string, LabelRef>();
  const labelRefs = labelLinks.map(({ name, url }) => {
    const key = `${name}\0${url}`;
    const ref = memo.labelRefs.get(key) ?? { name, url };
    refs.set(key, ref);
    return ref;
  });
  memo.labelRefs = refs;
  const postViews = site.posts.map((post, i) => {
    const url = postLinks[i]?.href ?? '';
    const labels = (site.postLabels[i] ?? []).map((index) => labelRefs[index] as LabelRef);
    const known = memo.postViews.get(post);
    if (known?.url === url && sameItems(known.labels, labels)) return known;
    const view = postView(post, url, labels, site, formatDate);
    memo.postViews.set(post, view);
    return view;
  });

  const pages: Page[] = [];
  site.posts.forEach((post, i) => {
    const url = postUrls[i] ?? '';
    const view = postViews[i] as PostView;
    const newer = postViews[i - 1] ?? null;
    const older = postViews[i + 1] ?? null;
    const known = memo.postPages.get(view);
    if (
      known?.url === url &&
      known.newer === newer &&
      known.older === older &&
      known.site === siteView
    ) {
      pages.push(known.page);
      return;
    }
    const description = describePost(post, config.language);
    const jsonLd = blogPostingJsonLd({
      post: view,
      url: absolute(view.url),
      description,
      language: config.language,
      siteTitle: config.title,
      siteUrl: absolute(siteView.homeUrl),
    });
    const page: Page = {
      url,
      template: 'post',
      data: {
        site: siteView,
        page: {
          kind: 'post',
          title: post.title,
          url: view.url,
          description,
          jsonLd,
          ...(post.draft ? { robots: 'noindex' } : {}),
        },
        post: view,
        newer: newer ? { title: newer.title, url: newer.url } : null,
        older: older ? { title: older.title, url: older.url } : null,
      },
    };
    memo.postPages.set(view, { url, newer, older, site: siteView, page });
    pages.push(page);
  });

  for (const sitePage of site.pages) {
    const url = staticPageUrl(sitePage.slug);
    pages.push({
      url,
      template: 'page',
      data: {
        site: siteView,
        page: {
          kind: 'page',
          title: sitePage.title,
          url: href(url),
          description: describePost(sitePage, config.language),
        },
        post: postView(sitePage, href(url), [], site, formatDate),
      },
    });
  }

  for (const chunk of paginate(postViews, config.postsPerPage)) {
    const url = homeUrl(chunk.number);
    pages.push({
      url,
      template: 'home',
      data: {
        site: siteView,
        page: {
          kind: 'home',
          title: chunk.number > 1 ? `Page ${chunk.number}` : '',
          url: href(url),
          ...listPageRobots(chunk.number),
        },
        label: null,
        posts: chunk.items,
        pager: pager(chunk, (n) => href(homeUrl(n)), siteView.homeUrl),
      },
    });
  }

  site.labels.forEach((label, i) => {
    const link = labelLinks[i] as LabelLink;
    const views = label.posts.map((index) => postViews[index] as PostView);
    for (const chunk of paginate(views, config.postsPerPage)) {
      const url = labelUrl(label.slug, chunk.number);
      const title = chunk.number > 1 ? `${label.name} (page ${chunk.number})` : label.name;
      pages.push({
        url,
        template: 'label',
        data: {
          site: siteView,
          page: {
            kind: 'label',
            title,
            url: href(url),
            ...listPageRobots(chunk.number),
          },
          label: link,
          posts: chunk.items,
          pager: pager(chunk, (n) => href(labelUrl(label.slug, n)), siteView.homeUrl),
        },
      });
    }
  });

  pages.push({
    url: LABELS_URL,
    template: 'labels',
    data: {
      site: siteView,
      page: { kind: 'labels', title: 'Labels', url: href(LABELS_URL) },
      labels: labelLinks,
    },
  });
  pages.push({
    url: NOT_FOUND_URL,
    template: '404',
    data: {
      site: siteView,
      page: {
        kind: '404',
        title: 'Page not found',
        url: href(NOT_FOUND_URL),
        robots: 'noindex',
      },
    },
  });

  pages.push(...redirectPages(site, postUrls, siteView));

  // Made last, from every page above, so that pages added by any part are listed.
  const draftUrls = new Set(postUrls.filter((_, i) => site.posts[i]?.draft === true));
  const ownRobots = staticPaths.includes(ROBOTS_URL.slice(1));
  pages.push(...sitemapPages(pages, { site, siteView, origin, draftUrls, ownRobots }));
  if (withFeeds) {
    pages.push(...feedPages({ site, siteView, origin, postUrls }));
  }

  const warnings: BuildWarning[] = [];
  if (origin === null) {
    warnings.push(
      buildWarning(
        'RelativeBaseUrl',
        { file: 'site.yaml' },
        `baseUrl is ${config.baseUrl}, a path without a host, so the site has no feeds and no sitemap: they need absolute links.`,
        'Set the address the blog is served from, like `baseUrl: https://example.org/blog/`.',
      ),
    );
  }

  const outputs = { postUrls, pageUrls: pages.map((page) => page.url), staticPaths };
  const unchanged =
    memo.clearOutputs !== null &&
    sameItems(memo.clearOutputs.postUrls, outputs.postUrls) &&
    sameItems(memo.clearOutputs.pageUrls, outputs.pageUrls) &&
    sameItems(memo.clearOutputs.staticPaths, outputs.staticPaths);
  const errors = unchanged ? [] : findCollisions(pages, site, postUrls, staticPaths);
  memo.clearOutputs = errors.length === 0 ? outputs : null;
  return { pages, errors, warnings };
}

function postView(
  post: Post,
  url: string,
  labels: readonly LabelRef[],
  site: Site,
  formatDate: DateFormatter,
): PostView {
  return {
    title: post.title,
    url,
    date: formatDate(post.date, post.dateHasTime),
    updated: post.updated === null ? null : formatDate(post.updated, false),
    author: post.author ?? site.config.author,
    summary: post.summary ?? '',
    labels,
    html: post.html,
    excerptHtml: post.excerptHtml ?? post.html,
    hasMore: post.excerptHtml !== null,
    data: post.data,
  };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** `fr-CA` → `fr_CA`, `de-Latn-CH` → `de_CH`: Open Graph's language_TERRITORY. */
function openGraphLocale(language: string): string {
  const { language: lang, region } = new Intl.Locale(language);
  return region ? `${lang}_${region}` : lang;
}

function pager<T>(chunk: Chunk<T>, hrefOfPage: (n: number) => string, home: string): PagerView {
  return {
    page: chunk.number,
    pageCount: chunk.count,
    newerUrl: chunk.number > 1 ? hrefOfPage(chunk.number - 1) : null,
    olderUrl: chunk.number < chunk.count ? hrefOfPage(chunk.number + 1) : null,
    homeUrl: home,
  };
}
