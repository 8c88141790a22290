/**
 * The search page (`search: true`): a form that works without a script (it reloads the page
 * with `?q=`), the label and year filters as choices, and the place the theme's script puts
 * results, which it finds with Pagefind in the index beside the site (`/pagefind/`, written
 * after the pages by `search/index.ts`). Pure; no page without the setting.
 */
import type { Words } from '../words.js';
import type { RouteContext } from './context.js';
import { SEARCH_BUNDLE_URL, SEARCH_URL } from '../urls.js';
import { pageView, type PageView, type SiteView } from './view-parts.js';

/** What the search page's template and script need beyond `site` and `page`. */
export interface SearchView {
  /** The folder of the index, under the base path: `/notes/pagefind/`. */
  readonly bundleUrl: string;
  /** Every label name, sorted as the sidebar sorts them: the label filter's choices. */
  readonly labels: readonly string[];
  /** Every year with posts, newest first: the date filter's choices. */
  readonly years: readonly string[];
}

/** The search page's data. */
export interface SearchPageData {
  readonly site: SiteView;
  readonly page: PageView;
  readonly words: Words;
  readonly search: SearchView;
}

/** `/search/`. */
export interface SearchPage {
  readonly url: string;
  readonly template: 'search';
  readonly data: SearchPageData;
}

/**
 * The search page, when the site has search on. It is kept out of search engines
 * (`noindex`): a results page holds nothing of its own.
 */
export function searchPages({ config, siteView, words, href }: RouteContext): SearchPage[] {
  if (!config.search) return [];
  const search: SearchView = {
    bundleUrl: href(SEARCH_BUNDLE_URL),
    labels: siteView.labels.map((label) => label.name),
    years: siteView.archive.map((year) => year.year),
  };
  const page = pageView(siteView, {
    kind: 'search',
    title: words.search,
    url: href(SEARCH_URL),
    robots: 'noindex, follow',
  });
  return [{ url: SEARCH_URL, template: 'search', data: { site: siteView, page, words, search } }];
}
