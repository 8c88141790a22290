/**
 * The model stage: all parsed posts → one read-only {@link Site}: which posts are
 * published, in what order, and under which labels. Pure and cheap, so it is recomputed
 * whole on every build.
 */
import type { SiteConfig } from '../config/config.js';
import { compareStrings, type BuildError, type BuildWarning } from '../errors.js';
import type { Post } from '../parse/post.js';
import { collectLabels, type Label } from './labels.js';

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
  /** Future posts left out of this build, soonest first. */
  readonly heldBack: readonly Post[];
  /** Drafts left out of this build. */
  readonly drafts: readonly Post[];
}

/** Builds the site model from every parsed post. */
export function buildSite(
  allPosts: readonly Post[],
  config: SiteConfig,
  options: PublishOptions,
): { site: Site; errors: readonly BuildError[]; warnings: readonly BuildWarning[] } {
  const drafts = allPosts.filter((post) => post.draft && !options.drafts);
  const candidates = allPosts.filter((post) => !post.draft || options.drafts);
  const heldBack = candidates
    .filter((post) => post.date > options.now && !options.future)
    .sort((a, b) => a.date - b.date || compareStrings(a.source, b.source));
  const published = candidates.filter((post) => post.date <= options.now || options.future);
  const posts = published.filter((post) => !post.page).sort(newestFirst);
  const pages = published
    .filter((post) => post.page)
    .sort((a, b) => compareStrings(a.source, b.source));
  const { labels, postLabels, errors, warnings } = collectLabels(posts, config);
  return {
    site: { config, posts, pages, labels, postLabels, heldBack, drafts },
    errors,
    warnings,
  };
}

function newestFirst(a: Post, b: Post): number {
  return b.date - a.date || compareStrings(a.source, b.source);
}
