/**
 * The site view, which every page gets as `site`: the config's values, and the sidebar's
 * labels and archive. The sidebar is on every page, so it carries no counts: it changes
 * only when a label, a year or a month appears or goes.
 */
import type { ArchiveMonth, ArchiveYear } from '../model/archive.js';
import type { Site } from '../model/site.js';
import { fillPhrase, type Words } from '../words.js';
import { memoSiteView, type RouteMemo } from './memo.js';
import {
  ARCHIVE_URL,
  FEED_URL,
  HOME_URL,
  LABELS_URL,
  RSS_URL,
  SEARCH_URL,
  labelUrl,
  monthUrl,
  yearUrl,
} from '../urls.js';
import type {
  LabelIndexEntry,
  LabelRef,
  SidebarMonth,
  SidebarYear,
  SiteView,
} from './view-parts.js';

/**
 * The site view: the last one while the sidebar is the same (see `memoSiteView`).
 */
export function siteViewOf(
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
    searchUrl: config.search ? href(SEARCH_URL) : null,
  }));
}

/** `fr-CA` → `fr_CA`, `de-Latn-CH` → `de_CH`: Open Graph's language_TERRITORY. */
function openGraphLocale(language: string): string {
  const { language: lang, region } = new Intl.Locale(language);
  return region ? `${lang}_${region}` : lang;
}

/**
 * The sidebar's archive: every year, and the newest year's months, as links without
 * counts, so that it changes only when a post opens a new month (see `SiteView.archive`).
 */
export function sidebarArchive(
  archive: readonly ArchiveYear[],
  words: Words,
  href: (url: string) => string,
): SidebarYear[] {
  return archive.map((year, i) => ({
    year: year.year,
    url: href(yearUrl(year.year)),
    months: i === 0 ? year.months.map((month) => sidebarMonth(month, words, href)) : [],
  }));
}

/**
 * Every label as a link with its count, its feed and its weight in a cloud: 1 to 5 on a
 * log scale between the rarest and the commonest label, since counts on a blog follow a
 * long tail.
 */
export function labelLinksOf(
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

/** True when a list of posts (indices into `site.posts`) gets a feed: it has a published post. */
export function hasFeed(site: Site, indices: readonly number[]): boolean {
  return indices.some((i) => site.posts[i]?.draft === false);
}

/** A month as the sidebar links it. */
export function sidebarMonth(
  month: ArchiveMonth,
  words: Words,
  href: (url: string) => string,
): SidebarMonth {
  const name = words.months[Number(month.month) - 1] ?? month.month;
  return {
    year: month.year,
    month: month.month,
    name,
    title: fillPhrase(words.monthYear, { month: name, year: month.year }),
    url: href(monthUrl(month.year, month.month)),
  };
}
