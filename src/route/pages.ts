/**
 * The route stage: the {@link Site} → every {@link Page} with its URL and view data.
 * Pure. Pagination lives here; `collisions.ts` checks that no two outputs share a path.
 */
import { dateFormatter, type DateFormatter } from '../dates.js';
import { buildWarning, type BuildError, type BuildWarning } from '../errors.js';
import type { Site } from '../model/site.js';
import type { Heading } from '../parse/markdown.js';
import type { Post } from '../parse/post.js';
import { fillPhrase } from '../words.js';
import type { StaticFile } from '../load/load.js';
import { archivePages, sidebarArchive } from './archive.js';
import {
  NO_ASSETS,
  bundleCopies,
  finishBody,
  folderHref,
  postImage,
  sizeLookup,
  type SiteAssets,
  type SizeLookup,
} from './assets.js';
import { findCollisions } from './collisions.js';
import { blogPostingJsonLd, describePost } from './describe.js';
import { feedPages, hasFeed } from './feeds.js';
import { paginate, type Chunk } from './paginate.js';
import { redirectPages } from './redirects.js';
import { sitemapPages } from './sitemap.js';
import {
  ARCHIVE_URL,
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
  sitePageUrl,
} from './urls.js';
import type {
  LabelIndexEntry,
  LabelLink,
  LabelRef,
  Page,
  PagerView,
  PostView,
  SidebarYear,
  SiteView,
  TocItem,
} from './view.js';

/** Words per minute for reading time: a common estimate for reading on screen. */
const WORDS_PER_MINUTE = 200;

/** The pages of a site, or the collisions that stop it from being written. */
export interface Routes {
  readonly pages: readonly Page[];
  /** The files of page bundles, copied next to their posts' pages as static files are. */
  readonly copies: readonly StaticFile[];
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
  postViews: WeakMap<Post, PostView>;
  /** The bundle files and image sizes the post views were made with. */
  assets: SiteAssets | null;
  /** A post's page, by its view, with the neighbours and related posts it was made with. */
  readonly postPages: WeakMap<
    PostView,
    {
      url: string;
      newer: PostView | null;
      older: PostView | null;
      related: readonly PostView[];
      site: SiteView;
      page: Page;
    }
  >;
  /** The label references of the last routing, by name and URL. */
  labelRefs: Map<string, LabelRef>;
  /**
   * The last site view. Reused while it is structurally the same (the config, whether
   * there are feeds, the sidebar's label links and archive years and months), so that
   * pages compare by identity and an edit that moves nothing in the sidebar re-renders
   * no page for it.
   */
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
    readonly copyPaths: readonly string[];
  } | null;
}

