/**
 * The pages of the site (`page: true`): an about page, a colophon. Rendered like a post
 * but in no list, label or feed, and without neighbours.
 */
import type { Words } from '../words.js';
import type { RouteContext } from './context.js';
import { describePost } from './describe.js';
import type { PostView } from './post-view.js';
import { layoutOf } from './posts.js';
import { sitePageUrl } from '../urls.js';
import { pageView, type PageView, type SiteView } from './view-parts.js';

/** A page of the site: the post view, without neighbours. */
export interface StaticPageData {
  readonly site: SiteView;
  readonly page: PageView;
  readonly words: Words;
  readonly post: PostView;
}

/** A page of the site, at its own URL (`/about/`). */
export interface StaticPage {
  readonly url: string;
  readonly template: 'page';
  readonly layout?: string;
  readonly data: StaticPageData;
}

/** Every page of the site, by source path. */
export function sitePages({
  site,
  siteView,
  words,
  href,
  config,
  sitePageView,
}: RouteContext): StaticPage[] {
  return site.pages.map((sitePage) => {
    const url = sitePageUrl(sitePage);
    return {
      url,
      template: 'page',
      ...layoutOf(sitePage),
      data: {
        site: siteView,
        page: pageView(siteView, {
          kind: 'page',
          title: sitePage.title,
          url: href(url),
          description: describePost(sitePage, config.language),
        }),
        words,
        post: sitePageView(sitePage, href(url)),
      },
    };
  });
}
