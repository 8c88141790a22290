/**
 * The parse stage: one source file → one {@link Post}. Per file and independent of every
 * other post, so it can be cached by content and run in parallel.
 */
import path from 'node:path';
import type { BuildError, BuildWarning } from '../errors.js';
import { slugFromFileName } from '../slug.js';
import type { SourceFile } from '../load/load.js';
import { readFrontMatter } from './front-matter.js';
import type { MarkdownRenderer } from './markdown.js';

/** A post, parsed: plain data, so it can be cached or sent between threads. */
export interface Post {
  /** The source file, site-relative: `posts/2025-04-12-oman.md`. Unique; the post's key. */
  readonly source: string;
  readonly slug: string;
  /** Where `slug:` stands in the file, or null when the slug comes from the file name. */
  readonly slugAt: { readonly line: number; readonly column: number } | null;
  readonly title: string;
  /** Epoch milliseconds. */
  readonly date: number;
  /** False when the post gave a day alone: templates show no time of day. */
  readonly dateHasTime: boolean;
  readonly updated: number | null;
  /** Label names as the author wrote them. */
  readonly labels: readonly string[];
  /** The post's own byline; null means the site's author. */
  readonly author: string | null;
  readonly summary: string | null;
  readonly draft: boolean;
  /** A page of the site rather than a post (front matter `page: true`). */
  readonly page: boolean;
  /** Old site paths that redirect to this post (front matter `aliases`). */
  readonly aliases: readonly string[];
  /** Front-matter keys the contract does not know, for templates. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly html: string;
  /** The body up to the jump break, or null when there is none. */
  readonly excerptHtml: string | null;
}

/** A post, or why it could not be read. */
export interface ParsedPost {
  readonly post: Post | null;
  readonly errors: readonly BuildError[];
  readonly warnings: readonly BuildWarning[];
}

/** Parses one post. `zone` is the site's time zone, for dates without an offset. */
export function parsePost(
  file: SourceFile,
  zone: string,
  renderMarkdown: MarkdownRenderer,
): ParsedPost {
  const { frontMatter, body, errors, warnings } = readFrontMatter(file, zone);
  if (!frontMatter) return { post: null, errors, warnings };
  const { html, excerptHtml } = renderMarkdown(body);
  const post: Post = {
    source: file.path,
    slug: frontMatter.slug ?? slugFromFileName(path.posix.basename(file.path)),
    slugAt: frontMatter.slugAt,
    title: frontMatter.title,
    date: frontMatter.date,
    dateHasTime: frontMatter.dateHasTime,
    updated: frontMatter.updated,
    labels: frontMatter.labels,
    author: frontMatter.author,
    summary: frontMatter.summary,
    draft: frontMatter.draft,
    page: frontMatter.page,
    aliases: frontMatter.aliases,
    data: frontMatter.data,
    html,
    excerptHtml,
  };
  return { post, errors, warnings };
}
