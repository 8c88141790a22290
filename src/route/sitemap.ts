/**
 * The sitemap and `robots.txt` as pages. Pure, and generic over page kinds: the sitemap
 * lists every HTML page a search engine should index (not the 404 page, redirects, drafts
 * or pages marked `noindex`), each with the last time one of its posts changed.
 */
import { rfc3339 } from '../dates.js';
import type { RouteContext } from './context.js';
import type { PostView } from './post-view.js';
import { ROBOTS_URL, SITEMAP_URL, absoluteHref, hrefOf } from '../urls.js';
import type { SiteView } from './view-parts.js';

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

/** A page of any kind, as the sitemap takes it: so it lists kinds added later too. */
export interface ListedPage {
  readonly url: string;
  readonly template: string;
  readonly data: object;
}

/**
 * What the sitemap reads of a page's data: its `page` (for `robots`) and the posts it
 * shows (for `lastmod`). Every kind's data has these keys with these types or not at all.
 */
interface ListedData {
  readonly page?: { readonly robots?: string };
  readonly post?: PostView;
  readonly posts?: readonly PostView[];
}

/** `/sitemap.xml`. */
export interface SitemapPage {
  readonly url: string;
  readonly template: 'sitemap';
  readonly data: SitemapPageData;
}

/** `/robots.txt`. */
export interface RobotsPage {
  readonly url: string;
  readonly template: 'robots';
  readonly data: RobotsPageData;
}

/**
 * The sitemap (when the site has an origin) of the HTML pages made before it, so that
 * pages added by any router are listed; and `robots.txt`, unless the site's own
 * `static/robots.txt` wins over Rubric's.
 */
export function sitemapPages(
  context: RouteContext,
  pages: readonly ListedPage[],
): (SitemapPage | RobotsPage)[] {
  const { site, siteView, origin, postUrls, staticPaths } = context;
  // URLs of the draft posts built with `--drafts`, which the sitemap leaves out.
  const draftUrls = new Set(postUrls.filter((_, i) => site.posts[i]?.draft === true));
  const zone = site.config.timezone;
  const out: (SitemapPage | RobotsPage)[] = [];
  if (origin !== null) {
    const newest = Math.max(0, ...site.posts.map(changedAt));
    const urls = pages
      .filter((page) => listed(page, draftUrls))
      .map((page) => ({
        loc: absoluteHref(hrefOf(page.url, site.config.basePath), origin),
        lastmod: rfc3339(lastChange(page) ?? newest, zone),
      }));
    out.push({ url: SITEMAP_URL, template: 'sitemap', data: { site: siteView, urls } });
  }
  if (!staticPaths.includes(ROBOTS_URL.slice(1))) {
    const sitemapUrl =
      origin === null ? null : absoluteHref(hrefOf(SITEMAP_URL, site.config.basePath), origin);
    out.push({ url: ROBOTS_URL, template: 'robots', data: { site: siteView, sitemapUrl } });
  }
  return out;
}

function listed(page: ListedPage, draftUrls: ReadonlySet<string>): boolean {
  const { page: own }: ListedData = page.data;
  if (own === undefined || draftUrls.has(page.url)) return false;
  if (page.template === '404' || page.template === 'redirect') return false;
  return !(own.robots ?? '').includes('noindex');
}

/** When a page last changed: its post's, or its newest post's, `updated` or `date`. */
function lastChange(page: ListedPage): number | null {
  const { post, posts }: ListedData = page.data;
  if (post !== undefined) return viewChangedAt(post);
  if (posts !== undefined && posts.length > 0) return Math.max(...posts.map(viewChangedAt));
  return null;
}

function viewChangedAt(post: PostView): number {
  return Math.max(Date.parse(post.date.iso), post.updated ? Date.parse(post.updated.iso) : 0);
}

function changedAt(post: { readonly date: number; readonly updated: number | null }): number {
  return Math.max(post.date, post.updated ?? 0);
}
