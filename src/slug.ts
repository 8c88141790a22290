/**
 * Slugs: the one place where a label name or a post's file name becomes a URL segment.
 *
 * The rule (docs/architecture.md, "Where each rule lives"): lower case; every run of
 * characters that are not letters or digits becomes one `-`; Unicode letters are kept as
 * written (after NFC), so `Sécurité` is `sécurité` and `中东` stays `中东`; the result is
 * never empty. A library slugger was not used because the common ones transliterate
 * (`Россия` → `rossiya`) or keep `_`, and this rule is the contract the URLs of every
 * label page depend on.
 *
 * A slug names a folder, and file systems take names of at most 255 bytes: a slug longer
 * than {@link MAX_SLUG_BYTES} bytes of UTF-8 is cut at a character boundary and given a
 * short hash of the whole slug, so two long names that start alike stay apart.
 */
import { createHash } from 'node:crypto';

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{M}\p{N}]+/gu;

/** The longest slug, in bytes of UTF-8: well under the 255 of ext4, APFS and NTFS. */
export const MAX_SLUG_BYTES = 200;

/** `-` and 8 hex digits: what a cut slug ends with. */
const SUFFIX_BYTES = 9;

/**
 * The slug of a name. A name with no letters or digits at all (`+++`, `🙂`) gets
 * `x-` and the first 8 hex digits of its SHA-256, so it is stable and never empty.
 * A slug over {@link MAX_SLUG_BYTES} bytes is cut to fit (see {@link fitSlug}).
 */
export function slugify(name: string): string {
  const slug = fullSlug(name);
  if (slug !== '') return fitSlug(slug);
  return `x-${shortHash(name.normalize('NFC'))}`;
}

/** The slug of a name before any cut; may be empty. */
function fullSlug(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(NOT_LETTER_OR_DIGIT, '-')
    .replace(/^-+|-+$/g, '');
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/** True when a slug is longer than a file name may safely be. */
export function isTooLong(slug: string): boolean {
  return Buffer.byteLength(slug, 'utf8') > MAX_SLUG_BYTES;
}

/**
 * A slug that fits: unchanged when it is at most {@link MAX_SLUG_BYTES} bytes, else its
 * longest start that leaves room for `-` and 8 hex digits of the SHA-256 of the whole
 * slug. The cut falls between characters as a reader sees them (grapheme clusters), so
 * no code point (and no letter with its accents) is split and its percent escape in a
 * URL stays whole; a trailing `-` of the cut is dropped. Because the hash is of the slug,
 * not of the name, every spelling of one label gets the same cut slug.
 */
export function fitSlug(slug: string): string {
  if (!isTooLong(slug)) return slug;
  const room = MAX_SLUG_BYTES - SUFFIX_BYTES;
  let cut = '';
  let used = 0;
  for (const piece of characters(slug)) {
    const bytes = Buffer.byteLength(piece, 'utf8');
    if (used + bytes > room) {
      // One cluster longer than the room (a letter under hundreds of marks): its code points.
      if (cut === '') cut = codePointsWithin(piece, room);
      break;
    }
    cut += piece;
    used += bytes;
  }
  return `${cut.replace(/-+$/, '')}-${shortHash(slug)}`;
}

/** A string's grapheme clusters, in order. */
function characters(text: string): Iterable<string> {
  const segments = new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(text);
  return Array.from(segments, (s) => s.segment);
}

/** The longest start of `text` of whole code points within `room` bytes. */
function codePointsWithin(text: string, room: number): string {
  let cut = '';
  for (const point of text) {
    if (Buffer.byteLength(cut + point, 'utf8') > room) break;
    cut += point;
  }
  return cut;
}

/** True when `slugify` would cut the slug of this name. */
export function slugIsCut(name: string): boolean {
  return isTooLong(fullSlug(name));
}

/**
 * True when a string has the shape of a slug (what `slug:` must be), whatever its
 * length: a long one is cut with {@link fitSlug}.
 */
export function hasSlugShape(value: string): boolean {
  return value !== '' && fullSlug(value) === value;
}

/** True when a string is already a slug of a length that fits (what `labelSlugs` must be). */
export function isSlug(value: string): boolean {
  return hasSlugShape(value) && !isTooLong(value);
}

/**
 * The identity of a label: names that differ only in case or spacing are one label
 * (`Foreign Relations  of Iran` and `foreign relations of iran`).
 */
export function labelKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** A post's slug from its file name: the stem, with a leading `YYYY-MM-DD-` dropped. */
export function slugFromFileName(fileName: string): string {
  return slugFromStem(fileName.replace(/\.[^.]*$/, ''));
}

/** A post's slug from a name without extension (a bundle's folder): `2024-05-01-oman` → `oman`. */
export function slugFromStem(stem: string): string {
  return slugify(stem.replace(/^\d{4}-\d{2}-\d{2}-/, ''));
}

/**
 * A page bundle's text: `posts/2024-05-01-oman/index.md`, whose folder names the post (as
 * a file stem does) and holds its images and files (Hugo's leaf bundles). `posts/index.md`
 * is an ordinary post.
 */
export function isBundle(source: string): boolean {
  const parts = source.split('/');
  return parts.length > 2 && /^index\.(md|markdown)$/.test(parts.at(-1) ?? '');
}
