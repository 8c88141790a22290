/**
 * A post as every template sees it, on its page, in a list or in a feed: dates
 * formatted, the byline joined, the picture and body links finished. Pure.
 */
import type { DateFormatter, DisplayDate } from '../dates.js';
import type { BundleFile } from '../load/load.js';
import type { Site } from '../model/site.js';
import type { Heading } from '../parse/markdown.js';
import type { Post } from '../parse/post.js';
import { fillPhrase } from '../words.js';
import { finishBody, folderHref, type SizeLookup } from './assets.js';
import { absoluteHref, hrefOf } from '../urls.js';
import type { AuthorRef, LabelRef } from './view-parts.js';

/** Words per minute for reading time: a common estimate for reading on screen. */
const WORDS_PER_MINUTE = 200;

/** A post as every template sees it, on its page or in a list. */
export interface PostView {
  readonly title: string;
  readonly url: string;
  readonly date: DisplayDate;
  readonly updated: DisplayDate | null;
  /** Every byline name in the site's language: `Ann Lambton and Omid Rahimi`; may be empty. */
  readonly author: string;
  /**
   * The byline names one by one (front matter `author`/`authors`, else the site's
   * `author`), as site.yaml's `authors:` names them.
   */
  readonly authors: readonly string[];
  /** The same as links to their author pages (`url` null when the blog has none). */
  readonly authorLinks: readonly AuthorRef[];
  /**
   * The byline in pieces, for a byline of links: each name, its link, and the text after
   * it (`, `, ` and `) as the site's language joins a list; together they read `author`.
   */
  readonly byline: readonly BylineName[];
  /** The post's picture (front matter `image`, `cover` or `images`), or null. */
  readonly image: PostImageView | null;
  /** Plain text: front-matter `summary`, else the part before the jump break, else the first paragraph. */
  readonly summary: string;
  /** Names and links, no counts: a post's page must not change when another post joins. */
  readonly labels: readonly LabelRef[];
  readonly wordCount: number;
  /** Minutes to read, at least 1, and the same in words: `3 min read`. */
  readonly readingMinutes: number;
  readonly readingTime: string;
  /** The table of contents when the post has `toc: true` and headings; null otherwise. */
  readonly toc: readonly TocItem[] | null;
  /** The whole body, rendered. */
  readonly html: string;
  /** The body up to the jump break; the whole body when there is none. */
  readonly excerptHtml: string;
  /** True when the post has a jump break, so lists show "Read more". */
  readonly hasMore: boolean;
  /** Front-matter keys Rubric does not read, as written (`data.editor`). */
  readonly data: Readonly<Record<string, unknown>>;
}

/** One name of a byline: see {@link PostView.byline}. */
export interface BylineName extends AuthorRef {
  readonly after: string;
}

/** A post's picture, ready for `<img>` and for `og:image`. */
export interface PostImageView {
  /** The link to it (under `baseUrl`'s path), or the full URL the front matter gave. */
  readonly url: string;
  /**
   * The same with the site's scheme and host, for Open Graph and JSON-LD; null when
   * `baseUrl` has no host and the image is the site's own.
   */
  readonly absoluteUrl: string | null;
  /** `imageAlt` (or the `alt` of an `image:`/`cover:` mapping), else the post's title. */
  readonly alt: string;
  /** Read from a local file; null for a remote image or a file that could not be read. */
  readonly width: number | null;
  readonly height: number | null;
}

/** An entry of a post's table of contents. */
export interface TocItem {
  readonly text: string;
  /** `#id`, a link within the post's page. */
  readonly url: string;
  /** The `###` headings under a `##`. */
  readonly children: readonly TocItem[];
}

/** What a post's view needs to know about the site's files. */
export interface PostFiles {
  readonly sizeOf: SizeLookup;
  /** The names of the files in each bundle, by the bundle's post. */
  readonly bundleNames: ReadonlyMap<string, ReadonlySet<string>>;
  readonly origin: string | null;
}