/** An empty {@link RouteMemo}; valid for one site config. */
export function createRouteMemo(): RouteMemo {
  return {
    postUrls: new WeakMap(),
    postViews: new WeakMap(),
    postPages: new WeakMap(),
    labelRefs: new Map(),
    assets: null,
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
  assets: SiteAssets = NO_ASSETS,
): Routes {
  const { config } = site;
  const { words } = config;
  const href = (url: string) => hrefOf(url, config.basePath);
  const origin = originOf(config.baseUrl);
  const absolute = (link: string) => absoluteHref(link, origin);
  // Feeds need absolute links, so a site without a host in baseUrl has none.
  const withFeeds = origin !== null && site.posts.some((post) => !post.draft);
  // Made lazily: only posts without a memoised view need a date formatted.
  let formatter: DateFormatter | null = null;
  const formatDate: DateFormatter = (epochMs, withTime) =>
    (formatter ??= dateFormatter(config.language, config.timezone))(epochMs, withTime);
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
  const copies = bundleCopies(
    [
      ...site.posts.map((post, i) => ({ post, url: postUrls[i] ?? '' })),
      ...site.pages.map((post) => ({ post, url: sitePageUrl(post) })),
    ],
    assets.bundleFiles,
  );
  // A view holds its body's image sizes and bundle links: new files, new views.
  const sameAssets =
    memo.assets !== null &&
    memo.assets.bundleFiles === assets.bundleFiles &&
    memo.assets.imageSizes === assets.imageSizes;
  if (!sameAssets) memo.postViews = new WeakMap();
  memo.assets = assets;
  const files: PostFiles = {
    sizeOf: sizeLookup([...assets.staticFiles, ...copies], assets.imageSizes, config.basePath),
    bundleNames: bundleNamesOf(assets),
    origin,
  };
  const labelLinks = labelLinksOf(site, href, (label) =>
    withFeeds && hasFeed(site, label.posts) ? href(labelFeedUrl(label.slug)) : null,
  );
  const refs = new Map<string, LabelRef>();
  const labelRefs = labelLinks.map(({ name, url }) => {
    const key = `${name}\0${url}`;
    const ref = memo.labelRefs.get(key) ?? { name, url };
    refs.set(key, ref);
    return ref;
  });
  memo.labelRefs = refs;

  // The sidebar is on every page, so it carries no counts (see SiteView): it changes
  // only when a label, a year or a month appears or goes.
  const archive = sidebarArchive(site.archive, words, href);
  const known = memo.siteView;
  const siteView: SiteView =
    known !== null &&
    known.feedUrl === (withFeeds ? href(FEED_URL) : null) &&
    sameItems(known.labels, labelRefs) &&
    sameSidebarArchive(known.archive, archive)
      ? known
      : {
          title: config.title,
          description: config.description,
          language: config.language,
          author: config.author,
          baseUrl: config.baseUrl,
          homeUrl: href(HOME_URL),
          labelsUrl: href(LABELS_URL),
          archiveUrl: href(ARCHIVE_URL),
          labels: labelRefs,
          labelIndex: config.labelIndex,
          archive,
          origin: origin ?? '',
          locale: openGraphLocale(config.language),
          feedUrl: withFeeds ? href(FEED_URL) : null,
          rssUrl: withFeeds ? href(RSS_URL) : null,
        };
  // Everything else in the site view comes from the config, which a memo never outlives.
  memo.siteView = siteView;
  const postViews = site.posts.map((post, i) => {
    const url = postLinks[i]?.href ?? '';
    const labels = (site.postLabels[i] ?? []).map((index) => labelRefs[index] as LabelRef);
    const known = memo.postViews.get(post);
    if (known?.url === url && sameItems(known.labels, labels)) return known;
    const view = postView(post, url, labels, site, formatDate, files);
    memo.postViews.set(post, view);
    return view;
  });

  const pages: Page[] = [];
  site.posts.forEach((post, i) => {
    const url = postUrls[i] ?? '';
    const view = postViews[i] as PostView;
    const newer = postViews[i - 1] ?? null;
    const older = postViews[i + 1] ?? null;
    const related = (site.related[i] ?? []).map((index) => postViews[index] as PostView);
    const known = memo.postPages.get(view);
    if (
      known?.url === url &&
      known.newer === newer &&
      known.older === older &&
      sameItems(known.related, related) &&
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
      ...layoutOf(post),
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
        words,
        post: view,
        newer: newer ? { title: newer.title, url: newer.url } : null,
        older: older ? { title: older.title, url: older.url } : null,
        related: related.map((other) => ({ title: other.title, url: other.url })),
      },
    };
    memo.postPages.set(view, { url, newer, older, related, site: siteView, page });
    pages.push(page);
  });

  for (const sitePage of site.pages) {
    const url = sitePageUrl(sitePage);
    pages.push({
      url,
      template: 'page',
      ...layoutOf(sitePage),
      data: {
        site: siteView,
        page: {
          kind: 'page',
          title: sitePage.title,
          url: href(url),
          description: describePost(sitePage, config.language),
        },
        words,
        post: postView(sitePage, href(url), [], site, formatDate, files),
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
          title: chunk.number > 1 ? fillPhrase(words.pageN, { n: chunk.number }) : '',
          url: href(url),
          ...listPageRobots(chunk.number),
        },
        words,
        label: null,
        posts: chunk.items,
        pager: pager(chunk, (n) => href(homeUrl(n)), siteView.homeUrl),
      },
    });
  }

  site.labels.forEach((label, i) => {
    const entry = labelLinks[i] as LabelIndexEntry;
    // Without the weight, which moves with other labels' counts.
    const link: LabelLink = {
      name: entry.name,
      url: entry.url,
      count: entry.count,
      feedUrl: entry.feedUrl,
    };
    const views = label.posts.map((index) => postViews[index] as PostView);
    for (const chunk of paginate(views, config.postsPerPage)) {
      const url = labelUrl(label.slug, chunk.number);
      const title =
        chunk.number > 1
          ? fillPhrase(words.titlePageN, { title: label.name, n: chunk.number })
          : label.name;
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
          words,
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
      page: { kind: 'labels', title: words.labels, url: href(LABELS_URL) },
      words,
      labels: labelLinks,
    },
  });
  pages.push(...archivePages(site.archive, { siteView, words, postViews, href }));
  pages.push({
    url: NOT_FOUND_URL,
    template: '404',
    data: {
      site: siteView,
      page: {
        kind: '404',
        title: words.notFoundTitle,
        url: href(NOT_FOUND_URL),
        robots: 'noindex',
      },
      words,
    },
  });

  pages.push(...redirectPages(site, postUrls, siteView));

  // Made last, from every page above, so that pages added by any part are listed.
  const draftUrls = new Set(postUrls.filter((_, i) => site.posts[i]?.draft === true));
  const ownRobots = staticPaths.includes(ROBOTS_URL.slice(1));
  pages.push(...sitemapPages(pages, { site, siteView, origin, draftUrls, ownRobots }));
  if (withFeeds) {
    pages.push(...feedPages({ site, siteView, origin, postUrls, postViews }));
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

  const copyPaths = copies.map((copy) => copy.outputPath);
  const outputs = { postUrls, pageUrls: pages.map((page) => page.url), staticPaths, copyPaths };
  const unchanged =
    memo.clearOutputs !== null &&
    sameItems(memo.clearOutputs.postUrls, outputs.postUrls) &&
    sameItems(memo.clearOutputs.pageUrls, outputs.pageUrls) &&
    sameItems(memo.clearOutputs.staticPaths, outputs.staticPaths) &&
    sameItems(memo.clearOutputs.copyPaths, outputs.copyPaths);
  const errors = unchanged ? [] : findCollisions(pages, site, postUrls, staticPaths, copies);
  memo.clearOutputs = errors.length === 0 ? outputs : null;
  return { pages, copies, errors, warnings };
}

