/**
 * The archive's pages: `/archive/` (every year, month and post), a page per year and a
 * page per month. Month pages are not paginated: a month's posts are fixed once the month
 * is over, so `/2025/04/` shows the same posts however many newer ones arrive, unlike a
 * numbered page of a newest-first list.
 */
import type { ArchiveMonth, ArchiveYear } from '../model/archive.js';
import type { DisplayDate } from '../dates.js';
import type { Words } from '../words.js';
import type { RouteContext } from './context.js';
import type { PostView } from './post-view.js';
import { ARCHIVE_URL, monthUrl, yearUrl } from '../urls.js';
import {
  pageView,
  type PagerView,
  type PageView,
  type SidebarMonth,
  type SiteView,
} from './view-parts.js';
import { sidebarMonth } from './site-view.js';

/** A month of the archive, as a link with its post count: the archive pages. */
export interface ArchiveMonthLink extends SidebarMonth {
  readonly count: number;
}

/** A year of the archive, as a link with its post count and every month. */
export interface ArchiveYearLink {
  readonly year: string;
  readonly url: string;
  readonly count: number;
  readonly months: readonly ArchiveMonthLink[];
}

/** A post in the archive tree. */
export interface ArchivePostLink {
  readonly title: string;
  readonly url: string;
  readonly date: DisplayDate;
}

/** A year of the archive with every post, month by month: the archive page and year pages. */
export interface ArchiveYearTree extends Omit<ArchiveYearLink, 'months'> {
  readonly months: readonly (ArchiveMonthLink & { readonly posts: readonly ArchivePostLink[] })[];
}

/** The archive page: every year, month and post. */
export interface ArchivePageData {
  readonly site: SiteView;
  readonly page: PageView;
  readonly words: Words;
  readonly years: readonly ArchiveYearTree[];
}

/** A year's page: its months and posts, and the years either side. */
export interface YearPageData {
  readonly site: SiteView;
  readonly page: PageView;
  readonly words: Words;
  readonly year: ArchiveYearTree;
  readonly newerYear: ArchiveYearLink | null;
  readonly olderYear: ArchiveYearLink | null;
  /** The newer year, the archive, the older year. */
  readonly pager: PagerView;
}

/** A month's page: all its posts (not paginated, so it never changes as newer posts arrive). */
export interface MonthPageData {
  readonly site: SiteView;
  readonly page: PageView;
  readonly words: Words;
  readonly month: ArchiveMonthLink;
  /** The month's year, as a link. */
  readonly year: { readonly year: string; readonly url: string };
  readonly posts: readonly PostView[];
  readonly newerMonth: ArchiveMonthLink | null;
  readonly olderMonth: ArchiveMonthLink | null;
  /** The newer month, the month's year, the older month. */
  readonly pager: PagerView;
}

/** `/archive/`. */
export interface ArchivePage {
  readonly url: string;
  readonly template: 'archive';
  readonly data: ArchivePageData;
}

/** `/2025/`. */
export interface YearPage {
  readonly url: string;
  readonly template: 'year';
  readonly data: YearPageData;
}

/** `/2025/04/`. */
export interface MonthPage {
  readonly url: string;
  readonly template: 'month';
  readonly data: MonthPageData;
}

/** Years and months as links with counts, for the archive pages. */
export function archiveYearLinks(
  archive: readonly ArchiveYear[],
  words: Words,
  href: (url: string) => string,
): ArchiveYearLink[] {
  return archive.map((year) => ({
    year: year.year,
    url: href(yearUrl(year.year)),
    count: year.posts.length,
    months: year.months.map((month) => monthLink(month, words, href)),
  }));
}

/** The archive page, then a page per year, each followed by its months' pages. */
export function archivePages(context: RouteContext): (ArchivePage | YearPage | MonthPage)[] {
  const { site, siteView, words, postViews, href } = context;
  const archive = site.archive;
  const years = archiveYearLinks(archive, words, href);
  const trees = archive.map((year, i) => yearTree(year, years[i] as ArchiveYearLink, postViews));
  const months = years.flatMap((year) => year.months);
  const pages: (ArchivePage | YearPage | MonthPage)[] = [
    {
      url: ARCHIVE_URL,
      template: 'archive',
      data: {
        site: siteView,
        page: pageView(siteView, { kind: 'archive', title: words.archive, url: href(ARCHIVE_URL) }),
        words,
        years: trees,
      },
    },
  ];
  let monthIndex = 0;
  archive.forEach((year, i) => {
    pages.push(yearPage(context, { years, i, tree: trees[i] as ArchiveYearTree }));
    for (const month of year.months) {
      pages.push(
        monthPage(context, { month, months, i: monthIndex, year: years[i] as ArchiveYearLink }),
      );
      monthIndex += 1;
    }
  });
  return pages;
}

function yearPage(
  context: RouteContext,
  at: {
    readonly years: readonly ArchiveYearLink[];
    readonly i: number;
    readonly tree: ArchiveYearTree;
  },
): YearPage {
  const { siteView, words } = context;
  const link = at.years[at.i] as ArchiveYearLink;
  const newerYear = at.years[at.i - 1] ?? null;
  const olderYear = at.years[at.i + 1] ?? null;
  return {
    url: yearUrl(link.year),
    template: 'year',
    data: {
      site: siteView,
      page: pageView(siteView, { kind: 'year', title: link.year, url: link.url }),
      words,
      year: at.tree,
      newerYear,
      olderYear,
      pager: {
        label: words.archive,
        newer: newerYear && { url: newerYear.url, text: newerYear.year, title: null },
        home: { url: siteView.archiveUrl, text: words.archive, title: null },
        older: olderYear && { url: olderYear.url, text: olderYear.year, title: null },
      },
    },
  };
}

function monthPage(
  context: RouteContext,
  at: {
    readonly month: ArchiveMonth;
    readonly months: readonly ArchiveMonthLink[];
    readonly i: number;
    readonly year: ArchiveYearLink;
  },
): MonthPage {
  const { siteView, words, postViews } = context;
  const own = at.months[at.i] as ArchiveMonthLink;
  const newerMonth = at.months[at.i - 1] ?? null;
  const olderMonth = at.months[at.i + 1] ?? null;
  return {
    url: monthUrl(at.month.year, at.month.month),
    template: 'month',
    data: {
      site: siteView,
      page: pageView(siteView, { kind: 'month', title: own.title, url: own.url }),
      words,
      month: own,
      year: { year: at.year.year, url: at.year.url },
      posts: at.month.posts.map((index) => postViews[index] as PostView),
      newerMonth,
      olderMonth,
      pager: {
        label: words.archive,
        newer: newerMonth && { url: newerMonth.url, text: newerMonth.title, title: null },
        home: { url: at.year.url, text: at.year.year, title: null },
        older: olderMonth && { url: olderMonth.url, text: olderMonth.title, title: null },
      },
    },
  };
}

function monthLink(
  month: ArchiveMonth,
  words: Words,
  href: (url: string) => string,
): ArchiveMonthLink {
  return { ...sidebarMonth(month, words, href), count: month.posts.length };
}

function yearTree(
  year: ArchiveYear,
  link: ArchiveYearLink,
  postViews: readonly PostView[],
): ArchiveYearTree {
  return {
    ...link,
    months: year.months.map((month, i) => ({
      ...(link.months[i] as ArchiveMonthLink),
      posts: month.posts.map((index) => {
        const view = postViews[index] as PostView;
        return { title: view.title, url: view.url, date: view.date };
      }),
    })),
  };
}
