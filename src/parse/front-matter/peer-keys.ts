/**
 * Front-matter keys that Jekyll, Hugo and Eleventy blogs carry, read into Rubric's own
 * contract: `author`/`authors` as lists of names, `image`/`cover`/`images` as the post's
 * picture, Hugo's `url:` as an exact path, and per-post `permalink:`, which is not read
 * and is said so. Rows of `keys.ts` call these; each returns plain values and pushes
 * its problems, placed at the offending key or item.
 */
import { buildError, buildWarning, type BuildError, type BuildWarning } from '../../errors.js';
import { isSlug } from '../../slug.js';
import {
  itemNode,
  itemPosition,
  mappingValuePosition,
  type LineColumn,
  type YamlEntry,
  type YamlText,
} from '../../yaml.js';

/** The post's picture as the front matter gives it, before it is resolved to a URL. */
export interface FrontMatterImage {
  /** As written: `photo.jpg`, `/images/oman.png`, `https://…`. */
  readonly src: string;
  /** From `imageAlt`, or the `alt` of an `image:`/`cover:` mapping; null means the title. */
  readonly alt: string | null;
  /** Where the path stands in the file, for the link check. */
  readonly at: { readonly line: number; readonly column: number };
}

/** Where a problem of a key goes. */
interface Sink {
  readonly file: string;
  readonly yaml: YamlText;
  readonly errors: BuildError[];
}

/**
 * Every byline name from `author` and `authors`, in that order, without repeats, and where
 * each is written (`authorsAt[i]` is where `authors[i]` is). Each may be one name, a list
 * of names, or (Eleventy, jekyll-seo-tag) a mapping with `name`.
 */
export function readAuthors(
  sink: Sink,
  author: YamlEntry | undefined,
  authors: YamlEntry | undefined,
): { authors: string[]; authorsAt: LineColumn[] } {
  const names: string[] = [];
  const places: LineColumn[] = [];
  for (const entry of [author, authors]) {
    if (!entry || entry.written === null) continue;
    // As written: `author: 007` is "007", not 7.
    const listed = Array.isArray(entry.written);
    const items: unknown[] = listed ? (entry.written as unknown[]) : [entry.written];
    items.forEach((item, index) => {
      const name = nameOf(item);
      const node = listed ? itemNode(entry.node, index) : entry.node;
      const at = listed ? itemPosition(sink.yaml, entry.node, index, entry.valueAt) : entry.valueAt;
      if (name === null) {
        sink.errors.push(
          buildError(
            'FrontMatterInvalid',
            { file: sink.file, ...at },
            `${entry.key} must be a name or a list of names; ${listed ? `item ${String(index + 1)}` : 'it'} is not.`,
            `Write it like \`${entry.key}: Ann Lambton\` or \`${entry.key}: [Ann Lambton, Omid Rahimi]\`.`,
          ),
        );
        return;
      }
      if (name !== '' && !names.some((known) => known.toLowerCase() === name.toLowerCase())) {
        names.push(name);
        places.push(mappingValuePosition(sink.yaml, node, 'name', at));
      }
    });
  }
  return { authors: names, authorsAt: places };
}

function nameOf(item: unknown): string | null {
  if (typeof item === 'string' || typeof item === 'number') return String(item).trim();
  if (typeof item === 'object' && item !== null && !Array.isArray(item) && 'name' in item) {
    const { name } = item;
    if (typeof name === 'string') return name.trim();
  }
  return null;
}

/**
 * The post's picture: `image` (a path or URL, or jekyll-seo-tag's mapping with `path`),
 * else `cover` (a path, or PaperMod's mapping with `image` and `alt`), else the first of
 * Hugo's `images` list. `imageAlt` gives the alt text.
 */
