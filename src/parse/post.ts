/**
 * The parse stage: one source file → one {@link Post}. Per file and independent of every
 * other post, so it can be cached by content and run in parallel.
 */
import path from 'node:path';
import { buildWarning, type BuildError, type BuildWarning } from '../errors.js';
import { isBundle, slugFromFileName, slugFromStem } from '../slug.js';
import type { SourceFile } from '../load/load.js';
import { readFrontMatter, type FrontMatterFields, type FrontMatterImage } from './front-matter.js';
import { idPrefixOf } from './ids.js';
import type { BodyLink } from './links.js';
import type { Heading, MarkdownRenderer } from './markdown.js';
import { templateFragmentWarning } from './template-fragment-warning.js';

/**
 * A post, parsed: plain data, so it can be cached or sent between threads. The front
 * matter's fields as they are, and what the body and the file name give.
 */
export interface Post extends FrontMatterFields {
  /** The source file, site-relative: `posts/2025-04-12-oman.md`. Unique; the post's key. */
  readonly source: string;
  /** From `slug:`, else the file (or bundle folder) name. */
  readonly slug: string;
  /**
   * Plain text for lists, feeds and meta descriptions: `summary` from the front matter,
   * else the body before the jump break, else its first paragraph; may be empty.
   */
  readonly summary: string;
  /** The post's picture (front matter `image`, `cover` or `images`), as written. */
  readonly image: { readonly src: string; readonly alt: string | null } | null;
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
  const bodyWarnings = rendered.warnings.map(({ name, line, column, message, hint }) =>
    buildWarning(name, { file: file.path, line: bodyLine - 1 + line, column }, message, hint),
  );
  // The front matter's fields as they are, but for those the body or the file complete.
  const { summary, image, toc, ...fields } = frontMatter;
  const post: Post = {
    source: file.path,
    ...fields,
    slug,
    summary: summary ?? rendered.summary,
    image: image && { src: image.src, alt: image.alt },
    html: rendered.html,
    excerptHtml: rendered.excerptHtml,
    hasMore: rendered.hasMore,
    wordCount: rendered.wordCount,
    toc: toc ? rendered.headings : null,
    links: [
      // The front matter's picture is a link of the page too; the check skips remote ones.
      ...(image ? [imageLink(image, bundle)] : []),
      ...rendered.links.map((link) => ({ ...link, line: bodyLine - 1 + link.line })),
    ],
    ids: rendered.ids,
  };
  const fragments = rendered.templateFragments;
  const fragmentWarnings = fragments
    ? [templateFragmentWarning(file.path, bodyLine, fragments)]
    : [];
  return {
    post,
    errors,
    warnings: [...warnings, ...languageWarnings, ...fragmentWarnings, ...bodyWarnings],
  };
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
