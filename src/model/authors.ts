/**
 * Who wrote what: each post's byline names (front matter `author`/`authors`, else the
 * site's `author`) grouped into authors by the label rules (`names.ts`), shown as
 * site.yaml's `authors:` says, with their slugs; and whether the blog has author pages.
 * Pure; recomputed whole on every build.
 */
import type { AuthorLinkSetting, AuthorSetting } from '../config/authors.js';
import type { SiteConfig } from '../config/config.js';
import type { BuildError, BuildWarning } from '../errors.js';
import type { Post } from '../parse/post.js';
import { labelKey, slugify } from '../slug.js';
import { authorUrl } from '../urls.js';
import {
  groupNames,
  mostUsedSpelling,
  slugCollisions,
  sortByName,
  variantsWarning,
  type GroupWords,
} from './names.js';

/** One author of the site. */
export interface Author {
  /** Identity: the `authors:` key it belongs to, else the name with case and spacing folded. */
  readonly key: string;
  /** `name` from `authors:`, else the spelling most posts use. */
  readonly name: string;
  readonly slug: string;
  readonly bio: string | null;
  readonly avatar: string | null;
  readonly links: readonly AuthorLinkSetting[];
  /** Indices into the site's posts (newest first) of the posts they wrote. */
  readonly posts: readonly number[];
}

/** The authors of a site and, for each post, the indices of its authors. */
export interface AuthorTable {
  /** Sorted by name as the site's language sorts. */
  readonly authors: readonly Author[];
  /** `postAuthors[i]`: indices into `authors` of post i's byline, in its order. */
  readonly postAuthors: readonly (readonly number[])[];
  /** See {@link hasAuthorPages}. */
  readonly withPages: boolean;
  readonly errors: readonly BuildError[];
  readonly warnings: readonly BuildWarning[];
}

const AUTHOR_WORDS: GroupWords = {
  kind: 'author',
  warning: 'AuthorVariants',
  collision: 'AuthorSlugCollision',
  urlOf: authorUrl,
  slugSetting: (name, slug) => `authors: { "${name}": { slug: ${slug} } }`,
};

/** The byline names of a post: its own, else the site's `author`, else none. */
export function bylineOf(post: Post, config: SiteConfig): readonly string[] {
  if (post.authors.length > 0) return post.authors;
  return config.author === '' ? [] : [config.author];
}

/**
 * Which author a name's {@link labelKey} is: an `authors:` key is a name or an id, and
 * posts may write either the key or its `name`.
 */
function authorIdentity(config: SiteConfig): (key: string) => string {
  const entries = config.authors;
  const byName = new Map<string, string>();
  for (const [key, setting] of entries) {
    if (setting.name !== null) byName.set(labelKey(setting.name), key);
  }
  return (key) => (entries.has(key) ? key : (byName.get(key) ?? key));
}

/** The slug of the author a byline name is: their `slug:` in `authors:`, else the slug rule. */
export function authorSlug(name: string, config: SiteConfig): string {
  const key = authorIdentity(config)(labelKey(name));
  return config.authors.get(key)?.slug ?? slugify(key);
}

/** Groups the authors of `posts`, which must be sorted newest first. */
export function collectAuthors(posts: readonly Post[], config: SiteConfig): AuthorTable {
  const entries = config.authors;
  const identity = authorIdentity(config);
  const { groups, keyOf } = groupNames(
    posts,
    (post) => bylineOf(post, config),
    // The site's `author` is written in no post: a problem of it names the post alone.
    (post) => post.authorsAt,
    identity,
  );
  const warnings: BuildWarning[] = [];
  const unsorted = [...groups.values()].map((group): Author => {
    const setting = entries.get(group.key);
    const spelling = mostUsedSpelling(group.spellings);
    // An `authors:` entry says how the author is written, so its spellings are not variants.
    if (!setting && group.spellings.size > 1) {
      warnings.push(variantsWarning(AUTHOR_WORDS, spelling, group, posts));
    }
    return authorOf(group.key, setting, spelling, group.posts);
  });
  const { sorted: authors, perPost: postAuthors } = sortByName(
    unsorted,
    config.language,
    posts,
    (post) => bylineOf(post, config),
    keyOf,
  );
  return {
    authors,
    postAuthors,
    withPages: hasAuthorPages(config, authors),
    errors: slugCollisions(AUTHOR_WORDS, authors, groups, posts),
    warnings,
  };
}

function authorOf(
  key: string,
  setting: AuthorSetting | undefined,
  spelling: string,
  posts: readonly number[],
): Author {
  return {
    key,
    name: setting?.name ?? setting?.id ?? spelling,
    slug: setting?.slug ?? slugify(key),
    bio: setting?.bio ?? null,
    avatar: setting?.avatar ?? null,
    links: setting?.links ?? [],
    posts,
  };
}

/**
 * Whether the blog gets author pages (`/authors/SLUG/`) and linked bylines: when
 * site.yaml has an `authors:` map (the owner asked for profiles), or when more than one
 * author signs its posts. A blog one person writes would get a single page that repeats
 * the home page, so it gets none unless it asks.
 */
export function hasAuthorPages(config: SiteConfig, authors: readonly Author[]): boolean {
  return config.authors.size > 0 || authors.length > 1;
}