export function readImage(
  sink: Sink,
  entries: {
    readonly image: YamlEntry | undefined;
    readonly cover: YamlEntry | undefined;
    readonly images: YamlEntry | undefined;
    readonly imageAlt: YamlEntry | undefined;
  },
): FrontMatterImage | null {
  const altEntry = entries.imageAlt;
  let alt: string | null = null;
  if (altEntry && altEntry.written !== null) {
    if (typeof altEntry.written === 'string') alt = altEntry.written.trim();
    else
      pushInvalid(
        sink,
        altEntry,
        'imageAlt must be text.',
        'Write `imageAlt: "A view of Muscat"`.',
      );
  }
  for (const entry of [entries.image, entries.cover, entries.images]) {
    if (!entry || entry.value === null) continue;
    const picked = pictureOf(entry.key === 'images' ? firstItem(entry.value) : entry.value);
    if (picked === null) {
      pushInvalid(
        sink,
        entry,
        `${entry.key} must be the path or URL of an image.`,
        `Write it like \`${entry.key}: photo.jpg\` (beside the post), \`${entry.key}: /images/oman.jpg\` (in static/) or a full https:// URL.`,
      );
      return null;
    }
    if (picked.src === '') continue;
    return { src: picked.src, alt: alt ?? picked.alt, at: entry.valueAt };
  }
  return null;
}

function firstItem(value: unknown): unknown {
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

/** A path or URL, or a mapping holding one (`path`, `image`, `src` or `url`) and its `alt`. */
function pictureOf(value: unknown): { src: string; alt: string | null } | null {
  if (typeof value === 'string') return { src: value.trim(), alt: null };
  if (value === null) return { src: '', alt: null };
  if (typeof value !== 'object' || Array.isArray(value)) return null;
  const fields = value as Record<string, unknown>;
  const src = [fields.path, fields.image, fields.src, fields.url].find(
    (field) => typeof field === 'string',
  );
  if (typeof src !== 'string') return null;
  return { src: src.trim(), alt: typeof fields.alt === 'string' ? fields.alt.trim() : null };
}

function pushInvalid(sink: Sink, entry: YamlEntry, message: string, hint: string): void {
  sink.errors.push(
    buildError('FrontMatterInvalid', { file: sink.file, ...entry.valueAt }, message, hint),
  );
}

/** Extensions a post's exact `url:` may end in: static hosts serve them as HTML pages. */
const PAGE_EXTENSION = /\.html?$/;

/**
 * Hugo's `url:`, the post's exact path (`/2012/05/old-name.html`, `/notes/oman/`). Each
 * segment must be a slug, as `slug:` must; the last may end in `.html`, which keeps an
 * old address as it was. A path without an extension is a folder: `/about` is `/about/`.
 */
export function readFixedUrl(sink: Sink, entry: YamlEntry | undefined): string | null {
  if (!entry || entry.value === null) return null;
  const value = entry.value;
  const problem = typeof value === 'string' ? fixedUrlProblem(value) : 'it is not text';
  if (problem !== null) {
    sink.errors.push(
      buildError(
        'InvalidUrl',
        { file: sink.file, ...entry.valueAt },
        `url ${JSON.stringify(value)} cannot be this post's path: ${problem}.`,
        'Write it from the site root with lower-case letters, digits and hyphens between the slashes, like `url: /2012/05/old-name.html` or `url: /notes/oman/`.',
      ),
    );
    return null;
  }
  const path = (value as string).trim();
  return path.endsWith('/') || PAGE_EXTENSION.test(path) ? path : `${path}/`;
}

function fixedUrlProblem(raw: string): string | null {
  const url = raw.trim();
  if (!url.startsWith('/')) return 'it must start with /';
  const segments = url.slice(1).split('/');
  if (segments.at(-1) === '') segments.pop();
  if (segments.length === 0) return 'it is the home page';
  const last = (segments.at(-1) ?? '').replace(PAGE_EXTENSION, '');
  const named = [...segments.slice(0, -1), last];
  if (named.some((segment) => !isSlug(segment))) {
    return 'each part between slashes must be lower-case letters, digits and single hyphens (only the last may end in .html)';
  }
  return null;
}

/**
 * Jekyll's per-post `permalink:` is not read (the site's `permalink` in site.yaml, and a
 * post's `slug:` or `url:`, decide where a post goes): a warning at its line says so.
 */
export function permalinkWarning(file: string, entry: YamlEntry | undefined): BuildWarning | null {
  if (!entry) return null;
  return buildWarning(
    'PostPermalinkIgnored',
    { file, ...entry.keyAt },
    '`permalink` in a post is not read: a post goes where site.yaml `permalink` puts it.',
    'To keep this exact address, write it as `url:` (`url: /2015/03/old-name/`); or set `slug:`, or move the old address to `aliases:`.',
  );
}
