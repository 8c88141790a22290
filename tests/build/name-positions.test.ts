/**
 * The label and author problems of the model (`LabelVariants`, `LabelSlugCollision`,
 * `AuthorVariants`, `AuthorSlugCollision`) point at the line and column where the first
 * post showing the problem (newest first) writes the name; the same from a warm cache,
 * from worker threads and after an edit in `rubric dev`.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRebuilder } from '../../src/dev/rebuild.js';
import type { BuildError, BuildWarning } from '../../src/errors.js';
import { buildAt, buildSite, makeSite, NOW, writeFiles } from '../support/site.js';

/** `Name file:line:column` of each problem of the given names. */
function where(problems: readonly (BuildError | BuildWarning)[], ...names: string[]): string[] {
  return problems
    .filter((p) => names.includes(p.name))
    .map((p) => `${p.name} ${p.file}:${p.line}:${p.column}`);
}

/** A post with front matter of these lines, line 2 of the file onwards, and a body. */
function postFile(...frontMatter: string[]): string {
  return ['---', ...frontMatter, '---', '', 'Text.', ''].join('\n');
}

/** Front matter as blogs write it: the label or byline is not the first key, nor first in its list. */
const SITE = {
  'site.yaml': 'title: Gulf Notes\nbaseUrl: https://example.org/\n',
  'posts/2025-03-10-muscat.md': postFile(
    'title: "Talks in Muscat"',
    'date: 2025-03-10 09:00',
    'summary: The second round.',
    'labels:',
    '  - Oman',
    '  - nuclear talks',
    'author: Ann Lambton',
  ),
  'posts/2025-03-02-vienna.md': postFile(
    'title: Vienna again',
    'date: 2025-03-02',
    'tags: Iran,  Nuclear Talks',
    'authors:',
    '  - name: Omid Rahimi',
    '  - name: ann lambton',
  ),
  'posts/2025-02-20-gulf.md': postFile(
    'title: The Gulf',
    'date: 2025-02-20',
    'description: Shipping lanes.',
    'labels: [Gulf, Nuclear Talks]',
    'author: Ann Lambton',
  ),
  'posts/2025-01-15-oman.md': postFile(
    'title: Oman',
    'date: 2025-01-15',
    'labels: [nuclear talks, Oman]',
    'author: Ann Lambton',
  ),
  'posts/2025-01-05-talks.md': postFile(
    'title: Talks',
    'date: 2025-01-05',
    'labels: nuclear talks',
  ),
};

const VARIANTS = [
  // "Nuclear Talks" (2 posts) under "nuclear talks" (3): at the newer post writing it,
  // after `tags: Iran,  `.
  'LabelVariants posts/2025-03-02-vienna.md:4:14',
  // "ann lambton" under "Ann Lambton": the second `name:` of the list.
  'AuthorVariants posts/2025-03-02-vienna.md:7:11',
];

