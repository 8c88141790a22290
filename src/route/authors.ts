/**
 * Author pages, `/authors/SLUG/` and `/authors/SLUG/page/N/`: in the shape of Blogger's
 * label pages ("Showing posts by NAME"), every post the author signed, newest first.
 * Only when the blog has author pages (`Site.authorPages`). There is no `/authors/`
 * index: Blogger has none, and a byline or a post's page is where a reader meets an author.
 */
import type { Author } from '../model/authors.js';
import { fillPhrase } from '../words.js';
import type { RouteContext } from './context.js';
import { listPages, type ListPage } from './lists.js';
import type { PostView } from './post-view.js';
import { hasFeed } from './site-view.js';
import { authorFeedUrl, authorUrl, hrefOf } from '../urls.js';
import type { AuthorLink } from './view-parts.js';

/** Each author's pages, in the order of `site.authors`. */
export function authorPages(context: RouteContext): ListPage[] {
  const { site, words, postViews } = context;
  if (!site.authorPages) return [];
  return site.authors.flatMap((author) =>
    listPages(context, {
      template: 'author',
      label: null,
      author: authorLink(context, author),
      posts: author.posts.map((index) => postViews[index] as PostView),
      urlOf: (n) => authorUrl(author.slug, n),
      titleOf: (n) =>
        n > 1 ? fillPhrase(words.titlePageN, { title: author.name, n }) : author.name,
    }),
  );
}

/** An author as their page's heading shows them. */
function authorLink(context: RouteContext, author: Author): AuthorLink {
  const { site, href, withFeeds, config } = context;
  const avatar = author.avatar;
  return {
    name: author.name,
    url: href(authorUrl(author.slug)),
    count: author.posts.length,
    feedUrl: withFeeds && hasFeed(site, author.posts) ? href(authorFeedUrl(author.slug)) : null,
    bio: author.bio,
    avatarUrl: avatar === null ? null : addressOf(avatar, config.basePath),
    links: author.links.map((link) => ({
      text: link.text,
      url: addressOf(link.url, config.basePath),
    })),
  };
}

/** A site path under `baseUrl`'s path; a full URL (`https:`, `mailto:`) as written. */
function addressOf(address: string, basePath: string): string {
  return address.startsWith('/') ? hrefOf(address, basePath) : address;
}
