/** The home page and its numbered pages: every post, newest first. */
import { fillPhrase } from '../words.js';
import type { RouteContext } from './context.js';
import { listPages, type ListPage } from './lists.js';
import { homeUrl } from './urls.js';

/** `/`, `/page/2/` … */
export function homePages(context: RouteContext): ListPage[] {
  return listPages(context, {
    template: 'home',
    label: null,
    posts: context.postViews,
    urlOf: homeUrl,
    titleOf: (n) => (n > 1 ? fillPhrase(context.words.pageN, { n }) : ''),
  });
}
