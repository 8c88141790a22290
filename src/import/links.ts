/**
 * Links between posts of the same blog, rewritten to the posts' new URLs. A link counts
 * as internal when its path is one of the imported posts' old paths (or a label search,
 * `/search/label/NAME`) and it points at the blog itself: a relative link, or one of the
 * blog's hosts (its blogspot address and custom domain, from the export, or guessed from
 * the links when the export does not say).
 */

/** What the rewriter needs: old paths → new links, and label names → new links. */
export interface LinkTable {
  /** Old path (`/2024/03/slug.html`, decoded) → new link (under `baseUrl`, encoded). */
  readonly posts: ReadonlyMap<string, string>;
  /** A label name as written in an old search link → the new label page's link. */
  readonly label: (name: string) => string;
  /** Hosts the blog lived at, lower case: `name.blogspot.com`, `www.example.org`. */
  readonly hosts: ReadonlySet<string>;
}

const BASE = 'https://old-blog.invalid/';

/** The new link for `href`, or undefined when it does not point at a post of the blog. */
export function rewriteLink(href: string, table: LinkTable): string | undefined {
  let url: URL;
  try {
    url = new URL(href, BASE);
  } catch {
    return undefined;
  }
  const relative = url.origin === new URL(BASE).origin;
  const host = url.hostname.toLowerCase();
  if (
    !(relative || table.hosts.has(host)) ||
    (url.protocol !== 'http:' && url.protocol !== 'https:')
  )
    return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  const hash = url.hash;
  const post = table.posts.get(path);
  if (post !== undefined) {
    // Another blog on blogspot.com may have a post at the same path: only the blog's own
    // hosts are trusted.
    if (!relative && !table.hosts.has(host)) return undefined;
    return post + hash;
  }
  // Decoded after `+` is read as a space, so `C%2B%2B` stays `C++`.
  const label = /^\/search\/label\/([^/]+)$/.exec(url.pathname)?.[1];
  if (label !== undefined && (relative || table.hosts.has(host))) {
    try {
      return table.label(decodeURIComponent(label.replace(/\+/g, '%20')));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The lower-case host of a URL, or null when it is not one. */
export function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}
