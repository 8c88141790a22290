/**
 * The sitemap and `robots.txt` as pages. Pure, and generic over page kinds: the sitemap
 * lists every HTML page a search engine should index (not the 404 page, redirects, drafts
 * or pages marked `noindex`), each with the last time one of its posts changed.
 */
import type { Site } from '../model/site.js';
import { rfc3339 } from '../dates.js';
import { ROBOTS_URL, SITEMAP_URL, absoluteHref, hrefOf } from './urls.js';
import type { Page, PostView, SiteView } from './view.js';

/** What the sitemap and robots file are made from. */
export interface SitemapInputs {
  readonly site: Site;
  readonly siteView: SiteView;
  /** `https://example.org`, or null when `baseUrl` is a path alone (then no sitemap). */
  readonly origin: string | null;
  /** URLs of the draft posts built with `--drafts`, which the sitemap leaves out. */
  readonly draftUrls: ReadonlySet<string>;
  /** The site's own `static/robots.txt` wins over Rubric's. */
  readonly ownRobots: boolean;
}

/** The sitemap (when the site has an origin) and robots pages for the HTML `pages`. */
export function sitemapPages(pages: readonly Page[], inputs: SitemapInputs): Page[] {
  const { site, siteView, origin, draftUrls } = inputs;
  const zone = site.config.timezone;
  const out: Page[] = [];
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
  if (!inputs.ownRobots) {
    const sitemapUrl =
      origin === null ? null : absoluteHref(hrefOf(SITEMAP_URL, site.config.basePath), origin);
    out.push({ url: ROBOTS_URL, template: 'robots', data: { site: siteView, sitemapUrl } });
  }
  return out;
}

function listed(page: Page, draftUrls: ReadonlySet<string>): boolean {
  if (!('page' in page.data) || draftUrls.has(page.url)) return false;
  if (page.template === '404' || page.template === 'redirect') return false;
  return !(page.data.page.robots ?? '').includes('noindex');
}

/** When a page last changed: its post's, or its newest post's, `updated` or `date`. */
function lastChange(page: Page): number | null {
  if ('post' in page.data) return viewChangedAt(page.data.post);
  if ('posts' in page.data && page.data.posts.length > 0) {
    return Math.max(...page.data.posts.map(viewChangedAt));
  }
  return null;
}

function viewChangedAt(post: PostView): number {
  return Math.max(Date.parse(post.date.iso), post.updated ? Date.parse(post.updated.iso) : 0);
}

function changedAt(post: { readonly date: number; readonly updated: number | null }): number {
  return Math.max(post.date, post.updated ?? 0);
}
