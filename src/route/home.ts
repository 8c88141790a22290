/** The home page and its numbered pages: every post, newest first. */
import { fillPhrase } from '../words.js';
import type { Router } from './context.js';
import { listPages } from './lists.js';
import { homeUrl } from './urls.js';

/** `/`, `/page/2/` … */
export const homePages: Router = (context) =>
  listPages(context, {
    template: 'home',
    label: null,
    posts: context.postViews,
    urlOf: homeUrl,
    titleOf: (n) => (n > 1 ? fillPhrase(context.words.pageN, { n }) : ''),
  });
