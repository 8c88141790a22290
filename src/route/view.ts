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
  /**
   * Every label as a link, sorted by name, for the `sidebar-labels` partial. No counts:
   * the sidebar is on every page, so it must not change when a post joins a label.
   */
  readonly labels: readonly LabelRef[];
  /** `list` or `cloud`: how the label index (`/labels/`) shows labels (`labelIndex`). */
  readonly labelIndex: 'list' | 'cloud';
  /**
   * Years newest first, the newest with its months, for the `sidebar-archive` partial.
   * No counts, for the same reason as `labels`: it changes only when a month is new.
   */
  readonly archive: readonly SidebarYear[];
  /**
   * The scheme and host of `baseUrl` (`https://example.org`), empty when `baseUrl` is a
   * path alone; `{{site.origin}}{{page.url}}` is a page's absolute address.
   */
  readonly origin: string;
  /** `language` in Open Graph's form: `en`, `fr_CA`. */
  readonly locale: string;
  /** Links to the Atom feed and its RSS copy; null when there are none (see `origin`). */
  readonly feedUrl: string | null;
  readonly rssUrl: string | null;
}

/** What every page gets as `page`. */
export interface PageView {
  /** The template that renders it: `post`, `page`, `home`, `label`, `archive`, `404`… */
  readonly kind: TemplateName | BuiltInKind;
  /** The page's own title, or empty for the home page (the layout adds the site title). */
  readonly title: string;
  /** The page's own link. */
  readonly url: string;
  /** The meta description, when the page has its own (posts); else `site.description`. */
  readonly description?: string;
  /** `<meta name="robots">`, when the page is not to be indexed: `noindex, follow`. */
  readonly robots?: string;
  /** Post pages: the JSON-LD `BlogPosting`, serialised and safe inside `<script>`. */
  readonly jsonLd?: string;
}

/** A label as a link, as posts show their labels. */
export interface LabelRef {
  readonly name: string;
  readonly url: string;
}

/**
 * A label with its post count: label pages and the label index. Posts carry
 * {@link LabelRef}s without the count, so a post's page does not change when another
 * post joins or leaves one of its labels.
 */
export interface LabelLink extends LabelRef {
  /** How many published posts carry it. */
  readonly count: number;
  /** The label's Atom feed, or null when the site has no feeds. */
  readonly feedUrl: string | null;
}

/**
 * A label in the label index. The weight hangs on every label's count, so only the
 * index has it: a label's own page must not change when another label gains a post.
 */
export interface LabelIndexEntry extends LabelLink {
  /** 1 (fewest posts) to 5 (most), on a log scale: the label's size in a cloud. */
  readonly weight: number;
}

/** A month as the sidebar links it: without a count. */
export interface SidebarMonth {
  readonly year: string;
  /** Two digits: `04`. */
  readonly month: string;
  /** The month's name in the site's language: `April`. */
  readonly name: string;
  /** The month and year: `April 2025`. */
  readonly title: string;
  readonly url: string;
}

/** A year as the sidebar links it: without a count; only the newest year has months. */
export interface SidebarYear {
  readonly year: string;
  readonly url: string;
  readonly months: readonly SidebarMonth[];
}

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
  /** Every byline name in the site's language: `Ann Lambton and Omid Rahimi`; may be empty. */
  readonly author: string;
  /** The byline names one by one (front matter `author`/`authors`, else the site's `author`). */
  readonly authors: readonly string[];
  /** The post's picture (front matter `image`, `cover` or `images`), or null. */
  readonly image: PostImageView | null;
  /** Plain text: front-matter `summary`, else the part before the jump break, else the first paragraph. */
  readonly summary: string;
  /** Names and links, no counts: a post's page must not change when another post joins. */
  readonly labels: readonly LabelRef[];
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

