/**
 * Labels and slugs too long for a file name (a 5,000-character label failed the build
 * with a bare ENAMETOOLONG): the build succeeds, the label's page is at a cut slug with
 * a hash, the full name is still shown, and a warning stands at the label's line.
 */
import { describe, expect, it } from 'vitest';
import { MAX_SLUG_BYTES, slugify } from '../../src/slug.js';
import { buildSite, post } from '../support/site.js';

const LONG_LABEL = `Notes on ${'the Strait of Hormuz and its shipping lanes '.repeat(120)}`.trim();
const LONG_SLUG = `${'gulf-shipping-'.repeat(40)}notes`;

/** Every path segment of the output, so none can be longer than a file name may be. */
function longestSegment(files: readonly string[]): number {
  return Math.max(...files.flatMap((f) => f.split('/')).map((s) => Buffer.byteLength(s, 'utf8')));
}

describe('labels and slugs too long for a file name', () => {
  it('builds a 5,000-character label at a cut slug, warning at its line and column', async () => {
    expect(LONG_LABEL.length).toBeGreaterThan(5000);
    const built = await buildSite({
      'posts/2025-03-01-hormuz.md': post({
        title: 'Hormuz',
        date: '2025-03-01',
        labels: `\n  - Oman\n  - ${LONG_LABEL}`,
      }),
    });
    expect(built.result.errors).toEqual([]);
    expect(built.result.ok).toBe(true);
    const slug = slugify(LONG_LABEL);
    expect(Buffer.byteLength(slug, 'utf8')).toBeLessThanOrEqual(MAX_SLUG_BYTES);
    expect(slug).toMatch(/^notes-on-the-strait-of-hormuz-.*-[0-9a-f]{8}$/);
    const page = await built.page(`/labels/${slug}/`);
    expect(page('.label-name').text()).toBe(LONG_LABEL);
    const postPage = await built.page('/2025/03/hormuz/');
    const hrefs = postPage('a[href^="/labels/"]')
      .map((_, a) => postPage(a).attr('href'))
      .get();
    expect(hrefs).toContain(`/labels/${encodeURIComponent(slug)}/`);
    expect(longestSegment(await built.files())).toBeLessThanOrEqual(MAX_SLUG_BYTES + 10);
    const warnings = built.result.warnings.filter((w) => w.name === 'LongSlug');
    expect(warnings.map((w) => [w.file, w.line, w.column])).toEqual([
      ['posts/2025-03-01-hormuz.md', 6, 5],
    ]);
    expect(warnings[0]?.message).toContain(`/labels/${slug}/`);
  });

  it('cuts a long label in a comma list the same way, at the name in the list', async () => {
    const built = await buildSite({
      'posts/a.md': post({ title: 'A', date: '2025-03-01', labels: `Oman, ${LONG_LABEL}` }),
      'posts/b.md': post({ title: 'B', date: '2025-03-02', tags: `[${LONG_LABEL.toUpperCase()}]` }),
    });
    expect(built.result.errors).toEqual([]);
    // Both spellings are one label, at one cut slug.
    expect(await built.exists(`/labels/${slugify(LONG_LABEL)}/`)).toBe(true);
    const label = await built.page(`/labels/${slugify(LONG_LABEL)}/`);
    expect(label('.post-list a, article a').length).toBeGreaterThan(0);
    const warnings = built.result.warnings.filter((w) => w.name === 'LongSlug');
    expect(warnings.map((w) => [w.file, w.line, w.column])).toEqual([
      // `labels: Oman, Notes…`: the long name starts at column 15.
      ['posts/a.md', 4, 15],
      ['posts/b.md', 4, 8],
    ]);
  });

  it('cuts an explicit `slug:` longer than the limit, warning at it', async () => {
    const built = await buildSite({
      'posts/a.md': post({ title: 'Gulf', date: '2025-03-01', slug: LONG_SLUG }),
    });
    expect(built.result.errors).toEqual([]);
    const slug = slugify(LONG_SLUG);
    expect(slug).not.toBe(LONG_SLUG);
    expect((await built.page(`/2025/03/${slug}/`))('h1').first().text()).toBe('Gulf');
    const warnings = built.result.warnings.filter((w) => w.name === 'LongSlug');
    expect(warnings.map((w) => [w.file, w.line, w.column])).toEqual([['posts/a.md', 4, 7]]);
  });

  it('keeps the Blogger redirect of a long label as a rule only, not a file', async () => {
    const built = await buildSite({
      'site.yaml': 'bloggerRedirects: true\n',
      'posts/a.md': post({ title: 'A', date: '2025-03-01', labels: `[${LONG_LABEL}]` }),
    });
    expect(built.result.errors).toEqual([]);
    expect(longestSegment(await built.files())).toBeLessThanOrEqual(MAX_SLUG_BYTES + 10);
    const rules = await built.text('/_redirects');
    expect(rules).toContain(`/labels/${encodeURIComponent(slugify(LONG_LABEL))}/`);
  });

  it('refuses a `labelSlugs` slug longer than the limit, naming the limit', async () => {
    const built = await buildSite({
      'site.yaml': `labelSlugs:\n  Oman: ${'o'.repeat(MAX_SLUG_BYTES + 1)}\n`,
      'posts/a.md': post({ title: 'A', date: '2025-03-01', labels: 'Oman' }),
    });
    expect(built.result.errors.map((e) => e.name)).toEqual(['ConfigInvalid']);
    expect(built.result.errors[0]?.message).toContain(`at most ${MAX_SLUG_BYTES} bytes`);
  });
});
