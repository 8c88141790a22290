/**
 * Links between posts of the same blog, rewritten to the posts' new URLs. A link counts
 * as internal when its path is one of the imported posts' old paths (or a label search,
 * `/search/label/NAME`) and it points at the blog itself: a relative link, or one of the
 * blog's hosts (its blogspot address and custom domain, from the export, or guessed from
 * the links when the export does not say).
 */

import type { SiteConfig } from '../config/config.js';
import { labelSlug } from '../model/labels.js';
import { hrefOf, labelUrl } from '../urls.js';
import type { BodyConverter } from './markdown.js';
import type { ImportedBlog } from './source.js';

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

/** The link table of an import: the blog's old post paths, its hosts, and its labels' new links. */
export function linkTable(
  blog: ImportedBlog,
  newUrls: ReadonlyMap<string, string>,
  config: SiteConfig,
  converter: BodyConverter,
): LinkTable {
  const posts = new Map<string, string>();
  for (const post of blog.posts) {
    const url = newUrls.get(post.id);
    if (url === undefined) continue;
    for (const old of [...(post.path === null ? [] : [post.path]), ...(post.aliases ?? [])]) {
      posts.set(old, hrefOf(url, config.basePath));
    }
  }
  const hosts = new Set<string>();
  for (const url of [blog.blogUrl, ...blog.posts.map((p) => p.url)]) {
    const host = hostOf(url);
    if (host !== null) hosts.add(host);
  }
  // A blog on its own domain still has links to its blogspot address in old posts.
  if (![...hosts].some((host) => BLOGSPOT.test(host))) {
    for (const host of likelyHosts(blog, posts, converter)) hosts.add(host);
  }
  const label = (name: string) => hrefOf(labelUrl(labelSlug(name, config)), config.basePath);
  return { posts, hosts, label };
}

/**
 * The newer export never names the blog's address. Its blogspot host is taken to be the
 * one that most links to the blog's own post paths point at (all of them on a tie), so a
 * link to another blog's post at the same path is rarely taken for one of the blog's.
 */
const BLOGSPOT = /\.blogspot\.[a-z.]+$/;

function likelyHosts(
  blog: ImportedBlog,
  paths: ReadonlyMap<string, string>,
  converter: BodyConverter,
): string[] {
  const counts = new Map<string, number>();
  for (const post of blog.posts) {
    for (const href of converter.linkUrls(post.html)) {
      let url: URL;
      try {
        url = new URL(href);
      } catch {
        continue;
      }
      const host = url.hostname.toLowerCase();
      if (!BLOGSPOT.test(host) || !paths.has(safeDecode(url.pathname))) continue;
      counts.set(host, (counts.get(host) ?? 0) + 1);
    }
  }
  const most = Math.max(0, ...counts.values());
  return [...counts].filter(([, n]) => n === most).map(([host]) => host);
}

/** A path or name decoded from `%XX`, or as it is when it is not valid percent-encoding. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
