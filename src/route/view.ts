/**
 * View models: what each page kind's template receives, already formatted (dates as
 * text, links under `baseUrl` and percent-encoded). Templates get exactly this and
 * nothing else; author text is left as text for Handlebars to escape, and only
 * rendered Markdown (`html`, `excerptHtml`) is meant for `{{{ }}}`.
 */
import type { DisplayDate } from '../dates.js';
import type { Words } from '../words.js';

/** Site-wide values every page gets as `site`. */
export interface SiteView {
  readonly title: string;
  readonly description: string;
  readonly language: string;
  readonly author: string;
  /** `baseUrl` as configured: `https://example.org/blog/` or `/`. */
  readonly baseUrl: string;
  /** Links to the home page, the label index and the archive. */
  readonly homeUrl: string;
  readonly labelsUrl: string;
  readonly archiveUrl: string;
  /** Every label, sorted by name, for the sidebar's `labels` partial. */
  readonly labels: readonly LabelLink[];
  /** `list` or `cloud`: how the label index and the sidebar show labels (`labelIndex`). */
  readonly labelIndex: 'list' | 'cloud';
  /** Years and months with their post counts, newest first, for the `archive` partial. */
  readonly archive: readonly ArchiveYearLink[];
}

/** What every page gets as `page`. */
export interface PageView {
  /** The template that renders it: `post`, `home`, `label`, `labels`, `archive`, `year`, `month` or `404`. */
  readonly kind: TemplateName;
  /** The page's own title, or empty for the home page (the layout adds the site title). */
  readonly title: string;
  /** The page's own link. */
  readonly url: string;
}

/** A label as a link: on post bylines and in the label index. */
export interface LabelLink {
  readonly name: string;
  readonly url: string;
  /** How many published posts carry it. */
  readonly count: number;
  /** 1 (fewest posts) to 5 (most), on a log scale: the label's size in a cloud. */
  readonly weight: number;
}

/** A month of the archive, as a link. */
export interface ArchiveMonthLink {
  readonly year: string;
  /** Two digits: `04`. */
  readonly month: string;
  /** The month's name in the site's language: `April`. */
  readonly name: string;
  /** The month and year: `April 2025`. */
  readonly title: string;
  readonly url: string;
  readonly count: number;
}

/** A year of the archive, as a link, with its months. */
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

/** An entry of a post's table of contents. */
export interface TocItem {
  readonly text: string;
  /** `#id`, a link within the post's page. */
  readonly url: string;
  /** The `###` headings under a `##`. */
  readonly children: readonly TocItem[];
}

/** A post as every template sees it, on its page or in a list. */
export interface PostView {
  readonly title: string;
  readonly url: string;
  readonly date: DisplayDate;
  readonly updated: DisplayDate | null;
  readonly author: string;
  /** Plain text: front-matter `summary`, else the part before the jump break, else the first paragraph. */
  readonly summary: string;
  readonly labels: readonly LabelLink[];
  readonly wordCount: number;
  /** Minutes to read, at least 1, and the same in words: `3 min read`. */
  readonly readingMinutes: number;
  readonly readingTime: string;
  /** The table of contents when the post has `toc: true` and headings; null otherwise. */
  readonly toc: readonly TocItem[] | null;
  /** The whole body, rendered. */
  readonly html: string;
  /** The body up to the jump break; the whole body when there is none. */
  readonly excerptHtml: string;
  /** True when the post has a jump break, so lists show "Read more". */
  readonly hasMore: boolean;
  /** Front-matter keys Rubric does not read, as written (`data.editor`). */
  readonly data: Readonly<Record<string, unknown>>;
}

/** A neighbouring post, for "Newer post" / "Older post" links. */
export interface PostLink {
  readonly title: string;
  readonly url: string;
}

/** The links under a paginated list, Blogger style. */
export interface PagerView {
  readonly page: number;
  readonly pageCount: number;
  /** The previous page (newer posts), or null on page 1. */
  readonly newerUrl: string | null;
  /** The next page (older posts), or null on the last page. */
  readonly olderUrl: string | null;
  readonly homeUrl: string;
}

/** The data of each page kind. */
export interface PostPageData {
  readonly site: SiteView;
  readonly page: PageView;
  readonly words: Words;
  readonly post: PostView;
  readonly newer: PostLink | null;
  readonly older: PostLink | null;
  /** Posts sharing labels with this one, most shared first (`relatedPosts` in site.yaml). */
  readonly related: readonly PostLink[];
}

export interface ListPageData {
  readonly site: SiteView;
  readonly page: PageView;
  readonly words: Words;
  /** Set on label pages: the label being shown. */
  readonly label: LabelLink | null;
  readonly posts: readonly PostView[];
  readonly pager: PagerView;
}

export interface LabelsPageData {
  readonly site: SiteView;
  readonly page: PageView;
  readonly words: Words;
  readonly labels: readonly LabelLink[];
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
}

export interface NotFoundPageData {
  readonly site: SiteView;
  readonly page: PageView;
  readonly words: Words;
}

/** The page templates a theme must have. */
export type TemplateName =
  'post' | 'home' | 'label' | 'labels' | 'archive' | 'year' | 'month' | '404';

/** Every page template name, for checking a theme. */
export const TEMPLATE_NAMES: readonly TemplateName[] = [
  'post',
  'home',
  'label',
  'labels',
  'archive',
  'year',
  'month',
  '404',
];

/** A page to render: where it goes, which template, and the template's data. */
export type Page =
  | { readonly url: string; readonly template: 'post'; readonly data: PostPageData }
  | { readonly url: string; readonly template: 'home' | 'label'; readonly data: ListPageData }
  | { readonly url: string; readonly template: 'labels'; readonly data: LabelsPageData }
  | { readonly url: string; readonly template: 'archive'; readonly data: ArchivePageData }
  | { readonly url: string; readonly template: 'year'; readonly data: YearPageData }
  | { readonly url: string; readonly template: 'month'; readonly data: MonthPageData }
  | { readonly url: string; readonly template: '404'; readonly data: NotFoundPageData };
