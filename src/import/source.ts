/**
 * What every importer hands the shared plan step: a Blogger export's posts and comments,
 * plus what other sources carry (several authors, a featured image, pinned posts, more
 * old addresses, site-wide redirects). Blogger's reader fills only the Blogger fields.
 */
import type { SiteConfig } from '../config/config.js';
import type { BloggerComment, BloggerExport, BloggerPost } from './entries.js';

/** Where an import comes from: the front-matter key its ids go under, and its name. */
export interface ImportSource {
  /** `blogger`, `wordpress`: the key of the post's record in front matter. */
  readonly key: string;
  /** `Blogger`, `WordPress`: for the comments file's header. */
  readonly name: string;
}

/** A post or page of any source. */
export interface ImportedPost extends BloggerPost {
  /** The slug the old site used, when it kept one apart from the URL (`wp:post_name`). */
  readonly slug?: string | null;
  /** Display names, when the source lists several or names them apart from `author`. */
  readonly authors?: readonly string[];
  /** The featured image's URL. */
  readonly image?: string | null;
  readonly pinned?: boolean;
  /** Old site paths besides `path` that lead to the post. */
  readonly aliases?: readonly string[];
  /** The body already in Markdown (Jekyll, Hugo): written as it is, `html` unused. */
  readonly markdown?: string;
  /** More front matter the source had that Rubric reads as it is (`toc`, `imageAlt` …). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** A comment of any source (Blogger's shape). */
export type ImportedComment = BloggerComment;

/** An export of any source, as the plan reads it. */
export interface ImportedBlog extends Omit<BloggerExport, 'posts' | 'format'> {
  readonly source: ImportSource;
  readonly posts: readonly ImportedPost[];
  /**
   * site.yaml settings the import needs (`bloggerRedirects: true`, `redirects: {…}`): put
   * in a new site.yaml, and added to an existing one that has none of these keys. Given
   * each post's new URL (by id) and the site's settings, since redirects lead there.
   */
  readonly settings: (context: SettingsContext) => Readonly<Record<string, unknown>>;
}

/** What an import's settings may depend on. */
export interface SettingsContext {
  /** Post id → its URL on the new site (a site path). */
  readonly urls: ReadonlyMap<string, string>;
  readonly config: SiteConfig;
}

/** Blogger's export as the plan reads it. */
export function bloggerBlog(blog: BloggerExport): ImportedBlog {
  return {
    ...blog,
    source: { key: 'blogger', name: 'Blogger' },
    settings: () => ({ bloggerRedirects: true }),
  };
}