describe('where label and author problems are reported', () => {
  it('puts a variant spelling at the first post that writes it, still naming every file', async () => {
    const built = await buildSite(SITE, { cache: false });
    expect(built.result.errors).toEqual([]);
    expect(where(built.result.warnings, 'LabelVariants', 'AuthorVariants')).toEqual(VARIANTS);
    const label = built.result.warnings.find((w) => w.name === 'LabelVariants');
    expect(label?.message).toBe(
      'The label "nuclear talks" is also written "Nuclear Talks" (posts/2025-03-02-vienna.md, posts/2025-02-20-gulf.md); they are shown as one label, "nuclear talks".',
    );
  });

  it('puts a label slug collision at the first post writing the second name', async () => {
    const built = await buildSite(
      {
        'posts/2025-02-01-c.md':
          '---\ntitle: C\ndate: 2025-02-01\ntags:\n  - Programming\n  - C\n---\n',
        'posts/2025-01-20-cpp.md':
          '---\ntitle: C++\ndate: 2025-01-20\nsummary: Templates.\nlabels: Programming, c++\n---\n',
        'posts/2025-01-10-more.md': '---\ntitle: More\ndate: 2025-01-10\nlabels: [C++]\n---\n',
      },
      { cache: false },
    );
    expect(where(built.result.errors, 'LabelSlugCollision')).toEqual([
      // "c++" (the newest spelling of two) sorts after "C"; its newest post writes it at column 22.
      'LabelSlugCollision posts/2025-01-20-cpp.md:5:22',
    ]);
    expect(built.result.errors[0]?.message).toBe(
      'The labels "C" (posts/2025-02-01-c.md) and "c++" (posts/2025-01-10-more.md, posts/2025-01-20-cpp.md) would all be at /labels/c/.',
    );
  });

  it('puts an author slug collision at the first post writing the second name', async () => {
    const built = await buildSite(
      {
        'site.yaml': 'baseUrl: https://example.org/\n',
        'posts/2025-02-01-a.md':
          '---\ntitle: A\ndate: 2025-02-01\nauthors: [Omid Rahimi, Ann-Lambton]\n---\n',
        'posts/2025-01-20-b.md': '---\ntitle: B\ndate: 2025-01-20\n\nauthor: Ann Lambton\n---\n',
      },
      { cache: false },
    );
    expect(where(built.result.errors, 'AuthorSlugCollision')).toEqual([
      'AuthorSlugCollision posts/2025-02-01-a.md:4:24',
    ]);
  });

  it('names only the post when the name is the site author, written in no post', async () => {
    const built = await buildSite(
      {
        'site.yaml': 'baseUrl: https://example.org/\nauthor: ann lambton\n',
        'posts/2025-02-01-a.md': '---\ntitle: A\ndate: 2025-02-01\nauthor: Ann Lambton\n---\n',
        'posts/2025-01-20-b.md': '---\ntitle: B\ndate: 2025-01-20\n---\n',
        'posts/2025-01-10-c.md': '---\ntitle: C\ndate: 2025-01-10\nauthor: Ann Lambton\n---\n',
      },
      { cache: false },
    );
    expect(where(built.result.warnings, 'AuthorVariants')).toEqual([
      'AuthorVariants posts/2025-01-20-b.md:0:0',
    ]);
  });

  it('reports the same places from a warm cache as from a cold build', async () => {
    const root = await makeSite(SITE);
    const cold = await buildAt(root);
    const warm = await buildAt(root);
    expect(cold.result.cachedPosts).toBe(0);
    expect(warm.result.cachedPosts).toBe(5);
    expect(where(cold.result.warnings, 'LabelVariants', 'AuthorVariants')).toEqual(VARIANTS);
    expect(where(warm.result.warnings, 'LabelVariants', 'AuthorVariants')).toEqual(VARIANTS);
  });

  it('reports the same places when posts are parsed on worker threads', async () => {
    const root = await makeSite(SITE);
    const threaded = await buildAt(root, { cache: false, parallelFrom: 1 });
    expect(where(threaded.result.warnings, 'LabelVariants', 'AuthorVariants')).toEqual(VARIANTS);
  });

  it('moves the place in rubric dev when an edit moves the name, and keeps it on a body edit', async () => {
    const root = await makeSite(SITE);
    const rebuilder = createRebuilder({ root, now: () => NOW, outDir: path.join(root, 'dev') });
    const first = await rebuilder.rebuild();
    expect(where(first.run.warnings, 'LabelVariants')).toEqual([VARIANTS[0]]);
    const file = 'posts/2025-03-02-vienna.md';
    const moved = SITE[file].replace('tags: Iran,  ', 'summary: Round three.\ntags: Iran, ');
    await writeFiles(root, { [file]: moved });
    const edited = await rebuilder.rebuild([file]);
    expect(where(edited.run.warnings, 'LabelVariants')).toEqual([
      'LabelVariants posts/2025-03-02-vienna.md:5:13',
    ]);
    await writeFiles(root, { [file]: `${moved}More text.\n` });
    const body = await rebuilder.rebuild([file]);
    expect(where(body.run.warnings, 'LabelVariants')).toEqual([
      'LabelVariants posts/2025-03-02-vienna.md:5:13',
    ]);
  });
});
