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
import type { LabelLink, Page, PagerView, PostView, SiteView } from './view.js';

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
 * Routes a site. `staticPaths` are the output paths of the static files, which pages
 * must not overwrite.
 */
export function routeSite(site: Site, staticPaths: readonly string[] = []): Routes {
  const { config } = site;
  const href = (url: string) => hrefOf(url, config.basePath);
  const origin = originOf(config.baseUrl);
  const absolute = (link: string) => absoluteHref(link, origin);
  // Feeds need absolute links, so a site without a host in baseUrl has none.
  const withFeeds = origin !== null && site.posts.some((post) => !post.draft);
  const formatDate = dateFormatter(config.language, config.timezone);
  const siteView: SiteView = {
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

  const postUrls = site.posts.map((post) => postUrl(post, config.permalink, config.timezone));
  const labelLinks: LabelLink[] = site.labels.map((label) => ({
    name: label.name,
    url: href(labelUrl(label.slug)),
    count: label.posts.length,
    feedUrl: withFeeds && hasFeed(site, label.posts) ? href(labelFeedUrl(label.slug)) : null,
  }));
  const postViews = site.posts.map((post, i) =>
    postView(post, href(postUrls[i] ?? ''), site, labelLinks, i, formatDate),
  );

  const pages: Page[] = [];
  site.posts.forEach((post, i) => {
    const url = postUrls[i] ?? '';
    const newer = i > 0 ? postViews[i - 1] : undefined;
    const older = postViews[i + 1];
    const view = postViews[i] as PostView;
    const description = describePost(post, config.language);
    const jsonLd = blogPostingJsonLd({
      post: view,
      url: absolute(view.url),
      description,
      language: config.language,
      siteTitle: config.title,
      siteUrl: absolute(siteView.homeUrl),
    });
    pages.push({
      url,
      template: 'post',
      data: {
        site: siteView,
        page: {
          kind: 'post',
          title: post.title,
          url: href(url),
          description,
          jsonLd,
          ...(post.draft ? { robots: 'noindex' } : {}),
        },
        post: postViews[i] as PostView,
        newer: newer ? { title: newer.title, url: newer.url } : null,
        older: older ? { title: older.title, url: older.url } : null,
      },
    });
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
        post: { ...postView(sitePage, href(url), site, [], -1, formatDate), labels: [] },
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
  return { pages, errors: findCollisions(pages, site, postUrls, staticPaths), warnings };
}

function postView(
  post: Post,
  url: string,
  site: Site,
  labelLinks: readonly LabelLink[],
  index: number,
  formatDate: DateFormatter,
): PostView {
  const labels = (site.postLabels[index] ?? []).map((i) => labelLinks[i] as LabelLink);
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
