/**
 * A WordPress blog's old addresses that are not a post's own permalink, and where each
 * leads now, for site.yaml's `redirects:`. Post permalinks are the posts' `aliases`. Pure.
 *
 * - `/?p=ID` and `/?page_id=ID`, the addresses every post has whatever the permalink
 *   setting: a static host serves `/` whatever the query, so only the `_redirects` rule
 *   (Netlify's query form) carries these.
 * - `/category/NAME/` (nested: `/category/PARENT/NAME/`), `/tag/NAME/` and their `feed/`.
 * - `/author/LOGIN/`, `/feed/`.
 *
 * `/YYYY/MM/` month archives and `/page/N/` need nothing: Rubric writes its own there.
 */
import type { SiteConfig } from '../../config/config.js';
import { authorSlug } from '../../model/authors.js';
import { labelSlug } from '../../model/labels.js';
import { FEED_URL, HOME_URL, authorUrl, labelFeedUrl, labelUrl } from '../../urls.js';
import { labelKey, slugify } from '../../slug.js';
import { safeDecode } from '../links.js';
import type { WordPressPost } from './entries.js';
import type { WxrChannel, WxrTerm } from './wxr.js';

/**
 * Where an author's old page leads: their author page (`/authors/SLUG/`) when the blog
 * will have author pages (more than one author signs its posts, or site.yaml has an
 * `authors:` map; see `hasAuthorPages`), else the home page, which lists every post of
 * the blog's one author.
 */
export function authorTarget(name: string, authorCount: number, config: SiteConfig): string {
  const withPages = config.authors.size > 0 || authorCount > 1;
  return withPages ? authorUrl(authorSlug(name, config)) : HOME_URL;
}

/** Old path → new site path, sorted by old path. */
export function oldAddresses(
  posts: readonly WordPressPost[],
  channel: WxrChannel,
  urls: ReadonlyMap<string, string>,
  config: SiteConfig,
): Record<string, string> {
  const map = new Map<string, string>();
  const label = (name: string) => labelSlug(name, config);
  const logins = new Set<string>();
  const used = new Set<string>();
  for (const post of posts) {
    const url = urls.get(post.id);
    // A draft or a scheduled post never had a public address.
    if (url === undefined || post.status !== 'live') continue;
    map.set(post.kind === 'page' ? `/?page_id=${post.id}` : `/?p=${post.id}`, url);
    if (post.login !== null) logins.add(post.login);
    for (const term of post.terms) used.add(`${term.domain} ${term.nicename}`);
  }
  const categories = new Map(channel.categories.map((c) => [c.nicename, c]));
  const terms: [string, WxrTerm][] = [
    ...channel.categories.map((c): [string, WxrTerm] => [
      `/category/${categoryPath(c, categories)}/`,
      c,
    ]),
    ...channel.tags.map((t): [string, WxrTerm] => [`/tag/${safeDecode(t.nicename)}/`, t]),
  ];
  for (const [from, term] of terms) {
    const domain = from.startsWith('/tag/') ? 'post_tag' : 'category';
    // A term no imported post has has no label page to lead to.
    if (!used.has(`${domain} ${term.nicename}`)) continue;
    map.set(from, labelUrl(label(term.name)));
    map.set(`${from}feed/`, labelFeedUrl(label(term.name)));
  }
  // The byline the import writes: the display name, else the login.
  const names = new Map([...logins].map((login) => [login, channel.authors.get(login) ?? login]));
  const authorCount = new Set([...names.values()].map(labelKey)).size;
  for (const [login, name] of names) {
    map.set(`/author/${slugify(login)}/`, authorTarget(name, authorCount, config));
  }
  if (map.size > 0) map.set('/feed/', FEED_URL);
  return Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** `parent/child` for a nested category, from the parents' nicenames. */
function categoryPath(term: WxrTerm, byNicename: ReadonlyMap<string, WxrTerm>): string {
  const parts = [safeDecode(term.nicename)];
  let parent = term.parent;
  for (let depth = 0; parent !== null && depth < 10; depth++) {
    const up = byNicename.get(parent);
    if (up === undefined) break;
    parts.unshift(safeDecode(up.nicename));
    parent = up.parent;
  }
  return parts.join('/');
}
