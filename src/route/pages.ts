/**
 * The route stage: the {@link Site} → every {@link Page} with its URL and view data.
 * Pure. Pagination lives here; `collisions.ts` checks that no two outputs share a path.
 */
import { dateFormatter, type DateFormatter } from '../dates.js';
import type { BuildError } from '../errors.js';
import type { Site } from '../model/site.js';
import type { Heading } from '../parse/markdown.js';
import type { Post } from '../parse/post.js';
import { fillPhrase } from '../words.js';
import { archivePages, archiveYearLinks } from './archive.js';
import { findCollisions } from './collisions.js';
import { paginate, type Chunk } from './paginate.js';
import {
  ARCHIVE_URL,
  HOME_URL,
  LABELS_URL,
  NOT_FOUND_URL,
  homeUrl,
  hrefOf,
  labelUrl,
  postUrl,
} from './urls.js';
import type { LabelLink, Page, PagerView, PostLink, PostView, SiteView, TocItem } from './view.js';

/** Words per minute for reading time: a common estimate for reading on screen. */
const WORDS_PER_MINUTE = 200;

/** The pages of a site, or the collisions that stop it from being written. */
export interface Routes {
  readonly pages: readonly Page[];
  readonly errors: readonly BuildError[];
}

/**
 * Routes a site. `staticPaths` are the output paths of the static files, which pages
 * must not overwrite.
 */
export function routeSite(site: Site, staticPaths: readonly string[] = []): Routes {
  const { config } = site;
  const href = (url: string) => hrefOf(url, config.basePath);
  const formatDate = dateFormatter(config.language, config.timezone);
  const { words } = config;
  const labelLinks = labelLinksOf(site, href);
  const siteView: SiteView = {
    title: config.title,
    description: config.description,
    language: config.language,
    author: config.author,
    baseUrl: config.baseUrl,
    homeUrl: href(HOME_URL),
    labelsUrl: href(LABELS_URL),
    archiveUrl: href(ARCHIVE_URL),
    labels: labelLinks,
    labelIndex: config.labelIndex,
    archive: archiveYearLinks(site.archive, words, href),
  };

  const postUrls = site.posts.map((post) => postUrl(post, config.permalink, config.timezone));
  const postViews = site.posts.map((post, i) =>
    postView(post, href(postUrls[i] ?? ''), site, labelLinks, i, formatDate),
  );
  const linkTo = (i: number): PostLink => {
    const view = postViews[i] as PostView;
    return { title: view.title, url: view.url };
  };

  const pages: Page[] = [];
  site.posts.forEach((post, i) => {
    const url = postUrls[i] ?? '';
    const newer = i > 0 ? postViews[i - 1] : undefined;
    const older = postViews[i + 1];
    pages.push({
      url,
      template: 'post',
      data: {
        site: siteView,
        page: { kind: 'post', title: post.title, url: href(url) },
        words,
        post: postViews[i] as PostView,
        newer: newer ? { title: newer.title, url: newer.url } : null,
        older: older ? { title: older.title, url: older.url } : null,
        related: (site.related[i] ?? []).map(linkTo),
      },
    });
  });

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
        },
        words,
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
      const title =
        chunk.number > 1
          ? fillPhrase(words.titlePageN, { title: label.name, n: chunk.number })
          : label.name;
      pages.push({
        url,
        template: 'label',
        data: {
          site: siteView,
          page: { kind: 'label', title, url: href(url) },
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
      page: { kind: '404', title: words.notFoundTitle, url: href(NOT_FOUND_URL) },
      words,
    },
  });

  return { pages, errors: findCollisions(pages, site, postUrls, staticPaths) };
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
  const readingMinutes = Math.max(1, Math.round(post.wordCount / WORDS_PER_MINUTE));
  const toc = post.toc === null ? [] : tocOf(post.toc);
  return {
    title: post.title,
    url,
    date: formatDate(post.date, post.dateHasTime),
    updated: post.updated === null ? null : formatDate(post.updated, false),
    author: post.author ?? site.config.author,
    summary: post.summary,
    labels,
    wordCount: post.wordCount,
    readingMinutes,
    readingTime: fillPhrase(site.config.words.readingTime, { n: readingMinutes }),
    toc: toc.length > 0 ? toc : null,
    html: post.html,
    excerptHtml: post.excerptHtml,
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
 * Every label as a link with its count and its weight in a cloud: 1 to 5 on a log scale
 * between the rarest and the commonest label, since counts on a blog follow a long tail.
 */
function labelLinksOf(site: Site, href: (url: string) => string): LabelLink[] {
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
    };
  });
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