/** A post's picture, ready for `<img>` and for `og:image`. */
export interface PostImageView {
  /** The link to it (under `baseUrl`'s path), or the full URL the front matter gave. */
  readonly url: string;
  /**
   * The same with the site's scheme and host, for Open Graph and JSON-LD; null when
   * `baseUrl` has no host and the image is the site's own.
   */
  readonly absoluteUrl: string | null;
  /** `imageAlt` (or the `alt` of an `image:`/`cover:` mapping), else the post's title. */
  readonly alt: string;
  /** Read from a local file; null for a remote image or a file that could not be read. */
  readonly width: number | null;
  readonly height: number | null;
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
  readonly labels: readonly LabelIndexEntry[];
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

/** A page of the site (`page: true`): the post view, without neighbours. */
export interface StaticPageData {
  readonly site: SiteView;
  readonly page: PageView;
  readonly words: Words;
  readonly post: PostView;
}

export interface NotFoundPageData {
  readonly site: SiteView;
  readonly page: PageView;
  readonly words: Words;
}

/**
 * A feed, for the `atom` and `rss` templates. Every value is ready to print: links are
 * absolute, dates are RFC 3339 (`*Iso`, Atom) and RFC 822 (`*Rfc822`, RSS), and text has
 * lost the characters XML cannot hold. Text is still text: `{{ }}` escapes it.
 */
export interface FeedPageData {
  readonly site: SiteView;
  readonly feed: FeedView;
}

/** The channel of a feed. */
export interface FeedView {
  /** The feed's Atom id: the absolute address of the page it follows. */
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  readonly language: string;
  /** The feed's own address (`rel="self"`) and the HTML page it follows. */
  readonly selfUrl: string;
  readonly pageUrl: string;
  /** The newest `updated` (else `date`) of its entries. */
  readonly updatedIso: string;
  readonly updatedRfc822: string;
  /** The feed-level author: the site's `author`, else its title. */
  readonly author: string;
  readonly entries: readonly FeedEntryView[];
}

/** One post in a feed. */
export interface FeedEntryView {
  /** A `tag:` URI made from the host and the post's source file, so a new title keeps it. */
  readonly id: string;
  readonly title: string;
  /** The post's absolute address. */
  readonly url: string;
  readonly publishedIso: string;
  readonly updatedIso: string;
  readonly publishedRfc822: string;
  /** Every byline name, joined as the site's language joins a list. */
  readonly author: string;
  /** The byline names one by one: an Atom `<author>` and an RSS `<dc:creator>` each. */
  readonly authors: readonly string[];
  /** Label names. */
  readonly categories: readonly string[];
  /** Plain text; may be empty. */
  readonly summary: string;
  /** The whole post as HTML, or empty with `feedContent: summary`. */
  readonly contentHtml: string;
  /** RSS `<description>`, which holds HTML: `contentHtml`, else the summary as HTML. */
  readonly descriptionHtml: string;
}

/** The sitemap: every page a search engine should index, with when it last changed. */
export interface SitemapPageData {
  readonly site: SiteView;
  readonly urls: readonly { readonly loc: string; readonly lastmod: string }[];
}

/** `robots.txt`. */
export interface RobotsPageData {
  readonly site: SiteView;
  /** The sitemap's absolute address, or null when there is no sitemap. */
  readonly sitemapUrl: string | null;
}

/** Where an old address now leads. */
export interface RedirectPageData {
  readonly site: SiteView;
  readonly page: PageView;
  /** The new page: its title, its link, and its absolute address for `rel=canonical`. */
  readonly target: { readonly title: string; readonly url: string; readonly canonical: string };
  /** The sentence around the link, in the site's language: `This page has moved to {link}.` */
  readonly movedTo: string;
  /** Who asked for this redirect, for collision messages: a post file, or null for Rubric. */
  readonly source: string | null;
}

/** One line of a `_redirects` file: an old path, percent-encoded, and its new link. */
export interface RedirectRule {
  readonly from: string;
  readonly to: string;
}

/** The `_redirects` file: every rule, in the order the host should try them. */
export interface RedirectsFileData {
  readonly rules: readonly RedirectRule[];
}

/**
 * Page kinds Rubric renders itself, not through the theme: a redirect must be the same
 * tiny page whatever the theme, and a `_redirects` file is not HTML.
 */
export type BuiltInKind = 'redirect' | 'redirects';

/** The page templates a theme must have. */
export type TemplateName =
  | 'post'
  | 'page'
  | 'home'
  | 'label'
  | 'labels'
  | 'archive'
  | 'year'
  | 'month'
  | '404'
  | 'atom'
  | 'rss'
  | 'sitemap'
  | 'robots';

/** Every page template name, for checking a theme. */
export const TEMPLATE_NAMES: readonly TemplateName[] = [
  'post',
  'page',
  'home',
  'label',
  'labels',
  'archive',
  'year',
  'month',
  '404',
  'atom',
  'rss',
  'sitemap',
  'robots',
];

/** Templates that make a whole file of their own (XML, text), not wrapped in `layout`. */
export const WITHOUT_LAYOUT: ReadonlySet<TemplateName> = new Set([
  'atom',
  'rss',
  'sitemap',
  'robots',
]);

/** A page to render: where it goes, which template, and the template's data. */
export type Page =
  | {
      readonly url: string;
      readonly template: 'post';
      /** The site template that renders it instead of `post` (front matter `layout`). */
      readonly layout?: string;
      readonly data: PostPageData;
    }
  | { readonly url: string; readonly template: 'home' | 'label'; readonly data: ListPageData }
  | {
      readonly url: string;
      readonly template: 'page';
      readonly layout?: string;
      readonly data: StaticPageData;
    }
  | { readonly url: string; readonly template: 'labels'; readonly data: LabelsPageData }
  | { readonly url: string; readonly template: 'archive'; readonly data: ArchivePageData }
  | { readonly url: string; readonly template: 'year'; readonly data: YearPageData }
  | { readonly url: string; readonly template: 'month'; readonly data: MonthPageData }
  | { readonly url: string; readonly template: '404'; readonly data: NotFoundPageData }
  | { readonly url: string; readonly template: 'atom' | 'rss'; readonly data: FeedPageData }
  | { readonly url: string; readonly template: 'sitemap'; readonly data: SitemapPageData }
  | { readonly url: string; readonly template: 'robots'; readonly data: RobotsPageData }
  | { readonly url: string; readonly template: 'redirect'; readonly data: RedirectPageData }
  | { readonly url: string; readonly template: 'redirects'; readonly data: RedirectsFileData };
