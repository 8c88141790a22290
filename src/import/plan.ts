/**
 * Entries → the files of a Rubric site: one Markdown post per Blogger post or page,
 * comments beside their post, and the settings `site.yaml` needs. Pure: nothing here
 * reads or writes the disk, so the same export always plans the same bytes.
 */
import { DateTime } from 'luxon';
import { stringify } from 'yaml';
import { readConfig, type SiteConfig } from '../config/config.js';
import { compareStrings } from '../errors.js';
import { postUrl, staticPageUrl } from '../urls.js';
import { labelKey } from '../slug.js';
import { plural } from '../plural.js';
import type { SkippedEntry } from './entries.js';
import { linkTable, rewriteLink } from './links.js';
import type { BodyConverter, BodyRewrites } from './markdown.js';
import { namePosts, type PostName } from './names.js';
import { planSiteYaml } from './site-yaml.js';
import type { ImportedBlog, ImportedComment, ImportedPost } from './source.js';

/** A file the import would write: site-relative path and its whole text. */
export interface PlannedFile {
  readonly path: string;
  readonly text: string;
}

/** How many of each thing an import carries over. */
export interface ImportCounts {
  /** Published posts (not pages, drafts or scheduled posts). */
  readonly posts: number;
  readonly drafts: number;
  readonly scheduled: number;
  readonly pages: number;
  /** Comments written (with `--comments`) or found (without). */
  readonly comments: number;
  /** Distinct labels, counting names that differ only in case or spacing once. */
  readonly labels: number;
}

/** Everything an import would do. */
export interface ImportPlan {
  readonly files: readonly PlannedFile[];
  readonly counts: ImportCounts;
  readonly skipped: readonly SkippedEntry[];
  /** The new text of `site.yaml`, or null when it needs no change. */
  readonly siteYaml: string | null;
  /** Things worth telling that are not skipped entries. */
  readonly notes: readonly string[];
}

/** How to plan. */
export interface PlanOptions {
  /** Write comments beside their posts. */
  readonly comments: boolean;
  /** The text of the site's `site.yaml` before the import, or null when there is none. */
  readonly siteYaml: string | null;
  /** Downloaded images: old URL → new `src`. */
  readonly images?: ReadonlyMap<string, string>;
}

/** Plans an import. */
export function planImport(
  blog: ImportedBlog,
  converter: BodyConverter,
  options: PlanOptions,
): ImportPlan {
  // The settings the import adds lead to new URLs; the URLs depend only on the others.
  const config = readConfig(planSiteYaml(options.siteYaml, blog, {}) ?? options.siteYaml).config;
  // Takeout's file gives UTC only: a zone already set in site.yaml is the blog's.
  const zone = blog.timezone ?? (config.timezone === 'UTC' ? null : config.timezone);
  const names = namePosts(blog.posts);
  const newUrls = newUrlsOf(blog, names, config);
  const siteYaml = planSiteYaml(options.siteYaml, blog, blog.settings({ urls: newUrls, config }));
  const links = linkTable(blog, newUrls, config, converter);
  const images = options.images ?? new Map<string, string>();
  const rewrites: BodyRewrites = {
    link: (href) => images.get(href) ?? rewriteLink(href, links),
    image: (src) => images.get(src),
  };

  const commentsByPost = new Map<string, ImportedComment[]>();
  const notes: string[] = [];
  const skipped = [...blog.skipped];
  const postIds = new Set(blog.posts.map((p) => p.id));
  for (const comment of blog.comments) {
    if (!postIds.has(comment.postId)) {
      skipped.push({
        line: comment.line,
        kind: 'comment',
        reason: `its post ${comment.postId} is not in the export`,
      });
      continue;
    }
    const list = commentsByPost.get(comment.postId);
    if (list) list.push(comment);
    else commentsByPost.set(comment.postId, [comment]);
  }

  const files: PlannedFile[] = [];
  let commentCount = 0;
  for (const post of blog.posts) {
    const name = names.get(post.id) as PostName;
    const markdown = post.markdown ?? converter.toMarkdown(post.html, rewrites);
    const text = postText(post, markdown, zone, blog.source.key, newUrls.get(post.id));
    files.push({ path: name.file, text });
    const comments = commentsByPost.get(post.id) ?? [];
    commentCount += comments.length;
    if (options.comments && comments.length > 0) {
      files.push({
        path: name.file.replace(/\.md$/, '.comments.yaml'),
        text: commentsText(name.file, comments, converter, rewrites, zone, blog.source.name),
      });
    }
  }
  if (!options.comments && commentCount > 0) {
    notes.push(`${plural(commentCount, 'comment')} not imported; --comments imports them.`);
  }
  files.sort((a, b) => compareStrings(a.path, b.path));

  const labelKeys = new Set(blog.posts.flatMap((post) => post.labels.map(labelKey)));
  const count = (test: (post: ImportedPost) => boolean) => blog.posts.filter(test).length;
  return {
    files,
    siteYaml,
    skipped: skipped.sort((a, b) => a.line - b.line),
    notes,
    counts: {
      posts: count((p) => p.kind === 'post' && p.status === 'live'),
      drafts: count((p) => p.status === 'draft'),
      scheduled: count((p) => p.status === 'scheduled'),
      pages: count((p) => p.kind === 'page' && p.status !== 'draft'),
      comments: commentCount,
      labels: labelKeys.size,
    },
  };
}

