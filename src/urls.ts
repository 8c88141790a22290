/**
 * Where every page lives. This is the one module that decides URLs; everything else
 * asks it. A URL here is a site path without the `baseUrl` prefix and not yet
 * percent-encoded: `/labels/sécurité/page/2/`. It sits beside the stages, not in
 * `route/`, because parse and model name pages in their messages too (`LongSlug`,
 * `LabelSlugCollision`) and may not import from the stage after them; it is pure, as
 * they are (ESLint holds it to their rule).
 */
import { DateTime } from 'luxon';

/**
 * The URL of a post: its exact `url:` when the front matter gives one, else the site's
 * `permalink` pattern filled in from its date and slug.
 */
export function postUrl(
  post: { readonly slug: string; readonly date: number; readonly fixedUrl?: string | null },
  permalink: string,
  zone: string,
): string {
  if (typeof post.fixedUrl === 'string') return post.fixedUrl;
  const local = DateTime.fromMillis(post.date, { zone });
  return permalink.replace(/:(year|month|day|slug)/g, (_, token: string) => {
    if (token === 'year') return local.toFormat('yyyy');
    if (token === 'month') return local.toFormat('MM');
    if (token === 'day') return local.toFormat('dd');
    return post.slug;
  });
}

/** A page of the site (`page: true`): its slug at the top, `/about/`. */
export function staticPageUrl(slug: string): string {
  return `/${slug}/`;
}

/** The URL of a page of the site: its exact `url:`, else {@link staticPageUrl}. */
export function sitePageUrl(page: {
  readonly slug: string;
  readonly fixedUrl: string | null;
}): string {
  return page.fixedUrl ?? staticPageUrl(page.slug);
}

/** The label index. */
export const LABELS_URL = '/labels/';

/** The home page. */
export const HOME_URL = '/';

/** The not-found page, at the path static hosts look for. */
export const NOT_FOUND_URL = '/404.html';

/** The site's Atom feed of the newest posts, and its RSS 2.0 copy for old readers. */
export const FEED_URL = '/feed.xml';
export const RSS_URL = '/rss.xml';

/** The sitemap and the robots file that points at it. */
export const SITEMAP_URL = '/sitemap.xml';
export const ROBOTS_URL = '/robots.txt';

/** The search page (`search: true`), and the folder of its index, which Pagefind names. */
export const SEARCH_URL = '/search/';
export const SEARCH_BUNDLE_URL = '/pagefind/';

/** The archive tree: every year, month and post. */
export const ARCHIVE_URL = '/archive/';

/** Blogger's addresses that `bloggerRedirects` keeps working. */
export const BLOGGER_FEED_PATH = '/feeds/posts/default';

/** Blogger's page of a label's posts, as Blogger wrote it: the name, not a slug. */
export function bloggerLabelPath(name: string): string {
  return `/search/label/${name}`;
}

/** Blogger's feed of a label's posts. */
export function bloggerLabelFeedPath(name: string): string {
  return `${BLOGGER_FEED_PATH}/-/${name}`;
}

/** The file Netlify and Cloudflare Pages read their redirect rules from. */
export const REDIRECTS_FILE_URL = '/_redirects';

/** First path segments that belong to Rubric's own pages and that no post may take. */
export const RESERVED_SEGMENTS: readonly string[] = ['labels', 'authors', 'page', 'archive'];

/**
 * The first path segments no post or static file may take on this site: Rubric's own, and
 * the search index's folder when `search:` is on (the index is written after the pages,
 * so a file there would be overwritten, or would overwrite a piece of the index).
 */
export function reservedSegments(search: boolean): readonly string[] {
  return search ? [...RESERVED_SEGMENTS, SEARCH_BUNDLE_URL.slice(1, -1)] : RESERVED_SEGMENTS;
}

/** A label's page `page` (1-based); page 1 is the label's own URL. */
export function labelUrl(slug: string, page = 1): string {
  return listPageUrl(`${LABELS_URL}${slug}/`, page);
}

/** A label's Atom feed. */
export function labelFeedUrl(slug: string): string {
  return `${LABELS_URL}${slug}/feed.xml`;
}

/** Where author pages live: `/authors/SLUG/`. No page is written at the folder itself. */
export const AUTHORS_URL = '/authors/';

/** An author's page `page` (1-based); page 1 is the author's own URL. */
export function authorUrl(slug: string, page = 1): string {
  return listPageUrl(`${AUTHORS_URL}${slug}/`, page);
}

/** An author's Atom feed. */
export function authorFeedUrl(slug: string): string {
  return `${AUTHORS_URL}${slug}/feed.xml`;
}

/** The archive page of a year (`2025`), page `page`. */
export function yearUrl(year: string, page = 1): string {
  return listPageUrl(`/${year}/`, page);
}

/** The archive page of a month (`2025`, `04`), page `page`. */
export function monthUrl(year: string, month: string, page = 1): string {
  return listPageUrl(`/${year}/${month}/`, page);
}

/** Page `page` of the home list. */
export function homeUrl(page = 1): string {
  return listPageUrl(HOME_URL, page);
}

function listPageUrl(first: string, page: number): string {
  return page <= 1 ? first : `${first}page/${page}/`;
}

/** The file a URL is written to, relative to the output folder: `X/` is `X/index.html`. */
export function outputPathOf(url: string): string {
  const relative = url.replace(/^\/+/, '');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

/**
 * The link to a URL as it goes into HTML: under the `baseUrl` path and percent-encoded,
 * so `/labels/sécurité/` under `/blog/` is `/blog/labels/s%C3%A9curit%C3%A9/`.
 */
export function hrefOf(url: string, basePath: string): string {
  return encodeURI(`${basePath}${url.replace(/^\/+/, '')}`);
}

/**
 * The scheme and host of `baseUrl` (`https://example.org`), or null when `baseUrl` is a
 * path alone. Feeds, the sitemap and Open Graph need absolute links, so they need it.
 */
export function originOf(baseUrl: string): string | null {
  return /^https?:\/\//i.test(baseUrl) ? new URL(baseUrl).origin : null;
}

/**
 * The absolute form of a link made by {@link hrefOf}: `/blog/x/` under
 * `https://example.org/blog/` is `https://example.org/blog/x/`. Without an origin the
 * link stays as it is.
 */
export function absoluteHref(href: string, origin: string | null): string {
  return origin === null ? href : `${origin}${href}`;
}

/**
 * Where the page of a redirect from an old path is written: the path itself when it
 * names a folder (`/old/`) or a file (`/old.html`), else the folder of that name
 * (`/old` → `/old/`), so that a static host finds its `index.html` at the old address.
 */
export function redirectPageUrl(from: string): string {
  return from.endsWith('/') || /\.[^/]*$/.test(from) ? from : `${from}/`;
}
