/**
 * The view pieces page kinds share: `site`, `page`, labels as links, the pager, and the
 * names of the templates. Each kind's own data is declared beside its router
 * (`posts.ts`, `labels.ts`, `archive.ts` …), and `view.ts` gathers them into `Page`. Views are already formatted (dates as text, links under
 * `baseUrl` and percent-encoded); templates get exactly this and nothing else. Author
 * text is left as text for Handlebars to escape; only rendered Markdown (`html`,
 * `excerptHtml`) is meant for `{{{ }}}`.
 */
import { absoluteHref } from '../urls.js';

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
  /** The search page, for the search box in the layout; null with `search: false`. */
  readonly searchUrl: string | null;
}

/** A label as a link, as posts and the sidebar show their labels. */
export interface LabelRef {
  readonly name: string;
  readonly url: string;
}

/** An author as a byline names them: a link to their page, or none (no author pages). */
export interface AuthorRef {
  readonly name: string;
  readonly url: string | null;
}

/** An author's page as its heading shows them: `authors:` in site.yaml, with links ready. */
export interface AuthorLink {
  readonly name: string;
  readonly url: string;
  /** How many published posts they signed. */
  readonly count: number;
  /** Their Atom feed, or null when the site has no feeds. */
  readonly feedUrl: string | null;
  readonly bio: string | null;
  /** The link to their picture (a site path under `baseUrl`'s path, or the full URL). */
  readonly avatarUrl: string | null;
  /** Their own pages (`links:`), in the order site.yaml gives them. */
  readonly links: readonly { readonly text: string; readonly url: string }[];
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
  /** The title for link previews (`og:title`): `title`, else the site's title. */
  readonly metaTitle: string;
  /** The meta description: `description`, else the site's; may be empty. */
  readonly metaDescription: string;
  /** The page's absolute address (its link alone when `baseUrl` has no host). */
  readonly canonical: string;
  /** Numbered lists: the pages either side, for `<link rel="prev">` and `rel="next"`. */
  readonly prevUrl?: string;
  readonly nextUrl?: string;
}

/** What a router says about a page; {@link pageView} adds what follows from it. */
export type PageFacts = Omit<PageView, 'metaTitle' | 'metaDescription' | 'canonical'>;

/** A page's `page`, with the fallbacks to the site's title and description decided once. */
export function pageView(site: SiteView, facts: PageFacts): PageView {
  return {
    ...facts,
    metaTitle: facts.title !== '' ? facts.title : site.title,
    metaDescription:
      facts.description !== undefined && facts.description !== ''
        ? facts.description
        : site.description,
    canonical: absoluteHref(facts.url, site.origin === '' ? null : site.origin),
  };
}

/**
 * The links between neighbouring pages, Blogger style: newer, a way back (home, the
 * archive, the year), older. Numbered lists, posts, years and months all have one, and
 * the `pager` partial renders them all.
 */
export interface PagerView {
  /** The navigation's accessible name: `Newer posts / Older posts`. */
  readonly label: string;
  /** The newer neighbour, or null on the first. */
  readonly newer: PagerLink | null;
  readonly home: PagerLink;
  /** The older neighbour, or null on the last. */
  readonly older: PagerLink | null;
}

/** One link of a pager. */
export interface PagerLink {
  readonly url: string;
  /** The link's words: `Older posts`, `2024`, `March 2025`. */
  readonly text: string;
  /** A post pager's neighbour title, shown after `text`; null elsewhere. */
  readonly title: string | null;
}

/**
 * Page kinds Rubric renders itself, not through the theme: a redirect must be the same
 * tiny page whatever the theme, and a `_redirects` file is not HTML.
 */
export type BuiltInKind = 'redirect' | 'redirects';

/** The page templates a theme must have. */
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** Every page template name, for checking a theme. */
export const TEMPLATE_NAMES = [
  'post',
  'page',
  'home',
  'label',
  'labels',
  'author',
  'archive',
  'year',
  'month',
  '404',
  'search',
  'atom',
  'rss',
  'sitemap',
  'robots',
] as const;

/** Templates that make a whole file of their own (XML, text), not wrapped in `layout`. */
export const WITHOUT_LAYOUT: ReadonlySet<TemplateName> = new Set([
  'atom',
  'rss',
  'sitemap',
  'robots',
]);
