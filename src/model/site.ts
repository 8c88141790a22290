/**
 * The model stage: all parsed posts → one read-only {@link Site}: which posts are
 * published, in what order, and under which labels. Pure and cheap, so it is recomputed
 * whole on every build.
 */
import type { SiteConfig } from '../config/config.js';
import { compareStrings, type BuildError, type BuildWarning } from '../errors.js';
import type { Post } from '../parse/post.js';
import { buildArchive, type ArchiveYear } from './archive.js';
import { collectAuthors, type Author } from './authors.js';
import { collectLabels, type Label } from './labels.js';
import { relatedPosts } from './related.js';
import type { LineColumn } from '../yaml.js';

/** What a build publishes: options that decide which posts are in. */
export interface PublishOptions {
  /** Include posts with `draft: true`. */
  readonly drafts: boolean;
  /** Include posts dated after `now`. */
  readonly future: boolean;
  /** The moment of the build, in epoch milliseconds. */
  readonly now: number;
}

/** The whole site as data, before any URL or HTML. */
export interface Site {
  readonly config: SiteConfig;
  /** Published posts, newest first; ties broken by source path so the order is stable. */
  readonly posts: readonly Post[];
  /** Published pages (`page: true`), by source path: in no list, label or feed. */
  readonly pages: readonly Post[];
  readonly labels: readonly Label[];
  /** `postLabels[i]`: indices into `labels` of the labels of `posts[i]`. */
  readonly postLabels: readonly (readonly number[])[];
  /** Everyone who signs a post, by name; see `model/authors.ts`. */
  readonly authors: readonly Author[];
  /** `postAuthors[i]`: indices into `authors` of the byline of `posts[i]`, in its order. */
  readonly postAuthors: readonly (readonly number[])[];
  /** Whether authors get pages and bylines link to them (`hasAuthorPages`). */
  readonly authorPages: boolean;
  /** `related[i]`: indices of the posts most related to `posts[i]` by shared labels. */
  readonly related: readonly (readonly number[])[];
  /** The posts by year and month, newest first. */
  readonly archive: readonly ArchiveYear[];
  /** Future posts left out of this build, soonest first. */
  readonly heldBack: readonly Post[];
  /** Drafts left out of this build. */
  readonly drafts: readonly Post[];
}

/** What {@link buildSite} returns. */
export interface Modelled {
  readonly site: Site;
  readonly errors: readonly BuildError[];
  readonly warnings: readonly BuildWarning[];
}

/**
 * The last model built for one config and one set of publish options: watch mode keeps
 * one, so that an edit that moves nothing (a post's body, its summary) reuses the order
 * and the label table. Memoising only: the result is what building afresh gives.
 */
export interface ModelMemo {
  last: {
    readonly posts: readonly Post[];
    readonly status: string;
    readonly result: Modelled;
  } | null;
}

/** An empty {@link ModelMemo}. */
export function createModelMemo(): ModelMemo {
  return { last: null };
}

/** Builds the site model from every parsed post. */
export function buildSite(
  allPosts: readonly Post[],
  config: SiteConfig,
  options: PublishOptions,
  memo: ModelMemo = createModelMemo(),
): Modelled {
  const isIn = (post: Post) => !post.draft || options.drafts;
  const isDue = (post: Post) => post.date <= options.now || options.future;
  // Which posts are left out, held back, published as posts or as pages: part of the
  // key, since `now` moves.
  const status = allPosts
    .map((post) => (!isIn(post) ? 'd' : !isDue(post) ? 'h' : post.page ? 'g' : 'p'))
    .join('');
  const last = memo.last;
  if (last && last.status === status && sameGrouping(last.posts, allPosts)) {
    const bySource = new Map(allPosts.map((post) => [post.source, post]));
    const swap = (posts: readonly Post[]) => posts.map((post) => bySource.get(post.source) ?? post);
    const { site } = last.result;
    const result: Modelled = {
      ...last.result,
      site: {
        ...site,
        posts: swap(site.posts),
        pages: swap(site.pages),
        heldBack: swap(site.heldBack),
        drafts: swap(site.drafts),
      },
    };
    memo.last = { posts: allPosts, status, result };
    return result;
  }

  const drafts = allPosts.filter((post) => !isIn(post));
  const candidates = allPosts.filter(isIn);
  const heldBack = candidates
    .filter((post) => !isDue(post))
    .sort((a, b) => a.date - b.date || compareStrings(a.source, b.source));
  const published = candidates.filter(isDue);
  const posts = published.filter((post) => !post.page).sort(newestFirst);
  const pages = published
    .filter((post) => post.page)
    .sort((a, b) => compareStrings(a.source, b.source));
  const { labels, postLabels, errors, warnings } = collectLabels(posts, config);
  const authorTable = collectAuthors(posts, config);
  const related = relatedPosts(postLabels, labels, config.relatedPosts);
  // The archive holds post indices by date: when a label edit moved no post, it stands.
  const before = last?.result.site;
  const archive =
    before && sameDates(before.posts, posts)
      ? before.archive
      : buildArchive(posts, config.timezone);
  const result: Modelled = {
    site: {
      config,
      posts,
      pages,
      labels,
      postLabels,
      authors: authorTable.authors,
      postAuthors: authorTable.postAuthors,
      authorPages: authorTable.withPages,
      related,
      archive,
      heldBack,
      drafts,
    },
    errors: [...errors, ...authorTable.errors],
    warnings: [...warnings, ...authorTable.warnings],
  };
  memo.last = { posts: allPosts, status, result };
  return result;
}

/** True when two sorted post lists hold the same posts at the same dates, in order. */
function sameDates(a: readonly Post[], b: readonly Post[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((post, i) => {
    const other = b[i];
    return other !== undefined && post.source === other.source && post.date === other.date;
  });
}

/**
 * True when two post lists would be sorted and grouped alike: sources, dates, labels,
 * bylines, where each is pinned, and where labels and bylines are written (the label
 * and author problems point there).
 */
function sameGrouping(a: readonly Post[], b: readonly Post[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Post;
    const y = b[i] as Post;
    if (x === y) continue;
    if (x.source !== y.source || x.date !== y.date || x.labels.length !== y.labels.length) {
      return false;
    }
    if (x.labels.some((label, j) => label !== y.labels[j])) return false;
    if (x.pinned !== y.pinned || !sameNames(x.authors, y.authors)) return false;
    if (!samePlaces(x.labelsAt, y.labelsAt) || !samePlaces(x.authorsAt, y.authorsAt)) return false;
  }
  return true;
}

function samePlaces(a: readonly LineColumn[], b: readonly LineColumn[]): boolean {
  return (
    a.length === b.length && a.every((at, i) => at.line === b[i]?.line && at.column === b[i].column)
  );
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

function newestFirst(a: Post, b: Post): number {
  return b.date - a.date || compareStrings(a.source, b.source);
}