/** What a post's view needs to know about the site's files. */
interface PostFiles {
  readonly sizeOf: SizeLookup;
  /** The names of the files in each bundle, by the bundle's post. */
  readonly bundleNames: ReadonlyMap<string, ReadonlySet<string>>;
  readonly origin: string | null;
}

const listFormats = new Map<string, Intl.ListFormat>();

/** `Ann, Omid and Sara` as the site's language joins names; one formatter per language. */
function listFormat(language: string): Intl.ListFormat {
  let format = listFormats.get(language);
  if (!format) {
    format = new Intl.ListFormat(language, { type: 'conjunction' });
    listFormats.set(language, format);
  }
  return format;
}

function bundleNamesOf(assets: SiteAssets): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  for (const file of assets.bundleFiles) {
    const known = names.get(file.post);
    if (known) known.add(file.name);
    else names.set(file.post, new Set([file.name]));
  }
  return names;
}

function postView(
  post: Post,
  url: string,
  labels: readonly LabelRef[],
  site: Site,
  formatDate: DateFormatter,
  files: PostFiles,
): PostView {
  const { config } = site;
  const readingMinutes = Math.max(1, Math.round(post.wordCount / WORDS_PER_MINUTE));
  const toc = post.toc === null ? [] : tocOf(post.toc);
  const folder = folderHref(url);
  const authors =
    post.authors.length > 0 ? post.authors : config.author === '' ? [] : [config.author];
  const image = postImage(post, {
    folder,
    basePath: config.basePath,
    origin: files.origin,
    bundleNames: files.bundleNames.get(post.source) ?? new Set(),
    sizeOf: files.sizeOf,
  });
  return {
    title: post.title,
    url,
    date: formatDate(post.date, post.dateHasTime),
    updated: post.updated === null ? null : formatDate(post.updated, false),
    author: authors.length > 1 ? listFormat(config.language).format(authors) : (authors[0] ?? ''),
    authors,
    image,
    summary: post.summary,
    labels,
    wordCount: post.wordCount,
    readingMinutes,
    readingTime: fillPhrase(site.config.words.readingTime, { n: readingMinutes }),
    toc: toc.length > 0 ? toc : null,
    html: finishBody(post.html, folder, files.sizeOf),
    excerptHtml: finishBody(post.excerptHtml, folder, files.sizeOf),
    hasMore: post.hasMore,
    data: post.data,
  };
}

/** Nests `###` headings under the `##` before them; a `###` before any `##` stands alone. */
function tocOf(headings: readonly Heading[]): TocItem[] {
  const items: { text: string; url: string; children: TocItem[] }[] = [];
  for (const heading of headings) {
    const item = { text: heading.text, url: `#${heading.id}`, children: [] };
    const parent = items.at(-1);
    if (heading.depth === 3 && parent) parent.children.push(item);
    else items.push(item);
  }
  return items;
}

/**
 * Every label as a link with its count, its feed and its weight in a cloud: 1 to 5 on a
 * log scale between the rarest and the commonest label, since counts on a blog follow a
 * long tail.
 */
function labelLinksOf(
  site: Site,
  href: (url: string) => string,
  feedOf: (label: Site['labels'][number]) => string | null,
): LabelIndexEntry[] {
  const counts = site.labels.map((label) => label.posts.length);
  const low = Math.log(counts.length > 0 ? Math.min(...counts) : 1);
  const span = Math.log(counts.length > 0 ? Math.max(...counts) : 1) - low;
  return site.labels.map((label) => {
    const count = label.posts.length;
    return {
      name: label.name,
      url: href(labelUrl(label.slug)),
      count,
      weight: span === 0 ? 3 : 1 + Math.round((4 * (Math.log(count) - low)) / span),
      feedUrl: feedOf(label),
    };
  });
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

/** A post's own template (front matter `layout`), when it names one. */
function layoutOf(post: Post): { layout?: string } {
  return post.layout === null ? {} : { layout: post.layout };
}
