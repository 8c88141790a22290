/** The home page and its numbered pages: every post, pinned posts first, then newest first. */
import { pinnedFirst } from '../model/pinned.js';
import { fillPhrase } from '../words.js';
import type { RouteContext } from './context.js';
import { listedPosts, listPages, type ListPage } from './lists.js';
import { homeUrl } from '../urls.js';

/** `/`, `/page/2/` … */
export function homePages(context: RouteContext): ListPage[] {
  const { site } = context;
  const order = pinnedFirst(
    site.posts.map((_, i) => i),
    site.posts,
    'home',
  );
  return listPages(context, {
    template: 'home',
    label: null,
    author: null,
    posts: listedPosts(context.postViews, order),
    urlOf: homeUrl,
    titleOf: (n) => (n > 1 ? fillPhrase(context.words.pageN, { n }) : ''),
  });
}
