/**
 * The content contract: what the front matter of one post says, once checked. The key
 * table (`keys.ts`) says which keys give each field and how they are read.
 */
import type { LineColumn } from '../../yaml.js';
import type { FrontMatterImage } from './peer-keys.js';

/** The fields of the front matter that a parsed `Post` carries as they are. */
export interface FrontMatterFields {
  readonly title: string;
  /** Epoch milliseconds. */
  readonly date: number;
  /** False when `date` gave a day alone, so no time of day is shown. */
  readonly dateHasTime: boolean;
  readonly updated: number | null;
  /** Label names as written, trimmed, in the author's order, without repeats. */
  readonly labels: readonly string[];
  /** Where each label is written: `labelsAt[i]` is where the name `labels[i]` starts. */
  readonly labelsAt: readonly LineColumn[];
  /** Byline names from `author` and `authors`; empty means the site's author. */
  readonly authors: readonly string[];
  /** Where each byline name is written, as `labelsAt` is for labels. */
  readonly authorsAt: readonly LineColumn[];
  /** Where the `slug:` value is, so a URL collision can point at the line to change. */
  readonly slugAt: LineColumn | null;
  /** Hugo's `url:`: the post's exact path (`/2012/05/old.html`, `/notes/`), or null. */
  readonly fixedUrl: string | null;
  readonly fixedUrlAt: LineColumn | null;
  /** Left out of the build (`draft: true`, or Jekyll's `published: false`). */
  readonly draft: boolean;
  /**
   * `pinned: true` holds the post at the top of the home page (`home`); `pinned: labels`
   * at the top of its label pages too. Null: where its date puts it. Feeds, archives and
   * neighbours always go by date.
   */
  readonly pinned: 'home' | 'labels' | null;
  /** A page of the site (`/about/`) rather than a post: outside lists, labels and feeds. */
  readonly page: boolean;
  /**
   * Other site paths that lead to this post (its old addresses), decoded, each starting
   * with `/`; a path without a file extension ends with `/`.
   */
  readonly aliases: readonly string[];
  /** `layout: wide`: the site template (`templates/wide.hbs`) that renders this post. */
  readonly layout: string | null;
  /** Where the `layout:` value is, so an unknown layout can be shown at its line. */
  readonly layoutAt: LineColumn | null;
  /**
   * Every key the contract does not know, and the peer keys as written, for templates
   * (`post.data.editor`, `post.data.cover`).
   */
  readonly data: Readonly<Record<string, unknown>>;
}

/** What the front matter of one post says, checked. */
export interface FrontMatter extends FrontMatterFields {
  /** `slug:`; null means the slug comes from the file name. */
  readonly slug: string | null;
  /** `summary`, else `description`, else `excerpt`. */
  readonly summary: string | null;
  /** The post's picture (`image`, `cover` or `images`), as written. */
  readonly image: FrontMatterImage | null;
  /** `toc: true` asks for a table of contents on the post's page. */
  readonly toc: boolean;
}

/** The fields the key table reads; `data` is what it does not. */
export type ReadFields = Omit<FrontMatter, 'data'>;