/** The view of `post`, whose page is at the link `url`. */
export function postView(
  post: Post,
  url: string,
  refs: { readonly labels: readonly LabelRef[]; readonly authors: readonly AuthorRef[] },
  site: Site,
  formatDate: DateFormatter,
  files: PostFiles,
): PostView {
  const { config } = site;
  const readingMinutes = Math.max(1, Math.round(post.wordCount / WORDS_PER_MINUTE));
  const toc = post.toc === null ? [] : tocOf(post.toc);
  const folder = folderHref(url);
  const authors = refs.authors.map((author) => author.name);
  const image = postImage(post, {
    folder,
    basePath: config.basePath,
    origin: files.origin,
    bundleNames: files.bundleNames.get(post.source) ?? new Set(),
    sizeOf: files.sizeOf,
  });
  return {
    title: post.title,
    url,
    date: formatDate(post.date, post.dateHasTime),
    updated: post.updated === null ? null : formatDate(post.updated, false),
    author: authors.length > 1 ? listFormat(config.language).format(authors) : (authors[0] ?? ''),
    authors,
    authorLinks: refs.authors,
    byline: bylineOf(refs.authors, config.language),
    image,
    summary: post.summary,
    labels: refs.labels,
    wordCount: post.wordCount,
    readingMinutes,
    readingTime: fillPhrase(site.config.words.readingTime, { n: readingMinutes }),
    toc: toc.length > 0 ? toc : null,
    html: finishBody(post.html, folder, files.sizeOf),
    excerptHtml: finishBody(post.excerptHtml, folder, files.sizeOf),
    hasMore: post.hasMore,
    data: post.data,
  };
}

/** The names of the files in each bundle, by the bundle's post. */
export function bundleNamesOf(bundleFiles: readonly BundleFile[]): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  for (const file of bundleFiles) {
    const known = names.get(file.post);
    if (known) known.add(file.name);
    else names.set(file.post, new Set([file.name]));
  }
  return names;
}

/**
 * A post's picture as pages show it. `/images/x.png` is a site path (under `baseUrl`'s
 * path); a relative path is a file of the post's bundle when it has one, else a site
 * path too (as Jekyll and Hugo read front-matter images); a full URL stays as written.
 */
function postImage(
  post: Post,
  facts: {
    readonly folder: string;
    readonly basePath: string;
    readonly origin: string | null;
    readonly bundleNames: ReadonlySet<string>;
    readonly sizeOf: SizeLookup;
  },
): PostImageView | null {
  const image = post.image;
  if (image === null) return null;
  const alt = image.alt ?? post.title;
  if (/^([a-z][a-z\d+.-]*:|\/\/)/i.test(image.src)) {
    const url = image.src.startsWith('//') ? `https:${image.src}` : image.src;
    return { url, absoluteUrl: url, alt, width: null, height: null };
  }
  const relative = image.src.replace(/^\.\//, '');
  const url = facts.bundleNames.has(relative)
    ? `${facts.folder}${encodeURI(relative)}`
    : hrefOf(image.src, facts.basePath);
  const size = facts.sizeOf(url);
  return {
    url,
    absoluteUrl: facts.origin === null ? null : absoluteHref(url, facts.origin),
    alt,
    width: size?.width ?? null,
    height: size?.height ?? null,
  };
}

const listFormats = new Map<string, Intl.ListFormat>();

/** `Ann, Omid and Sara` as the site's language joins names; one formatter per language. */
function listFormat(language: string): Intl.ListFormat {
  let format = listFormats.get(language);
  if (!format) {
    format = new Intl.ListFormat(language, { type: 'conjunction' });
    listFormats.set(language, format);
  }
  return format;
}

/** The byline's names with the words between them, as {@link listFormat} joins them. */
function bylineOf(authors: readonly AuthorRef[], language: string): BylineName[] {
  if (authors.length < 2) return authors.map((author) => ({ ...author, after: '' }));
  const parts = listFormat(language).formatToParts(authors.map((author) => author.name));
  const byline: { name: string; url: string | null; after: string }[] = [];
  for (const part of parts) {
    const last = byline.at(-1);
    if (part.type === 'literal' && last) last.after += part.value;
    else if (part.type === 'element') {
      const author = authors[byline.length];
      byline.push({ name: part.value, url: author?.url ?? null, after: '' });
    }
  }
  return byline;
}

/** Nests `###` headings under the `##` before them; a `###` before any `##` stands alone. */
function tocOf(headings: readonly Heading[]): TocItem[] {
  const items: { text: string; url: string; children: TocItem[] }[] = [];
  for (const heading of headings) {
    const item = { text: heading.text, url: `#${heading.id}`, children: [] };
    const parent = items.at(-1);
    if (heading.depth === 3 && parent) parent.children.push(item);
    else items.push(item);
  }
  return items;
}
