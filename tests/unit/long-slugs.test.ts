/**
 * Slugs too long for a file name: cut at a character boundary, under the limit, with a
 * short hash of the whole slug, the same for every spelling of one label.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  MAX_SLUG_BYTES,
  fitSlug,
  hasSlugShape,
  isSlug,
  labelKey,
  slugIsCut,
  slugify,
} from '../../src/slug.js';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const hash8 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8);

describe('long slugs', () => {
  it('leaves a slug of exactly the limit alone', () => {
    const slug = 'a'.repeat(MAX_SLUG_BYTES);
    expect(slugify(slug)).toBe(slug);
    expect(slugIsCut(slug)).toBe(false);
  });

  it('cuts a 5,000-letter label to the limit with the hash of the whole slug', () => {
    const slug = 'a'.repeat(5000);
    const cut = slugify('A'.repeat(5000));
    expect(cut).toBe(`${'a'.repeat(MAX_SLUG_BYTES - 9)}-${hash8(slug)}`);
    expect(bytes(cut)).toBe(MAX_SLUG_BYTES);
    expect(slugIsCut('A'.repeat(5000))).toBe(true);
    expect(isSlug(cut)).toBe(true);
  });

  it('cuts between characters of two, three and four bytes, never inside one', () => {
    // 191 bytes of room before `-` and the hash: 95 × 2, 63 × 3, 47 × 4 bytes.
    for (const [letter, fits] of [
      ['é', 95],
      ['中', 63],
      ['𝒜', 47],
    ] as const) {
      const cut = slugify(letter.repeat(300));
      expect(bytes(cut)).toBeLessThanOrEqual(MAX_SLUG_BYTES);
      const [head, hash] = [cut.slice(0, -9), cut.slice(-8)];
      expect(head).toBe(letter.repeat(fits));
      expect(hash).toMatch(/^[0-9a-f]{8}$/);
      // The cut's URL escapes decode back: no half of a character's bytes was kept.
      expect(decodeURIComponent(encodeURIComponent(cut))).toBe(cut);
      expect(cut.includes('\ufffd')).toBe(false);
    }
  });

  it('keeps a letter with its accent together at the cut', () => {
    // 95 × "ab" is 190 bytes; then "é" written as e + U+0301 (3 bytes) would overflow 191.
    const name = `${'ab'.repeat(95)}e\u0301${'x'.repeat(100)}`.normalize('NFD');
    const cut = fitSlug(name);
    expect(cut.slice(0, -9)).toBe('ab'.repeat(95));
  });

  it('cuts a letter under hundreds of marks at a code point', () => {
    const cut = fitSlug(`a${'\u0301'.repeat(500)}`);
    expect(bytes(cut)).toBeLessThanOrEqual(MAX_SLUG_BYTES);
    expect(cut.startsWith('a\u0301')).toBe(true);
  });

  it('drops a hyphen left at the end of the cut', () => {
    // The room before the hash is 191 bytes: 190 letters and the hyphen between the words.
    const whole = `${'a'.repeat(190)}-${'b'.repeat(100)}`;
    expect(slugify(`${'a'.repeat(190)} ${'b'.repeat(100)}`)).toBe(
      `${'a'.repeat(190)}-${hash8(whole)}`,
    );
  });

  it('gives two long labels that start alike two slugs', () => {
    const start = 'x'.repeat(300);
    expect(slugify(`${start} one`)).not.toBe(slugify(`${start} two`));
  });

  it('gives every spelling of a label the slug of its key', () => {
    const name = `Foreign   Relations ${'of Iran '.repeat(40)}`;
    expect(slugify(name)).toBe(slugify(labelKey(name)));
    expect(slugify(name.toUpperCase())).toBe(slugify(name));
  });

  it('takes a long `slug:` as shaped but not as fitting', () => {
    const long = 'a-'.repeat(150) + 'z';
    expect(hasSlugShape(long)).toBe(true);
    expect(isSlug(long)).toBe(false);
    expect(isSlug(fitSlug(long))).toBe(true);
    expect(hasSlugShape(`${long}/x`)).toBe(false);
  });
});
