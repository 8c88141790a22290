/** The not-found page, at the path static hosts serve for a missing page. */
import type { Words } from '../words.js';
import type { RouteContext } from './context.js';
import { NOT_FOUND_URL } from '../urls.js';
import { pageView, type PageView, type SiteView } from './view-parts.js';

/** The not-found page's data. */
export interface NotFoundPageData {
  readonly site: SiteView;
  readonly page: PageView;
  readonly words: Words;
}

/** `/404.html`. */
export interface NotFoundPage {
  readonly url: string;
  readonly template: '404';
  readonly data: NotFoundPageData;
}

/** The one not-found page, kept out of search results. */
export function notFoundPages({ siteView, words, href }: RouteContext): NotFoundPage[] {
  const page: NotFoundPage = {
    url: NOT_FOUND_URL,
    template: '404',
    data: {
      site: siteView,
      page: pageView(siteView, {
        kind: '404',
        title: words.notFoundTitle,
        url: href(NOT_FOUND_URL),
        robots: 'noindex',
      }),
      words,
    },
  };
  return [page];
}
