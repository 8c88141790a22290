/**
 * Slugs: the one place where a label name or a post's file name becomes a URL segment.
 *
 * The rule (DESIGN.md): lower case; every run of characters that are not letters or
 * digits becomes one `-`; Unicode letters are kept as written (after NFC), so `Sécurité`
 * is `sécurité` and `中东` stays `中东`; the result is never empty. A library slugger was
 * not used because the common ones transliterate (`Россия` → `rossiya`) or keep `_`,
 * and this rule is the contract the URLs of every label page depend on.
 */
import { createHash } from 'node:crypto';

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{M}\p{N}]+/gu;

/**
 * The slug of a name. A name with no letters or digits at all (`+++`, `🙂`) gets
 * `x-` and the first 8 hex digits of its SHA-256, so it is stable and never empty.
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFC')
    .toLowerCase()
    .replace(NOT_LETTER_OR_DIGIT, '-')
    .replace(/^-+|-+$/g, '');
  if (slug !== '') return slug;
  return `x-${createHash('sha256').update(name.normalize('NFC')).digest('hex').slice(0, 8)}`;
}

/** True when a string is already a slug (what `slug:` and `labelSlugs` must be). */
export function isSlug(value: string): boolean {
  return value !== '' && slugify(value) === value;
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
