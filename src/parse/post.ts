/**
 * The parse stage: one source file → one {@link Post}. Per file and independent of every
 * other post, so it can be cached by content and run in parallel.
 */
import path from 'node:path';
import { buildWarning, type BuildError, type BuildWarning } from '../errors.js';
import { isBundle, slugFromFileName, slugFromStem } from '../slug.js';
import type { SourceFile } from '../load/load.js';
import { readFrontMatter } from './front-matter.js';
import { idPrefixOf } from './ids.js';
import type { BodyLink } from './links.js';
import type { FrontMatterImage } from './peer-keys.js';
import type { Heading, MarkdownRenderer } from './markdown.js';
import { templateFragmentWarning } from './template-fragment-warning.js';

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
  /** The post's own byline names, in order; empty means the site's author. */
  readonly authors: readonly string[];
  /**
   * Plain text for lists, feeds and meta descriptions: `summary` from the front matter,
   * else the body before the jump break, else its first paragraph; may be empty.
   */
  readonly summary: string;
  /** The post's picture (front matter `image`, `cover` or `images`), as written. */
  readonly image: { readonly src: string; readonly alt: string | null } | null;
  /** The post's exact path from front matter `url:` (`/2012/05/old.html`), or null. */
  readonly fixedUrl: string | null;
  readonly fixedUrlAt: { readonly line: number; readonly column: number } | null;
  readonly draft: boolean;
  /** A page of the site rather than a post (front matter `page: true`). */
  readonly page: boolean;
  /** Old site paths that redirect to this post (front matter `aliases`). */
  readonly aliases: readonly string[];
  /** The template that renders the post instead of `post` (front matter `layout`). */
  readonly layout: string | null;
  readonly layoutAt: { readonly line: number; readonly column: number } | null;
  /** Front-matter keys the contract does not know, for templates. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly html: string;
  /** The body as lists show it: up to the jump break, or whole; headings without ids. */
  readonly excerptHtml: string;
  /** True when the body has a jump break, so lists show "Read more". */
  readonly hasMore: boolean;
  readonly wordCount: number;
  /** The `##` and `###` headings when the post asked for a table of contents (`toc: true`). */
  readonly toc: readonly Heading[] | null;
  /** Links and images of the body that may lead into the site; lines are the file's. */
  readonly links: readonly BodyLink[];
  /** The ids the post's page body defines, for `#fragment` links to it. */
  readonly ids: readonly string[];
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
  const { frontMatter, body, bodyLine, errors, warnings } = readFrontMatter(file, zone);
  if (!frontMatter) return { post: null, errors, warnings };
  const bundle = isBundle(file.path);
  const slug =
    frontMatter.slug ??
    (bundle
      ? slugFromStem(path.posix.basename(path.posix.dirname(file.path)))
      : slugFromFileName(path.posix.basename(file.path)));
  const rendered = renderMarkdown(body, { bundle, idPrefix: idPrefixOf(slug) });
  // Positions in the body are counted from its first line; the file's lines come first.
  const languageWarnings = rendered.unknownLanguages.map(({ language, line, column }) =>
    buildWarning(
      'UnknownCodeLanguage',
      { file: file.path, line: bodyLine - 1 + line, column },
      `This code block's language \`${language}\` is not one Rubric can highlight, so it is shown plain.`,
      'Check the spelling after the ``` (`js`, `ts`, `python`, `bash`, `yaml`…), or write `text` for plain text.',
    ),
  );
  const post: Post = {
    source: file.path,
    slug,
    slugAt: frontMatter.slugAt,
    title: frontMatter.title,
    date: frontMatter.date,
    dateHasTime: frontMatter.dateHasTime,
    updated: frontMatter.updated,
    labels: frontMatter.labels,
    authors: frontMatter.authors,
    summary: frontMatter.summary ?? rendered.summary,
    image: frontMatter.image && { src: frontMatter.image.src, alt: frontMatter.image.alt },
    fixedUrl: frontMatter.fixedUrl,
    fixedUrlAt: frontMatter.fixedUrlAt,
    draft: frontMatter.draft,
    page: frontMatter.page,
    aliases: frontMatter.aliases,
    layout: frontMatter.layout,
    layoutAt: frontMatter.layoutAt,
    data: frontMatter.data,
    html: rendered.html,
    excerptHtml: rendered.excerptHtml,
    hasMore: rendered.hasMore,
    wordCount: rendered.wordCount,
    toc: frontMatter.toc ? rendered.headings : null,
    links: [
      // The front matter's picture is a link of the page too; the check skips remote ones.
      ...(frontMatter.image ? [imageLink(frontMatter.image, bundle)] : []),
      ...rendered.links.map((link) => ({ ...link, line: bodyLine - 1 + link.line })),
    ],
    ids: rendered.ids,
  };
  const fragments = rendered.templateFragments;
  const fragmentWarnings = fragments
    ? [templateFragmentWarning(file.path, bodyLine, fragments)]
    : [];
  return { post, errors, warnings: [...warnings, ...languageWarnings, ...fragmentWarnings] };
}

/**
 * The front matter's picture as a link to check. As the route stage reads it: a relative
 * path in a bundle is a file beside the post; any other local path is a site path.
 */
function imageLink(image: FrontMatterImage, bundle: boolean): BodyLink {
  const { src, at } = image;
  if (/^([a-z][a-z\d+.-]*:|\/\/)/i.test(src) || (bundle && !src.startsWith('/'))) {
    return { url: src, ...at };
  }
  return { url: src, ...at, sitePath: true };
}
