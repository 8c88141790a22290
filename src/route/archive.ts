/**
 * The archive's pages: `/archive/` (every year, month and post), a page per year and a
 * page per month. Month pages are not paginated: a month's posts are fixed once the month
 * is over, so `/2025/04/` shows the same posts however many newer ones arrive, unlike a
 * numbered page of a newest-first list.
 */
import type { ArchiveMonth, ArchiveYear } from '../model/archive.js';
import { fillPhrase, type Words } from '../words.js';
import { ARCHIVE_URL, monthUrl, yearUrl } from './urls.js';
import type {
  ArchiveMonthLink,
  ArchiveYearLink,
  ArchiveYearTree,
  Page,
  PostView,
  SidebarMonth,
  SidebarYear,
  SiteView,
} from './view.js';

/** What the archive pages need from the rest of the routes. */
export interface ArchiveContext {
  readonly siteView: SiteView;
  readonly words: Words;
  /** The view of every post, by index in the site. */
  readonly postViews: readonly PostView[];
  readonly href: (url: string) => string;
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
export function archivePages(archive: readonly ArchiveYear[], context: ArchiveContext): Page[] {
  const { siteView, words, postViews, href } = context;
  const years = archiveYearLinks(archive, words, href);
  const trees = archive.map((year, i) => yearTree(year, years[i] as ArchiveYearLink, postViews));
  const months = years.flatMap((year) => year.months);
  const pages: Page[] = [
    {
      url: ARCHIVE_URL,
      template: 'archive',
      data: {
        site: siteView,
        page: { kind: 'archive', title: words.archive, url: href(ARCHIVE_URL) },
        words,
        years: trees,
      },
    },
  ];
  let monthIndex = 0;
  archive.forEach((year, i) => {
    const link = years[i] as ArchiveYearLink;
    pages.push({
      url: yearUrl(year.year),
      template: 'year',
      data: {
        site: siteView,
        page: { kind: 'year', title: year.year, url: link.url },
        words,
        year: trees[i] as ArchiveYearTree,
        newerYear: years[i - 1] ?? null,
        olderYear: years[i + 1] ?? null,
      },
    });
    for (const month of year.months) {
      const own = months[monthIndex] as ArchiveMonthLink;
      pages.push({
        url: monthUrl(month.year, month.month),
        template: 'month',
        data: {
          site: siteView,
          page: { kind: 'month', title: own.title, url: own.url },
          words,
          month: own,
          year: { year: year.year, url: link.url },
          posts: month.posts.map((index) => postViews[index] as PostView),
          newerMonth: months[monthIndex - 1] ?? null,
          olderMonth: months[monthIndex + 1] ?? null,
        },
      });
      monthIndex += 1;
    }
  });
  return pages;
}

function sidebarMonth(
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
