/**
 * What Jekyll and Hugo posts have in common on the way in: front matter keys mapped to
 * Rubric's, old URLs made from a permalink pattern, and the local files a body refers to.
 * Pure.
 */
import type { ImportedPost } from '../source.js';
import { isoDate, stringList, textOf } from './front-matter.js';

/**
 * Front matter → the parts of an imported post both sources share: all but `draft` go
 * into the post as they are.
 */
export function commonFields(data: Readonly<Record<string, unknown>>): {
  labels: string[];
  authors: string[];
  summary: string | null;
  image: string | null;
  updated: string | null;
  draft: boolean;
  pinned: boolean;
  extra: Record<string, unknown>;
} {
  const labels = [
    ...stringList(data.categories ?? data.category, true),
    ...stringList(data.tags ?? data.tag, true),
  ];
  const images: unknown = data.images;
  const image: unknown =
    data.image ?? data.cover ?? (Array.isArray(images) ? (images as unknown[])[0] : undefined);
  const imagePath =
    typeof image === 'object' && image !== null
      ? textOf((image as Record<string, unknown>).path ?? (image as Record<string, unknown>).image)
      : textOf(image);
  const extra: Record<string, unknown> = {};
  if (data.toc === true) extra.toc = true;
  return {
    labels: [...new Set(labels)],
    authors: stringList(data.authors ?? data.author),
    summary: textOf(data.summary) ?? textOf(data.description) ?? textOf(data.excerpt),
    image: imagePath,
    updated: isoDate(data.last_modified_at ?? data.lastmod ?? data.updated),
    draft: data.published === false || data.draft === true,
    pinned: data.pinned === true || data.sticky === true,
    extra,
  };
}

/** A post from a Markdown source: the fields BloggerPost requires, filled. */
export function markdownPost(
  fields: Pick<ImportedPost, 'id' | 'title' | 'published' | 'kind'> &
    Partial<ImportedPost> & { readonly markdown: string },
): ImportedPost {
  return {
    line: 1,
    html: '',
    updated: null,
    author: null,
    labels: [],
    summary: null,
    status: 'live',
    path: null,
    url: null,
    ...fields,
  };
}

/**
 * The note for a piece of the source tool's syntax (a shortcode, a Liquid tag) left in a
 * body as written, at its line of the source file.
 */
export function keptAsWritten(
  file: string,
  bodyLine: number,
  kept: { readonly text: string; readonly line: number },
  why: string,
): string {
  return `${file}:${String(bodyLine + kept.line - 1)}: kept ${kept.text} as written: ${why}`;
}

/** A site path, always with one leading `/`, decoded. */
export function sitePath(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // Kept as written.
  }
  return `/${decoded.replace(/^\/+/, '')}`.replace(/\/{2,}/g, '/');
}

/**
 * Root-relative links and images of a Markdown body that point at files (an extension
 * that is not a page's): `![x](/assets/a.png)`, `src="/files/b.pdf"`.
 */
export function localFileRefs(markdown: string): string[] {
  const refs = new Set<string>();
  const pattern = /\]\(\s*<?(\/[^)\s>]+)>?|\b(?:src|href)=["'](\/[^"']+)["']/g;
  for (const match of markdown.matchAll(pattern)) {
    const ref = (match[1] ?? match[2] ?? '').split(/[?#]/)[0] ?? '';
    if (
      /\.[a-z0-9]{1,5}$/i.test(ref) &&
      !/\.(?:html?|md|markdown)$/i.test(ref) &&
      !ref.startsWith('//')
    ) {
      refs.add(ref);
    }
  }
  return [...refs];
}

/** Relative images and links of a body (`photo.jpg`, `./a/b.png`): a page bundle's files. */
export function relativeFileRefs(markdown: string): string[] {
  const refs = new Set<string>();
  const pattern =
    /\]\(\s*<?((?:\.\/)?[^)\s>:/#?][^)\s>:#?]*)>?|\bsrc=["']((?:\.\/)?[^"':/#?][^"':#?]*)["']/g;
  for (const match of markdown.matchAll(pattern)) {
    const ref = (match[1] ?? match[2] ?? '').replace(/^\.\//, '');
    if (
      /\.[a-z0-9]{1,5}$/i.test(ref) &&
      !/\.(?:html?|md|markdown)$/i.test(ref) &&
      !ref.includes('..')
    ) {
      refs.add(ref);
    }
  }
  return [...refs];
}