/**
 * Each post's URL on the new site, by post id, as {@link planImport} will make them: for
 * sources whose bodies link to other posts by name (`{% post_url %}`, `{{< ref >}}`).
 */
export function plannedUrls(blog: ImportedBlog, siteYaml: string | null): Map<string, string> {
  const config = readConfig(planSiteYaml(siteYaml, blog, {}) ?? siteYaml).config;
  return newUrlsOf(blog, namePosts(blog.posts), config);
}

/** Each post's URL on the new site (a site path), by post id. */
function newUrlsOf(
  blog: ImportedBlog,
  names: ReadonlyMap<string, PostName>,
  config: SiteConfig,
): Map<string, string> {
  const urls = new Map<string, string>();
  for (const post of blog.posts) {
    const name = names.get(post.id);
    if (!name) continue;
    // A date without an offset is read in the site's zone, as the build reads it.
    const date = DateTime.fromISO(post.published, {
      zone: config.timezone,
      setZone: true,
    }).toMillis();
    const url =
      post.kind === 'page'
        ? staticPageUrl(name.slug)
        : postUrl({ slug: name.slug, date }, config.permalink, config.timezone);
    urls.set(post.id, url);
  }
  return urls;
}

/** The date as written when it has an offset; in the blog's zone when Blogger gave UTC. */
function dateText(iso: string, zone: string | null): string {
  if (zone === null || !iso.endsWith('Z')) return iso;
  return DateTime.fromISO(iso, { zone }).toISO({ suppressMilliseconds: true }) ?? iso;
}

function postText(
  post: ImportedPost,
  markdown: string,
  zone: string | null,
  sourceKey: string,
  newUrl: string | undefined,
): string {
  const data: Record<string, unknown> = {
    title: post.title.trim() === '' ? 'Untitled' : post.title.trim(),
    date: dateText(post.published, zone),
  };
  if (post.updated !== null && post.updated !== post.published) {
    data.updated = dateText(post.updated, zone);
  }
  if (post.author !== null) data.author = post.author;
  if (post.authors !== undefined && post.authors.length > 0) data.authors = [...post.authors];
  if (post.labels.length > 0) data.labels = [...post.labels];
  if (post.summary !== null) data.summary = post.summary;
  if (post.image) data.image = post.image;
  if (post.pinned === true) data.pinned = true;
  if (post.status === 'draft') data.draft = true;
  if (post.kind === 'page') data.page = true;
  // An old address that is the new one too needs no redirect (and would collide with it).
  const aliases = [
    ...new Set([...(post.path === null ? [] : [post.path]), ...(post.aliases ?? [])]),
  ].filter((alias) => alias !== newUrl);
  if (aliases.length > 0) data.aliases = aliases;
  Object.assign(data, post.extra);
  data[sourceKey] = post.url === null ? { id: post.id } : { id: post.id, url: post.url };
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${markdown}`;
}

function commentsText(
  postFile: string,
  comments: readonly ImportedComment[],
  converter: BodyConverter,
  rewrites: BodyRewrites,
  zone: string | null,
  sourceName: string,
): string {
  const ordered = [...comments].sort(
    (a, b) =>
      DateTime.fromISO(a.published).toMillis() - DateTime.fromISO(b.published).toMillis() ||
      compareStrings(a.id, b.id),
  );
  const list = ordered.map((comment) => {
    const item: Record<string, unknown> = { id: comment.id };
    if (comment.author !== null) item.author = comment.author;
    if (comment.authorUrl !== null) item.authorUrl = comment.authorUrl;
    item.date = dateText(comment.published, zone);
    if (comment.replyTo !== null) item.replyTo = comment.replyTo;
    item.body = converter.toMarkdown(comment.html, rewrites);
    return item;
  });
  const header = `# Comments from ${sourceName} on ${postFile}, oldest first; shown under the post (README: Comments).\n`;
  return header + stringify(list, { lineWidth: 0 });
}
