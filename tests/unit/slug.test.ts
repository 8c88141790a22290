import { describe, expect, it } from 'vitest';
import { isSlug, labelKey, slugFromFileName, slugify } from '../../src/slug.js';

/** `é` written as `e` + COMBINING ACUTE ACCENT (NFD), as some editors and file systems do. */
const SECURITE_NFD = 'Se\u0301curite\u0301';
const SECURITE_NFC = 's\u00e9curit\u00e9';

/** The shape of the slug a name without letters or digits gets. */
const HASH_SLUG = /^x-[0-9a-f]{8}$/;

describe('slugify', () => {
  it.each([
    ['foreign relations of iran', 'foreign-relations-of-iran'],
    ['Foreign Relations of Iran', 'foreign-relations-of-iran'],
    ['  nuclear   talks  ', 'nuclear-talks'],
    ['Oman', 'oman'],
    ['Sécurité', SECURITE_NFC],
    ['Россия', 'россия'],
    ['中东', '中东'],
    ['Trade & Tariffs', 'trade-tariffs'],
    ['C++', 'c'],
    ["Women's Rights", 'women-s-rights'],
    ['snake_case_name', 'snake-case-name'],
    ['2025 elections', '2025-elections'],
    ['../../x', 'x'],
    ['../../etc/passwd', 'etc-passwd'],
    ['a/b\\c', 'a-b-c'],
    ['...dots...', 'dots'],
  ])('slugify(%j) is %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('gives the NFC slug for NFD input, the same as for the NFC name', () => {
    expect(SECURITE_NFD).not.toBe('Sécurité');
    expect(slugify(SECURITE_NFD)).toBe(SECURITE_NFC);
    expect(slugify(SECURITE_NFD)).toBe(slugify('Sécurité'));
    expect(slugify(SECURITE_NFD).normalize('NFC')).toBe(slugify(SECURITE_NFD));
  });

  it.each(['+++', '🙂', '&&', '!!!', '—', '   '])(
    'gives %j a non-empty x-xxxxxxxx hash slug that is a slug itself',
    (name) => {
      const slug = slugify(name);
      expect(slug).toMatch(HASH_SLUG);
      expect(isSlug(slug)).toBe(true);
    },
  );

  it('gives a name without letters or digits the same hash slug on every call', () => {
    expect(slugify('+++')).toBe('x-29f5099b');
    expect(slugify('+++')).toBe(slugify('+++'));
    expect(slugify('🙂')).toBe('x-d06f1525');
  });

  it('gives different such names different hash slugs', () => {
    const slugs = ['+++', '🙂', '🙁', '&&', '!!!'].map(slugify);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugify('🙂')).not.toBe(slugify('🙁'));
  });

  it('is idempotent: a slug slugifies to itself', () => {
    for (const name of ['Trade & Tariffs', 'Sécurité', '中东', 'Россия', '+++', "Women's Rights"]) {
      const slug = slugify(name);
      expect(slugify(slug)).toBe(slug);
    }
  });
});

describe('isSlug', () => {
  it.each([
    ['oman-talks', true],
    ['oman', true],
    ['2025', true],
    [SECURITE_NFC, true],
    ['中东', true],
    ['россия', true],
    ['x-29f5099b', true],
    ['', false],
    ['Oman', false],
    ['oman talks', false],
    ['oman--talks', false],
    ['-oman', false],
    ['oman-', false],
    ['c++', false],
    ['a_b', false],
    ['a.b', false],
    ['a/b', false],
    ['../../x', false],
    [SECURITE_NFD.toLowerCase(), false],
  ])('isSlug(%j) is %s', (value, expected) => {
    expect(isSlug(value)).toBe(expected);
  });
});

describe('labelKey', () => {
  it.each([
    ['foreign relations of iran', 'foreign relations of iran'],
    ['Foreign Relations of Iran', 'foreign relations of iran'],
    ['FOREIGN RELATIONS OF IRAN', 'foreign relations of iran'],
    ['  Foreign  Relations\tof\nIran ', 'foreign relations of iran'],
    ['Foreign\u00a0Relations of Iran', 'foreign relations of iran'],
    [SECURITE_NFD, SECURITE_NFC],
    ['Sécurité', SECURITE_NFC],
    ['中东', '中东'],
  ])('labelKey(%j) is %j', (name, key) => {
    expect(labelKey(name)).toBe(key);
  });

  it('merges case and whitespace variants into one key', () => {
    const variants = [
      'foreign relations of iran',
      'Foreign Relations of Iran',
      'foreign  relations of iran',
      ' Foreign relations of Iran\t',
    ];
    expect(new Set(variants.map(labelKey))).toEqual(new Set(['foreign relations of iran']));
  });

  it('keeps labels apart that differ in more than case or spacing', () => {
    expect(labelKey('C++')).not.toBe(labelKey('C'));
    expect(labelKey('nuclear talks')).not.toBe(labelKey('nuclear-talks'));
    expect(labelKey('nuclear talks')).not.toBe(labelKey('nucleartalks'));
  });
});

describe('slugFromFileName', () => {
  it.each([
    ['2025-04-12-oman-talks.md', 'oman-talks'],
    ['oman-talks.md', 'oman-talks'],
    ['Oman Talks.md', 'oman-talks'],
    ['2025-04-12-Sécurité.md', SECURITE_NFC],
    ['2025-04-12-中东.md', '中东'],
    ['2025-04-12-v1.2-release.md', 'v1-2-release'],
    ['notes.markdown', 'notes'],
    // Only a leading `YYYY-MM-DD-` is dropped.
    ['2025-04-12.md', '2025-04-12'],
    ['notes-2025-04-12-oman.md', 'notes-2025-04-12-oman'],
    ['2025-04-12-2025-04-13-oman.md', '2025-04-13-oman'],
    ['25-04-12-oman.md', '25-04-12-oman'],
  ])('slugFromFileName(%j) is %j', (fileName, slug) => {
    expect(slugFromFileName(fileName)).toBe(slug);
  });

  it('gives a file name without letters or digits a hash slug', () => {
    expect(slugFromFileName('2025-04-12-+++.md')).toBe(slugify('+++'));
    expect(slugFromFileName('2025-04-12-+++.md')).toMatch(HASH_SLUG);
  });
});
