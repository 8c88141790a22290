/**
 * File names for imported posts. A post keeps the slug of its old URL
 * (`/2024/03/oman-talks.html` → `oman-talks`); a draft, which never had a URL, gets one
 * from its title. Whatever the title (a URL, empty, all punctuation, a thousand CJK
 * characters), the result is a valid slug, short enough for every file system, and
 * unique across the import, so no two posts share a file or a URL.
 */
import { slugify } from '../slug.js';
import { compareStrings } from '../errors.js';
import type { ImportedPost } from './source.js';

/** Where an imported post goes. */
export interface PostName {
  readonly slug: string;
  /** Site-relative path with forward slashes: `posts/2024-03-01-oman-talks.md`. */
  readonly file: string;
}

/** A slug's longest length in UTF-8 bytes: file names stay far below the usual 255. */
const MAX_SLUG_BYTES = 80;

/** The slug Blogger gave a post in its old path, if the path is one of Blogger's forms. */
export function slugOfOldPath(path: string): string | null {
  const match = /^\/(?:\d{4}\/\d{2}|p)\/([^/]+?)\.html$/.exec(path);
  return match?.[1] ? slugify(match[1]) : null;
}

/** A slug from a title: sanitised, shortened at a word boundary, never empty. */
export function slugOfTitle(title: string): string {
  if (title.trim() === '') return 'untitled';
  return shorten(slugify(title));
}

function shorten(slug: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(slug).length <= MAX_SLUG_BYTES) return slug;
  let cut = '';
  for (const char of slug) {
    if (encoder.encode(cut + char).length > MAX_SLUG_BYTES) break;
    cut += char;
  }
  const atWord = cut.lastIndexOf('-');
  return (atWord > MAX_SLUG_BYTES / 4 ? cut.slice(0, atWord) : cut).replace(/-+$/, '');
}

/**
 * Names every post. Posts with an old URL are named first, oldest first, so that they
 * keep their own slug; a later post with the same slug gets `-2`, `-3` and so on.
 */
export function namePosts(posts: readonly ImportedPost[]): Map<string, PostName> {
  const order = [...posts].sort(
    (a, b) =>
      Number(a.path === null) - Number(b.path === null) ||
      compareStrings(utc(a.published), utc(b.published)) ||
      compareStrings(a.id, b.id),
  );
  const taken = new Set<string>();
  const names = new Map<string, PostName>();
  for (const post of order) {
    const base =
      (post.slug ? shorten(slugify(post.slug)) || null : null) ??
      (post.path === null ? null : slugOfOldPath(post.path)) ??
      slugOfTitle(post.title);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    const day = post.published.slice(0, 10);
    const folder = post.kind === 'page' ? 'posts/pages' : 'posts';
    names.set(post.id, { slug, file: `${folder}/${day}-${slug}.md` });
  }
  return names;
}

function utc(iso: string): string {
  return new Date(iso).toISOString();
}
