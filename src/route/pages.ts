/**
 * The route stage: the {@link Site} → every {@link Page} with its URL and view data.
 * Pure. Each page kind has a router of its own (a file beside this one); `routeSite` runs
 * them in order, so adding a page kind is adding a router and its line in
 * {@link ROUTERS}. `collisions.ts` then checks that no two outputs share a path.
 */
import { buildWarning, type BuildError, type BuildWarning } from '../errors.js';
import type { StaticFile } from '../load/load.js';
import type { Site } from '../model/site.js';
import { archivePages } from './archive.js';
import { authorPages } from './authors.js';
import { NO_ASSETS, type SiteAssets } from './assets.js';
import { findCollisions } from './collisions.js';
import { routeContext, type RouteContext } from './context.js';
import { feedPages } from './feeds.js';
import { homePages } from './home.js';
import { labelPages } from './labels.js';
import { createRouteMemo, memoCollisions, type RouteMemo } from './memo.js';
import { notFoundPages } from './not-found.js';
import { postPages } from './posts.js';
import { redirectPages } from './redirects.js';
import { searchPages } from './search.js';
import { sitePages } from './site-pages.js';
import { sitemapPages } from './sitemap.js';
import type { Page } from './view.js';

export { createRouteMemo, type RouteMemo } from './memo.js';

/** The pages of a site, or the collisions that stop it from being written. */
export interface Routes {
  readonly pages: readonly Page[];
  /** The files of page bundles, copied next to their posts' pages as static files are. */
  readonly copies: readonly StaticFile[];
  readonly errors: readonly BuildError[];
  readonly warnings: readonly BuildWarning[];
}

/**
 * A router: the pages of one kind. `earlier` holds the pages the routers before it made,
 * for those (the sitemap) that list other pages.
 */
export type Router = (context: RouteContext, earlier: readonly Page[]) => readonly Page[];

/**
 * The routers, in the order their pages are listed (and written). The sitemap comes after
 * every HTML page it lists; the feeds, which it does not list, after it.
 */
export const ROUTERS: readonly Router[] = [
  postPages,
  sitePages,
  homePages,
  labelPages,
  authorPages,
  archivePages,
  notFoundPages,
  searchPages,
  redirectPages,
  sitemapPages,
  feedPages,
];

/**
 * Routes a site. `staticPaths` are the output paths of the static files, which pages
 * must not overwrite. `memo` (for one config) lets repeated routings reuse views.
 * `assets` are the site's static files, page bundles and measured images.
 */
export function routeSite(
  site: Site,
  staticPaths: readonly string[] = [],
  memo: RouteMemo = createRouteMemo(),
  assets: SiteAssets = NO_ASSETS,
): Routes {
  const context = routeContext(site, staticPaths, memo, assets);
  const pages: Page[] = [];
  for (const router of ROUTERS) pages.push(...router(context, pages));
  return {
    pages,
    copies: context.copies,
    errors: collisions(context, pages),
    warnings: warnings(context),
  };
}

/** The collisions of the routed pages; none to look for when every output is where it was. */
function collisions(context: RouteContext, pages: readonly Page[]): BuildError[] {
  const { site, postUrls, staticPaths, copies } = context;
  const outputs = {
    postUrls,
    pageUrls: pages.map((page) => page.url),
    staticPaths,
    copyPaths: copies.map((copy) => copy.outputPath),
  };
  return memoCollisions(context.memo, outputs, () =>
    findCollisions(pages, site, postUrls, staticPaths, copies),
  );
}

function warnings({ origin, config }: RouteContext): BuildWarning[] {
  if (origin !== null) return [];
  return [
    buildWarning(
      'RelativeBaseUrl',
      { file: 'site.yaml' },
      `baseUrl is ${config.baseUrl}, a path without a host, so the site has no feeds and no sitemap: they need absolute links.`,
      'Set the address the blog is served from, like `baseUrl: https://example.org/blog/`.',
    ),
  ];
}
